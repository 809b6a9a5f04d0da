// The Explorer's filters, search, facets, sorting and comparison groups, on inline fixtures, the real data and a synthetic table.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../src/lib/data/bundled';
import { readDataset } from '../../src/lib/data/dataset';
import type { Figure } from '../../src/lib/data/schema';
import { comparePeriods, parsePeriod } from '../../src/lib/data/period';
import { figure, figuresCsv, fixtureDataset } from '../fixtures/figures';
import { syntheticCityId, syntheticDataset, syntheticRows } from '../fixtures/synthetic';
import {
  comparisonGroups,
  normaliseForSearch,
  queryExplorer,
  searchTerms,
  whyNoComparison,
  valueRunKey,
  type ExplorerQuery,
} from '../../src/lib/data/views/explorer';
import { enrichedFigures, type Mark } from '../../src/lib/data/views/marks';

const FIXTURE_FIGURES: Figure[] = [
  figure({ id: 'a-rd', city: 'a', category: 'rd_intensity', measure: 'share_of_gdp', value: 3.5, unit: '%', scope_class: 'economy_wide', scope_zh: '全社会', scope_en: 'economy-wide', label_zh: '全社会研发投入强度', label_en: 'R&D intensity', quote: '全社会研发投入强度力争达到3.5%', commitment: 'strive' }),
  figure({ id: 'b-rd', city: 'b', category: 'rd_intensity', measure: 'share_of_gdp', period: '2021', value: 2, unit: '%', scope_class: 'economy_wide', scope_zh: '全社会', scope_en: 'economy-wide', label_zh: '研发投入强度', label_en: 'R&D intensity', quote: '研发投入强度达到2%' }),
  figure({ id: 'c-rd', city: 'c', category: 'rd_intensity', measure: 'share_of_gdp', value: 4, unit: '%', scope_class: 'above_size_industry', scope_zh: '规上工业', scope_en: 'industrial firms above designated size', label_zh: '规上工业R&D经费支出占GDP比重', label_en: 'Industrial R&D as a share of GDP', quote: '规上工业R&D经费支出占GDP比重达到4%' }),
  figure({ id: 'd-rd', city: 'd', category: 'rd_intensity', measure: 'share_of_gdp', kind: 'not_stated', unit: '%', label_zh: '研发投入', label_en: 'R&D input', quote: '加大研发投入' }),
  figure({ id: 'a-smes', city: 'a', category: 'tech_smes', measure: 'registered', qualifier: 'at_least', value: 450, label_zh: '入库科技型中小企业', label_en: 'Tech SMEs registered', quote: '入库科技型中小企业450家以上' }),
  figure({ id: 'b-smes', city: 'b', category: 'tech_smes', measure: 'registered', kind: 'actual', period: '2023H1', value: 318, label_zh: '备案科技型中小企业', label_en: 'Tech SMEs registered', quote: '备案国家科技型中小企业318家' }),
  figure({ id: 'b-smes-2', city: 'b', category: 'tech_smes', measure: 'registered', kind: 'actual', period: '2023H1', value: 318, label_zh: '备案科技型中小企业', label_en: 'Tech SMEs registered (summary)', quote: '备案科技型中小企业318家', restates: 'b-smes' }),
  figure({ id: 'c-smes', city: 'c', category: 'tech_smes', measure: 'new', period: '2022-2023', value: 400, label_zh: '新增省科技型企业', label_en: 'New provincial tech firms', quote: '省科技型企业400家' }),
  figure({ id: 'a-new', city: 'a', category: 'high_tech_firms', measure: 'new', qualifier: 'at_least', value: 300, label_zh: '新增高新技术企业、科技型中小企业', combined: true, label_en: 'New high-tech firms and tech SMEs together', quote: '新增高新技术企业和科技型中小企业共300家以上' }),
  figure({ id: 'b-new', city: 'b', category: 'high_tech_firms', measure: 'new', value: 120, label_zh: '新增高新技术企业', label_en: 'New high-tech firms', quote: '新增高新技术企业120家' }),
  figure({ id: 'c-new', city: 'c', category: 'high_tech_firms', measure: 'new', value: 80, label_zh: '新增高新技术企业', label_en: 'New high-tech firms', quote: '新增高新技术企业80家' }),
  figure({ id: 'c-new-zone', city: 'c', category: 'high_tech_firms', measure: 'new', value: 30, label_zh: '其中高新区', label_en: 'of which in the high-tech zone', quote: '其中高新区30家', part_of: 'c-new' }),
  figure({ id: 'a-fund', city: 'a', category: 'funding', measure: 'size', value: 10, unit: '亿元', label_zh: '科技创新基金', label_en: 'Innovation fund size', quote: '设立ＡＩ产业基金10亿元' }),
  figure({ id: 'a-talent', city: 'a', category: 'talent', measure: 'high_skilled_new', period: '2022-2023', value: 1.5, unit: '万人', label_zh: '新增高技能人才', label_en: 'New high-skilled workers', quote: '新增高技能人才1.5万人' }),
  figure({ id: 'd-talent', city: 'd', category: 'talent', measure: 'high_skilled_new', value: 0.8, unit: '万人', label_zh: '新增高技能人才', label_en: 'new high-skilled workers', quote: '新增高技能人才0.8万人', note_en: 'Annual figure.' }),
];

