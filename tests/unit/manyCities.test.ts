// What an analyst with hundreds of cities notices: a panel past a dozen figures becomes strips with the followed
// cities labelled, and the notes, summary and source line stay a few sentences instead of running for metres.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ChartRow } from '../../src/lib/charts/types';
import { buildView, VIEW_IDS } from '../../src/lib/data/views/headline';
import { describeView, NAMED_CITIES, NAMED_DOCUMENTS, sourceLine } from '../../src/lib/i18n/describe';
import { catalogues } from '../../src/lib/i18n';
import { DISTRIBUTION_FROM, keepUnchanged, toChartRows } from '../../src/views/chartRows';
import { figure, fixtureDataset } from '../fixtures/figures';
import { syntheticDataset, syntheticWithBundled } from '../fixtures/synthetic';

describe('the switch to strips', () => {
  const panelOf = (count: number) => {
    const cities = Array.from({ length: count }, (_, i) => `c${i + 10}`);
    const data = fixtureDataset(
      cities.map((city, i) => figure({ id: `${city}-rd`, city, category: 'rd_intensity', measure: 'share_of_gdp', unit: '%', value: 1 + i / 10, scope_class: 'economy_wide', scope_zh: '全社会', scope_en: 'economy-wide' })),
      cities,
    );
    const view = buildView(data, 'rd', { cities, sort: 'name' });
    const panel = view.panels[0]!;
    return (focus: Set<string> = new Set()) => toChartRows(panel.group, panel.figures, view.sort, panel.sectioned, 'en', catalogues.en, false, focus);
  };

  test(`${DISTRIBUTION_FROM} figures are ${DISTRIBUTION_FROM} labelled bars; one more and they are one strip of dots`, () => {
    const twelve = panelOf(DISTRIBUTION_FROM)();
    expect(twelve.filter((r) => r.dots)).toHaveLength(0);
    expect(twelve).toHaveLength(DISTRIBUTION_FROM);
    const thirteen = panelOf(DISTRIBUTION_FROM + 1)();
    expect(thirteen).toHaveLength(1);
    expect(thirteen[0]!.dots).toHaveLength(DISTRIBUTION_FROM + 1);
  });

  test('a highlighted city keeps a labelled bar and its colour beside the strip; the others are grey dots', () => {
    const rows = panelOf(20)(new Set(['c15']));
    const bars = rows.filter((r) => !r.dots);
    expect(bars.map((r) => r.key)).toEqual(['c15-rd']);
    const dots = rows.find((r) => r.dots)!.dots!;
    expect(dots.filter((d) => d.color !== 'var(--city-context)').map((d) => d.key)).toEqual(['c15-rd']);
    // Dots run in value order, so the arrow keys walk a strip from the lowest to the highest.
    expect(dots.map((d) => d.value)).toEqual([...dots.map((d) => d.value)].sort((a, b) => a - b));
  });
});

test('a strip says how many more cities state no figure: each city once, and none that states a figure in the panel', () => {
  const cities = Array.from({ length: 16 }, (_, i) => `c${i + 10}`);
  const rd = { category: 'rd_intensity', measure: 'share_of_gdp', unit: '%', scope_class: 'economy_wide', scope_zh: '全社会', scope_en: 'economy-wide' } as const;
  const notStated = (id: string, city: string, period: string) => figure({ ...rd, id, city, period, kind: 'not_stated', value: null, qualifier: null });
  const data = fixtureDataset(
    [
      ...cities.slice(0, 14).map((city, i) => figure({ ...rd, id: `${city}-rd`, city, value: 1 + i / 10 })),
      // A city stating a 2023 figure, with its 2022 row not stated: it has a dot, and is no city stating nothing.
      notStated('c10-2022', 'c10', '2022'),
      // A city with three rows not stated is one city.
      ...['2021', '2022', '2023'].map((period) => notStated(`c24-${period}`, 'c24', period)),
      notStated('c25-2023', 'c25', '2023'),
    ],
    cities,
  );
  const view = buildView(data, 'rd', { cities, sort: 'name' });
  const panel = view.panels[0]!;
  for (const lang of ['en', 'zh'] as const) {
    const labels = toChartRows(panel.group, panel.figures, view.sort, panel.sectioned, lang, catalogues[lang], false).map((r) => r.label);
    expect(labels.join(' | '), lang).toContain(catalogues[lang].stripMissing(2));
  }
  // Highlighted, the city with three years not stated in its one plan has three labelled marks: each names its year.
  const missing = toChartRows(panel.group, panel.figures, view.sort, panel.sectioned, 'en', catalogues.en, false, new Set(['c24']))
    .filter((r) => r.key.startsWith('c24-'))
    .map((r) => r.missingLabel);
  expect(missing).toEqual([
    'Not stated in City C24’s 2023 work plan (for 2021)',
    'Not stated in City C24’s 2023 work plan (for 2022)',
    'Not stated in City C24’s 2023 work plan',
  ]);
});

