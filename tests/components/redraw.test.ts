// A chart kept across changes (its unchanged rows, strips and scale reused, not redrawn) reads exactly as one drawn
// afresh: after every toggle, highlight, resize, language, sort, compact and wording change, the same SVG.
import { describe, expect, test } from 'vitest';
import { fireEvent, render } from '@testing-library/svelte';
import HeadlineView from '../../src/views/HeadlineView.svelte';
import { buildView } from '../../src/lib/data/views/headline';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import { syntheticWithBundled } from '../fixtures/synthetic';

const data = syntheticWithBundled(40, 20, 3);
const all = (data.cities.objects() as { id: string }[]).map((c) => c.id);
type State = { cities: string[]; focus: Set<string>; lang: 'en' | 'zh'; width: number; compact: boolean; sort: 'name' | 'value'; messages?: typeof en };
const propsOf = (s: State) => ({
  model: buildView(data, 'market', { cities: s.cities, order: all, sort: s.sort }),
  lang: s.lang,
  messages: s.messages ?? (s.lang === 'en' ? en : zh),
  showTable: false,
  emptyMessage: en.noCities,
  focus: s.focus,
  initialWidth: s.width,
  compact: s.compact,
});
const charts = (c: HTMLElement) =>
  [...c.querySelectorAll('svg[data-chart]')].map((svg) => svg.outerHTML.replace(/\b(id|aria-labelledby|aria-describedby|href)="[^"]*"/g, '').replace(/\bc\d+-/g, "c-"));

const base: State = { cities: all, focus: new Set(), lang: 'en', width: 800, compact: false, sort: 'value' };
const steps: [string, Partial<State>][] = [
  ['toggle a city off', { cities: all.filter((c) => c !== all[7]) }],
  ['highlight a bundled city', { focus: new Set(['changzhou']) }],
  ['highlight an imported city too', { focus: new Set(['changzhou', all[9]!]) }],
  ['unhighlight bundled', { focus: new Set([all[9]!]) }],
  ['resize narrower', { width: 500 }],
  ['resize phone', { width: 360 }],
  ['resize back', { width: 800 }],
  ['language zh', { lang: 'zh' }],
  ['language en', { lang: 'en' }],
  ['sort by name', { sort: 'name' }],
  ['compact', { compact: true }],
  ['not compact', { compact: false }],
  ['other messages', { messages: { ...en, stripKeys: 'KEYS CHANGED', highlighted: 'LIT' } }],
  ['messages back', { messages: undefined }],
  ['toggle city back', { cities: all }],
];

describe('a chart of many cities, changed step by step', () => {
  test('is the same after each change as a chart drawn afresh with the same settings', async () => {
    let state = base;
    const result = render(HeadlineView, propsOf(state));
    const mismatches: string[] = [];
    for (const [name, change] of steps) {
      state = { ...state, ...change };
      await result.rerender(propsOf(state));
      const fresh = render(HeadlineView, propsOf(state));
      const a = charts(result.container);
      const b = charts(fresh.container);
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        const i = a.findIndex((x, k) => x !== b[k]);
        const s = [...(a[i] ?? '')].findIndex((ch, k) => ch !== (b[i] ?? '')[k]);
        mismatches.push(`${name}: chart ${i} differs at ${s}: kept …${a[i]?.slice(s - 200, s + 150)}… fresh …${b[i]?.slice(s - 200, s + 150)}…`);
      }
      fresh.unmount();
    }
    expect(mismatches).toEqual([]);
  });

  test('the ring round the open card’s dot follows its strip when bars above push it down', async () => {
    let state = base;
    const result = render(HeadlineView, propsOf(state));
    const stop = result.container.querySelector<SVGElement>('[data-strip] circle.stop')!;
    await fireEvent.focus(stop);
    const ring = () => result.container.querySelector('circle.ring');
    const where = () => {
      const s = result.container.querySelector<SVGElement>(`[data-strip] circle.stop[data-mark="${stop.getAttribute('data-mark')}"]`)!;
      const band = Number(/translate\(0,([\d.-]+)\)/.exec(s.closest('[data-strip]')!.getAttribute('transform')!)![1]);
      return { cx: Number(s.getAttribute('cx')), cy: band + Number(s.getAttribute('cy')) };
    };
    expect(ring()).not.toBeNull();
    expect({ cx: Number(ring()!.getAttribute('cx')), cy: Number(ring()!.getAttribute('cy')) }).toEqual(where());
    state = { ...state, focus: new Set([all[3]!, all[4]!, all[5]!]) };
    await result.rerender(propsOf(state));
    expect({ cx: Number(ring()!.getAttribute('cx')), cy: Number(ring()!.getAttribute('cy')) }).toEqual(where());
  });
});

describe('what a reader left open or chose follows a toggle', () => {
  test('a pinned card whose city is turned off closes, and stays closed when the city comes back', async () => {
    const result = render(HeadlineView, propsOf(base));
    const stop = result.container.querySelector<SVGElement>('[data-strip] circle.stop')!;
    await fireEvent.keyDown(stop, { key: 'Enter' });
    const key = stop.getAttribute('data-mark')!;
    expect(result.container.querySelector(`[data-card="${key}"]`)).not.toBeNull();
    const city = (data.figures.objects() as { id: string; city: string }[]).find((f) => f.id === key)!.city;
    await result.rerender(propsOf({ ...base, cities: all.filter((c) => c !== city) }));
    expect(result.container.querySelector('[data-card]')).toBeNull();
    await result.rerender(propsOf(base));
    expect(result.container.querySelector('[data-card]')).toBeNull();
  });

  test('a strip keeps its key when a toggle makes another rank set outgrow it', () => {
    const keysOf = (cities: string[]) => {
      const result = render(HeadlineView, propsOf({ ...base, cities }));
      const keys = [...result.container.querySelectorAll('[data-strip]')].map((strip) => strip.getAttribute('data-strip'));
      result.unmount();
      return keys;
    };
    const before = keysOf(all);
    for (const key of before) expect(key).not.toMatch(/rank_set:\d+$/);
    // Fewer cities: sets shrink unevenly, and every strip still drawn has the key it had.
    const after = keysOf(all.slice(0, 25));
    expect(after.filter((key) => !before.includes(key))).toEqual([]);
  });

  test('a table paged to its end and cut to one page starts again at its first page when it grows back', async () => {
    const result = render(HeadlineView, { ...propsOf({ ...base, sort: 'name' }), showTable: true });
    const pager = () => result.container.querySelector('[data-table-pages] [aria-live]')?.textContent ?? '';
    const next = () => [...result.container.querySelectorAll<HTMLButtonElement>('[data-table-pages] > button')][1]!;
    expect(pager()).toMatch(/^Figures 1–/);
    while (!next().disabled) await fireEvent.click(next());
    expect(pager()).not.toMatch(/^Figures 1–/);
    await result.rerender({ ...propsOf({ ...base, sort: 'name', cities: all.slice(0, 3) }), showTable: true });
    await result.rerender({ ...propsOf({ ...base, sort: 'name' }), showTable: true });
    expect(pager()).toMatch(/^Figures 1–/);
  });
});
