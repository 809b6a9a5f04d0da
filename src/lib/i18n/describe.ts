// Codes → words, once per language: notes, summaries, reasons, section headings, flags and document lines.
import type { ComparedFigure, Group, ReasonCode, Section } from '../data/compare';
import type { Note, SummaryPart, ViewModel } from '../data/views/headline';
import type { Mark } from '../data/views/marks';
import type { Messages } from './en';
import { formatFigure, formatPeriod, headingUnit, type Lang } from './format';

/** A city's name in the reader's language; in English with its Chinese name where another city shares the English one. */
export const cityName = (mark: Pick<Mark, 'city_en' | 'city_zh'> & { city_homonym?: boolean }, lang: Lang): string =>
  lang === 'zh' ? mark.city_zh : mark.city_homonym ? `${mark.city_en} ${mark.city_zh}` : mark.city_en;

export const docTitle = (mark: Pick<Mark, 'doc_title_en' | 'doc_title_zh'>, lang: Lang): string =>
  lang === 'zh' ? mark.doc_title_zh : mark.doc_title_en;

/**
 * Where a not-stated figure was looked for: "Not stated in Huaibei’s 2023 work summary". A plan for 2021–25 may leave
 * several years unstated: each names its own year, so no two such marks read alike.
 */
export function notStatedText(
  mark: Pick<Mark, 'city_en' | 'city_zh' | 'city_homonym' | 'period' | 'doc_period' | 'doc_kind'>,
  lang: Lang,
  m: Messages,
): string {
  const where = m.notStatedIn(cityName(mark, lang), formatPeriod(mark.doc_period, lang), m.docKinds[mark.doc_kind]);
  return mark.period === mark.doc_period ? where : m.notStatedFor(where, formatPeriod(mark.period, lang));
}

export const label = (mark: Pick<Mark, 'label_en' | 'label_zh'>, lang: Lang): string =>
  lang === 'zh' ? mark.label_zh : mark.label_en;

/** The scope in the text's words, else the scope class's name: "规上工业", "not stated". */
export function scopeText(mark: Pick<Mark, 'scope_class' | 'scope_zh' | 'scope_en'>, lang: Lang, m: Messages): string {
  if (mark.scope_class === 'not_stated' || !mark.scope_zh) return m.scopeClasses[mark.scope_class];
  return lang === 'zh' ? mark.scope_zh : mark.scope_en ? `${mark.scope_en} (${mark.scope_zh})` : mark.scope_zh;
}

/** The figure's kind, with "strive" beside it when the text only strives for it: "Target (strive)", "目标（力争）". */
export const kindText = (mark: Pick<Mark, 'kind' | 'commitment'>, m: Messages): string =>
  mark.commitment === 'strive' ? m.aside(m.kinds[mark.kind], m.strive) : m.kinds[mark.kind];

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Cities a note or summary names before it says "and n more": with hundreds of cities, a note stays a sentence. */
export const NAMED_CITIES = 8;
/** Documents a source line names before it says how many more there are (each is on its figures' cards). */
export const NAMED_DOCUMENTS = 12;

/** The first `limit` items, then one item saying how many more there are. */
export function capped(items: string[], limit: number, more: (count: number) => string): string[] {
  return items.length > limit ? [...items.slice(0, limit), more(items.length - limit)] : items;
}

/**
 * The cities of some figures, once each, in reading order (as the picker lists them), not the order the panels
 * happen to draw them: "Changzhou, Huaibei and 3 more cities".
 */
export function names(marks: Mark[], lang: Lang, m: Messages): string {
  const cities = new Map<string, Mark>();
  for (const mark of marks) if (!cities.has(mark.city)) cities.set(mark.city, mark);
  const inOrder = [...cities.values()].sort((a, b) => a.order - b.order);
  return m.andList(capped(unique(inOrder.map((x) => cityName(x, lang))), NAMED_CITIES, m.moreCities));
}

/** The first mark of each document, in city order: hundreds of cities' marks name a few hundred documents. */
function onePerDocument(marks: Mark[]): Mark[] {
  // One pass keeps each document's first mark in city order (the earliest given, among a city's own), then only the
  // documents are sorted, not every mark: the order a stable sort of all the marks by city would give.
  const first = new Map<string, { mark: Mark; at: number }>();
  marks.forEach((mark, at) => {
    const kept = first.get(mark.doc);
    if (!kept || mark.order < kept.mark.order) first.set(mark.doc, { mark, at });
  });
  return [...first.values()].sort((a, b) => a.mark.order - b.mark.order || a.at - b.at).map((kept) => kept.mark);
}

