// The Explorer's pure model: every figure filtered, searched, sorted and faceted, plus which stated figures can be compared.
import type { ColumnTable } from 'arquero';
import type { Dataset } from '../dataset';
import { HEADLINE_CATEGORIES, KINDS, runSteps, type Kind, type Steps } from '../schema';
import { compare, needsSections, sortGroup, type Group, type SortedFigure } from '../compare';
import { comparePeriods } from '../period';
import { collatedPositions, orderCities } from '../collate';
import { keepRows, orderRows, positionsIn, type OrderKey } from '../rows';
import { enrichedFigures, type Mark } from './marks';

import type { Lang } from '../../i18n/format';

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

/** The order each facet lists its values in. */
interface FacetOrders {
  cityOrder: string[];
  categoryOrder: string[];
  kindOrder: Kind[];
  periodOrder: string[];
}

interface ExplorerBase extends FacetOrders {
  /**
   * The enriched figures with each facet's rank (order, category_rank, kind_rank, period_rank), value_missing (1 for
   * not-stated rows, which sort last either way) and canonical_rank (the default order, every sort's tie-breaker).
   * Grows columns as they are first needed: the search text (haystack), and one position column per sort used.
   */
  table: ColumnTable;
  searchable: boolean;
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
  span: true,
  qualifier: true,
  value: true,
  unit: true,
  scope_class: true,
  combined: true,
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
  city_homonym: true,
  doc_title_zh: true,
  doc_title_en: true,
  doc_date: true,
  doc_date_signed: true,
  doc_date_published: true,
  doc_issuer_zh: true,
  doc_issuer_en: true,
  doc_issuer_inferred: true,
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
  // Cities by English name: also pinyin order for Chinese names romanised in pinyin; a Chinese reader's city sort
  // collates the Chinese names themselves (ensureSortPositions).
  const cityOrder = orderCities(
    (data.cities.objects() as { id: string; name_zh: string; name_en: string }[]).filter((c) => cities.has(c.id)),
    'en',
  );
  const categoryOrder = [...present('category')].sort(compareCategories);
  const kindOrder = KINDS.filter((kind) => kinds.has(kind));
  const periodOrder = [...present('period')].sort(comparePeriods);
  const rows = enriched.numRows();
  const values = enriched.array('value') as ArrayLike<number | null>;
  const ranked = enriched.assign({
    order: positionsIn(enriched, 'city', cityOrder),
    category_rank: positionsIn(enriched, 'category', categoryOrder),
    kind_rank: positionsIn(enriched, 'kind', kindOrder),
    period_rank: positionsIn(enriched, 'period', periodOrder),
    value_missing: Int32Array.from({ length: rows }, (_, row) => (values[row] === null ? 1 : 0)),
    file_row: Int32Array.from({ length: rows }, (_, row) => row + 1),
  });
  // Stored in the default order, so one precomputed rank breaks every tie instead of four more sort keys.
  const ordered = orderRows(ranked, 'order', 'category_rank', 'measure', 'period_rank', 'file_row').reify();
  const canonical = ordered.assign({ canonical_rank: Int32Array.from({ length: rows }, (_, row) => row + 1) });
  const marks = (canonical.select(MARK_COLUMNS).objects() as Mark[]).map((mark) => Object.freeze(mark));
  const base = { table: canonical, marks, cityOrder, categoryOrder, kindOrder, periodOrder, searchable: false };
  baseCache.set(data, base);
  return base;
}

/** The columns a search looks in, joined one per line so no term matches across two of them. */
const SEARCHED = [
  'label_zh',
  'label_en',
  'quote',
  'note_en',
  'note_zh',
  'scope_zh',
  'scope_en',
  'city_zh',
  'city_en',
  'doc_title_zh',
  'doc_title_en',
  'id',
  'category',
  'measure',
] as const;
/** Rows of search text made between two yields: a few milliseconds of work. */
const SEARCH_SLICE = 2000;

/**
 * The search text of every row (normaliseForSearch of its searched columns), made a slice of rows at a time: a
 * large import shows its rows at once, and the app makes this while the reader looks at the explorer
 * (`searchPreparation`), or the first search makes it at once (`ensureSearchable`).
 */
