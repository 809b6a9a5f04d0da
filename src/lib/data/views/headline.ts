// One pure model per headline view: marks grouped into panels, comparability notes and a summary, all from the same rows.
import type { Dataset } from '../dataset';
import type { NationalRdRow } from '../schema';
import type { Messages } from '../../i18n/en';
import { formatFigure, formatPeriod, type Lang } from '../../i18n/format';
import { selectMarks, type Mark } from './marks';

export const VIEW_IDS = ['rd', 'firms', 'market'] as const;
export type ViewId = (typeof VIEW_IDS)[number];
export type SortOrder = 'value' | 'name';

interface PanelSpec {
  key: string;
  measures: string[];
  units: string[];
}

interface ViewSpec {
  category: string;
  panels: PanelSpec[];
  withNationalReference?: boolean;
}

/** Which figures each view draws. Flows, stocks, rates and amounts never share a panel. */
export const VIEW_SPECS: Record<ViewId, ViewSpec> = {
  rd: {
    category: 'rd_intensity',
    panels: [{ key: 'share_of_gdp', measures: ['share_of_gdp'], units: ['%'] }],
    withNationalReference: true,
  },
  firms: {
    category: 'high_tech_firms',
    panels: [
      ...['new', 'net_increase', 'certified', 'applications', 'stock'].map((m) => ({ key: m, measures: [m], units: ['家'] })),
      { key: 'growth', measures: ['growth'], units: ['倍', '%'] },
    ],
  },
  market: {
    category: 'tech_market',
    panels: [
      ...['turnover', 'absorbed', 'exported'].map((m) => ({ key: m, measures: [m], units: ['亿元'] })),
      { key: 'growth', measures: ['growth'], units: ['%'] },
    ],
  },
};

export interface Panel {
  key: string;
  title: string;
  unit: string;
  marks: Mark[];
  /** Largest stated value: the panel's scale runs from zero to at least this. */
  max: number;
}

export interface Reference {
  year: number;
  value: number;
  label: string;
  source: string;
  note: string;
}

export interface ViewModel {
  id: ViewId;
  panels: Panel[];
  /** Every mark of every panel, in panel order: the table twin reads exactly these. */
  marks: Mark[];
  references: Reference[];
  notes: string[];
  summary: string;
  documents: string[];
}

export interface ViewOptions {
  cities: string[];
  lang: Lang;
  sort: SortOrder;
  messages: Messages;
}

/** A figure narrower than the whole economy (规上工业 = industrial firms above designated size). */
export const isNarrowScope = (mark: Pick<Mark, 'scope_zh'>): boolean => mark.scope_zh.includes('规上');

/** The project's data convention: a figure counting several things at once says "combined" in its English label. */
export const isCombinedFigure = (mark: Pick<Mark, 'label_en'>): boolean => /\bcombined\b/i.test(mark.label_en);

export type ScopeProblem = 'narrow' | 'combined' | 'unstated';

/**
 * Why a stated figure cannot stand beside the others even in its own panel: a narrower scope, several
 * things counted as one, or a share whose whole is never named. Such figures are drawn dashed and never ranked.
 */
export function scopeProblem(mark: Pick<Mark, 'scope_zh' | 'label_en'>): ScopeProblem | null {
  if (isNarrowScope(mark)) return 'narrow';
  if (isCombinedFigure(mark)) return 'combined';
  if (mark.scope_zh.trim() === '' || mark.scope_zh === '未说明') return 'unstated';
  return null;
}

const isStated = (mark: Mark): mark is Mark & { value: number } => mark.kind !== 'not_stated' && mark.value !== null;

export const cityName = (mark: Pick<Mark, 'city_en' | 'city_zh'>, lang: Lang): string =>
  lang === 'zh' ? mark.city_zh : mark.city_en;

export const docTitle = (mark: Pick<Mark, 'doc_title_en' | 'doc_title_zh'>, lang: Lang): string =>
  lang === 'zh' ? mark.doc_title_zh : mark.doc_title_en;

function sortMarks(marks: Mark[], sort: SortOrder): Mark[] {
  if (sort === 'name') return marks;
  return [...marks].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.order - b.order);
}

/** The documents behind some figures, once each, as "city: title (date)"; the city only where the title lacks it. */
export function documentsOf(marks: Mark[], lang: Lang, messages: Messages): string[] {
  return unique(
    marks.map((x) => {
      const title = docTitle(x, lang);
      const named = title.includes(cityName(x, lang)) ? title : messages.labelled(cityName(x, lang), title);
      return x.doc_date ? messages.aside(named, x.doc_date) : named;
    }),
  );
}