/** The documents behind some figures, once each, as "city: title (date)"; the city only where the title lacks it. */
export function documentsOf(marks: Mark[], lang: Lang, m: Messages): string[] {
  // In city order, as the city buttons are, not in the order panels happen to draw them.
  return unique(
    onePerDocument(marks).map((x) => {
      const title = docTitle(x, lang);
      const named = title.includes(cityName(x, lang)) ? title : m.labelled(cityName(x, lang), title);
      const dated = x.doc_date ? m.aside(named, x.doc_date) : named;
      return x.doc_issuer_inferred ? m.aside(dated, m.card.issuerInferred) : dated;
    }),
  );
}

/**
 * The documents in a few words each, for an embedded chart's one-line source: "Changzhou (issued 2021-03-30)". The
 * full titles are on every mark's card, and in the full comparison the embed links to.
 */
export function documentsInBrief(marks: Mark[], lang: Lang, m: Messages): string[] {
  return unique(onePerDocument(marks).map((x) => (x.doc_date ? m.aside(cityName(x, lang), x.doc_date) : cityName(x, lang))));
}

export function panelTitle(key: string, m: Messages): string {
  return Object.hasOwn(m.panels, key) ? m.panels[key]! : measureName(key, m);
}

/** A measure's name in the reader's language; a code the catalogue does not know (an imported one) is shown as written. */
export function measureName(measure: string, m: Messages): string {
  return Object.hasOwn(m.measures, measure) ? m.measures[measure]! : measure.replaceAll('_', ' ');
}

export function categoryName(category: string, m: Messages): string {
  return Object.hasOwn(m.categories, category) ? m.categories[category]! : category.replaceAll('_', ' ');
}

/** Why one set-apart figure is set apart, in a clause: "it covers 规上工业 only, …". */
export function whySetApart(figure: Pick<ComparedFigure, 'mark' | 'reasons'>, lang: Lang, m: Messages): string {
  return figure.reasons
    .map((code) => {
      if (code === 'combined') return m.notes.why.combined(label(figure.mark, lang));
      if (code === 'scope') return m.notes.why.scope(scopeText(figure.mark, lang, m));
      if (code === 'scope_unstated') return m.notes.why.scope_unstated;
      return m.reasons[code];
    })
    .join(m.listSep);
}

/**
 * The short flags a mark's label carries: "strive", "combined figure", "different period". A flag the label
 * already says (an imported "New firms (combined figure)") is not added twice.
 */
export function flagsOf(figure: Pick<ComparedFigure, 'mark' | 'reasons' | 'status'>, m: Messages, lang: Lang): string[] {
  const text = label(figure.mark, lang).toLowerCase();
  return [
    figure.mark.commitment === 'strive' ? m.strive : '',
    ...(figure.status === 'set_apart' ? figure.reasons.map((code) => m.reasons[code]) : []),
  ].filter((flag) => flag && !text.includes(flag.toLowerCase()));
}

/** Where a figure stands, in a clause for its card, the table and the CSV: ranked, drawn but not ranked, alone, set apart. */
export function standingText(figure: Pick<ComparedFigure, 'mark' | 'reasons' | 'standing' | 'peers'>, lang: Lang, m: Messages): string {
  switch (figure.standing) {
    case 'ranked':
      return m.card.ranked(figure.peers);
    case 'unranked':
      return m.card.unranked(figure.reasons.map((code) => m.reasons[code]).join(m.listSep));
    case 'alone':
      return m.card.alone;
    case 'set_apart':
      return whySetApart(figure, lang, m);
    case 'missing':
      return '';
  }
}