describe('words about 300 cities', () => {
  const data = syntheticDataset(300, 20, 1);
  const cities = (data.cities.array('id') as string[]).slice();

  for (const lang of ['en', 'zh'] as const) {
    test(`in ${lang}, each view's notes are a handful, none names more than ${NAMED_CITIES} cities, and the source line a dozen documents`, () => {
      const m = catalogues[lang];
      for (const id of VIEW_IDS) {
        const view = buildView(data, id, { cities, sort: 'name' });
        const words = describeView(view, lang, m);
        expect(words.notes.length, id).toBeLessThan(15);
        for (const note of words.notes) expect(note.length, `${id}: ${note.slice(0, 80)}`).toBeLessThan(1200);
        expect(words.summary.length, id).toBeLessThan(2000);
        const line = sourceLine(words.documents, false, m);
        expect(words.documents.length).toBeGreaterThan(NAMED_DOCUMENTS);
        expect(line).toContain(m.moreDocuments(words.documents.length - NAMED_DOCUMENTS));
        expect(line.length, id).toBeLessThan(2000);
      }
    });
  }
});

describe('a toggle among hundreds of cities redraws only the rows it changes', () => {
  // Sixty cities, two of them bundled ones (always labelled, in their own colour, highlighted or not).
  const data = syntheticWithBundled(60, 12, 3);
  const all = (data.cities.objects() as { id: string }[]).map((c) => c.id);
  const rowsOf = (cities: string[], focus: Set<string>, lang: 'en' | 'zh', sort: 'value' | 'name' = 'value') =>
    VIEW_IDS.flatMap((id) => {
      const view = buildView(data, id, { cities, order: all, sort });
      return view.panels.map((panel) => ({ key: `${id}:${panel.key}`, rows: toChartRows(panel.group, panel.figures, view.sort, panel.sectioned, lang, catalogues[lang], false, focus) }));
    });
  /** A row as a reader meets it: every field, and each dot's look and words. */
  const seen = (row: ChartRow) => ({ ...row, dots: row.dots?.map((d) => ({ key: d.key, value: d.value, color: d.color, fill: d.fill, dashed: d.dashed, label: d.label, description: d.description })) });

  test('what is kept reads exactly as what was made, whatever the toggles, highlights and language', () => {
    const step = fc.record({
      // A few cities, so the same one is toggled and highlighted again, and highlights come and go around it.
      city: fc.integer({ min: 0, max: 4 }),
      highlight: fc.boolean(),
      lang: fc.constantFrom('en' as const, 'zh' as const),
      sort: fc.constantFrom('value' as const, 'name' as const),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        let cities = [...all];
        let focus = new Set<string>();
        let drawn = new Map<string, ChartRow[]>();
        for (const { city, highlight, lang, sort } of steps) {
          const id = all[city]!;
          if (highlight) focus = focus.has(id) ? new Set([...focus].filter((c) => c !== id)) : new Set([...focus, id]);
          else cities = cities.includes(id) ? cities.filter((c) => c !== id) : [...cities, id];
          const next = new Map<string, ChartRow[]>();
          for (const panel of rowsOf(cities, focus, lang, sort)) {
            const kept = keepUnchanged(panel.rows, drawn.get(panel.key) ?? []);
            // In the order made too: a sort may only reorder rows that are each unchanged.
            expect(kept.map(seen)).toEqual(panel.rows.map(seen));
            next.set(panel.key, kept);
          }
          drawn = next;
        }
      }),
      { numRuns: 60 },
    );
  });

  test('taking one city away keeps each row it leaves unchanged as the same object; a highlight makes its rows new', () => {
    const cityOf = new Map((data.figures.objects() as { id: string; city: string }[]).map((f) => [f.id, f.city]));
    const has = (row: ChartRow, city: string) => cityOf.get(row.key) === city || !!row.dots?.some((d) => cityOf.get(d.key) === city);
    const before = rowsOf(all, new Set(), 'en');
    const city = all[7]!;
    let kept = 0;
    for (const [i, panel] of rowsOf(all.filter((c) => c !== city), new Set(), 'en').entries()) {
      const old = new Map(before[i]!.rows.map((row) => [row.key, row]));
      for (const row of keepUnchanged(panel.rows, before[i]!.rows)) {
        const was = old.get(row.key);
        const unchanged = was !== undefined && JSON.stringify(seen(was)) === JSON.stringify(seen(row));
        if (unchanged) kept++;
        expect(row === was).toBe(unchanged);
      }
    }
    expect(kept).toBeGreaterThan(0);
    let lit = 0;
    for (const [i, panel] of rowsOf(all, new Set([city]), 'en').entries())
      for (const row of keepUnchanged(panel.rows, before[i]!.rows).filter((r) => has(r, city))) {
        expect(before[i]!.rows).not.toContain(row);
        lit++;
      }
    expect(lit).toBeGreaterThan(0);
  });
});
