import { describe, expect, test } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import HeadlineView from '../../src/views/HeadlineView.svelte';
import { bundledDataset } from '../../src/lib/data/bundled';
import { buildView } from '../../src/lib/data/views/headline';
import { CITY_IDS } from '../../src/lib/data/schema';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import { describeView } from '../../src/lib/i18n/describe';
import { toTables } from '../../src/lib/data/dataset';
import { syntheticRows } from '../fixtures/synthetic';
import { figure, fixtureDataset } from '../fixtures/figures';

const model = (view: 'rd' | 'firms' | 'market', cities: string[] = [...CITY_IDS]) =>
  buildView(bundledDataset(), view, { cities, sort: 'name' });

const renderView = (view: 'rd' | 'firms' | 'market', showTable = false) =>
  render(HeadlineView, { model: model(view), lang: 'en', messages: en, showTable, emptyMessage: en.noCities });

describe('HeadlineView', () => {
  test('Huaibei gets an explicit "not stated" slot in the R&D chart, not a bar', () => {
    const { container } = renderView('rd');
    const slot = container.querySelector('[data-mark="huaibei-2023-rd-intensity-not-stated"]')!;
    expect(slot).toHaveTextContent('Not stated in Huaibei’s 2023 progress report');
    expect(slot.querySelector('rect.bar')).toBeNull();
  });

  test('focusing a mark opens a tooltip with the verbatim quote and the document', async () => {
    const { container } = renderView('rd');
    await fireEvent.focus(container.querySelector('[data-mark="wuhu-2023-rd-intensity"]')!);
    const tip = screen.getByRole('tooltip');
    expect(tip).toHaveTextContent('全社会研发投入强度力争达到3.5%');
    expect(tip).toHaveTextContent('Wuhu Science and Technology Bureau: key work points for 2023');
    expect(tip).toHaveTextContent('strive for');
  });

  test('Enter pins the detail panel and Escape dismisses it', async () => {
    const { container } = renderView('market');
    const mark = container.querySelector<SVGElement>('[data-mark="huaibei-2023-05-tech-market-absorbed"]')!;
    await fireEvent.keyDown(mark, { key: 'Enter' });
    expect(container.querySelector('[data-card][data-pinned="true"]')).toHaveTextContent('50.61');
    await fireEvent.keyDown(mark, { key: 'Escape' });
    expect(container.querySelector('[data-card]')).toBeNull();
  });

  test('the comparability note is visible, not only in a tooltip', () => {
    renderView('rd');
    expect(screen.getByText(/Tongxiang’s figure is set apart and not ranked: it covers industrial firms above designated size \(规上工业\) only/)).toBeVisible();
  });

  test('the table twin lists the same figures as the chart', () => {
    const { container } = renderView('firms', true);
    const table = screen.getByRole('table');
    const chartMarks = model('firms').marks.map((m) => m.id);
    expect([...table.querySelectorAll('tbody tr[data-row]')].map((tr) => tr.getAttribute('data-row'))).toEqual(chartMarks);
    // Each panel starts with a heading row, so no sort seems to rank figures across panels.
    expect(table.querySelectorAll('tr[data-table-heading]').length).toBeGreaterThanOrEqual(model('firms').panels.length);
    expect(within(table).getByText('分别新增高新技术企业、科技型中小企业300家以上')).toBeInTheDocument();
    // A restated figure is one row; its other wording is on its card, not a second row.
    expect(table.querySelector('[data-row="huangshi-2021-high-tech-firms-new"]')).toBeNull();
    expect(container.querySelector('[data-mark]')).toBeNull();
  });

  test('a figure stated twice shows both wordings on its card', async () => {
    const { container } = renderView('firms');
    await fireEvent.focus(container.querySelector('[data-mark="huangshi-2021-high-tech-firms-net-increase"]')!);
    const tip = screen.getByRole('tooltip');
    expect(tip).toHaveTextContent('净增高新技术企业70家以上');
    expect(tip).toHaveTextContent('实现全年新增高新技术企业70家以上');
  });

  test('a set-apart mark is dashed and its card says why', async () => {
    const { container } = renderView('rd');
    const mark = container.querySelector('[data-mark="tongxiang-2023-rd-intensity-share-of-gdp"]')!;
    expect(mark.querySelector('rect.bar')).toHaveAttribute('data-dashed', 'true');
    await fireEvent.focus(mark);
    expect(container.querySelector('[data-comparability="set_apart"]')).toHaveTextContent('industrial firms above designated size');
  });

  test('with no city selected the view says so instead of drawing an empty chart', () => {
    render(HeadlineView, { model: model('rd', []), lang: 'en', messages: en, showTable: false, emptyMessage: en.noCities });
    expect(screen.getByText(en.noCities)).toBeInTheDocument();
  });
});