// Cities listed b, a, c, d so that the reading order (by name: City A, City B, …) is visibly not the file's.
const FIXTURE_CITIES = ['b', 'a', 'c', 'd'];

const fixture = fixtureDataset(FIXTURE_FIGURES, FIXTURE_CITIES);

const everything: ExplorerQuery = {
  cities: FIXTURE_CITIES,
  categories: [],
  kinds: [],
  periods: [],
  search: '',
  sort: 'city',
  descending: false,
};

const ids = (rows: Mark[]) => rows.map((r) => r.id);
const explore = (query: Partial<ExplorerQuery>) => queryExplorer(fixture, { ...everything, ...query });

describe('queryExplorer filters', () => {
  test('lists every row, restatements and 其中 components included, with their flags', () => {
    const result = explore({});
    expect(result.total).toBe(FIXTURE_FIGURES.length);
    expect(result.rows).toHaveLength(FIXTURE_FIGURES.length);
    expect(result.rows.find((r) => r.id === 'b-smes-2')).toMatchObject({ restates: 'b-smes', city_en: 'City B' });
    expect(result.rows.find((r) => r.id === 'c-new-zone')).toMatchObject({ part_of: 'c-new', doc_title_en: 'Work plan of C' });
  });

  test('rows are plain marks, without the helper columns used for search and sort', () => {
    const [row] = explore({}).rows;
    expect(Object.keys(row!)).not.toContain('haystack');
    expect(Object.keys(row!)).not.toContain('period_rank');
    expect(row).toHaveProperty('order');
  });

  test('no city selected means no rows, but the city facet still counts what each city would add', () => {
    const result = explore({ cities: [] });
    expect(result.rows).toEqual([]);
    expect(result.total).toBe(FIXTURE_FIGURES.length);
    expect(result.facets.cities.find((f) => f.value === 'a')?.count).toBe(5);
    expect(result.facets.categories.every((f) => f.count === 0)).toBe(true);
  });

  test('city filter', () => {
    expect(new Set(explore({ cities: ['d'] }).rows.map((r) => r.city))).toEqual(new Set(['d']));
    expect(explore({ cities: ['d'] }).rows).toHaveLength(2);
  });

  test('category filter', () => {
    expect(ids(explore({ categories: ['tech_smes'] }).rows)).toEqual(['a-smes', 'b-smes', 'b-smes-2', 'c-smes']);
    expect(explore({ categories: ['tech_smes', 'funding'] }).rows).toHaveLength(5);
  });

  test('kind filter', () => {
    expect(ids(explore({ kinds: ['not_stated'] }).rows)).toEqual(['d-rd']);
    expect(ids(explore({ kinds: ['actual'] }).rows)).toEqual(['b-smes', 'b-smes-2']);
  });

  test('period filter takes exact period strings', () => {
    expect(ids(explore({ periods: ['2022-2023'] }).rows)).toEqual(['a-talent', 'c-smes']);
    expect(ids(explore({ periods: ['2021', '2023H1'] }).rows)).toEqual(['b-rd', 'b-smes', 'b-smes-2']);
  });

  test('filters combine', () => {
    const rows = explore({ cities: ['a', 'c'], categories: ['high_tech_firms'], kinds: ['target'], periods: ['2023'] }).rows;
    expect(ids(rows)).toEqual(['a-new', 'c-new', 'c-new-zone']);
  });
});

