// One pure model per headline view: fixed settings of compare(), plus notes and a summary as codes (words come later).
import type { Dataset } from '../dataset';
import type { NationalRdRow } from '../schema';
import {
  compare,
  needsSections,
  sortGroup,
  type GroupSpec,
  type Group,
  type RankSet,
  type ReasonCode,
  type SortOrder,
  type SortedFigure,
} from '../compare';
import { parsePeriod, type PeriodLength } from '../period';
import type { Kind } from '../schema';
import { selectMarks, type Mark } from './marks';

export const VIEW_IDS = ['rd', 'firms', 'market'] as const;
export type ViewId = (typeof VIEW_IDS)[number];
export type { SortOrder };

interface ViewSpec {
  category: string;
  /** Each panel is one measure in one unit: flows, stocks, rates and amounts never share a scale. */
  panels: GroupSpec[];
  withNationalReference?: boolean;
}

const panel = (category: string, measure: string, unit: string, key = measure): GroupSpec => ({ key, category, measure, unit });

/** Which figures each view draws, panel by panel. */
export const VIEW_SPECS: Record<ViewId, ViewSpec> = {
  rd: {
    category: 'rd_intensity',
    panels: [panel('rd_intensity', 'share_of_gdp', '%')],
    withNationalReference: true,
  },
  firms: {
    category: 'high_tech_firms',
    panels: [
      ...['new', 'net_increase', 'certified', 'applications', 'stock'].map((m) => panel('high_tech_firms', m, '家')),
      panel('high_tech_firms', 'stock', '%', 'stock_share'),
      panel('high_tech_firms', 'growth', '倍'),
      panel('high_tech_firms', 'growth', '%', 'growth_pct'),
    ],
  },
  market: {
    category: 'tech_market',
    panels: [
      ...['turnover', 'absorbed', 'exported'].map((m) => panel('tech_market', m, '亿元')),
      panel('tech_market', 'growth', '%'),
    ],
  },
};

/** The units of each headline category and measure; a Map, so a name read from a file ("constructor", "__proto__") is just a key. */
const HEADLINE_UNITS = new Map<string, string[]>();
const unitKey = (category: string, measure: string) => `${category}\u0000${measure}`;
for (const spec of Object.values(VIEW_SPECS))
  for (const p of spec.panels) {
    const key = unitKey(p.category, p.measure);
    HEADLINE_UNITS.set(key, [...(HEADLINE_UNITS.get(key) ?? []), p.unit]);
  }
const NO_UNITS: readonly string[] = [];

/** Units each headline category and measure is drawn in: the importer warns about the others. */
export function headlineUnits(category: string, measure: string): readonly string[] {
  return HEADLINE_UNITS.get(unitKey(category, measure)) ?? NO_UNITS;
}

export interface Panel {
  key: string;
  unit: string;
  group: Group;
  /** The group's figures in the chosen order. */
  figures: SortedFigure[];
  /** Whether the chart heads each section (rank sets, set apart): more than one shows. */
  sectioned: boolean;
  /** The scale runs from zero (or `min`, when a figure is below zero) to at least this. */
  max: number;
  min: number;
}

export interface Reference {
  year: number;
  value: number;
  source_zh: string;
  source_en: string;
  note: string;
}

/** Things a reader must know before comparing, as codes with the figures they concern. */
export type Note =
  | { code: 'periods'; periods: { period: string; marks: Mark[] }[]; lengths: PeriodLength[] }
  | { code: 'kinds'; kinds: { kind: Kind; marks: Mark[] }[] }
  | { code: 'set_apart'; mark: Mark; reasons: ReasonCode[] }
  | { code: 'restated'; mark: Mark; wordings: Mark[] }
  | { code: 'missing'; marks: Mark[] }
  | { code: 'own_scale' };

/** The summary's sentences as codes. `panel` is set when the view has several panels. */
export type SummaryPart =
  | { code: 'panels'; count: number }
  | { code: 'highest'; panel: string | null; marks: Mark[] }
  | { code: 'not_ranked'; panel: string | null }
  | { code: 'highest_actual'; mark: Mark }
  | { code: 'set_apart'; mark: Mark }
  | { code: 'missing'; marks: Mark[] }
  | { code: 'national'; first: Reference; last: Reference };