/** How long a period is, in the words a reader compares: a calendar year, several years, a half or some months. */
export function periodLength(period: string): 'year' | 'multi_year' | 'half_year' | 'months' {
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-\d{4}$/.test(period)) return 'multi_year';
  if (/H[12]$/.test(period)) return 'half_year';
  return 'months';
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function comparabilityNotes(marks: Mark[], panels: Panel[], options: ViewOptions): string[] {
  const { messages: m, lang } = options;
  const stated = marks.filter(isStated);
  const names = (list: Mark[]) => m.andList(unique(list.map((x) => cityName(x, lang))));
  const notes: string[] = [];
  const periods = unique(stated.map((x) => x.period));
  if (periods.length > 1) {
    const lengths = unique(periods.map(periodLength).filter((l) => l !== 'year'));
    notes.push(
      m.notes.periods(
        periods
          .sort()
          .map((p) => m.aside(formatPeriod(p, lang), names(stated.filter((x) => x.period === p))))
          .join(m.listSep),
        m.notes.periodLengths(lengths.map((l) => m.notes.lengthNames[l] ?? l)),
      ),
    );
  }
  const kinds = unique(stated.map((x) => x.kind));
  if (kinds.length > 1)
    notes.push(
      m.notes.kinds(
        kinds.map((k) => m.aside(m.kinds[k].toLowerCase(), names(stated.filter((x) => x.kind === k)))).join(m.listSep),
      ),
    );
  for (const mark of stated) {
    const problem = scopeProblem(mark);
    if (problem === 'narrow') notes.push(m.notes.scope(cityName(mark, lang), lang === 'zh' ? mark.scope_zh : mark.scope_en));
    else if (problem === 'combined')
      notes.push(m.notes.combined(cityName(mark, lang), lang === 'zh' ? mark.label_zh : mark.label_en));
    else if (problem === 'unstated') notes.push(m.notes.unstatedScope(cityName(mark, lang)));
  }
  const missing = marks.filter((x) => !isStated(x));
  if (missing.length > 0)
    notes.push(m.notes.missing(m.andList(missing.map((x) => m.aside(cityName(x, lang), docTitle(x, lang))))));
  if (panels.length > 1) notes.push(m.ownScale);
  return notes;
}

function summarise(view: ViewId, panels: Panel[], references: Reference[], options: ViewOptions): string {
  const { messages: m, lang } = options;
  const sentences: string[] = [];
  if (panels.length > 1) sentences.push(m.summary.panels(panels.length));
  for (const panel of panels) {
    const label = panels.length > 1 ? (text: string) => m.labelled(panel.title, text) : (text: string) => text;
    const targets = panel.marks.filter(isStated).filter((x) => x.kind === 'target' && !scopeProblem(x));
    const top = Math.max(...targets.map((x) => x.value));
    const leaders = targets.filter((x) => x.value === top);
    // Targets for different periods are not ranked: a 2021 goal is not "lower" than a 2023 one.
    if (unique(targets.map((x) => x.period)).length > 1) sentences.push(label(m.summary.notRanked));
    else if (leaders.length > 0 && (targets.length > 1 || panels.length === 1)) {
      const lead = leaders[0]!;
      sentences.push(
        label(
          m.summary.highest(
            m.andList(unique(leaders.map((x) => cityName(x, lang)))),
            unique(leaders.map((x) => x.city)).length,
            formatFigure(lead.value, lead.unit, lead.qualifier, lang),
            m.andList(unique(leaders.map((x) => formatPeriod(x.period, lang)))),
          ),
        ),
      );
    }
    const actuals = panel.marks.filter(isStated).filter((x) => x.kind === 'actual');
    const biggest = actuals.sort((a, b) => b.value - a.value)[0];
    if (biggest && panels.length === 1)
      sentences.push(
        m.summary.highestActual(
          cityName(biggest, lang),
          formatFigure(biggest.value, biggest.unit, biggest.qualifier, lang),
          formatPeriod(biggest.period, lang),
        ),
      );
  }
  const all = panels.flatMap((p) => p.marks);
  for (const mark of all.filter(isStated).filter((x) => scopeProblem(x) !== null))
    sentences.push(m.summary.notComparable(cityName(mark, lang)));
  const missing = all.filter((x) => !isStated(x));
  const missingCities = unique(missing.map((x) => cityName(x, lang)));
  if (missing.length > 0) sentences.push(m.summary.missing(m.andList(missingCities), missingCities.length));
  if (view === 'rd' && references.length > 0) {
    const first = references[0]!;
    const last = references[references.length - 1]!;
    const at = (r: Reference) => m.aside(`${r.value}%`, formatPeriod(String(r.year), lang));
    sentences.push(m.summary.national(`${at(first)} – ${at(last)}`));
  }
  return sentences.join(m.sentenceSep);
}

function nationalReferences(rows: NationalRdRow[], options: ViewOptions): Reference[] {
  return rows.map((row) => ({
    year: row.year,
    value: row.value,
    label: options.messages.reference(row.year, `${row.value}%`),
    source: options.lang === 'zh' ? row.source_zh : row.source_en,
    note: row.note,
  }));
}

/** The whole model of one headline view for the chosen cities, language and order. */
export function buildView(data: Dataset, view: ViewId, options: ViewOptions): ViewModel {
  const spec = VIEW_SPECS[view];
  const panels: Panel[] = [];
  const selected = selectMarks(data, { category: spec.category, cities: options.cities });
  for (const panelSpec of spec.panels) {
    const marks = selected.filter((x) => panelSpec.measures.includes(x.measure) && panelSpec.units.includes(x.unit));
    if (marks.length === 0) continue;
    panels.push({
      key: panelSpec.key,
      title: options.messages.panels[panelSpec.key] ?? panelSpec.key,
      unit: marks.find(isStated)?.unit ?? panelSpec.units[0]!,
      marks: sortMarks(marks, options.sort),
      max: Math.max(0, ...marks.filter(isStated).map((x) => x.value)),
    });
  }
  const references = spec.withNationalReference
    ? nationalReferences(data.nationalRd.objects() as NationalRdRow[], options)
    : [];
  const marks = panels.flatMap((p) => p.marks);
  if (references.length > 0 && panels[0]) panels[0].max = Math.max(panels[0].max, ...references.map((r) => r.value));
  return {
    id: view,
    panels,
    marks,
    references,
    notes: comparabilityNotes(marks, panels, options),
    summary: summarise(view, panels, references, options),
    documents: documentsOf(marks, options.lang, options.messages),
  };
}
