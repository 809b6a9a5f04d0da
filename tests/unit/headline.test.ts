// The headline views as fixed settings of compare(): panels, set-apart figures, notes and summary codes, and their words.
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../src/lib/data/bundled';
import { CITY_IDS } from '../../src/lib/data/schema';
import { buildView, headlineUnits, type ViewModel } from '../../src/lib/data/views/headline';
import { describeView } from '../../src/lib/i18n/describe';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import { figure, fixtureDataset } from '../fixtures/figures';

const rd = { category: 'rd_intensity', measure: 'share_of_gdp', unit: '%' } as const;
const fixture = fixtureDataset(
  [
    figure({ id: 'a-rd', city: 'a', ...rd, value: 3.5, scope_class: 'economy_wide', scope_zh: '全社会', scope_en: 'economy-wide', commitment: 'strive' }),
    figure({ id: 'b-rd', city: 'b', ...rd, period: '2021', value: 2, scope_class: 'economy_wide', scope_zh: '全社会', scope_en: 'economy-wide' }),
    figure({ id: 'c-rd', city: 'c', ...rd, value: 4, scope_class: 'above_size_industry', scope_zh: '规上工业', scope_en: 'industrial firms above designated size' }),
    figure({ id: 'd-rd', city: 'd', ...rd, kind: 'not_stated' }),
    figure({ id: 'a-new', city: 'a', category: 'high_tech_firms', measure: 'new', qualifier: 'at_least', value: 300 }),
    figure({ id: 'a-new-2', city: 'a', category: 'high_tech_firms', measure: 'new', qualifier: 'at_least', value: 300, restates: 'a-new', quote: '再次新增300家以上' }),
    figure({ id: 'b-stock', city: 'b', category: 'high_tech_firms', measure: 'stock', kind: 'actual', period: '2022', value: 291 }),
    figure({ id: 'b-quota', city: 'b', category: 'high_tech_firms', measure: 'net_increase', kind: 'guidance', value: 96 }),
  ],
  ['a', 'b', 'c', 'd'],
);
const options = { cities: ['a', 'b', 'c', 'd'], sort: 'name' as const };
const words = (view: ViewModel, lang: 'en' | 'zh' = 'en') => describeView(view, lang, lang === 'en' ? en : zh);

describe('buildView with the reading order', () => {
  const order = ['d', 'c', 'b', 'a'];
  test('draws a selection as it would without the order, its cities in reading order', () => {
    const withOrder = buildView(fixture, 'rd', { cities: ['a', 'c', 'd'], order, sort: 'name' });
    const inOrder = buildView(fixture, 'rd', { cities: ['d', 'c', 'a'], sort: 'name' });
    expect(withOrder.figures.map((f) => [f.mark.id, f.status, f.reasons])).toEqual(inOrder.figures.map((f) => [f.mark.id, f.status, f.reasons]));
    expect(withOrder.notes.map((n) => n.code)).toEqual(inOrder.notes.map((n) => n.code));
  });

  test('a toggle hands back the marks it made before (nothing is copied again), and never a city left out', () => {
    const all = buildView(fixture, 'rd', { cities: order, order, sort: 'name' });
    const fewer = buildView(fixture, 'rd', { cities: ['a', 'b'], order, sort: 'name' });
    const again = buildView(fixture, 'rd', { cities: order, order, sort: 'name' });
    expect(fewer.marks.map((x) => x.city).sort()).toEqual(['a', 'b']);
    for (const mark of fewer.marks) expect(all.marks).toContain(mark);
    expect(again.marks).toEqual(all.marks);
    again.marks.forEach((mark, i) => expect(mark).toBe(all.marks[i]));
  });
});

describe('who is said to state no figure', () => {
  test('a city with one stated figure and one not-stated row is never said to state none (the notes list the row)', () => {
    const data = fixtureDataset(
      [
        figure({ id: 'a-2021', city: 'a', ...rd, period: '2021', kind: 'actual', value: 2.5, scope_class: 'economy_wide' }),
        figure({ id: 'a-2022', city: 'a', ...rd, period: '2022', kind: 'not_stated' }),
        figure({ id: 'b-2022', city: 'b', ...rd, period: '2022', value: 3, scope_class: 'economy_wide' }),
        figure({ id: 'c-2022', city: 'c', ...rd, period: '2022', kind: 'not_stated' }),
      ],
      ['a', 'b', 'c'],
    );
    const text = words(buildView(data, 'rd', { cities: ['a', 'b', 'c'], sort: 'name' }));
    expect(text.summary).toContain('City C states no figure at all');
    expect(text.summary).not.toMatch(/City A[^.]*no figure/);
    expect(text.notes.join(' ')).toMatch(/No figure stated: .*City A/);
  });

  test('a note names its cities in reading order, not panel by panel', () => {
    const firm = (city: string, measure: string, period: string) =>
      figure({ id: `${city}-${measure}`, city, category: 'high_tech_firms', measure, period, value: 10 });
    const data = fixtureDataset([firm('b', 'new', '2021'), firm('a', 'stock', '2021'), firm('c', 'new', '2023'), firm('d', 'stock', '2023')], ['a', 'b', 'c', 'd']);
    const notes = words(buildView(data, 'firms', { cities: ['a', 'b', 'c', 'd'], sort: 'name' })).notes.join(' ');
    expect(notes).toContain('2021 (City A and City B)');
  });
});

