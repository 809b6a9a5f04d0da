// The Explorer's pure model: every figure filtered, searched, sorted and faceted, plus which stated figures can be compared.
import { desc, op, type ColumnTable } from 'arquero';
import type { Dataset } from '../dataset';
import { HEADLINE_CATEGORIES, KINDS, type Kind } from '../schema';
import type { Lang } from '../../i18n/format';
import { isCombinedFigure, isNarrowScope, scopeProblem } from './headline';
import { enrichedFigures, type Mark } from './marks';

export const EXPLORER_SORT_KEYS = ['city', 'category', 'measure', 'kind', 'period', 'value', 'label'] as const;
export type ExplorerSortKey = (typeof EXPLORER_SORT_KEYS)[number];

export interface ExplorerQuery {
  /** City ids; [] means none selected, so no rows. */
  cities: string[];
  /** [] means all categories. */
  categories: string[];
  /** [] means all kinds. */
  kinds: Kind[];
  /** Exact period strings such as '2023' or '2022-2023'; [] means all periods. */
  periods: string[];
  /** Free text; whitespace-separated terms must all match. '' means no search. */
  search: string;
  sort: ExplorerSortKey;
  descending: boolean;
  /** Which label `sort: 'label'` orders by; English unless given. */
  lang?: Lang;
}

export interface FacetValue<Value extends string = string> {
  value: Value;
  /** Rows matching the search and every filter except this facet's own. */
  count: number;
}

export interface Facets {
  cities: FacetValue[];
  categories: FacetValue[];
  kinds: FacetValue<Kind>[];
  periods: FacetValue[];
}

export interface ExplorerResult {
  /**
   * Every matching row, restatements and 其中 components included: their `restates` / `part_of` let the UI
   * mark them. `order` is the city's place in the cities table. The objects are frozen and the same from one
   * query to the next, so a keyed list keeps its DOM nodes.
   */
  rows: Mark[];
  /** Rows in the dataset before any filter. */
  total: number;
  facets: Facets;
}

/** Columns the explorer adds to the enriched figures so that filtering and sorting stay inside Arquero. */
interface ExplorerTableRow extends Mark {
  /** Every searchable field, normalised by `normaliseForSearch`, one field per line. */
  haystack: string;
  category_rank: number;
  kind_rank: number;
  period_rank: number;
  /** 1 for not_stated rows, so they sort last whichever way values run. */
  value_missing: number;
  label_en_key: string;
  /** Position in the default order (city, category, measure, period, then file order): every sort's tie-breaker. */
  canonical_rank: number;
}

/** The order each facet lists its values in. */
interface FacetOrders {
  cityOrder: string[];
  categoryOrder: string[];
  kindOrder: Kind[];
  periodOrder: string[];
}

interface ExplorerBase extends FacetOrders {
  table: ColumnTable;
  /** One frozen Mark per row of `table`, made once: a query picks rows by index instead of rebuilding objects. */
  marks: readonly Mark[];
}

/**
 * Which values of each facet pass, indexed by the value's position in its facet order. Looking a rank up
 * in an array is far cheaper per row than searching a list of 300 selected city ids.
 */
interface FilterParams {
  cityOn: boolean[];
  categoryOn: boolean[];
  kindOn: boolean[];
  periodOn: boolean[];
}

// Record rather than array so the compiler notices when Mark gains a field the explorer would drop.
const MARK_FIELDS: Record<keyof Mark, true> = {
  id: true,
  city: true,
  doc: true,
  category: true,
  measure: true,
  kind: true,
  period: true,
  qualifier: true,
  value: true,
  unit: true,
  scope_zh: true,
  scope_en: true,
  label_zh: true,
  label_en: true,
  quote: true,
  commitment: true,
  note_en: true,
  note_zh: true,
  restates: true,
  part_of: true,
  city_zh: true,
  city_en: true,
  doc_title_zh: true,
  doc_title_en: true,
  doc_date: true,
  doc_kind: true,
  doc_period: true,
  imported: true,
  order: true,
};
const MARK_COLUMNS = Object.keys(MARK_FIELDS);

