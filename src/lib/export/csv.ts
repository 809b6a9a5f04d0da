// The data behind a view as a spreadsheet-safe CSV: UTF-8 BOM for Excel, formula injection neutralised.
import Papa from 'papaparse';
import type { SortedFigure } from '../data/compare';
import { isoMonth, parsePeriod } from '../data/period';
import type { ExplorerModel } from '../data/views/explorer';
import type { Reference, ViewModel } from '../data/views/headline';
import type { Mark } from '../data/views/marks';
import { cityName, docTitle, groupTitle, label, notStatedText, panelTitle, scopeText, standingText } from '../i18n/describe';
import type { Messages } from '../i18n/en';
import { formatFigure, formatPeriod, type Lang } from '../i18n/format';

/** Excel reads a file without a BOM as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';

// Cells that a spreadsheet would evaluate as a formula (or as DDE) start with one of these.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet must show, not run: a leading apostrophe makes Excel, LibreOffice and
 * Sheets treat `=HYPERLINK(...)` as text. Numbers are left alone so they stay numbers.
 */
export function neutralise(cell: string | number | null): string | number {
  if (cell === null) return '';
  if (typeof cell === 'number') return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

type Cell = string | number | null;

/** Column header and cell of one exported column. */
interface ExportColumn<Row> {
  header: string;
  cell: (row: Row) => Cell;
}

/** Rows as CSV text, BOM first, every cell neutralised; CRLF line ends as RFC 4180 has them. */
export function toCsv<Row>(items: readonly Row[], cols: ExportColumn<Row>[]): string {
  const rows = items.map((item) => cols.map((c) => neutralise(c.cell(item))));
  return BOM + Papa.unparse({ fields: cols.map((c) => c.header), data: rows }, { newline: '\r\n' });
}

/** A column of a figure row (a mark, or a compared figure), and what the same column says on a row of the national reference line. */
interface FigureColumn<F> {
  header: string;
  figure: (f: F) => Cell;
  reference: (r: Reference) => Cell;
}

/** The figure as the chart's value label reads it, in the file's language: "CNY 5.8 bn" / "58亿元"; empty when not stated. */
const shownValue = (x: Mark, lang: Lang) => (x.value === null ? '' : formatFigure(x.value, x.unit, x.qualifier, lang, x.category));

/**
 * The columns every figure row carries, in the order a reader scans them: what it is; its number raw, with the data's
 * unit code, and as the chart shows it; when, in words and as yyyy-mm months; what kind, how firm, whose; then the
 * `middle` columns a caller adds; then its note, quote and source, and where the row comes from.
 */
function figureColumns<F>(markOf: (f: F) => Mark, lang: Lang, m: Messages, middle: FigureColumn<F>[]): FigureColumn<F>[] {
  const national = m.nationalReference;
  const year = (r: Reference) => parsePeriod(String(r.year))!;
  const col = (header: string, mark: (x: Mark) => Cell, reference: (r: Reference) => Cell): FigureColumn<F> => ({
    header,
    figure: (f) => mark(markOf(f)),
    reference,
  });
  return [
    col(m.fields.city, (x) => cityName(x, lang), () => national.city),
    col(m.fields.figure, (x) => label(x, lang), () => national.label),
    col(m.fields.qualifier, (x) => (x.qualifier ? m.qualifiers[x.qualifier] : ''), () => m.qualifiers.exactly),
    col(m.fields.value, (x) => x.value, (r) => r.value),
    col(m.fields.unitCode, (x) => x.unit, () => '%'),
    col(m.fields.shown, (x) => shownValue(x, lang), (r) => formatFigure(r.value, '%', 'exactly', lang)),
    col(m.fields.period, (x) => formatPeriod(x.period, lang), (r) => formatPeriod(String(r.year), lang)),
    col(m.fields.periodStart, (x) => isoMonth(x.span.start), (r) => isoMonth(year(r).start)),
    col(m.fields.periodEnd, (x) => isoMonth(x.span.end), (r) => isoMonth(year(r).end)),
    col(m.fields.kind, (x) => m.kinds[x.kind], () => m.kinds.actual),
    col(m.fields.commitment, (x) => (x.kind === 'not_stated' ? '' : m.commitments[x.commitment]), () => ''),
    col(m.fields.scope, (x) => scopeText(x, lang, m), () => national.scope),
    ...middle,
    // A Chinese file falls back to the English note where the data has no Chinese one; the national series has one note.
    col(m.fields.note, (x) => (lang === 'zh' ? x.note_zh || x.note_en : x.note_en), (r) => r.note),
    col(m.fields.quote, (x) => x.quote, () => ''),
    col(m.fields.document, (x) => docTitle(x, lang), (r) => (lang === 'zh' ? r.source_zh : r.source_en)),
    col(m.fields.documentDate, (x) => x.doc_date, () => ''),
    col(m.fields.origin, (x) => (x.imported ? m.importedByYou : m.bundledOrigin), () => national.origin),
    col('id', (x) => x.id, (r) => `national-rd-intensity-${r.year}`),
  ];
}

/** The explorer's CSV, BOM first: every listed row in the order shown, with `restates` and `part_of` so none is summed twice. */
export function marksToCsv(marks: Mark[], lang: Lang, messages: Messages): string {
  return toCsv(marks, [
    ...figureColumns((x: Mark) => x, lang, messages, []).map((c): ExportColumn<Mark> => ({ header: c.header, cell: c.figure })),
    { header: 'restates', cell: (x) => x.restates },
    { header: 'part_of', cell: (x) => x.part_of },
  ]);
}

/** One row of a headline view's CSV: a figure of a panel, or a year of the national reference line the chart draws. */
type ViewRow = { panel: string } & ({ figure: SortedFigure; reference?: never } | { reference: Reference; figure?: never });

/** A column only a figure fills; a reference row leaves it empty, or says `reference`. */
const figureOnly = (header: string, cell: (f: SortedFigure) => Cell, reference: Cell = ''): FigureColumn<SortedFigure> => ({
  header,
  figure: cell,
  reference: () => reference,
});

/**
 * A headline view's CSV, BOM first, saying what the chart says: panel by panel in the chart's order, each figure with
 * its number as the chart shows it, whether it compares and why not in the words of the chart's notes (and as reason
 * codes), its other wordings and 其中 parts; then, when the view draws the national reference line, one row a year,
 * marked as the national reference and citing its bulletin.
 */
export function viewToCsv(
  model: Pick<ViewModel, 'panels' | 'references' | 'marks'>,
  lang: Lang,
  m: Messages,
  focus: ReadonlySet<string> = new Set(),
): string {
  const panels = model.panels.map((panel) => ({ title: panelTitle(panel.key, m), figures: panel.figures }));
  // The chart draws the reference lines on its first panel, and only when it draws figures at all.
  return chartToCsv(panels, model.marks.length > 0 ? model.references : [], lang, m, focus);
}

/** The figures of a panel ranked together with another city's figure (a rank set of two cities or more). */
function comparedAcrossCities(figures: SortedFigure[]): string[] {
  const ranked = figures.filter((f) => f.standing === 'ranked');
  const cities = new Map<number, Set<string>>();
  for (const f of ranked) cities.set(f.rankSet, (cities.get(f.rankSet) ?? new Set()).add(f.mark.city));
  return ranked.filter((f) => cities.get(f.rankSet)!.size > 1).map((f) => f.mark.id);
}

/** A chart's panels as the CSV of a view: each panel's figures with their comparability, then the national rows. */
export function chartToCsv(
  panels: { title: string; figures: SortedFigure[] }[],
  references: Reference[],
  lang: Lang,
  m: Messages,
  /** Highlighted cities: when there are some, a column says which rows are theirs, as the chart does in colour. */
  focus: ReadonlySet<string> = new Set(),
): string {
  const rows: ViewRow[] = panels.flatMap((panel) => panel.figures.map((figure) => ({ panel: panel.title, figure })));
  const comparable = new Set(panels.flatMap((panel) => comparedAcrossCities(panel.figures)));
  const first = panels[0];
  if (first) rows.push(...references.map((reference) => ({ panel: first.title, reference })));
  const columns = figureColumns((f: SortedFigure) => f.mark, lang, m, [
    // Comparable means ranked with another city's figure: one drawn beside others but of another period or kind is
    // not, nor are two figures of one city.
    figureOnly(m.fields.comparableFlag, (f) => m.yesNo(comparable.has(f.mark.id))),
    figureOnly(
      m.fields.comparable,
      (f) =>
        f.status === 'missing'
          ? notStatedText(f.mark, lang, m)
          : standingText(f, lang, m),
      m.nationalReference.comparability,
    ),
    figureOnly(m.fields.reasonCodes, (f) => f.reasons.join(' ')),
    figureOnly(m.fields.alsoStated, (f) => f.wordings.map((w) => w.quote).join(' | ')),
    figureOnly(m.fields.parts, (f) => f.parts.map((p) => m.labelled(label(p, lang), shownValue(p, lang))).join(' | ')),
    ...(focus.size > 0 ? [figureOnly(m.fields.highlighted, (f) => m.yesNo(focus.has(f.mark.city)))] : []),
  ]);
  return toCsv(rows, [
    { header: m.fields.panel, cell: (r) => r.panel },
    ...columns.map((c): ExportColumn<ViewRow> => ({ header: c.header, cell: (r) => (r.figure ? c.figure(r.figure) : c.reference(r.reference!)) })),
  ]);
}

/**
 * An explorer comparison's CSV says what its chart and notes say: each group the chart draws, then the figures no
 * other city states (each "the only figure here"); '' when the category has no figure at all.
 */
export function comparisonToCsv(comparison: Pick<NonNullable<ExplorerModel['comparison']>, 'groups' | 'alone'>, lang: Lang, m: Messages): string {
  const panels = [...comparison.groups, ...comparison.alone].map((p) => ({ title: groupTitle(p.group, lang, m), figures: p.figures }));
  return panels.length > 0 ? chartToCsv(panels, [], lang, m) : '';
}