describe('buildView', () => {
  test('R&D view keeps the not-stated city as an explicit missing figure, last', () => {
    const view = buildView(fixture, 'rd', options);
    const last = view.figures.at(-1)!;
    expect(last).toMatchObject({ status: 'missing', mark: { city: 'd', kind: 'not_stated', value: null } });
  });

  test('a narrower scope is set apart, says why in words made from its code, and is never called highest', () => {
    const view = buildView(fixture, 'rd', { ...options, cities: ['a', 'c', 'd'] });
    expect(view.notes).toContainEqual(expect.objectContaining({ code: 'set_apart', reasons: ['scope'] }));
    const text = words(view);
    expect(text.notes.join(' ')).toContain(
      'City C’s figure is set apart and not ranked: it covers industrial firms above designated size (规上工业) only',
    );
    // City A's is the only comparable target: it is not "highest" of anything.
    expect(text.summary).not.toContain('aims highest');
    expect(text.summary).toContain('City C’s figure is set apart and not ranked.');
    expect(text.summary).toContain('City D states no figure');
    expect(words(view, 'zh').notes.join('')).toContain('c城的数据单列，不参与排序：仅覆盖规上工业');
  });

  test('targets for different years are not ranked', () => {
    const view = buildView(fixture, 'rd', options);
    expect(view.summary).toContainEqual({ code: 'not_ranked', panel: null });
    expect(words(view).summary).toContain('The targets are for different periods, so none is ranked highest.');
  });

  test('a sentence naming no scope sets an R&D share apart, but not a count of firms', () => {
    const odd = fixtureDataset(
      [
        figure({ id: 'a-rd', city: 'a', ...rd, value: 3, scope_class: 'economy_wide', scope_zh: '全社会' }),
        figure({ id: 'b-rd', city: 'b', ...rd, value: 2 }),
        figure({ id: 'a-new', city: 'a', category: 'high_tech_firms', measure: 'new', value: 300, combined: true }),
        figure({ id: 'b-new', city: 'b', category: 'high_tech_firms', measure: 'new', value: 200 }),
        figure({ id: 'c-new', city: 'c', category: 'high_tech_firms', measure: 'new', value: 250, scope_class: 'city_wide', scope_zh: '全市' }),
      ],
      ['a', 'b', 'c'],
    );
    const rdView = buildView(odd, 'rd', { cities: ['a', 'b', 'c'], sort: 'name' });
    expect(rdView.figures.map((f) => [f.mark.id, f.status])).toEqual([
      ['a-rd', 'comparable'],
      ['b-rd', 'set_apart'],
    ]);
    expect(words(rdView).notes.join(' ')).toContain('the text does not say whose figure it is');
    const firms = buildView(odd, 'firms', { cities: ['a', 'b', 'c'], sort: 'value' });
    expect(firms.figures.map((f) => [f.mark.id, f.status])).toEqual([
      ['c-new', 'comparable'],
      ['b-new', 'comparable'],
      ['a-new', 'set_apart'],
    ]);
    expect(words(firms).summary).toContain('Of the 2023 targets, City C aims highest: 250 firms.');
  });

  test('periods that differ are named in a visible note, which warns about non-annual lengths only when there are some', () => {
    const note = words(buildView(fixture, 'rd', options)).notes[0]!;
    expect(note).toMatch(/^Different years: 2021 \(City B\); 2023 \(City A and City C\)\.$/);
    expect(en.notes.periods('x', en.notes.periodLengths(['multi-year', 'part-year']))).toBe(
      'Different periods: x. A multi-year or part-year figure is not an annual one.',
    );
  });

  test('national references come with the R&D view, widen its scale, and only then credit the bulletin', () => {
    const view = buildView(fixture, 'rd', options);
    expect(view.references.map((r) => [r.year, r.value])).toEqual([
      [2021, 2.44],
      [2023, 2.65],
    ]);
    expect(view.panels[0]!.max).toBe(4);
    expect(buildView(fixture, 'firms', options).references).toEqual([]);
  });

  test('firms: flows, stocks and quotas get separate panels; a restatement is a second wording on the card and a note', () => {
    const view = buildView(fixture, 'firms', options);
    expect(view.panels.map((p) => p.key)).toEqual(['new', 'net_increase', 'stock']);
    expect(view.marks.map((m) => m.id)).not.toContain('a-new-2');
    expect(view.figures.find((f) => f.mark.id === 'a-new')!.wordings.map((w) => w.id)).toEqual(['a-new-2']);
    expect(words(view).notes.join(' ')).toContain('City A states “Figure” more than once, in these words: “指标”; “再次新增300家以上”');
    expect(words(view).notes.join(' ')).toMatch(/quota from the province \(City B\)/);
  });

  test('deselected cities disappear from figures, notes and summary', () => {
    const view = buildView(fixture, 'rd', { ...options, cities: ['b', 'c'] });
    expect(view.marks.map((m) => m.city)).toEqual(['b', 'c']);
    expect(words(view).summary).not.toContain('City A');
  });

  test('sorting by value ranks within a rank set, then the next set; set apart and missing come last', () => {
    const view = buildView(fixture, 'rd', { ...options, sort: 'value' });
    // Two one-figure rank sets: the most recent first, neither ranked above the other (each is its own section).
    expect(view.panels[0]!.figures.map((f) => f.mark.city)).toEqual(['a', 'b', 'c', 'd']);
    expect(view.panels[0]!.sectioned).toBe(true);
  });

  test('the importer is told which units the headline views draw', () => {
    expect(headlineUnits('high_tech_firms', 'growth')).toEqual(['倍', '%']);
    expect(headlineUnits('tech_market', 'turnover')).toEqual(['亿元']);
    expect(headlineUnits('constructor', 'toString')).toEqual([]);
  });
});