function* searchTextSteps(base: ExplorerBase): Steps<void> {
  if (base.searchable) return;
  const columns = SEARCHED.map((column) => base.table.array(column) as ArrayLike<string | null>);
  const rows = base.table.numRows();
  const haystack = new Array<string>(rows);
  for (let start = 0; start < rows; start += SEARCH_SLICE) {
    if (start > 0) yield start / rows;
    // A first search, between two slices, made it already.
    if (base.searchable) return;
    for (let row = start; row < Math.min(rows, start + SEARCH_SLICE); row++)
      haystack[row] = normaliseForSearch(columns.map((column) => column[row] ?? '').join('\n'));
  }
  // The table may have gained sort columns meanwhile, never rows.
  base.table = base.table.assign({ haystack });
  base.searchable = true;
}

function ensureSearchable(base: ExplorerBase): void {
  runSteps(searchTextSteps(base));
}

/** Makes the explorer's search text of `data` ahead of the first search, a slice per step (a caller yields between). */
export function searchPreparation(data: Dataset): Steps<void> {
  return searchTextSteps(explorerBase(data));
}

/** Rows containing every term. Terms never contain whitespace, so none can match across two fields. */
function applySearch(table: ColumnTable, terms: string[]): ColumnTable {
  if (terms.length === 0) return table;
  const haystack = table.column('haystack')!;
  return keepRows(table, (row) => {
    const text = haystack.at(row) as string;
    return terms.every((term) => text.includes(term));
  });
}

function applyFilters(table: ColumnTable, params: FilterParams): ColumnTable {
  const passesAll = Object.values(params).every((on: boolean[]) => on.every(Boolean));
  if (passesAll) return table;
  const rank = (column: string) => table.column(column)!;
  const [city, category, kind, period] = [rank('order'), rank('category_rank'), rank('kind_rank'), rank('period_rank')];
  return keepRows(
    table,
    (row) =>
      params.cityOn[city.at(row) as number]! &&
      params.categoryOn[category.at(row) as number]! &&
      params.kindOn[kind.at(row) as number]! &&
      params.periodOn[period.at(row) as number]!,
  );
}

/** A facet's pass list: `chosen` values pass; an empty `chosen` passes everything when `emptyMeansAll`. */
function passing(order: readonly string[], chosen: readonly string[], emptyMeansAll: boolean): boolean[] {
  if (chosen.length === 0 && emptyMeansAll) return order.map(() => true);
  const set = new Set(chosen);
  return order.map((value) => set.has(value));
}

/**
 * Rows per value of each facet, each facet counted over the rows the other facets let through (what choosing that
 * value would give): one pass over the searched rows, reading the four rank columns.
 */
function facetCounts(table: ColumnTable, params: FilterParams, base: ExplorerBase): Facets {
  const facets = [
    { column: 'order', on: params.cityOn, values: base.cityOrder },
    { column: 'category_rank', on: params.categoryOn, values: base.categoryOrder },
    { column: 'kind_rank', on: params.kindOn, values: base.kindOrder },
    { column: 'period_rank', on: params.periodOn, values: base.periodOrder },
  ];
  const columns = facets.map((facet) => table.column(facet.column)!);
  const counts = facets.map((facet) => facet.values.map(() => 0));
  const mask = table.mask();
  const rows = table.totalRows();
  const ranks = [0, 0, 0, 0];
  for (let row = mask ? mask.next(0) : 0; row >= 0 && row < rows; row = mask ? mask.next(row + 1) : row + 1) {
    let failed = -1;
    let failures = 0;
    for (let f = 0; f < 4; f++) {
      ranks[f] = columns[f]!.at(row) as number;
      if (!facets[f]!.on[ranks[f]!]) {
        failed = f;
        failures++;
      }
    }
    // A row every facet passes counts for each; a row one facet stops counts only for that facet's values.
    if (failures === 0) for (let f = 0; f < 4; f++) counts[f]![ranks[f]!]!++;
    else if (failures === 1) counts[failed]![ranks[failed]!]!++;
  }
  const counted = <Value extends string>(values: readonly Value[], tally: number[]): FacetValue<Value>[] =>
    values.map((value, rank) => ({ value, count: tally[rank]! }));
  return {
    cities: counted(base.cityOrder, counts[0]!),
    categories: counted(base.categoryOrder, counts[1]!),
    kinds: counted(base.kindOrder, counts[2]!),
    periods: counted(base.periodOrder, counts[3]!),
  };
}

