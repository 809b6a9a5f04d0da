// THE comparability core: which figures stand side by side, which are set apart and why — decided once, from explicit columns.
import { KINDS, type Kind, type ScopeClass } from './schema';
import { comparePeriods } from './period';
import type { Mark } from './views/marks';

/**
 * Why two figures cannot be compared, most fundamental first. The first four change what a figure
 * counts, so such a figure is set apart (drawn dashed, never ranked); the last three leave the measure
 * alone but put the figures in different rank sets (no value is called higher than another across them).
 */
export const REASON_CODES = [
  'unit',
  'measure',
  'combined',
  'scope',
  'scope_unstated',
  'period_length',
  'years',
  'kind',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

const SETS_APART: ReadonlySet<ReasonCode> = new Set(['unit', 'measure', 'combined', 'scope', 'scope_unstated']);
export const setsApart = (code: ReasonCode): boolean => SETS_APART.has(code);

/**
 * Categories whose measure is defined by its scope: a share of GDP or an R&D total means nothing until the
 * text says whose spending it is, so an unstated scope sets the figure apart. A count of firms named without a
 * scope is the city's own count, the same population as one that says 全市.
 */
const SCOPE_DEFINES_MEASURE: ReadonlySet<string> = new Set(['rd_intensity', 'rd_spending']);

/** When several scopes have as many cities, the broader one is the reference the others are set apart from. */
const SCOPE_PREFERENCE: readonly ScopeClass[] = [
  'economy_wide',
  'city_wide',
  'above_size_firms',
  'above_size_industry',
  'enterprises',
];

/** The population a figure counts, as a comparison key; null when a scope-defined figure names none. */
export function scopeKey(mark: Pick<Mark, 'id' | 'category' | 'scope_class'>): string | null {
  if (mark.scope_class === 'not_stated') return SCOPE_DEFINES_MEASURE.has(mark.category) ? null : 'city_wide';
  // A named group (省级, a programme, a zone) is only ever the same as itself.
  if (mark.scope_class === 'named_group') return `named_group:${mark.id}`;
  return mark.scope_class;
}

type Comparable = Pick<Mark, 'id' | 'category' | 'measure' | 'unit' | 'combined' | 'scope_class' | 'span' | 'period' | 'kind'>;

/** Every reason two stated figures cannot be set against each other; [] when they compare. */
export function pairReasons(a: Comparable, b: Comparable): ReasonCode[] {
  const reasons: ReasonCode[] = [];
  if (a.unit !== b.unit) reasons.push('unit');
  if (a.category !== b.category || a.measure !== b.measure) reasons.push('measure');
  if (a.combined || b.combined) reasons.push('combined');
  const keyA = scopeKey(a);
  const keyB = scopeKey(b);
  if (keyA === null || keyB === null) reasons.push('scope_unstated');
  else if (keyA !== keyB) reasons.push('scope');
  if (a.span.months !== b.span.months) reasons.push('period_length');
  else if (a.period !== b.period) reasons.push('years');
  if (a.kind !== b.kind) reasons.push('kind');
  return reasons;
}

export type Status = 'comparable' | 'set_apart' | 'missing';

/**
 * Where a figure stands for ranking: ranked against others of its period and kind; drawn beside comparable
 * figures but not ranked against them (another period or kind); the only stated figure of its group; or its status.
 */
export type Standing = 'ranked' | 'unranked' | 'alone' | 'set_apart' | 'missing';

/** One figure as a chart, table, card or export shows it. */
export interface ComparedFigure {
  mark: Mark;
  status: Status;
  /**
   * For a set-apart figure: what sets it apart. For a comparable one outside the first rank set: how it
   * differs from that set (period length, years, kind). Empty otherwise.
   */
  reasons: ReasonCode[];
  /** Index into the group's rankSets; -1 when set apart or missing. */
  rankSet: number;
  standing: Standing;
  /** How many other figures share its rank set (0 unless ranked). */
  peers: number;
  /** The same figure stated again elsewhere in the document, perhaps in other words (新增 vs 净增, 力争): shown on its card. */
  wordings: Mark[];
  /** 其中 figures that are part of this one: shown on its card, never drawn as figures of their own. */
  parts: Mark[];
  /** Where it sits in a sorted group: its rank set, the set-apart figures or the missing ones. */
  section: Section;
}

/** Figures that can be ranked against each other: same period and kind, and comparable by measure and scope. */
export interface RankSet {
  period: string;
  kind: Kind;
  ids: string[];
}

export interface GroupReason {
  code: ReasonCode;
  /** The figures it applies to, in the group's order. */
  ids: string[];
}

export interface Group {
  key: string;
  category: string;
  measure: string;
  unit: string;
  /** Stated figures first, then not_stated ones, each in city and period order (sortGroup keeps it among equals). */
  figures: ComparedFigure[];
  rankSets: RankSet[];
  /** Distinct cities with a stated figure, in city order. */
  cities: string[];
  /** True when every stated figure is in one rank set: nothing set apart, one period, one kind. */
  comparable: boolean;
  reasons: GroupReason[];
  /** Largest stated value, for the scale. */
  max: number;
  /** Smallest stated value or zero, whichever is lower: a fall (a negative growth rate) is drawn left of zero. */
  min: number;
}

export interface GroupSpec {
  key: string;
  category: string;
  measure: string;
  unit: string;
}

export interface Resolved {
  /** Rows that are figures in their own right, each with its restatements and parts attached. */
  primary: ComparedFigure[];
  /** 其中 parts whose total is not among the rows: never compared, listed so nothing vanishes silently. */
  orphanParts: Mark[];
}

/** No reasons, restatements or parts: one frozen list shared by the many figures that have none. */
const NONE: never[] = Object.freeze([]) as never[];
const SET_APART: Section = { code: 'set_apart' };
const MISSING: Section = { code: 'missing' };

const byCityThenPeriod = (a: Mark, b: Mark) => a.order - b.order || comparePeriods(a.period, b.period);

/**
 * Each figure once: a restatement joins its primary's card; a 其中 part joins its total's. A restatement whose
 * primary is not among the rows (a filter hid it) stands in for it, since it is the same figure.
 */
export function resolve(rows: readonly Mark[]): Resolved {
  // Plain loops and no arrays made for nothing: a headline panel of hundreds of cities is resolved on every toggle.
  const byId = new Map<string, Mark>();
  for (const row of rows) byId.set(row.id, row);
  const entries = new Map<string, ComparedFigure>();
  const orphanParts: Mark[] = [];
  const primaryOf = (row: Mark): Mark => {
    if (!row.restates) return row;
    let current = row;
    const seen = new Set<string>();
    while (current.restates && byId.has(current.restates) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.restates)!;
    }
    return current;
  };
  const entryOf = (mark: Mark): ComparedFigure => {
    let entry = entries.get(mark.id);
    if (!entry) {
      entry = { mark, status: 'comparable', reasons: NONE, rankSet: -1, standing: 'alone', peers: 0, wordings: NONE, parts: NONE, section: MISSING };
      entries.set(mark.id, entry);
    }
    return entry;
  };
  const sorted = inOrderOf([...rows], byCityThenPeriod);
  for (const row of sorted) if (!row.part_of && primaryOf(row) === row) entryOf(row);
  for (const row of sorted) {
    if (row.part_of) {
      const total = byId.get(row.part_of);
      if (total && !total.part_of) {
        const entry = entryOf(primaryOf(total));
        entry.parts = [...entry.parts, row];
      } else orphanParts.push(row);
      continue;
    }
    const primary = primaryOf(row);
    if (primary !== row) {
      const entry = entryOf(primary);
      entry.wordings = [...entry.wordings, row];
    }
  }
  // In city and period order, as sortGroup relies on: an entry made in the second pass (a restatement of a 其中 part
  // stands in for it) joins where its figure belongs, not at the end. The list is in that order but for those few.
  return { primary: inOrderOf([...entries.values()], (a, b) => byCityThenPeriod(a.mark, b.mark)), orphanParts };
}

