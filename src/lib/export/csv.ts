// The data behind a view as a spreadsheet-safe CSV: UTF-8 BOM for Excel, formula injection neutralised.
import Papa from 'papaparse';
import type { Mark } from '../data/views/marks';
import type { Messages } from '../i18n/en';
import { formatPeriod, type Lang } from '../i18n/format';

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
    { header: m.fields.figure, cell: (x) => (zh ? x.label_zh : x.label_en) },
    { header: m.fields.qualifier, cell: (x) => (x.qualifier ? m.qualifiers[x.qualifier] : '') },
    { header: m.fields.value, cell: (x) => x.value },
    { header: m.fields.unit, cell: (x) => x.unit },
    { header: m.fields.period, cell: (x) => formatPeriod(x.period, lang) },
    { header: m.fields.kind, cell: (x) => m.kinds[x.kind] },
    { header: m.fields.commitment, cell: (x) => m.commitments[x.commitment] },
    { header: m.fields.scope, cell: (x) => (zh ? x.scope_zh : x.scope_en || x.scope_zh) },
    { header: m.fields.quote, cell: (x) => x.quote },
    { header: m.fields.document, cell: (x) => (zh ? x.doc_title_zh : x.doc_title_en) },
    { header: m.fields.documentDate, cell: (x) => x.doc_date },
    { header: m.fields.origin, cell: (x) => (x.imported ? m.importedByYou : m.bundledOrigin) },
    { header: 'id', cell: (x) => x.id },
  ];
}

/** The CSV text, BOM first, one row per mark in the order the view shows them. */
export function marksToCsv(marks: Mark[], lang: Lang, messages: Messages): string {
  const cols = columns(lang, messages);
  const rows = marks.map((mark) => cols.map((c) => neutralise(c.cell(mark))));
  return BOM + Papa.unparse({ fields: cols.map((c) => c.header), data: rows }, { newline: '\r\n' });
}