export function noteText(note: Note, lang: Lang, m: Messages): string {
  switch (note.code) {
    case 'periods':
      return m.notes.periods(
        note.periods.map((p) => m.aside(formatPeriod(p.period, lang), names(p.marks, lang, m))).join(m.listSep),
        m.notes.periodLengths(note.lengths.map((l) => m.notes.lengthNames[l] ?? l)),
      );
    case 'kinds':
      return m.notes.kinds(
        note.kinds.map((k) => m.aside(m.kinds[k.kind].toLowerCase(), names(k.marks, lang, m))).join(m.listSep),
      );
    case 'set_apart':
      return m.notes.setApart(cityName(note.mark, lang), whySetApart(note, lang, m));
    case 'restated':
      return m.notes.restated(
        cityName(note.mark, lang),
        label(note.mark, lang),
        [note.mark, ...note.wordings].map((x) => `“${x.quote}”`).join(m.listSep),
      );
    case 'missing':
      return m.notes.missing(
        m.andList(capped(unique(note.marks.map((x) => m.aside(cityName(x, lang), docTitle(x, lang)))), NAMED_CITIES, m.moreCities)),
      );
    case 'own_scale':
      return m.ownScale;
  }
}

function summaryPart(part: SummaryPart, lang: Lang, m: Messages): string {
  const inPanel = (panel: string | null, text: string) => (panel ? m.labelled(panelTitle(panel, m), text) : text);
  switch (part.code) {
    case 'panels':
      return m.summary.panels(part.count);
    case 'highest': {
      const lead = part.marks[0]!;
      return inPanel(
        part.panel,
        m.summary.highest(
          names(part.marks, lang, m),
          unique(part.marks.map((x) => x.city)).length,
          formatFigure(lead.value!, lead.unit, lead.qualifier, lang, lead.category),
          m.andList(unique(part.marks.map((x) => formatPeriod(x.period, lang)))),
        ),
      );
    }
    case 'not_ranked':
      return inPanel(part.panel, m.summary.notRanked);
    case 'highest_actual':
      return m.summary.highestActual(
        cityName(part.mark, lang),
        formatFigure(part.mark.value!, part.mark.unit, part.mark.qualifier, lang, part.mark.category),
        formatPeriod(part.mark.period, lang),
      );
    case 'set_apart':
      return m.summary.setApart(cityName(part.mark, lang));
    case 'missing': {
      const cities = unique(part.marks.map((x) => cityName(x, lang)));
      return m.summary.missing(m.andList(capped(cities, NAMED_CITIES, m.moreCities)), cities.length);
    }
    case 'national': {
      const at = (r: typeof part.first) => m.aside(`${r.value}%`, formatPeriod(String(r.year), lang));
      return m.summary.national(`${at(part.first)} – ${at(part.last)}`);
    }
  }
}

export function summaryText(parts: SummaryPart[], lang: Lang, m: Messages): string {
  // One sentence for all the set-apart figures, where the first of them stood: not one per city.
  const setApart = parts.flatMap((p) => (p.code === 'set_apart' ? [p.mark] : []));
  const texts: string[] = [];
  for (const part of parts) {
    if (part.code !== 'set_apart') texts.push(summaryPart(part, lang, m));
    else if (part.mark === setApart[0]) {
      const cities = unique(setApart.map((x) => x.city));
      texts.push(cities.length > 1 ? m.summary.setApartMany(names(setApart, lang, m)) : summaryPart(part, lang, m));
    }
  }
  return texts.join(m.sentenceSep);
}

/**
 * A view's notes in words. Set-apart figures that share a reason in words share one note, and so do figures of
 * several cities stated more than once under one label (each card quotes every wording): one note naming their
 * cities (a few, then how many more), where the first of them stood. Every other note is one of its own.
 */
export function notesText(notes: Note[], lang: Lang, m: Messages): string[] {
  type Groupable = Extract<Note, { code: 'set_apart' | 'restated' }>;
  const keyOf = (note: Groupable): string =>
    note.code === 'set_apart' ? `set_apart:${whySetApart(note, lang, m)}` : `restated:${label(note.mark, lang)}`;
  // One pass to group, one to write: with hundreds of cities a note list is long, so nothing here is quadratic.
  const keys = notes.map((note) => (note.code === 'set_apart' || note.code === 'restated' ? keyOf(note) : null));
  const groups = new Map<string, { marks: Mark[]; cities: Set<string> }>();
  notes.forEach((note, i) => {
    const key = keys[i];
    if (!key || (note.code !== 'set_apart' && note.code !== 'restated')) return;
    const group = groups.get(key) ?? { marks: [], cities: new Set<string>() };
    group.marks.push(note.mark);
    group.cities.add(note.mark.city);
    groups.set(key, group);
  });
  const texts: string[] = [];
  notes.forEach((note, i) => {
    const group = keys[i] ? groups.get(keys[i]!) : undefined;
    if (!group || group.cities.size === 1 || (note.code !== 'set_apart' && note.code !== 'restated')) texts.push(noteText(note, lang, m));
    else if (group.marks[0] !== note.mark) return;
    else if (note.code === 'set_apart') texts.push(m.notes.setApartMany(names(group.marks, lang, m), whySetApart(note, lang, m)));
    else texts.push(m.notes.restatedMany(names(group.marks, lang, m), label(note.mark, lang)));
  });
  return texts;
}