/**
 * `items` sorted (stably) by `order`, in place; when they already are, as rows picked in reading order mostly are,
 * one pass finds it and no sort runs.
 */
function inOrderOf<T>(items: T[], order: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i++) if (order(items[i - 1]!, items[i]!) > 0) return items.sort(order);
  return items;
}

const isStated = (mark: Mark): boolean => mark.kind !== 'not_stated' && mark.value !== null;

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** Sets apart what counts something else, then splits the rest into rank sets by period and kind. */
function classify(entries: ComparedFigure[]): RankSet[] {
  // Each candidate's scope key, worked out once.
  const candidates: { entry: ComparedFigure; scope: string }[] = [];
  const citiesByScope = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (!isStated(entry.mark)) {
      entry.status = 'missing';
      entry.standing = 'missing';
      entry.section = MISSING;
      continue;
    }
    const scope = entry.mark.combined ? null : scopeKey(entry.mark);
    if (entry.mark.combined) setApart(entry, ['combined']);
    else if (scope === null) setApart(entry, ['scope_unstated']);
    else {
      candidates.push({ entry, scope });
      const cities = citiesByScope.get(scope);
      if (cities) cities.add(entry.mark.city);
      else citiesByScope.set(scope, new Set([entry.mark.city]));
    }
  }
  const preference = (key: string) => {
    const rank = SCOPE_PREFERENCE.indexOf(key as ScopeClass);
    return rank === -1 ? SCOPE_PREFERENCE.length : rank;
  };
  const reference = [...citiesByScope.entries()].sort(
    ([a, citiesA], [b, citiesB]) => citiesB.size - citiesA.size || preference(a) - preference(b),
  )[0]?.[0];
  const comparable: ComparedFigure[] = [];
  for (const { entry, scope } of candidates) {
    if (scope === reference) comparable.push(entry);
    else setApart(entry, ['scope']);
  }

  const sets = new Map<string, RankSet>();
  for (const entry of comparable) {
    const key = `${entry.mark.period}|${entry.mark.kind}`;
    const set = sets.get(key) ?? { period: entry.mark.period, kind: entry.mark.kind, ids: [] };
    set.ids.push(entry.mark.id);
    sets.set(key, set);
  }
  // Largest first; among equals the most recent period, the one a reader most likely asks about.
  const rankSets = [...sets.values()].sort(
    (a, b) => b.ids.length - a.ids.length || comparePeriods(b.period, a.period) || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind),
  );
  const setOf = new Map<string, number>();
  rankSets.forEach((set, index) => {
    for (const id of set.ids) setOf.set(id, index);
  });
  const sections = rankSets.map((_, index): Section => ({ code: 'rank_set', index }));
  // The first figure of the first two rank sets: each figure's reasons are read against one of them.
  const firsts: (ComparedFigure | undefined)[] = [undefined, undefined];
  for (const entry of comparable) {
    const index = setOf.get(entry.mark.id)!;
    if (index < 2) firsts[index] ??= entry;
  }
  for (const entry of comparable) {
    entry.status = 'comparable';
    entry.rankSet = setOf.get(entry.mark.id)!;
    entry.section = sections[entry.rankSet]!;
    const size = rankSets[entry.rankSet]!.ids.length;
    entry.peers = size - 1;
    entry.standing = size > 1 ? 'ranked' : comparable.length > 1 ? 'unranked' : 'alone';
    // How it differs from the figures it is drawn beside: the first rank set, or for that set the next one.
    const other = firsts[entry.rankSet === 0 ? 1 : 0];
    entry.reasons = entry.standing === 'ranked' && entry.rankSet === 0 ? NONE : other ? pairReasons(entry.mark, other.mark) : NONE;
  }
  return rankSets;
}