/** Order keys: the chosen column (reversed if asked), then the default order for ties. */
function sortKeys(sort: Exclude<ExplorerSortKey, 'city' | 'label'>, descending: boolean): OrderKey[] {
  const primary: Record<typeof sort, string> = {
    category: 'category_rank',
    measure: 'measure',
    kind: 'kind_rank',
    period: 'period_rank',
    value: 'value',
  };
  const column = primary[sort];
  // Values sort within a unit: 18 万元 and 1,400 people are not larger or smaller than each other.
  // And within one measure of one category: new high-tech firms and new incubators are both 家, and still not the same.
  const keys: OrderKey[] = sort === 'value' ? ['value_missing', 'category_rank', 'measure', 'unit'] : [];
  keys.push(descending ? { column, descending: true } : column, 'canonical_rank');
  return keys;
}

/** Sorts whose order depends on the reader's language: names and labels collate as that language's readers expect. */
const TEXT_SORTS = new Map<ExplorerSortKey, Record<Lang, string>>([
  ['city', { en: 'city_en', zh: 'city_zh' }],
  ['label', { en: 'label_en', zh: 'label_zh' }],
]);

const sortColumn = (sort: ExplorerSortKey, descending: boolean, lang: Lang): string =>
  `sort_${sort}${TEXT_SORTS.has(sort) ? `_${lang}` : ''}_${descending ? 'desc' : 'asc'}`;

/**
 * Each row's position under one sort, computed the first time that sort is asked for and kept: a query then
 * sorts on one integer column, which keeps re-sorting tens of thousands of rows cheap.
 */
function ensureSortPositions(base: ExplorerBase, sort: ExplorerSortKey, descending: boolean, lang: Lang): string {
  const column = sortColumn(sort, descending, lang);
  if (base.table.columnNames().includes(column)) return column;
  if (sort === 'city' || sort === 'label') {
    const text = TEXT_SORTS.get(sort)!;
    const tie = base.table.array('canonical_rank') as ArrayLike<number>;
    const positions = collatedPositions(base.table.array(text[lang]) as ArrayLike<string>, tie, lang, descending);
    base.table = base.table.assign({ [column]: positions });
    return column;
  }
  const position = new Int32Array(base.table.numRows());
  orderRows(base.table, ...sortKeys(sort, descending))
    .indices()
    .forEach((row, index) => (position[row] = index));
  base.table = base.table.assign({ [column]: position });
  return column;
}

/** Every figure matching the query, sorted, with facet counts that show what each other choice would give. */
export function queryExplorer(data: Dataset, query: ExplorerQuery): ExplorerResult {
  const base = explorerBase(data);
  const terms = searchTerms(query.search);
  if (terms.length > 0) ensureSearchable(base);
  // The table is stored in the default order, which is exactly city ascending by English name: nothing to sort then.
  const inStoredOrder = query.sort === 'city' && !query.descending && (query.lang ?? 'en') === 'en';
  const positions = inStoredOrder ? '' : ensureSortPositions(base, query.sort, query.descending, query.lang ?? 'en');
  const searched = applySearch(base.table, terms);
  const params: FilterParams = {
    // An empty city list selects no city, whereas an empty list of any other facet leaves it unfiltered.
    cityOn: passing(base.cityOrder, query.cities, false),
    categoryOn: passing(base.categoryOrder, query.categories, true),
    kindOn: passing(base.kindOrder, query.kinds, true),
    periodOn: passing(base.periodOrder, query.periods, true),
  };
  const filtered = applyFilters(searched, params);
  const order = (inStoredOrder ? filtered : orderRows(filtered, positions)).indices();
  const rows = Array.from(order, (index) => base.marks[index]!);
  const facets = facetCounts(searched, params, base);
  return { rows, total: base.table.numRows(), facets };
}