describe('queryExplorer search', () => {
  test('Chinese substring search finds a term inside a quote', () => {
    expect(ids(explore({ search: '科技型中小企业' }).rows)).toEqual(['a-new', 'a-smes', 'b-smes', 'b-smes-2']);
    // c-rd says R&D in Latin letters (规上工业R&D经费), so 研发 rightly misses it.
    expect(ids(explore({ search: '研发' }).rows)).toEqual(['a-rd', 'b-rd', 'd-rd']);
    expect(ids(explore({ search: '规上' }).rows)).toEqual(['c-rd']);
  });

  test('is case-insensitive and searches names, ids, categories and notes', () => {
    expect(ids(explore({ search: 'D城' }).rows)).toEqual(['d-rd', 'd-talent']);
    expect(ids(explore({ search: 'ANNUAL' }).rows)).toEqual(['d-talent']);
    expect(ids(explore({ search: 'city' }).rows)).toHaveLength(FIXTURE_FIGURES.length);
    expect(ids(explore({ search: 'annual' }).rows)).toEqual(['d-talent']);
    expect(ids(explore({ search: 'b-smes-2' }).rows)).toEqual(['b-smes-2']);
    expect(ids(explore({ search: 'funding' }).rows)).toEqual(['a-fund']);
    expect(ids(explore({ search: 'high_skilled' }).rows)).toEqual(['a-talent', 'd-talent']);
  });

  test('several terms must all match', () => {
    expect(ids(explore({ search: '新增  高技能' }).rows)).toEqual(['a-talent', 'd-talent']);
    expect(ids(explore({ search: '高技能 0.8' }).rows)).toEqual(['d-talent']);
    expect(explore({ search: '高技能 研发' }).rows).toEqual([]);
  });

  test('full-width letters, digits and spaces match their half-width forms, both ways', () => {
    expect(ids(explore({ search: 'Ｒ＆Ｄ　ＩＮＰＵＴ' }).rows)).toEqual(['d-rd']);
    expect(ids(explore({ search: '０.８万人' }).rows)).toEqual(['d-talent']);
    expect(ids(explore({ search: 'ai产业' }).rows)).toEqual(['a-fund']);
    expect(searchTerms(' Ｒ＆Ｄ　强度  r&d ')).toEqual(['r&d', '强度']);
    expect(normaliseForSearch('ＡＩ产业')).toBe('ai产业');
  });

  test('a search that matches nothing gives no rows and zero facet counts', () => {
    const result = explore({ search: '专利' });
    expect(result.rows).toEqual([]);
    expect(result.facets.cities.map((f) => f.count)).toEqual([0, 0, 0, 0]);
  });
});