function setApart(entry: ComparedFigure, reasons: ReasonCode[]): void {
  entry.status = 'set_apart';
  entry.standing = 'set_apart';
  entry.reasons = reasons;
  entry.rankSet = -1;
  entry.section = SET_APART;
}

function groupReasons(figures: ComparedFigure[], rankSets: RankSet[]): GroupReason[] {
  // One pass over the figures, then the codes in their fixed order.
  const idsOf = new Map<ReasonCode, string[]>();
  for (const figure of figures)
    for (const code of figure.reasons) {
      const ids = idsOf.get(code);
      if (ids) ids.push(figure.mark.id);
      else idsOf.set(code, [figure.mark.id]);
    }
  const reasons: GroupReason[] = [];
  for (const code of REASON_CODES) {
    const ids = idsOf.get(code);
    if (!ids) continue;
    // Figures in the first rank set differ from the others just as much: name both sides.
    if (!setsApart(code)) ids.unshift(...(rankSets[0]?.ids ?? []));
    reasons.push({ code, ids: unique(ids) });
  }
  return reasons;
}

function buildGroup(key: string, entries: ComparedFigure[]): Group {
  const { category, measure, unit } = entries[0]!.mark;
  const rankSets = classify(entries);
  // One pass: a headline panel of hundreds of cities is rebuilt on every toggle.
  const stated: ComparedFigure[] = [];
  const missing: ComparedFigure[] = [];
  const cities = new Set<string>();
  let allComparable = true;
  let max = 0;
  let min = 0;
  for (const entry of entries) {
    if (entry.status === 'missing') {
      missing.push(entry);
      continue;
    }
    stated.push(entry);
    cities.add(entry.mark.city);
    if (entry.status !== 'comparable') allComparable = false;
    max = Math.max(max, entry.mark.value!);
    min = Math.min(min, entry.mark.value!);
  }
  const figures = [...stated, ...missing];
  return {
    key,
    category,
    measure,
    unit,
    figures,
    rankSets,
    cities: [...cities],
    comparable: stated.length > 0 && allComparable && rankSets.length === 1,
    reasons: groupReasons(figures, rankSets),
    max,
    min,
  };
}