describe('the bundled data, as the audit of the five documents reads it', () => {
  const data = bundledDataset();
  const cities = [...CITY_IDS];

  test('Wuhu’s 分别…300 is a comparable target for new high-tech firms beside Tongxiang’s 230', () => {
    const view = buildView(data, 'firms', { cities, sort: 'name' });
    const panel = view.panels.find((p) => p.key === 'new')!;
    expect(panel.figures.map((f) => [f.mark.id, f.status, f.mark.value])).toEqual([
      ['wuhu-2023-high-tech-firms-new', 'comparable', 300],
      ['tongxiang-2022-2023-high-tech-firms-new', 'comparable', 230],
    ]);
    // Different period lengths: drawn side by side, never ranked against each other.
    expect(panel.group.rankSets).toHaveLength(2);
    expect(words(view).notes.join(' ')).not.toContain('counts several kinds');
  });

  test('R&D: Wuhu and Changzhou compare; Tongxiang’s 规上工业 and Huangshi’s unstated ratio are set apart; Huaibei states none', () => {
    const view = buildView(data, 'rd', { cities, sort: 'name' });
    expect(view.figures.map((f) => [f.mark.city, f.status, f.reasons])).toEqual([
      ['wuhu', 'comparable', ['years']],
      ['changzhou', 'comparable', ['years']],
      ['huangshi', 'set_apart', ['scope_unstated']],
      ['tongxiang', 'set_apart', ['scope']],
      ['huaibei', 'missing', []],
    ]);
  });

  test('the firms view credits no national statistics; the R&D view does', () => {
    const firms = words(buildView(data, 'firms', { cities, sort: 'name' }));
    expect(en.sourceLine(firms.documents.join('; '), false)).not.toContain('NBS');
    expect(en.sourceLine('x', true)).toContain('NBS');
  });
});

describe('the models a reader goes back to', () => {
  const data = bundledDataset();
  const build = (cities: string[], view: 'rd' | 'firms' = 'rd') => buildView(data, view, { cities, order: CITY_IDS, sort: 'value' });
  const all = [...CITY_IDS];

  test('a city toggled off and on again finds the model it had; a new selection, sort or order makes a new one', () => {
    const first = build(all);
    const without = build(all.filter((c) => c !== 'changzhou'));
    expect(without).not.toBe(first);
    expect(without.marks.some((mark) => mark.city === 'changzhou')).toBe(false);
    expect(build(all)).toBe(first);
    expect(buildView(data, 'rd', { cities: all, order: CITY_IDS, sort: 'name' })).not.toBe(first);
    expect(buildView(data, 'rd', { cities: all, order: [...CITY_IDS].reverse(), sort: 'value' })).not.toBe(first);
  });

  test('only the last few are kept, so hundreds of toggles hold a handful of models', () => {
    const first = build(all);
    for (const city of all) build(all.filter((c) => c !== city));
    const again = build(all);
    expect(again).not.toBe(first);
    expect(again.marks).toEqual(first.marks);
  });
});