/**
 * The form both the haystack and a query are compared in. NFKC folds full-width ASCII (ＲＤ, ２０２３,
 * the ideographic space) to half-width, so a query typed with a Chinese input method still matches.
 */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The distinct terms of a query, each to be found somewhere in a row. */
export function searchTerms(search: string): string[] {
  return [...new Set(normaliseForSearch(search).split(/\s+/).filter((term) => term !== ''))];
}

/** First and last month of a period, counted in months since year 0; null for a string that is no period. */
export function periodSpan(period: string): { start: number; end: number } | null {
  let m = /^(\d{4})$/.exec(period);
  if (m) return { start: +m[1]! * 12, end: +m[1]! * 12 + 11 };
  m = /^(\d{4})-(\d{4})$/.exec(period);
  if (m) return { start: +m[1]! * 12, end: +m[2]! * 12 + 11 };
  m = /^(\d{4})H([12])$/.exec(period);
  if (m) {
    const start = +m[1]! * 12 + (m[2] === '1' ? 0 : 6);
    return { start, end: start + 5 };
  }
  m = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(period);
  if (m) return { start: +m[1]! * 12 + +m[2]! - 1, end: +m[3]! * 12 + +m[4]! - 1 };
  return null;
}

/** Months a period covers: 12 for a year, 24 for 2022-2023, 6 for a half, 5 for January to May. */
export function periodMonths(period: string): number | null {
  const span = periodSpan(period);
  return span && span.end - span.start + 1;
}