/** Groups figures by measure: category and measure are snake_case, so the two NULs always fall where they split. */
const measureKey = (mark: Pick<Mark, 'category' | 'measure' | 'unit'>) => `${mark.category}\u0000${mark.measure}\u0000${mark.unit}`;
/** A group's key where it is shown or written (a strip's attribute, an SVG): readable text, never a NUL. */
const groupKey = ({ mark }: ComparedFigure) => JSON.stringify([mark.category, mark.measure, mark.unit]);

/**
 * Groups rows by category, measure and unit and decides, per group, what compares. With `specs`, only those
 * groups, in that order, keyed by the spec's key (the headline views); without, every group present.
 */
export function compare(rows: readonly Mark[], specs?: readonly GroupSpec[]): Group[] {
  const { primary } = resolve(rows);
  const byMeasure = new Map<string, ComparedFigure[]>();
  for (const entry of primary) {
    const key = measureKey(entry.mark);
    const group = byMeasure.get(key);
    if (group) group.push(entry);
    else byMeasure.set(key, [entry]);
  }
  if (!specs) return [...byMeasure.values()].map((entries) => buildGroup(groupKey(entries[0]!), entries));
  return specs.flatMap((spec) => {
    const entries = byMeasure.get(measureKey(spec));
    return entries ? [buildGroup(spec.key, entries)] : [];
  });
}

export type SortOrder = 'value' | 'name';

/** Where a figure sits in a sorted group: a rank set, the set-apart figures, or the missing ones. */
export type Section = { code: 'rank_set'; index: number } | { code: 'set_apart' } | { code: 'missing' };

/** A compared figure in a sorted group's order (its section is decided with its status). */
export type SortedFigure = ComparedFigure;

/**
 * The order a chart, table and export show a group in. Comparable figures always come first; set-apart ones
 * follow as their own labelled section, then the missing. By value, each rank set is sorted on its own, so no
 * figure is ranked above one it cannot be compared with; figures of one value keep the group's (city) order. The
 * figures are the group's own, reordered: in buckets, not by a sort calling a comparison thousands of times, since a
 * panel of hundreds of cities is sorted again on every toggle.
 */
export function sortGroup(group: Group, sort: SortOrder): SortedFigure[] {
  const bySet: SortedFigure[][] = group.rankSets.map(() => []);
  const comparable: SortedFigure[] = [];
  const apart: SortedFigure[] = [];
  const missing: SortedFigure[] = [];
  for (const figure of group.figures) {
    if (figure.status === 'set_apart') apart.push(figure);
    else if (figure.status === 'missing') missing.push(figure);
    else if (sort === 'value') bySet[figure.rankSet]!.push(figure);
    else comparable.push(figure);
  }
  if (sort === 'value') for (const set of bySet) comparable.push(...inValueOrder(set, 'descending'));
  return [...comparable, ...apart, ...missing];
}

/**
 * Stated figures by value, lowest first or highest first, figures of one value in the order given: grouped by value
 * and the distinct values sorted natively, not a sort calling a comparison thousands of times on every toggle.
 */
export function inValueOrder(figures: readonly SortedFigure[], direction: 'ascending' | 'descending' = 'ascending'): SortedFigure[] {
  const byValue = new Map<number, SortedFigure[]>();
  for (const figure of figures) {
    const same = byValue.get(figure.mark.value!);
    if (same) same.push(figure);
    else byValue.set(figure.mark.value!, [figure]);
  }
  const values = Float64Array.from(byValue.keys()).sort();
  if (direction === 'descending') values.reverse();
  const ordered: SortedFigure[] = [];
  for (const value of values) ordered.push(...byValue.get(value)!);
  return ordered;
}

/**
 * The section a figure is shown in under a sort: by value each rank set is its own section (it is ranked on its
 * own); by name the comparable figures are one, in city order.
 */
export function sectionKey(section: Section, sort: SortOrder): string {
  if (section.code !== 'rank_set') return section.code;
  return sort === 'value' ? `rank_set:${section.index}` : 'comparable';
}

/** True when a sorted group shows more than one section, so each needs a heading to be read rightly. */
export function needsSections(figures: SortedFigure[], sort: SortOrder): boolean {
  let first: string | undefined;
  for (const { section } of figures) {
    if (section.code === 'missing') continue;
    const key = sectionKey(section, sort);
    if (first === undefined) first = key;
    else if (key !== first) return true;
  }
  return false;
}