export interface ViewModel {
  id: ViewId;
  sort: SortOrder;
  panels: Panel[];
  /** Every figure of every panel, in panel order: the table twin and the exports read exactly these. */
  figures: SortedFigure[];
  /** The same as marks, for consumers that need only the rows. */
  marks: Mark[];
  references: Reference[];
  readonly notes: Note[];
  readonly summary: SummaryPart[];
}

export interface ViewOptions {
  cities: readonly string[];
  sort: SortOrder;
  /** Every city in reading order (see selectMarks): without it, `cities` must be in reading order. */
  order?: readonly string[];
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

const isStated = (f: SortedFigure) => f.status !== 'missing';

function byValue<T>(items: T[], key: (item: T) => string): { key: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups.entries()].map(([k, list]) => ({ key: k, items: list }));
}

function viewNotes(panels: Panel[]): Note[] {
  const figures = panels.flatMap((p) => p.figures);
  const stated = figures.filter(isStated).map((f) => f.mark);
  const notes: Note[] = [];
  const periods = byValue(stated, (x) => x.period).sort((a, b) => parsePeriod(a.key)!.start - parsePeriod(b.key)!.start || (a.key < b.key ? -1 : 1));
  if (periods.length > 1)
    notes.push({
      code: 'periods',
      periods: periods.map((p) => ({ period: p.key, marks: p.items })),
      lengths: unique(stated.map((x) => x.span.length)).filter((l) => l !== 'year'),
    });
  const kinds = byValue(stated, (x) => x.kind);
  if (kinds.length > 1) notes.push({ code: 'kinds', kinds: kinds.map((k) => ({ kind: k.key as Kind, marks: k.items })) });
  for (const f of figures) if (f.status === 'set_apart') notes.push({ code: 'set_apart', mark: f.mark, reasons: f.reasons });
  for (const f of figures) if (f.wordings.length > 0) notes.push({ code: 'restated', mark: f.mark, wordings: f.wordings });
  const missing = figures.filter((f) => f.status === 'missing').map((f) => f.mark);
  if (missing.length > 0) notes.push({ code: 'missing', marks: missing });
  if (panels.length > 1) notes.push({ code: 'own_scale' });
  return notes;
}

function summarise(view: ViewId, panels: Panel[], references: Reference[]): SummaryPart[] {
  const parts: SummaryPart[] = [];
  if (panels.length > 1) parts.push({ code: 'panels', count: panels.length });
  for (const p of panels) {
    const name = panels.length > 1 ? p.key : null;
    // Each rank set's figures in the panel's order, in one pass over the panel: hundreds of cities make many sets.
    const setOf = new Map<string, RankSet>();
    for (const set of p.group.rankSets) for (const id of set.ids) setOf.set(id, set);
    const inSet = new Map<RankSet, SortedFigure[]>();
    for (const f of p.figures) {
      const set = setOf.get(f.mark.id);
      if (!set) continue;
      const list = inSet.get(set);
      if (list) list.push(f);
      else inSet.set(set, [f]);
    }
    const figuresOf = (set: RankSet) => inSet.get(set) ?? [];
    const targetSets = p.group.rankSets.filter((s) => s.kind === 'target');
    // Only targets of one period and kind are ranked: a 2021 goal is not "lower" than a 2023 one, and a figure
    // alone in its set is not "highest" of anything.
    const ranked = targetSets.filter((s) => s.ids.length > 1);
    for (const set of ranked) {
      const targets = figuresOf(set).map((f) => f.mark);
      const top = Math.max(...targets.map((x) => x.value!));
      parts.push({ code: 'highest', panel: name, marks: targets.filter((x) => x.value === top) });
    }
    if (ranked.length === 0 && targetSets.length > 1) parts.push({ code: 'not_ranked', panel: name });
    // "Largest reported" too only within one rank set of actuals: a figure ranked against nothing is largest of nothing.
    for (const set of p.group.rankSets.filter((s) => s.kind === 'actual' && s.ids.length > 1 && panels.length === 1)) {
      const biggest = [...figuresOf(set)].sort((a, b) => b.mark.value! - a.mark.value!)[0];
      if (biggest) parts.push({ code: 'highest_actual', mark: biggest.mark });
    }
  }
  const all = panels.flatMap((p) => p.figures);
  for (const f of all) if (f.status === 'set_apart') parts.push({ code: 'set_apart', mark: f.mark });
  // "States no figure" is said only of a city that states none in the view: one with a 2021 actual and a not-stated
  // 2022 row does state one (the notes list each not-stated row).
  const stating = new Set(all.filter((f) => f.status !== 'missing').map((f) => f.mark.city));
  const missing = all.filter((f) => f.status === 'missing' && !stating.has(f.mark.city)).map((f) => f.mark);
  if (missing.length > 0) parts.push({ code: 'missing', marks: missing });
  if (view === 'rd' && references.length > 0)
    parts.push({ code: 'national', first: references[0]!, last: references[references.length - 1]! });
  return parts;
}