describe('HeadlineView with many cities', () => {
  // Forty synthetic cities, one with markup in its name, which must read back as text.
  const rows = syntheticRows(40, 20, 3);
  const odd = rows.cities[7]!;
  odd.name_en = `<b>Odd</b> & "Co's"`;
  const manyModel = buildView(toTables(rows), 'market', { cities: rows.cities.map((c) => c.id), sort: 'name' });

  const valueOf = new Map(rows.figures.map((f) => [f.id, f.value]));
  /** How many dots a strip draws: each is one circle (one M) in one of its paths. */
  const dotsIn = (strip: Element) => [...strip.querySelectorAll('path.dots')].reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g) ?? []).length, 0);
  const stopsIn = (container: HTMLElement) => [...container.querySelectorAll<SVGElement>('[data-strip] circle[data-mark]')];

  test('Tab goes down the page: a strip, then the highlighted cities’ bars under it, then the next strip', () => {
    const focus = new Set(rows.cities.slice(0, 6).map((c) => c.id));
    const { container } = render(HeadlineView, { model: manyModel, lang: 'en', messages: en, showTable: false, emptyMessage: en.noCities, focus });
    for (const svg of container.querySelectorAll('svg[data-chart]')) {
      const stops = [...svg.querySelectorAll<SVGElement>('[tabindex="0"]')];
      // A strip's stop sits within its band, which is moved into place whole.
      const band = (el: SVGElement) => Number(/translate\(0,([\d.-]+)\)/.exec(el.closest('[data-strip]')!.getAttribute('transform')!)![1]);
      const top = (el: SVGElement) => (el.tagName === 'circle' ? band(el) + Number(el.getAttribute('cy')) : Number(el.querySelector('.hit')!.getAttribute('y')));
      const kinds = stops.map((el) => (el.tagName === 'circle' ? 'strip' : 'bar'));
      if (!kinds.includes('strip') || !kinds.includes('bar')) continue;
      const tops = stops.map(top);
      expect(tops, kinds.join(' ')).toEqual([...tops].sort((a, b) => a - b));
    }
    expect(container.querySelectorAll('g.row[data-mark][tabindex="0"]').length).toBeGreaterThan(0);
  });

  test('on a phone the strips take the whole width; a bar reaching the right holds its value label inside', () => {
    const focus = new Set(rows.cities.slice(0, 6).map((c) => c.id));
    const { container } = render(HeadlineView, { model: manyModel, lang: 'en', messages: en, showTable: false, emptyMessage: en.noCities, focus, initialWidth: 360 });
    const svg = container.querySelector<SVGSVGElement>('svg[data-chart]')!;
    const rightmost = Math.max(...[...svg.querySelectorAll('.axis line')].map((line) => Number(line.getAttribute('x1'))));
    expect(rightmost, 'the scale runs to the right edge, less a dot').toBeGreaterThan(360 - 20);
    // Inside: against the bar's end, or from the chart's left edge when the bar is too short to hold it.
    for (const value of container.querySelectorAll<SVGTextElement>('text.value[data-inside]'))
      expect(value.getAttribute('text-anchor') === 'end' || value.getAttribute('x') === '6').toBe(true);
    expect(container.querySelectorAll('text.value[data-inside]').length).toBeGreaterThan(0);
  });

  test('a long table twin pages by figures: its pager counts figures, never the heading rows between them', async () => {
    const big = syntheticRows(120, 20, 3);
    const bigModel = buildView(toTables(big), 'firms', { cities: big.cities.map((c) => c.id), sort: 'value' });
    const figures = bigModel.figures.length;
    const { container } = render(HeadlineView, { model: bigModel, lang: 'en', messages: en, showTable: true, emptyMessage: en.noCities });
    const pager = () => container.querySelector('[data-table-pages] [aria-live]')!.textContent;
    const drawn = () => container.querySelectorAll('tbody tr[data-row]').length;
    expect(container.querySelectorAll('tr[data-table-heading]').length).toBeGreaterThan(1);
    expect(pager()).toBe(`Figures 1–${drawn()} of ${figures}`);
    const first = drawn();
    await fireEvent.click(screen.getByRole('button', { name: en.tablePages.next }));
    expect(pager()).toBe(`Figures ${first + 1}–${first + drawn()} of ${figures}`);
  });

  test('each strip is one Tab stop, a named and described slider over its dots; the dots are drawn as a few paths, not hundreds of elements', () => {
    const { container } = render(HeadlineView, { model: manyModel, lang: 'en', messages: en, showTable: false, emptyMessage: en.noCities });
    const strips = [...container.querySelectorAll('[data-strip]')];
    expect(strips.length).toBeGreaterThan(0);
    for (const strip of strips) {
      const stops = strip.querySelectorAll<SVGElement>('[data-mark]');
      expect(stops).toHaveLength(1);
      expect(stops[0]!.getAttribute('role')).toBe('slider');
      expect(stops[0]!.getAttribute('aria-valuemax')).toBe(String(dotsIn(strip)));
      expect(stops[0]!.getAttribute('tabindex')).toBe('0');
      const description = container.querySelector(`#${CSS.escape(stops[0]!.getAttribute('aria-describedby')!)}`)?.textContent ?? '';
      expect(description).not.toBe('');
      // Sentences a screen reader reads apart: each ends with a full stop and a space, the next starts upper case.
      expect(description).not.toMatch(/\.[A-Za-z]|\. [a-z]/);
    }
    // Every stated figure of the panels is drawn, as a circle in one of its strip's paths.
    const stated = manyModel.panels.flatMap((panel) => panel.figures).filter((figure) => figure.mark.value !== null).length;
    expect(strips.reduce((n, strip) => n + dotsIn(strip), 0)).toBe(stated);
  });

  test('arrow keys walk a strip in value order, Home and End reach its ends; a name with markup reads back verbatim; Enter pins its card', async () => {
    const { container } = render(HeadlineView, { model: manyModel, lang: 'en', messages: en, showTable: false, emptyMessage: en.noCities });
    const strip = [...container.querySelectorAll<SVGElement>('[data-strip]')].sort((a, b) => dotsIn(b) - dotsIn(a))[0]!;
    const stopKey = () => strip.querySelector('[data-mark]')!.getAttribute('data-mark')!;
    const stop = strip.querySelector<SVGElement>('[data-mark]')!;
    stop.focus();
    const walked = [stopKey()];
    for (let i = 0; i < 60; i++) {
      await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
      if (stopKey() === walked.at(-1)) break;
      walked.push(stopKey());
      // The slider moved to the next dot, and the focus stayed on it: it says which dot of how many.
      expect(document.activeElement).toBe(stop);
      expect(stop.getAttribute('aria-valuenow')).toBe(String(walked.length));
    }
    expect(walked).toHaveLength(dotsIn(strip));
    const values = walked.map((key) => valueOf.get(key)!);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await fireEvent.keyDown(strip.querySelector('[data-mark]')!, { key: 'Home' });
    expect(stopKey()).toBe(walked[0]);
    await fireEvent.keyDown(strip.querySelector('[data-mark]')!, { key: 'End' });
    expect(stopKey()).toBe(walked.at(-1));

    // The odd city's dot: walk each strip until the stop is on it.
    let oddStop: SVGElement | undefined;
    for (const each of container.querySelectorAll<SVGElement>('[data-strip]')) {
      await fireEvent.keyDown(each.querySelector('[data-mark]')!, { key: 'Home' });
      for (let i = 0; i < 60 && !oddStop; i++) {
        const stop = each.querySelector<SVGElement>('[data-mark]')!;
        if (stop.getAttribute('aria-valuetext')!.startsWith(odd.name_en)) oddStop = stop;
        else await fireEvent.keyDown(stop, { key: 'ArrowRight' });
      }
      if (oddStop) break;
    }
    expect(oddStop, 'the name with markup is text, not markup').toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
    await fireEvent.keyDown(oddStop!, { key: 'Enter' });
    expect(container.querySelector('[data-card][data-pinned="true"]')).toHaveTextContent('Odd');
    // The open card's dot is ringed.
    expect(container.querySelectorAll('circle.ring')).toHaveLength(1);
    expect(stopsIn(container).length).toBe(container.querySelectorAll('[data-strip]').length);
  });
});