/** A section heading inside a sorted chart: "2023 targets", or "Set apart — …". Missing rows need none. */
export function sectionHeading(section: Section, group: Group, lang: Lang, m: Messages): string {
  if (section.code === 'set_apart') return m.sections.setApart;
  if (section.code === 'missing') return '';
  const set = group.rankSets[section.index]!;
  return m.sections.rankSet(m.kindsPlural[set.kind], formatPeriod(set.period, lang));
}

/** A category comparison's name, for its heading, image, iframe and citation: "Compare: Innovation platforms". */
export const comparisonTitle = (category: string, m: Messages): string => m.explorer.compareTitle(categoryName(category, m));

/** A heading naming only what every figure in the group shares: category, measure and unit. */
export function groupTitle(group: Group, lang: Lang, m: Messages, panelKey?: string): string {
  const category = categoryName(group.category, m);
  const measure = panelKey ? panelTitle(panelKey, m) : measureName(group.measure, m);
  const unit = headingUnit(group.unit, lang, group.category);
  return m.explorer.groupTitle(m.labelled(category, measure), unit === 'count' ? '' : unit, group.cities.length);
}

/** One clause per reason a group's figures are not all comparable, naming the cities concerned. */
export function groupReasonTexts(group: Group, lang: Lang, m: Messages): string[] {
  const byId = new Map(group.figures.map((f) => [f.mark.id, f.mark]));
  return group.reasons.map(({ code, ids }) => {
    const marks = ids.map((id) => byId.get(id)!).filter(Boolean);
    const list = (items: string[]) => m.andList(unique(items));
    const text: Record<ReasonCode, () => string> = {
      unit: () => m.explorer.reasons.unit(list(marks.map((x) => x.unit))),
      measure: () => m.explorer.reasons.measure(list(marks.map((x) => measureName(x.measure, m)))),
      period_length: () => m.explorer.reasons.period_length(list(marks.map((x) => formatPeriod(x.period, lang)))),
      years: () => m.explorer.reasons.years(list(marks.map((x) => formatPeriod(x.period, lang)))),
      kind: () => m.explorer.reasons.kind(list(marks.map((x) => m.kinds[x.kind].toLowerCase()))),
      scope: () => m.explorer.reasons.scope(names(marks, lang, m)),
      scope_unstated: () => m.explorer.reasons.scope_unstated(names(marks, lang, m)),
      combined: () => m.explorer.reasons.combined(names(marks, lang, m), unique(marks.map((x) => x.city)).length),
    };
    return text[code]();
  });
}

export type ViewWords = { notes: string[]; summary: string; documents: string[] };
const wordsCache = new WeakMap<ViewModel, Map<Messages, ViewWords>>();

/** The notes and summary of a headline view in words; made once per model and language (page, share bar and export share them). */
export function describeView(model: ViewModel, lang: Lang, m: Messages): ViewWords {
  const byLanguage = wordsCache.get(model) ?? new Map<Messages, ViewWords>();
  wordsCache.set(model, byLanguage);
  let words = byLanguage.get(m);
  if (!words) {
    words = {
      notes: notesText(model.notes, lang, m),
      summary: summaryText(model.summary, lang, m),
      documents: documentsOf(model.marks, lang, m),
    };
    byLanguage.set(m, words);
  }
  return words;
}

/** The view's source line: the documents drawn, and the national bulletin only when the view draws it. */
export function sourceLine(documents: string[], withNational: boolean, m: Messages): string {
  return m.sourceLine(capped(documents, NAMED_DOCUMENTS, m.moreDocuments).join(m.listSep), withNational);
}

/** An embedded chart's one-line source: each city's document in brief, a dozen at most. */
export function sourceBriefLine(marks: Mark[], withNational: boolean, lang: Lang, m: Messages, charted = true): string {
  return m.sourceBrief(capped(documentsInBrief(marks, lang, m), NAMED_DOCUMENTS, m.moreDocuments).join(m.listSep), withNational, charted);
}