describe('queryExplorer facets', () => {
  test('list every value in the dataset, in a sensible order', () => {
    const { facets } = explore({});
    expect(facets.cities.map((f) => f.value)).toEqual(['a', 'b', 'c', 'd']);
    expect(facets.categories.map((f) => f.value)).toEqual(['rd_intensity', 'high_tech_firms', 'funding', 'talent', 'tech_smes']);
    expect(facets.kinds.map((f) => f.value)).toEqual(['target', 'actual', 'not_stated']);
    expect(facets.periods.map((f) => f.value)).toEqual(['2021', '2022-2023', '2023H1', '2023']);
  });

  test('count rows matching the search and every other filter, ignoring their own', () => {
    const { facets, rows } = explore({ cities: ['a', 'b'], categories: ['tech_smes'], search: '科技型' });
    expect(ids(rows)).toEqual(['a-smes', 'b-smes', 'b-smes-2']);
    // Cities: tech_smes rows containing 科技型, whatever the city selection.
    expect(facets.cities).toEqual([
      { value: 'a', count: 1 },
      { value: 'b', count: 2 },
      { value: 'c', count: 1 },
      { value: 'd', count: 0 },
    ]);
    // Categories: rows of a and b containing 科技型, whatever the category.
    expect(facets.categories).toEqual([
      { value: 'rd_intensity', count: 0 },
      { value: 'high_tech_firms', count: 1 },
      { value: 'funding', count: 0 },
      { value: 'talent', count: 0 },
      { value: 'tech_smes', count: 3 },
    ]);
    expect(facets.kinds).toEqual([
      { value: 'target', count: 1 },
      { value: 'actual', count: 2 },
      { value: 'not_stated', count: 0 },
    ]);
    expect(facets.periods).toEqual([
      { value: '2021', count: 0 },
      { value: '2022-2023', count: 0 },
      { value: '2023H1', count: 2 },
      { value: '2023', count: 1 },
    ]);
  });

  test('a facet count is what choosing that value alone would list', () => {
    const base: Partial<ExplorerQuery> = { kinds: ['target'], search: '新增' };
    const { facets } = explore({ ...base, categories: ['talent'] });
    for (const { value, count } of facets.categories)
      expect(explore({ ...base, categories: [value] }).rows).toHaveLength(count);
  });

  test('every facet, under any filters and search, counts what choosing each of its values alone would list (property)', () => {
    const all = explore({}).facets;
    const some = <T,>(values: T[]) => fc.subarray(values);
    fc.assert(
      fc.property(
        some(all.cities.map((f) => f.value)),
        some(all.categories.map((f) => f.value)),
        some(all.kinds.map((f) => f.value)),
        some(all.periods.map((f) => f.value)),
        fc.constantFrom('', '新增', '科技型', 'firms', 'zzz'),
        (cities, categories, kinds, periods, search) => {
          const query: Partial<ExplorerQuery> = { cities, categories, kinds, periods, search };
          const { facets } = explore(query);
          for (const { value, count } of facets.cities) expect(explore({ ...query, cities: [value] }).rows.length).toBe(count);
          for (const { value, count } of facets.categories) expect(explore({ ...query, categories: [value] }).rows.length).toBe(count);
          for (const { value, count } of facets.kinds) expect(explore({ ...query, kinds: [value] }).rows.length).toBe(count);
          for (const { value, count } of facets.periods) expect(explore({ ...query, periods: [value] }).rows.length).toBe(count);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('queryExplorer sorting', () => {
  test('city sorts by the city’s name (collated), then category, measure and period', () => {
    expect(ids(explore({}).rows)).toEqual([
      'a-rd', 'a-new', 'a-fund', 'a-talent', 'a-smes',
      'b-rd', 'b-new', 'b-smes', 'b-smes-2',
      'c-rd', 'c-new', 'c-new-zone', 'c-smes',
      'd-rd', 'd-talent',
    ]);
    expect(ids(explore({ descending: true }).rows).slice(0, 3)).toEqual(['d-rd', 'd-talent', 'c-rd']);
  });

  test('value puts not_stated last in both directions', () => {
    const ascending = explore({ categories: ['rd_intensity'], sort: 'value' }).rows;
    expect(ascending.map((r) => r.value)).toEqual([2, 3.5, 4, null]);
    const descending = explore({ categories: ['rd_intensity'], sort: 'value', descending: true }).rows;
    expect(descending.map((r) => r.value)).toEqual([4, 3.5, 2, null]);
  });

  test('ties keep a stable order: the secondary keys, then the file order', () => {
    const rows = explore({ sort: 'value', descending: true, categories: ['tech_smes'] }).rows;
    // Each measure and unit on its own (new before registered), then value, then the reading order.
    expect(ids(rows).slice(0, 4)).toEqual(['c-smes', 'a-smes', 'b-smes', 'b-smes-2']);
    expect(ids(explore({ sort: 'kind' }).rows).slice(-3)).toEqual(['b-smes', 'b-smes-2', 'd-rd']);
  });

  test('period sorts chronologically, not as text', () => {
    const periods = unique(explore({ sort: 'period' }).rows.map((r) => r.period));
    expect(periods).toEqual(['2021', '2022-2023', '2023H1', '2023']);
    expect(['2023', '2023H2', '2023-01/2023-05', '2022-2023', '2023H1', '2025'].sort(comparePeriods)).toEqual([
      '2022-2023', '2023-01/2023-05', '2023H1', '2023', '2023H2', '2025',
    ]);
  });

  test('category, measure and label', () => {
    expect(unique(explore({ sort: 'category' }).rows.map((r) => r.category))).toEqual([
      'rd_intensity', 'high_tech_firms', 'funding', 'talent', 'tech_smes',
    ]);
    expect(unique(explore({ sort: 'measure', descending: true }).rows.map((r) => r.measure))).toEqual([
      'size', 'share_of_gdp', 'registered', 'new', 'high_skilled_new',
    ]);
    // English labels sort case-insensitively: "new high-skilled" sits beside "New high-skilled".
    const labels = explore({ sort: 'label', categories: ['talent', 'funding'] }).rows.map((r) => r.id);
    expect(labels).toEqual(['a-fund', 'a-talent', 'd-talent']);
    // Chinese labels in pinyin order: 备 (bèi) before 入 (rù) before 新 (xīn), not by code point (入 U+5165 first).
    const zh = explore({ sort: 'label', lang: 'zh', categories: ['tech_smes'] }).rows.map((r) => r.label_zh);
    expect(zh).toEqual(['备案科技型中小企业', '备案科技型中小企业', '入库科技型中小企业', '新增省科技型企业']);
  });
});

const unique = <T>(items: T[]) => [...new Set(items)];

describe('comparisonGroups', () => {
  const rowsOf = (query: Partial<ExplorerQuery>) => explore(query).rows;
  const groupIds = (group: { figures: { mark: Mark }[] }) => ids(group.figures.map((f) => f.mark));

  test('cities giving the same measure in the same unit, comparable when period, kind and scope agree', () => {
    const groups = comparisonGroups(rowsOf({ cities: ['b', 'c'], categories: ['high_tech_firms'] }));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.group).toMatchObject({ measure: 'new', unit: '家', cities: ['b', 'c'], comparable: true, reasons: [] });
    // The 其中 component never competes with its own total: it is on the total's card.
    expect(groupIds(groups[0]!)).toEqual(['b-new', 'c-new']);
    expect(ids(groups[0]!.figures[1]!.parts)).toEqual(['c-new-zone']);
  });

  test('value sorts keep each measure and unit together, so amounts, counts and shares are never ranked against each other', () => {
    const runs = explore({ sort: 'value', descending: true }).rows.filter((r) => r.value !== null).map(valueRunKey);
    // Each run is contiguous: once left, a measure and unit never comes back.
    const seen = runs.filter((key, i) => i === 0 || key !== runs[i - 1]);
    expect(seen).toEqual(unique(seen));
    expect(seen.length).toBeGreaterThan(3);
  });

  test('annual figures of different years are not ranked together; a narrower 规上 scope is set apart', () => {
    const [panel] = comparisonGroups(rowsOf({ categories: ['rd_intensity'] }));
    expect(panel!.group).toMatchObject({ cities: ['a', 'b', 'c'], comparable: false });
    expect(panel!.group.reasons).toEqual([
      { code: 'scope', ids: ['c-rd'] },
      { code: 'years', ids: ['a-rd', 'b-rd'] },
    ]);
    // Set apart after the comparable figures, whatever the city order.
    expect(panel!.figures.map((f) => [f.mark.id, f.status])).toEqual([
      ['a-rd', 'comparable'],
      ['b-rd', 'comparable'],
      ['c-rd', 'set_apart'],
      ['d-rd', 'missing'],
    ]);
    expect(panel!.sectioned).toBe(true);
  });

  test('a two-year and an annual figure differ in period length', () => {
    const [panel] = comparisonGroups(rowsOf({ categories: ['talent'] }));
    expect(panel!.group).toMatchObject({ comparable: false, reasons: [{ code: 'period_length', ids: ['d-talent', 'a-talent'] }] });
  });

  test('a target and a half-year actual differ in period length and kind; the restatement is a second wording, not a figure', () => {
    const [panel] = comparisonGroups(rowsOf({ categories: ['tech_smes'] }));
    expect(groupIds(panel!)).toEqual(['a-smes', 'b-smes']);
    expect(panel!.group.reasons).toEqual([
      { code: 'period_length', ids: ['a-smes', 'b-smes'] },
      { code: 'kind', ids: ['a-smes', 'b-smes'] },
    ]);
    expect(ids(panel!.figures[1]!.wordings)).toEqual(['b-smes-2']);
  });

  test('a combined figure is set apart, from its column, not its label', () => {
    const [panel] = comparisonGroups(rowsOf({ categories: ['high_tech_firms'] }));
    expect(panel!.group).toMatchObject({ cities: ['a', 'b', 'c'], comparable: false, reasons: [{ code: 'combined', ids: ['a-new'] }] });
  });

  test('not_stated rows, single cities and different measures give no group', () => {
    expect(comparisonGroups(rowsOf({ categories: ['funding'] }))).toEqual([]);
    expect(comparisonGroups(rowsOf({ cities: ['d'], categories: ['rd_intensity'] }))).toEqual([]);
    expect(comparisonGroups(rowsOf({ categories: ['tech_smes'], kinds: ['target'] }))).toEqual([]);
  });
});

describe('whyNoComparison', () => {
  const rowsOf = (query: Partial<ExplorerQuery>) => explore(query).rows;

  test('null when there is a group to compare', () => {
    expect(whyNoComparison(rowsOf({ categories: ['tech_smes'] }))).toBeNull();
  });

  test('single city', () => {
    expect(whyNoComparison(rowsOf({ categories: ['funding'] }))).toEqual({ code: 'single_city', city: 'a' });
  });

  test('different measures, with who states what', () => {
    expect(whyNoComparison(rowsOf({ categories: ['tech_smes'], kinds: ['target'] }))).toEqual({
      code: 'different_measures',
      measures: [
        { category: 'tech_smes', measure: 'registered', unit: '家', cities: ['a'] },
        { category: 'tech_smes', measure: 'new', unit: '家', cities: ['c'] },
      ],
    });
  });

  test('no stated figures, naming the cities that state none', () => {
    expect(whyNoComparison(rowsOf({ cities: ['d'], categories: ['rd_intensity'] }))).toEqual({
      code: 'no_stated_figures',
      cities: ['d'],
    });
    expect(whyNoComparison([])).toEqual({ code: 'no_stated_figures', cities: [] });
  });
});

describe('real data: which cities set a target for 科技型中小企业, and how do they compare?', () => {
  const data = bundledDataset();
  const allCities = data.cities.array('id') as string[];
  const query: ExplorerQuery = { ...everything, cities: allCities, categories: ['tech_smes'] };

  test('every city has a tech_smes row; Wuhu’s 分别…300 new SMEs meet Tongxiang’s 400, which counts Zhejiang’s own register', () => {
    const { rows } = queryExplorer(data, query);
    expect(unique(rows.map((r) => r.city))).toEqual(['changzhou', 'huaibei', 'huangshi', 'tongxiang', 'wuhu']);
    const groups = comparisonGroups(rows);
    expect(groups.map((g) => [g.group.measure, g.group.unit, g.group.cities])).toEqual([['new', '家', ['tongxiang', 'wuhu']]]);
    expect(groups[0]!.figures.map((f) => [f.mark.id, f.status, f.reasons])).toEqual([
      ['wuhu-2023-tech-smes-new', 'comparable', []],
      ['tongxiang-2022-2023-tech-smes-new', 'set_apart', ['scope']],
    ]);
    // Tongxiang's restatement in section 三 is a second wording on the card, not a second figure.
    expect(groups[0]!.figures[1]!.wordings.map((w) => w.id)).toEqual(['tongxiang-2022-2023-tech-smes-new-2']);
  });

  test('入库 and 备案 are different measures, so Huangshi’s target and Huaibei’s report are not set side by side', () => {
    const { rows } = queryExplorer(data, query);
    const measures = new Map(rows.map((r) => [r.id, r.measure]));
    expect(measures.get('huangshi-2021-tech-smes-registered')).toBe('registered');
    expect(measures.get('huaibei-2023h1-tech-smes-registered')).toBe('filed');
  });

  test('searching 科技型中小企业 everywhere finds both rows of Wuhu’s 分别 sentence', () => {
    const { rows } = queryExplorer(data, { ...everything, cities: allCities, search: '科技型中小企业' });
    expect(ids(rows)).toContain('wuhu-2023-high-tech-firms-new');
    expect(ids(rows)).toContain('wuhu-2023-tech-smes-new');
    const highTech = comparisonGroups(rows.filter((r) => r.category === 'high_tech_firms'));
    for (const { figures } of highTech)
      expect(figures.find((f) => f.mark.id === 'wuhu-2023-high-tech-firms-new')?.status ?? 'comparable').toBe('comparable');
  });
});

describe('synthetic dataset', () => {
  const data = syntheticDataset();

  test('300 cities × 50 figures, the same for the same seed', () => {
    expect(data.figures.numRows()).toBe(15_000);
    expect(data.cities.numRows()).toBe(300);
    expect(new Set(data.cities.array('name_zh') as string[]).size).toBe(300);
    const again = syntheticDataset();
    expect(again.figures.objects({ limit: 200 })).toEqual(data.figures.objects({ limit: 200 }));
    expect(syntheticDataset(300, 50, 2).figures.objects({ limit: 50 })).not.toEqual(data.figures.objects({ limit: 50 }));
  });

  test('passes the same validation as the real CSVs', () => {
    const rows = syntheticRows(40, 50, 7);
    const texts = {
      targets: figuresCsv(rows.figures),
      documents: Papa.unparse(rows.documents, { newline: '\n' }),
      cities: Papa.unparse(rows.cities, { newline: '\n' }),
      nationalRd: Papa.unparse(rows.nationalRd, { newline: '\n' }),
    };
    const read = readDataset(texts);
    expect(read.figures).toHaveLength(2000);
    expect(new Set(read.figures.map((f) => f.kind))).toEqual(new Set(['target', 'actual', 'guidance', 'not_stated']));
    expect(read.figures.every((f) => f.span === parsePeriod(f.period))).toBe(true);
    expect(read.figures.some((f) => f.restates)).toBe(true);
    expect(read.figures.some((f) => f.part_of)).toBe(true);
  });

  test('an id prefix finds exactly that city’s 50 rows', () => {
    const city = syntheticCityId(41);
    const { rows } = queryExplorer(data, { ...everything, cities: data.cities.array('id') as string[], search: `${city}-f` });
    expect(rows).toHaveLength(50);
    expect(unique(rows.map((r) => r.city))).toEqual([city]);
  });

  test('search agrees with a plain scan of the enriched rows', () => {
    const cities = (data.cities.array('id') as string[]).slice(0, 150);
    const search = '科技型中小企业 力争';
    const { rows } = queryExplorer(data, { ...everything, cities, kinds: ['target'], search, sort: 'value', descending: true });
    const fields = ['label_zh', 'label_en', 'quote', 'note_en', 'scope_zh', 'scope_en', 'city_zh', 'city_en', 'doc_title_zh', 'doc_title_en', 'id', 'category', 'measure'] as const;
    const expected = (enrichedFigures(data).objects() as Mark[]).filter(
      (m) =>
        cities.includes(m.city) &&
        m.kind === 'target' &&
        searchTerms(search).every((term) => fields.some((f) => normaliseForSearch(String(m[f])).includes(term))),
    );
    expect(expected.length).toBeGreaterThan(100);
    expect(new Set(ids(rows))).toEqual(new Set(expected.map((m) => m.id)));
    // Highest first within each measure and unit; runs are not ranked against each other.
    for (const key of unique(rows.map(valueRunKey))) {
      const values = rows.filter((r) => valueRunKey(r) === key).map((r) => r.value as number);
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
  });

  test('timing of filter + search + sort on 15,000 rows (logged, not asserted)', () => {
    const cities = data.cities.array('id') as string[];
    const queries: ExplorerQuery[] = [
      { ...everything, cities, search: '', sort: 'city' },
      { ...everything, cities, search: '', sort: 'value', descending: true },
      { ...everything, cities: cities.slice(0, 200), categories: ['tech_smes', 'high_tech_firms'], kinds: ['target'], search: '企业', sort: 'value', descending: true },
      { ...everything, cities, periods: ['2023', '2022-2023'], search: '新增 家', sort: 'label' },
      { ...everything, cities, search: 'Ｒ＆Ｄ', sort: 'period' },
    ];
    for (const query of queries) {
      for (let i = 0; i < 5; i++) queryExplorer(data, query);
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const start = performance.now();
        const result = queryExplorer(data, query);
        times.push(performance.now() - start);
        expect(result.total).toBe(15_000);
      }
      times.sort((a, b) => a - b);
      const rows = queryExplorer(data, query).rows.length;
      console.log(
        `explorer on 15,000 rows: ${rows} rows for ${JSON.stringify({ search: query.search, sort: query.sort, cities: query.cities.length })}: median ${times[Math.floor(times.length / 2)]!.toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms`,
      );
    }
  });
});