describe('the words under a chart', () => {
  const summaryOf = (container: HTMLElement) => container.querySelector('p.summary')!.textContent;
  const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  test('follow a city toggle once the chart is drawn, and then name the cities shown', async () => {
    const result = render(HeadlineView, { model: model('rd'), lang: 'en', messages: en, showTable: false, emptyMessage: en.noCities });
    expect(summaryOf(result.container)).toContain('Tongxiang');
    await result.rerender({ model: model('rd', ['wuhu', 'changzhou', 'huaibei', 'huangshi']) });
    // The chart is redrawn at once: Tongxiang's bar is gone.
    expect(result.container.querySelector('[data-mark^="tongxiang"]')).toBeNull();
    await nextPaint();
    expect(summaryOf(result.container)).not.toContain('Tongxiang');
    expect(result.container.querySelector('.notes')!.textContent).not.toContain('Tongxiang');
  });

  test('of another view or language are never shown under it, not even for a frame, nor are its table twin’s rows', async () => {
    const result = render(HeadlineView, { model: model('rd'), lang: 'en', messages: en, showTable: false, emptyMessage: en.noCities });
    const twinRows = () => [...result.container.querySelectorAll('tbody tr[data-row]')].map((tr) => tr.getAttribute('data-row'));
    const firms = model('firms');
    const firmsIds = new Set(firms.marks.map((mark) => mark.id));
    await result.rerender({ model: firms });
    expect(summaryOf(result.container)).toBe(describeView(firms, 'en', en).summary);
    // The twin holds no R&D row under its new caption: none for that frame, then the firms rows.
    expect(twinRows().filter((id) => !firmsIds.has(id!))).toEqual([]);
    await nextPaint();
    expect(twinRows()).toEqual(firms.marks.map((mark) => mark.id));
    const cityCells = () => [...result.container.querySelectorAll('tbody tr[data-row] th')].map((th) => th.textContent!);
    expect(cityCells()).toContain(firms.marks[0]!.city_en);
    await result.rerender({ model: firms, lang: 'zh', messages: zh });
    expect(summaryOf(result.container)).toBe(describeView(firms, 'zh', zh).summary);
    expect(cityCells().filter((name) => name.includes(firms.marks[0]!.city_en))).toEqual([]);
    await nextPaint();
    expect(cityCells()).toContain(firms.marks[0]!.city_zh);
  });
});

