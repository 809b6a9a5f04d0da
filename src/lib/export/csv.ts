// The data behind a view as a spreadsheet-safe CSV: UTF-8 BOM for Excel, formula injection neutralised.
import Papa from 'papaparse';
import type { SortedFigure } from '../data/compare';
import { isoMonth } from '../data/period';
import type { Mark } from '../data/views/marks';
import { label, panelTitle, scopeText, standingText } from '../i18n/describe';
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

/** Column header and cell of one exported column. */
interface ExportColumn {
  header: string;
  cell: (mark: Mark) => string | number | null;
}

function columns(lang: Lang, m: Messages): ExportColumn[] {
  const zh = lang === 'zh';
  return [
    { header: m.fields.city, cell: (x) => (zh ? x.city_zh : x.city_en) },
    { header: m.fields.figure, cell: (x) => label(x, lang) },
    { header: m.fields.qualifier, cell: (x) => (x.qualifier ? m.qualifiers[x.qualifier] : '') },
    { header: m.fields.value, cell: (x) => x.value },
    { header: m.fields.unit, cell: (x) => x.unit },
    { header: m.fields.period, cell: (x) => formatPeriod(x.period, lang) },
    { header: m.fields.kind, cell: (x) => m.kinds[x.kind] },
    { header: m.fields.commitment, cell: (x) => (x.kind === 'not_stated' ? '' : m.commitments[x.commitment]) },
    { header: m.fields.scope, cell: (x) => scopeText(x, lang, m) },
    { header: m.fields.periodStart, cell: (x) => isoMonth(x.span.start) },
    { header: m.fields.periodEnd, cell: (x) => isoMonth(x.span.end) },
    { header: m.fields.quote, cell: (x) => x.quote },
    { header: m.fields.document, cell: (x) => (zh ? x.doc_title_zh : x.doc_title_en) },
    { header: m.fields.documentDate, cell: (x) => x.doc_date },
    { header: m.fields.origin, cell: (x) => (x.imported ? m.importedByYou : m.bundledOrigin) },
    { header: 'id', cell: (x) => x.id },
    // The explorer lists every row: these say which ones repeat or are part of another, so none is summed twice.
    { header: 'restates', cell: (x) => x.restates },
    { header: 'part_of', cell: (x) => x.part_of },
  ];
}

/** Rows as CSV text, BOM first, every cell neutralised; CRLF line ends as RFC 4180 has them. */
export function toCsv<Row>(items: readonly Row[], cols: { header: string; cell: (row: Row) => string | number | null }[]): string {
  const rows = items.map((item) => cols.map((c) => neutralise(c.cell(item))));
  return BOM + Papa.unparse({ fields: cols.map((c) => c.header), data: rows }, { newline: '\r\n' });
}

/** The CSV text, BOM first, one row per mark in the order the view shows them. */
export function marksToCsv(marks: Mark[], lang: Lang, messages: Messages): string {
  return toCsv(marks, columns(lang, messages));
}

/** A headline view's figures as the chart shows them: panel by panel, set-apart figures after the comparable ones, each saying where it stands. */
export function viewToCsv(panels: { key: string; figures: SortedFigure[] }[], lang: Lang, m: Messages): string {
  const rows = panels.flatMap((panel) => panel.figures.map((figure) => ({ panel: panelTitle(panel.key, m), figure })));
  type Row = (typeof rows)[number];
  const markColumns = columns(lang, m)
    .filter((c) => c.header !== 'restates' && c.header !== 'part_of')
    .map((c) => ({ header: c.header, cell: (r: Row) => c.cell(r.figure.mark) }));
  return toCsv(rows, [
    { header: m.fields.panel, cell: (r) => r.panel },
    ...markColumns,
    { header: m.fields.comparable, cell: (r) => standingText(r.figure, lang, m) },
    { header: m.fields.alsoStated, cell: (r) => r.figure.wordings.map((w) => w.quote).join(' | ') },
    {
      header: m.fields.parts,
      cell: (r) => r.figure.parts.map((p) => `${label(p, lang)}: ${p.value === null ? '' : formatFigure(p.value, p.unit, p.qualifier, lang, p.category)}`).join(' | '),
    },
    { header: m.fields.note, cell: (r) => (lang === 'zh' ? r.figure.mark.note_zh || r.figure.mark.note_en : r.figure.mark.note_en) },
  ]);
}