/** How many models each dataset keeps: the last few states a reader saw, to go back to at no cost. */
const RECENT_MODELS = 4;
const recentModels = new WeakMap<Dataset, Map<string, ViewModel>>();
/** A number per reading-order list, for the key: the list is one array until the language or the cities change. */
const orderIds = new WeakMap<readonly string[], number>();
let nextOrderId = 1;

/**
 * The whole model of one headline view for the chosen cities and order. The last few are kept per dataset: a city
 * toggled off and on again, or a view switched back to, finds its model made (models are never changed once made).
 */
export function buildView(data: Dataset, view: ViewId, options: ViewOptions): ViewModel {
  let recent = recentModels.get(data);
  if (!recent) recentModels.set(data, (recent = new Map()));
  let orderId = options.order ? orderIds.get(options.order) : 0;
  if (orderId === undefined) orderIds.set(options.order!, (orderId = nextOrderId++));
  const key = `${view}\u0001${options.sort}\u0001${orderId}\u0001${options.cities.join('\u0000')}`;
  const kept = recent.get(key);
  // Most recently used last: the first is the one to forget.
  if (kept) recent.delete(key);
  const model = kept ?? makeView(data, view, options);
  recent.set(key, model);
  if (recent.size > RECENT_MODELS) recent.delete(recent.keys().next().value!);
  return model;
}

function makeView(data: Dataset, view: ViewId, options: ViewOptions): ViewModel {
  const spec = VIEW_SPECS[view];
  const rows = selectMarks(data, { category: spec.category, cities: options.cities, order: options.order });
  const references: Reference[] = spec.withNationalReference
    ? (data.nationalRd.objects() as NationalRdRow[]).map((r) => ({
        year: r.year,
        value: r.value,
        source_zh: r.source_zh,
        source_en: r.source_en,
        note: r.note,
      }))
    : [];
  const panels = compare(rows, spec.panels).map((group, index): Panel => {
    const figures = sortGroup(group, options.sort);
    const referenceMax = index === 0 ? Math.max(0, ...references.map((r) => r.value)) : 0;
    return {
      key: group.key,
      unit: group.unit,
      group,
      figures,
      sectioned: needsSections(figures, options.sort),
      max: Math.max(group.max, referenceMax),
      min: group.min,
    };
  });
  const figures = panels.flatMap((p) => p.figures);
  // Notes and summary are made when first read: the words under a chart follow a city toggle a frame after it.
  let notes: Note[] | undefined;
  let summary: SummaryPart[] | undefined;
  return {
    id: view,
    sort: options.sort,
    panels,
    figures,
    marks: figures.map((f) => f.mark),
    references,
    get notes() {
      return (notes ??= viewNotes(panels));
    },
    get summary() {
      return (summary ??= summarise(view, panels, references));
    },
  };
}