describe('a pile of equal values', () => {
  test('says how many dots it holds, and a highlighted city’s dot there is drawn over the count, on a lane of its own', () => {
    const cities = Array.from({ length: 40 }, (_, i) => `p${i + 10}`);
    const rd = (city: string) =>
      figure({ id: `${city}-rd`, city, category: 'rd_intensity', measure: 'share_of_gdp', unit: '%', value: 2.5, scope_class: 'economy_wide', scope_zh: '全社会', scope_en: 'economy-wide' });
    const data = fixtureDataset(cities.map(rd), cities);
    const focus = new Set(['p20']);
    const { container } = render(HeadlineView, { model: buildView(data, 'rd', { cities, sort: 'name' }), lang: 'en', messages: en, showTable: false, emptyMessage: '', focus });
    const strip = container.querySelector('[data-strip]')!;
    const count = strip.querySelector('text.pile')!;
    expect(count.textContent).toBe('40');
    const coloured = [...strip.querySelectorAll('path.dots')].find((path) => path.getAttribute('style')?.includes('var(--city-') && !path.getAttribute('style')?.includes('context'))!;
    expect(coloured, 'the highlighted city’s dot').toBeTruthy();
    expect(count.compareDocumentPosition(coloured) & Node.DOCUMENT_POSITION_FOLLOWING, 'drawn after the count').toBeTruthy();
    // Off the middle lane, where the count is written.
    expect(coloured.getAttribute('d')).not.toContain(`,${count.getAttribute('y')}a`);
  });
});

describe('a fall', () => {
  test('a negative growth rate runs left from zero, inside the plot, with its value right of zero', () => {
    const cities = ['c10', 'c11', 'c12'];
    const growth = (city: string, value: number) =>
      figure({ id: `${city}-growth`, city, category: 'tech_market', measure: 'growth', unit: '%', kind: 'actual', value, label_en: 'Turnover growth' });
    const data = fixtureDataset([growth('c10', -20), growth('c11', 10), growth('c12', 30)], cities);
    const { container } = render(HeadlineView, { model: buildView(data, 'market', { cities, sort: 'name' }), lang: 'en', messages: en, showTable: false, emptyMessage: '' });
    const zero = [...container.querySelectorAll('.axis text')].find((t) => t.textContent === '0%');
    expect(zero, 'zero is a tick inside the axis, not its left end').toBeTruthy();
    const x0 = Number(zero!.getAttribute('x'));
    const bar = (id: string) => container.querySelector(`[data-mark="${id}"] rect.bar`)!;
    const fall = bar('c10-growth');
    const left = Number(fall.getAttribute('x'));
    expect(left, 'the fall starts inside the plot').toBeGreaterThanOrEqual(0);
    expect(left + Number(fall.getAttribute('width'))).toBe(x0);
    expect(Number(bar('c11-growth').getAttribute('x'))).toBe(x0);
    // A fall of twenty points is twice as long as a rise of ten: one scale both ways (to the pixel: coordinates are rounded).
    expect(Math.abs(Number(fall.getAttribute('width')) - 2 * Number(bar('c11-growth').getAttribute('width')))).toBeLessThanOrEqual(2);
    const value = container.querySelector('[data-mark="c10-growth"] text.value')!;
    expect(value.textContent).toContain('20');
    expect(Number(value.getAttribute('x'))).toBeGreaterThan(x0);
  });
});