/** Chronological: earlier start first, then the shorter span, so 2023-01/2023-05 < 2023H1 < 2023 < 2023H2. */
export function comparePeriods(a: string, b: string): number {
  const spanA = periodSpan(a);
  const spanB = periodSpan(b);
  if (spanA && spanB) return spanA.start - spanB.start || spanA.end - spanB.end || (a < b ? -1 : a > b ? 1 : 0);
  if (spanA || spanB) return spanA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Headline categories first, as the app's views lead with them; the rest alphabetically. */
function compareCategories(a: string, b: string): number {
  const headline = HEADLINE_CATEGORIES as readonly string[];
  const rankA = headline.includes(a) ? headline.indexOf(a) : headline.length;
  const rankB = headline.includes(b) ? headline.indexOf(b) : headline.length;
  return rankA - rankB || (a < b ? -1 : a > b ? 1 : 0);
}

const baseCache = new WeakMap<Dataset, ExplorerBase>();

/** The enriched figures with haystack and sort keys, built once per dataset so a keystroke only filters. */
function explorerBase(data: Dataset): ExplorerBase {
  const cached = baseCache.get(data);
  if (cached) return cached;
  const enriched = enrichedFigures(data);
  const present = (column: string) => new Set(data.figures.array(column) as string[]);
  const cities = present('city');
  const kinds = present('kind');
  const cityOrder = (data.cities.array('id') as string[]).filter((id) => cities.has(id));
  const categoryOrder = [...present('category')].sort(compareCategories);
  const kindOrder = KINDS.filter((kind) => kinds.has(kind));
  const periodOrder = [...present('period')].sort(comparePeriods);
  const ranked = enriched
    .params({ cityOrder, categoryOrder, kindOrder, periodOrder })
    .derive({
      order: (d: Mark, $: FacetOrders) => op.indexof($.cityOrder, d.city),
      category_rank: (d: Mark, $: FacetOrders) => op.indexof($.categoryOrder, d.category),
      kind_rank: (d: Mark, $: FacetOrders) => op.indexof($.kindOrder, d.kind),
      period_rank: (d: Mark, $: FacetOrders) => op.indexof($.periodOrder, d.period),
      value_missing: (d: Mark) => (d.value === null ? 1 : 0),
      label_en_key: (d: Mark) => op.lower(d.label_en),
      file_row: () => op.row_number(),
      // normaliseForSearch spelled out in Arquero ops, since an expression cannot call outside functions.
      haystack: (d: Mark) =>
        op.lower(
          op.normalize(
            op.join(
              [
                d.label_zh,
                d.label_en,
                d.quote,
                d.note_en,
                d.note_zh,
                d.scope_zh,
                d.scope_en,
                d.city_zh,
                d.city_en,
                d.doc_title_zh,
                d.doc_title_en,
                d.id,
                d.category,
                d.measure,
              ],
              '\n',
            ),
            'NFKC',
          ),
        ),
    });
  // Stored in the default order, so one precomputed rank breaks every tie instead of four more sort keys.
  const canonical = ranked
    .orderby('order', 'category_rank', 'measure', 'period_rank', 'file_row')
    .reify()
    .derive({ canonical_rank: () => op.row_number() });
  const table = canonical.assign(sortPositions(canonical));
  const marks = (table.select(MARK_COLUMNS).objects() as Mark[]).map((mark) => Object.freeze(mark));
  const base = { table, marks, cityOrder, categoryOrder, kindOrder, periodOrder };
  baseCache.set(data, base);
  return base;
}

/** Rows containing every term. Terms never contain whitespace, so none can match across two fields. */
function applySearch(table: ColumnTable, terms: string[]): ColumnTable {
  let matched = table;
  for (const term of terms)
    // indexof rather than includes: Arquero types includes for arrays only, though both accept a string.
    matched = matched
      .params({ term })
      .filter((d: ExplorerTableRow, $: { term: string }) => op.indexof(d.haystack, $.term) !== -1);
  return matched;
}

function applyFilters(table: ColumnTable, params: FilterParams): ColumnTable {
  const passesAll = Object.values(params).every((on: boolean[]) => on.every(Boolean));
  if (passesAll) return table;
  return table
    .params(params)
    .filter(
      (d: ExplorerTableRow, $: FilterParams) =>
        $.cityOn[d.order] && $.categoryOn[d.category_rank] && $.kindOn[d.kind_rank] && $.periodOn[d.period_rank],
    );
}

/** A facet's pass list: `chosen` values pass; an empty `chosen` passes everything when `emptyMeansAll`. */
function passing(order: readonly string[], chosen: readonly string[], emptyMeansAll: boolean): boolean[] {
  if (chosen.length === 0 && emptyMeansAll) return order.map(() => true);
  const set = new Set(chosen);
  return order.map((value) => set.has(value));
}

/** Rows per facet value, counted over the rank column of the already filtered table (no expression to compile). */
function facetCounts<Value extends string>(table: ColumnTable, rankColumn: string, values: Value[]): FacetValue<Value>[] {
  const counts: number[] = values.map(() => 0);
  for (const rank of table.array(rankColumn) as Iterable<number>) counts[rank]!++;
  return values.map((value, rank) => ({ value, count: counts[rank]! }));
}

/** Arquero sort keys: the chosen column (reversed if asked), then the default order for ties. */
function sortKeys(sort: ExplorerSortKey, descending: boolean, lang: Lang): (string | object)[] {
  const primary: Record<ExplorerSortKey, string> = {
    city: 'order',
    category: 'category_rank',
    measure: 'measure',
    kind: 'kind_rank',
    period: 'period_rank',
    value: 'value',
    label: lang === 'zh' ? 'label_zh' : 'label_en_key',
  };
  const column = primary[sort];
  // Values sort within a unit: 18 万元 and 1,400 people are not larger or smaller than each other.
  const keys: (string | object)[] = sort === 'value' ? ['value_missing', 'unit'] : [];
  keys.push(descending ? desc(column) : column, 'canonical_rank');
  return keys;
}

const sortColumn = (sort: ExplorerSortKey, descending: boolean, lang: Lang): string =>
  `sort_${sort}${sort === 'label' ? `_${lang}` : ''}_${descending ? 'desc' : 'asc'}`;

/**
 * Each row's position under every sort the explorer offers, computed once per dataset: a query then sorts on
 * one integer column, which keeps re-sorting 15,000 rows cheap.
 */
function sortPositions(table: ColumnTable): Record<string, Int32Array> {
  const columns: Record<string, Int32Array> = {};
  for (const sort of EXPLORER_SORT_KEYS)
    for (const lang of sort === 'label' ? (['en', 'zh'] as const) : (['en'] as const))
      for (const descending of [false, true]) {
        const position = new Int32Array(table.numRows());
        table
          .orderby(...sortKeys(sort, descending, lang))
          .indices()
          .forEach((row, index) => (position[row] = index));
        columns[sortColumn(sort, descending, lang)] = position;
      }
  return columns;
}

/** Every figure matching the query, sorted, with facet counts that show what each other choice would give. */
export function queryExplorer(data: Dataset, query: ExplorerQuery): ExplorerResult {
  const base = explorerBase(data);
  const searched = applySearch(base.table, searchTerms(query.search));
  const params: FilterParams = {
    // An empty city list selects no city, whereas an empty list of any other facet leaves it unfiltered.
    cityOn: passing(base.cityOrder, query.cities, false),
    categoryOn: passing(base.categoryOrder, query.categories, true),
    kindOn: passing(base.kindOrder, query.kinds, true),
    periodOn: passing(base.periodOrder, query.periods, true),
  };
  const filtered = applyFilters(searched, params);
  // The table is stored in the default order, which is exactly city ascending: nothing to sort then.
  const inStoredOrder = query.sort === 'city' && !query.descending;
  const order = (
    inStoredOrder ? filtered : filtered.orderby(sortColumn(query.sort, query.descending, query.lang ?? 'en'))
  ).indices();
  const rows = Array.from(order, (index) => base.marks[index]!);
  const all = (values: readonly string[]) => values.map(() => true);
  const facets: Facets = {
    cities: facetCounts(applyFilters(searched, { ...params, cityOn: all(base.cityOrder) }), 'order', base.cityOrder),
    categories: facetCounts(
      applyFilters(searched, { ...params, categoryOn: all(base.categoryOrder) }),
      'category_rank',
      base.categoryOrder,
    ),
    kinds: facetCounts(applyFilters(searched, { ...params, kindOn: all(base.kindOrder) }), 'kind_rank', base.kindOrder),
    periods: facetCounts(
      applyFilters(searched, { ...params, periodOn: all(base.periodOrder) }),
      'period_rank',
      base.periodOrder,
    ),
  };
  return { rows, total: base.table.numRows(), facets };
}

// ---------------------------------------------------------------------------------------------
// Comparison groups

export type ComparabilityReason =
  /** Periods of different length: annual, multi-year and part-year figures are not alike. */
  | { code: 'periods'; periods: string[] }
  /** Periods of the same length but different years: a 2021 goal and a 2023 goal. */
  | { code: 'years'; periods: string[] }
  | { code: 'kinds'; kinds: Kind[] }
  /** Cities whose figure covers only 规上 (above-designated-size) firms while others cover more. */
  | { code: 'scope'; cities: string[] }
  /** Rows that count several things in one number (e.g. Wuhu's high-tech firms and tech SMEs together). */
  | { code: 'combined'; ids: string[] };

export interface ComparisonGroup {
  category: string;
  measure: string;
  unit: string;
  /** Stated figures only, in city order, then period. */
  marks: Mark[];
  /** Distinct city ids, in city order. */
  cities: string[];
  comparable: boolean;
  reasons: ComparabilityReason[];
}

export interface MeasureCities {
  category: string;
  measure: string;
  unit: string;
  cities: string[];
}

export type NoComparison =
  /** Nothing stated; `cities` are those whose documents have a not_stated row here. */
  | { code: 'no_stated_figures'; cities: string[] }
  | { code: 'single_city'; city: string }
  /** Several cities state figures, but no two count the same thing in the same unit. */
  | { code: 'different_measures'; measures: MeasureCities[] };


/** A figure to compare: stated, and its first, whole mention (restatements and 其中 parts would double-count). */
const isComparableCandidate = (mark: Mark): boolean =>
  mark.kind !== 'not_stated' && mark.value !== null && !mark.restates && !mark.part_of;

const unique = <T>(items: T[]): T[] => [...new Set(items)];

function byCityThenPeriod(a: Mark, b: Mark): number {
  return a.order - b.order || comparePeriods(a.period, b.period);
}

function groupByMeasure(rows: Mark[]): Map<string, Mark[]> {
  const groups = new Map<string, Mark[]>();
  for (const mark of rows.filter(isComparableCandidate).sort(byCityThenPeriod)) {
    const key = JSON.stringify([mark.category, mark.measure, mark.unit]);
    const group = groups.get(key);
    if (group) group.push(mark);
    else groups.set(key, [mark]);
  }
  return groups;
}

function comparabilityReasons(marks: Mark[]): ComparabilityReason[] {
  const reasons: ComparabilityReason[] = [];
  const periods = unique(marks.map((m) => m.period)).sort(comparePeriods);
  if (unique(marks.map((m) => periodMonths(m.period))).length > 1) reasons.push({ code: 'periods', periods });
  else if (periods.length > 1) reasons.push({ code: 'years', periods });
  const kinds = unique(marks.map((m) => m.kind));
  if (kinds.length > 1) reasons.push({ code: 'kinds', kinds: KINDS.filter((k) => kinds.includes(k)) });
  // A narrower scope matters only beside wider ones; a scope never stated matters always.
  const narrow = marks.filter(isNarrowScope);
  const apart = marks.filter((m) => scopeProblem(m) === 'unstated' || (isNarrowScope(m) && narrow.length < marks.length));
  if (apart.length > 0) reasons.push({ code: 'scope', cities: unique(apart.map((m) => m.city)) });
  const combined = marks.filter(isCombinedFigure);
  if (combined.length > 0) reasons.push({ code: 'combined', ids: combined.map((m) => m.id) });
  return reasons;
}

/**
 * Stated figures that two or more cities give for the same measure in the same unit, most cities first.
 * Rows are the explorer's current rows for one category; several categories are kept apart.
 */
export function comparisonGroups(rows: Mark[]): ComparisonGroup[] {
  const groups: ComparisonGroup[] = [];
  for (const marks of groupByMeasure(rows).values()) {
    const cities = unique(marks.map((m) => m.city));
    if (cities.length < 2) continue;
    const reasons = comparabilityReasons(marks);
    const { category, measure, unit } = marks[0]!;
    groups.push({ category, measure, unit, marks, cities, comparable: reasons.length === 0, reasons });
  }
  return groups.sort(
    (a, b) =>
      b.cities.length - a.cities.length ||
      compareCategories(a.category, b.category) ||
      (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0) ||
      (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
  );
}

/** Why the rows give nothing to compare; null when `comparisonGroups(rows)` has a group. */
export function whyNoComparison(rows: Mark[]): NoComparison | null {
  const groups = groupByMeasure(rows);
  const stated = [...groups.values()].flat();
  if (stated.length === 0)
    return {
      code: 'no_stated_figures',
      cities: unique([...rows].sort(byCityThenPeriod).filter((m) => m.kind === 'not_stated').map((m) => m.city)),
    };
  const measures = [...groups.values()].map((marks) => ({
    category: marks[0]!.category,
    measure: marks[0]!.measure,
    unit: marks[0]!.unit,
    cities: unique(marks.map((m) => m.city)),
  }));
  if (measures.some((m) => m.cities.length > 1)) return null;
  const cities = unique(stated.sort(byCityThenPeriod).map((m) => m.city));
  if (cities.length === 1) return { code: 'single_city', city: cities[0]! };
  return { code: 'different_measures', measures };
}

export interface ExplorerModel extends ExplorerResult {
  /** Only when exactly one category is chosen: groups to chart, or why there is none. */
  comparison: { category: string; groups: ComparisonGroup[]; why: NoComparison | null } | null;
}

/** The whole explorer for one query: matching rows, facets and, for a single category, what can be compared. */
export function buildExplorer(data: Dataset, query: ExplorerQuery): ExplorerModel {
  const result = queryExplorer(data, query);
  const category = query.categories.length === 1 ? query.categories[0]! : null;
  const comparison =
    category === null
      ? null
      : { category, groups: comparisonGroups(result.rows), why: whyNoComparison(result.rows) };
  return { ...result, comparison };
}