// ---------------------------------------------------------------------------------------------
// Comparison groups: the same compare() as the headline views, over the explorer's rows


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

/** A group as the explorer charts it: in city order, set-apart figures after the comparable ones. */
export interface ComparisonPanel {
  group: Group;
  figures: SortedFigure[];
  sectioned: boolean;
}

/** Groups of one category's rows that two or more cities state, most cities first. */
export function comparisonGroups(rows: Mark[], groups: Group[] = compare(rows)): ComparisonPanel[] {
  return groups
    .filter((g) => g.cities.length >= 2)
    .sort(
      (a, b) =>
        b.cities.length - a.cities.length ||
        compareCategories(a.category, b.category) ||
        (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0) ||
        (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
    )
    .map((group) => {
      const figures = sortGroup(group, 'name');
      return { group, figures, sectioned: needsSections(figures, 'name') };
    });
}

/** Why the rows give nothing to compare; null when `comparisonGroups(rows)` has a group. */
export function whyNoComparison(rows: Mark[], groups: Group[] = compare(rows)): NoComparison | null {
  if (groups.some((g) => g.cities.length >= 2)) return null;
  const stated = groups.filter((g) => g.cities.length > 0);
  if (stated.length === 0) {
    const missing = groups.flatMap((g) => g.figures.filter((f) => f.status === 'missing').map((f) => f.mark));
    return { code: 'no_stated_figures', cities: cityOrder(missing) };
  }
  const cities = cityOrder(stated.flatMap((g) => g.figures.filter((f) => f.status !== 'missing').map((f) => f.mark)));
  if (cities.length === 1) return { code: 'single_city', city: cities[0]! };
  return {
    code: 'different_measures',
    measures: stated.map((g) => ({ category: g.category, measure: g.measure, unit: g.unit, cities: g.cities })),
  };
}

function cityOrder(marks: Mark[]): string[] {
  return [...new Set([...marks].sort((a, b) => a.order - b.order).map((m) => m.city))];
}

export interface ExplorerModel extends ExplorerResult {
  /** Only when exactly one category is chosen: groups to chart, or why there is none. */
  comparison: {
    category: string;
    groups: ComparisonPanel[];
    /** The groups only one city states: not in a comparison, each figure alone (the CSV lists them with why). */
    alone: ComparisonPanel[];
    why: NoComparison | null;
  } | null;
}

/** The whole explorer for one query: matching rows, facets and, for a single category, what can be compared. */
export function buildExplorer(data: Dataset, query: ExplorerQuery): ExplorerModel {
  const result = queryExplorer(data, query);
  const category = query.categories.length === 1 ? query.categories[0]! : null;
  if (category === null) return { ...result, comparison: null };
  // One compare() serves both: the groups to chart and, when there is none, why.
  const groups = compare(result.rows);
  const alone = groups
    .filter((g) => g.cities.length < 2 && g.figures.length > 0)
    .map((group) => ({ group, figures: sortGroup(group, 'name'), sectioned: false }));
  const comparison = { category, groups: comparisonGroups(result.rows, groups), alone, why: whyNoComparison(result.rows, groups) };
  return { ...result, comparison };
}

/** What one run of a value sort shares: figures are ranked only against others of the same measure and unit. */
export const valueRunKey = (mark: Pick<Mark, 'value' | 'category' | 'measure' | 'unit'>): string =>
  mark.value === null ? 'not_stated' : `${mark.category}\u0000${mark.measure}\u0000${mark.unit}`;

/**
 * The rows that start a run under a value sort, given in display order: the first row shown, and each row whose
 * measure or unit differs from the row before it. Each gets a heading, so no two units ever share a run unheaded.
 */
export function valueRunStarts(rows: readonly Mark[]): Set<string> {
  const starts = new Set<string>();
  rows.forEach((row, i) => {
    if (i === 0 || valueRunKey(row) !== valueRunKey(rows[i - 1]!)) starts.add(row.id);
  });
  return starts;
}
