// "Bring your own cities": a user's CSV bytes in, imported cities or precise row/column issues out; pure, no DOM.
import Papa from 'papaparse';
import { issue, parseCsv, parseCsvInChunks, type CsvIssue, type CsvRecord, type IssueCode, type ParsedCsv } from './csv';
import type { ColumnTable } from 'arquero';
import { FIGURE_COLUMNS, smallTables, tableSteps, type Dataset, type TypedDataset } from './dataset';
import { parsePeriod } from './period';
import {
  COMMITMENTS,
  KINDS,
  QUALIFIERS,
  SCOPE_CLASSES,
  figureSchema,
  runSteps,
  validateSteps,
  withinLargest,
  type CityRow,
  type DocumentRow,
  type Figure,
  type Steps,
} from './schema';
import { headlineUnits } from './views/headline';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** utf-16 only when the file starts with a UTF-16 byte-order mark; without one we never guess it. */
export type FileEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type DecodedFile = { ok: true; text: string; encoding: FileEncoding } | { ok: false; issue: CsvIssue };

export interface ImportedCity {
  /** province_* and level_* are '' because the import format has no columns for them. */
  city: CityRow & { imported: true };
  documents: DocumentRow[];
  figures: Figure[];
  fileName: string;
  encoding: FileEncoding;
  /**
   * This city's rows as the reader wrote them (header + rows, CSV): what is kept, and read again on every start. A
   * city of a file of several is given a getter that writes it the first time it is read (when storage is written,
   * after the page is drawn), so importing 300 cities never writes 300 texts first; copying the city reads it.
   */
  readonly source: string;
  /** `figures` as an Arquero table, built once while importing, so adding the city to the page is a concatenation. */
  table: ColumnTable;
}

export interface ImportResult {
  /** Every city of the file, in order of first appearance; [] when the file has any error. */
  cities: ImportedCity[];
  errors: CsvIssue[];
  warnings: CsvIssue[];
}

/** A city row after mergeImported: bundled cities carry `imported: false` so every row has the column. */
export type MergedCityRow = CityRow & { imported: boolean };

/** The columns that carry meaning: a file without one of them is refused. Each city also needs a name (city_zh or city_en). */
export const REQUIRED_IMPORT_COLUMNS = ['city', 'category', 'measure', 'kind', 'period', 'value', 'unit', 'quote'] as const;

/** Every other column a file may have, each with the default a blank or missing cell takes (README: "Bring your own city"). */
export const OPTIONAL_IMPORT_COLUMNS = [
  'id',
  'doc',
  'qualifier',
  'scope_class',
  'scope_zh',
  'scope_en',
  'combined',
  'label_zh',
  'label_en',
  'commitment',
  'note_en',
  'note_zh',
  'restates',
  'part_of',
  'city_zh',
  'city_en',
  'doc_title',
  'doc_title_zh',
  'doc_title_en',
  'doc_date',
] as const;

/** Columns the import format adds to the figure schema, to name a new city and describe a new document. */
const IMPORT_ONLY_COLUMNS = new Set(['city_zh', 'city_en', 'doc_title', 'doc_title_zh', 'doc_title_en', 'doc_date']);

/** What the "download template" link serves; tests/fixtures/import/template.csv holds the same bytes. */
export const TEMPLATE_CSV = `id,city,doc,category,measure,kind,period,qualifier,value,unit,scope_class,scope_zh,scope_en,combined,label_zh,label_en,quote,commitment,note_en,note_zh,restates,part_of,city_zh,city_en,doc_title_zh,doc_title_en,doc_date
example-2024-rd-intensity,example,example-2024-work-plan,rd_intensity,share_of_gdp,target,2024,about,2.5,%,economy_wide,全社会,economy-wide,no,全社会研发投入强度,R&D intensity (economy-wide),全社会研发投入强度达到2.5%左右,plain,Example row: replace it with a figure from your city's document.,示例行：请替换为您所在城市文件中的数据。,,,示例市,Example City,示例市2024年科技工作要点,Example City: key points of science and technology work in 2024,2024-03-01
example-2024-high-tech-firms-new,example,example-2024-work-plan,high_tech_firms,new,target,2024,at_least,100,家,city_wide,全市,whole city,no,新增高新技术企业,New high-tech enterprises,力争全市新增高新技术企业100家以上,strive,"Example row: value holds the number only, unit holds 家, 亿元 or %.",示例行：value只填数字，unit填家、亿元或%。,,,示例市,Example City,示例市2024年科技工作要点,Example City: key points of science and technology work in 2024,2024-03-01
`;

/**
 * Cells copied verbatim: quotes must match the user's source, and labels are shown as text (formula
 * prefixes such as = + @ are neutralised on export, markup is escaped by Svelte's text interpolation).
 */
const FREE_TEXT_COLUMNS = new Set([
  'scope_zh',
  'scope_en',
  'label_zh',
  'label_en',
  'quote',
  'note_en',
  'note_zh',
  'city_zh',
  'city_en',
  'doc_title',
  'doc_title_zh',
  'doc_title_en',
]);
const SCHEMA_COLUMNS = figureSchema.columns.map((c) => c.name);
const CODED_COLUMNS = [...SCHEMA_COLUMNS, 'doc_date'].filter((c) => !FREE_TEXT_COLUMNS.has(c));

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
/** Only well-formed groups of three: "1,200" is a thousands separator, "3,5" (a decimal comma) is not. */
const THOUSANDS = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const NUMBER_THEN_REST = /^(-?\d[\d,]*(?:\.\d+)?)\s*(.*)$/;
/** Dates as Excel tends to write them: 2023/3/9 or 2023.3.9. */
const LOOSE_DATE = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/;
const SLUG_CHARS = /[^a-z0-9]+/g;

// ---------------------------------------------------------------------------------------------
// Bytes → text
// ---------------------------------------------------------------------------------------------

/** "5.02 MB (5,263,104 bytes)": the real size, precise enough that a file just over the limit does not read "5.0 MB". */
export function describeSize(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes.toLocaleString('en-US')} bytes)`;
}

/**
 * Decodes a file's bytes: UTF-8 (BOM optional); UTF-16 with a BOM; GB18030/GBK as Excel on Chinese Windows
 * saves CSV — but only when the bytes are valid GB18030 and are not UTF-8 with a few bad bytes, which would
 * otherwise turn into plausible-looking mojibake.
 */
export function decodeFile(bytes: Uint8Array, size = bytes.length): DecodedFile {
  // `size` is the file's own size: a reader reads no more than the limit and one byte, so bytes may be cut short.
  if (size > MAX_IMPORT_BYTES)
    return {
      ok: false,
      issue: {
        ...issue(1, '', describeSize(size), 'file_too_large', `The file is ${describeSize(size)}; files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported.`),
        detail: describeSize(size),
      },
    };

  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  let text: string;
  let encoding: FileEncoding;
  if (utf16) {
    // UTF-16 is full of NUL bytes by design, so the NUL test below would misfire; the decoder drops the BOM.
    text = new TextDecoder(utf16).decode(bytes);
    encoding = utf16;
  } else {
    if (bytes.includes(0)) return { ok: false, issue: binaryIssue(bytes) };
    // The platform's strict decoder first (fast); the byte-by-byte check only when it refuses. It drops a BOM itself.
    const utf8Text = strictDecode('utf-8', bytes);
    if (utf8Text !== null) {
      text = utf8Text;
      encoding = 'utf-8';
    } else {
      const utf8 = utf8Check(bytes);
      // Mostly well-formed UTF-8 with a few bad bytes is a damaged UTF-8 file, not GBK: never guess it.
      const damagedUtf8 = utf8.valid > 4 * utf8.invalid;
      const gb = damagedUtf8 ? null : strictDecode('gb18030', bytes);
      if (gb === null || looksBinary(gb)) {
        if (looksBinary(new TextDecoder('utf-8').decode(bytes))) return { ok: false, issue: binaryIssue(bytes) };
        return { ok: false, issue: encodingIssue(bytes, utf8.firstBad, damagedUtf8) };
      }
      text = gb;
      encoding = 'gb18030';
    }
  }
  if (looksBinary(text)) return { ok: false, issue: binaryIssue(bytes) };
  return { ok: true, text, encoding };
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Counts well-formed UTF-8 multi-byte sequences and bad bytes; `firstBad` is the offset of the first bad one, or -1. */
export function utf8Check(bytes: Uint8Array): { valid: number; invalid: number; firstBad: number } {
  let valid = 0;
  let invalid = 0;
  let firstBad = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      if (firstBad === -1) firstBad = i;
      i++;
    }
  }
  return { valid, invalid, firstBad };
}

/** The line (1-based, as a text editor counts) that holds a byte offset. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function encodingIssue(bytes: Uint8Array, offset: number, brokenUtf8: boolean): CsvIssue {
  const line = lineOf(bytes, offset);
  const byte = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    ...issue(
      line,
      '',
      byte,
      'bad_encoding',
      brokenUtf8
        ? `The file is UTF-8 but has a byte that is not (${byte}, line ${line}). Save it again as CSV UTF-8.`
        : `The file is neither UTF-8 nor GB18030/GBK text (first unreadable byte ${byte}, line ${line}). Save it as CSV UTF-8.`,
    ),
    detail: `${byte}, ${line}`,
  };
}

/** Control characters a CSV does not have (tab, newline and carriage return are fine), and the replacement character. */
// eslint-disable-next-line no-control-regex
const SUSPICIOUS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g;

/** A CSV has almost no control characters; images, archives and workbooks decode to many of them or to U+FFFD. */
function looksBinary(text: string): boolean {
  // The regular-expression engine counts them far faster than a loop over five million characters would.
  const suspicious = text.match(SUSPICIOUS)?.length ?? 0;
  return suspicious >= 3 && suspicious / text.length > 0.01;
}

function binaryIssue(bytes: Uint8Array): CsvIssue {
  // .xlsx is a ZIP (PK\3\4) and .xls an OLE file (D0 CF 11 E0): the commonest wrong file, so say so.
  const workbook =
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
    (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);
  return issue(
    1,
    '',
    '',
    'binary_file',
    workbook
      ? 'This is an Excel workbook, not a CSV file. In Excel choose File › Save As › CSV UTF-8 and import that file.'
      : 'This does not look like a text CSV file. Save the table as CSV (UTF-8) and import that file.',
  );
}

/** Full-width ASCII (Ｕ+FF01–FF5E: ３．５，％) → ASCII and the ideographic space → space, as typed with a Chinese IME. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const FULL_WIDTH_ALL = new RegExp(FULL_WIDTH.source, 'g');
export function normaliseText(text: string): string {
  // Most cells have none: a test costs less than a replace that allocates.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH_ALL, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}


// ---------------------------------------------------------------------------------------------
// Text → imported cities
// ---------------------------------------------------------------------------------------------

/** bytes → decodeFile → importCsvText, all at once. */
export function importCsv(bytes: Uint8Array, fileName: string, existing: TypedDataset): ImportResult {
  const decoded = decodeFile(bytes);
  if (!decoded.ok) return { cities: [], errors: [decoded.issue], warnings: [] };
  return importCsvText(decoded.text, fileName, existing, decoded.encoding);
}

/**
 * Reads every city of already-decoded CSV text (also used to restore a city kept in localStorage). Pass as
 * `existing` everything already on screen (bundled plus other imported cities) so clashes with any of them are
 * caught. Any error means `cities: []`: a file is accepted whole or not at all.
 */
export function importCsvText(text: string, fileName: string, existing: TypedDataset, encoding: FileEncoding = 'utf-8'): ImportResult {
  return runSteps(importSteps(parseCsv(text), fileName, existing, encoding));
}

/** How a long import lets the page breathe: resolve to go on (soon or at once), reject to cancel. */
export type Pause = () => Promise<void>;

/**
 * The same import for a large file, a slice at a time: `pause` is awaited between slices (it decides when to
 * yield to the browser, and rejects when the reader cancels) and `progress` hears the share done.
 */
export async function importCsvInSlices(
  bytes: Uint8Array,
  fileName: string,
  existing: TypedDataset,
  pause: Pause,
  progress: (share: number) => void = () => {},
  size = bytes.length,
): Promise<ImportResult> {
  const decoded = decodeFile(bytes, size);
  if (!decoded.ok) return { cities: [], errors: [decoded.issue], warnings: [] };
  await pause();
  const parsed = await parseCsvInChunks(decoded.text, pause, (share) => progress(share * 0.4));
  const steps = importSteps(parsed, fileName, existing, decoded.encoding);
  for (;;) {
    const next = steps.next();
    if (next.done) {
      progress(1);
      return next.value;
    }
    progress(0.4 + 0.6 * next.value);
    await pause();
  }
}

/** Pushes one by one: a spread of a hundred thousand warnings would overflow the call stack. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

/** Warnings of one kind in one column shown one by one before the rest are summed up in a single line. */
const SHOWN_ALIKE = 3;

/**
 * The same reading or default in the same column on thousands of rows is one thing to check, not thousands:
 * the first few stay as they are, then one warning counts the rest, at the row of the first of them.
 */
function grouped(warnings: CsvIssue[]): CsvIssue[] {
  const seen = new Map<string, CsvIssue[]>();
  const kept: CsvIssue[] = [];
  for (const warning of warnings) {
    if (warning.code !== 'defaulted' && warning.code !== 'normalised') {
      kept.push(warning);
      continue;
    }
    const key = `${warning.code}|${warning.column}`;
    const alike = seen.get(key) ?? [];
    seen.set(key, alike);
    alike.push(warning);
    if (alike.length <= SHOWN_ALIKE) kept.push(warning);
  }
  for (const alike of seen.values()) {
    const rest = alike.slice(SHOWN_ALIKE);
    if (rest.length === 0) continue;
    const first = rest[0]!;
    kept.push({
      ...issue(first.row, first.column, '', 'repeated', `…and ${rest.length} more rows in column "${first.column}" were read the same way (rows ${first.row}–${rest[rest.length - 1]!.row}).`),
      detail: String(rest.length),
    });
  }
  return byRow(kept);
}

/** Spreadsheet order, so the UI can list issues top to bottom; sort is stable within a row. */
function byRow(issues: CsvIssue[]): CsvIssue[] {
  return [...issues].sort((a, b) => a.row - b.row);
}

const cell = (record: CsvRecord, column: string): string => (Object.hasOwn(record, column) ? record[column]! : '');

/** The whole import as steps: header, per-row normalisation and defaults, the shared validator, then file-wide rules. */
function* importSteps(parsed: ParsedCsv, fileName: string, existing: TypedDataset, encoding: FileEncoding): Steps<ImportResult> {
  const errors: CsvIssue[] = [...parsed.issues];
  const warnings: CsvIssue[] = [];
  const done = (cities: ImportedCity[]): ImportResult => ({
    cities: errors.length > 0 ? [] : cities,
    errors: byRow(errors),
    warnings: grouped(byRow(warnings)),
  });
  if (errors.some((e) => e.code === 'empty_file')) return done([]);

  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !parsed.header.includes(c));
  for (const column of missing)
    errors.push(issue(1, column, '', 'missing_column', `The header has no column "${column}"; it is required.`));
  if (missing.length > 0) return done([]);
  if (parsed.records.length === 0) {
    errors.push(issue(1, '', '', 'no_rows', 'The file has a header but no data rows.'));
    return done([]);
  }

  const filled = yield* fillRecords(parsed.records, existing, fileName);
  append(errors, filled.errors);
  append(warnings, filled.warnings);
  const records = filled.records;

  // The same validator as the bundled data, on cells already normalised and defaulted.
  const header = [...new Set([...SCHEMA_COLUMNS, ...parsed.header])];
  const validated = yield* validateSteps(figureSchema, { header, records, issues: [] });
  const reported = new Set(filled.errors.map((e) => `${e.row}|${e.column}`));
  append(errors, validated.errors.filter((e) => !reported.has(`${e.row}|${e.column}`)));
  append(warnings, validated.warnings.filter((w) => !(w.code === 'unknown_column' && IMPORT_ONLY_COLUMNS.has(w.column))));

  // File-wide rules run even when some cells are wrong, so one upload lists every problem.
  const across = yield* checkAcrossRows(records, existing);
  append(errors, across.errors);
  append(warnings, across.warnings);
  if (errors.length > 0) return done([]);

  const cities = yield* citiesOf(records, validated.rows, parsed, existing, fileName, encoding);
  append(errors, cities.errors);
  append(warnings, cities.warnings);
  return done(cities.cities);
}

// ---------------------------------------------------------------------------------------------
// Forgiving: what people type, read as the format means it
// ---------------------------------------------------------------------------------------------

/** Words people write for a vocabulary value, beyond its case-, space- and hyphen-insensitive spelling. */
const SYNONYMS = new Map<string, Map<string, string>>([
  ['kind', new Map([['目标', 'target'], ['实际', 'actual'], ['完成', 'actual'], ['实际完成', 'actual'], ['预计', 'expected'], ['省下达', 'guidance'], ['下达', 'guidance'], ['未说明', 'not_stated']])],
  ['qualifier', new Map([['=', 'exactly'], ['≥', 'at_least'], ['>=', 'at_least'], ['以上', 'at_least'], ['不少于', 'at_least'], ['>', 'more_than'], ['超过', 'more_than'], ['~', 'about'], ['约', 'about'], ['左右', 'about'], ['≤', 'up_to'], ['<=', 'up_to'], ['以内', 'up_to'], ['不超过', 'up_to']])],
  ['commitment', new Map([['力争', 'strive'], ['争取', 'strive'], ['努力', 'strive'], ['确保', 'assured']])],
  ['combined', new Map([['true', 'yes'], ['y', 'yes'], ['1', 'yes'], ['是', 'yes'], ['false', 'no'], ['n', 'no'], ['0', 'no'], ['否', 'no']])],
  ['scope_class', new Map([['全社会', 'economy_wide'], ['全市', 'city_wide'], ['规上工业', 'above_size_industry'], ['规上企业', 'above_size_firms'], ['未说明', 'not_stated']])],
]);
const VOCABULARIES = new Map<string, readonly string[]>([
  ['kind', KINDS],
  ['qualifier', QUALIFIERS],
  ['commitment', COMMITMENTS],
  ['combined', ['yes', 'no']],
  ['scope_class', SCOPE_CLASSES],
]);

/** A vocabulary value as a person may type it: `Target`, `at least`, `at-least`, `AT_LEAST`, `力争`. */
export function readVocabulary(column: string, text: string): string | null {
  const vocabulary = VOCABULARIES.get(column);
  if (!vocabulary) return null;
  const key = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (vocabulary.includes(key)) return key;
  return SYNONYMS.get(column)?.get(key) ?? null;
}

/** A period as a person may write it — 2022年, 2022年上半年, 2022—2023年, 2023年1-5月, H1 2023 — in the format's syntax. */
export function readPeriod(text: string): string {
  const t = text.trim().replace(/\s+/g, '');
  let m = /^(\d{4})年?$/.exec(t);
  if (m) return m[1]!;
  m = /^(\d{4})年?[-–—~至到](\d{4})年?$/.exec(t);
  if (m) return `${m[1]}-${m[2]}`;
  m = /^(\d{4})年?([上下])半年$/.exec(t);
  if (m) return `${m[1]}H${m[2] === '上' ? 1 : 2}`;
  m = /^(\d{4})h([12])$/i.exec(t);
  if (m) return `${m[1]}H${m[2]}`;
  m = /^h([12])(\d{4})$/i.exec(t);
  if (m) return `${m[2]}H${m[1]}`;
  m = /^(\d{4})年(\d{1,2})[-–—~至到](\d{1,2})月$/.exec(t);
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}/${m[1]}-${m[3]!.padStart(2, '0')}`;
  return t;
}

function slug(text: string): string {
  return text.toLowerCase().replace(SLUG_CHARS, '-').replace(/^-+|-+$/g, '');
}

/**
 * Rewrites coded cells the way a reader would read them (full-width to ASCII, vocabulary spellings, periods,
 * values with their unit, Excel dates) and gives blank optional cells their documented default, with one
 * warning per cell naming row, column and the value read. Free text is never rewritten.
 */
function* fillRecords(
  input: CsvRecord[],
  existing: TypedDataset,
  fileName: string,
): Steps<{ records: CsvRecord[]; errors: CsvIssue[]; warnings: CsvIssue[] }> {
  const errors: CsvIssue[] = [];
  const warnings: CsvIssue[] = [];
  const note = (row: number, column: string, before: string, after: string, code: IssueCode, message: string) =>
    warnings.push({ ...issue(row, column, before, code, message), detail: after });
  const takenIds = new Set([...existing.figures.map((f) => f.id), ...input.map((r) => cell(r, 'id')).filter(Boolean)]);
  // The default document's name is made once a city, not once a row.
  const fileSlug = slug(fileName) || 'file';
  const documentOf = new Map<string, string>();
  const nextSuffix = new Map<string, number>();
  const records: CsvRecord[] = [];
  // Every record holds every column of its header (parseCsv fills short rows), so the coded columns a row has are
  // the header's: found once, then read without a lookup per cell.
  const coded = CODED_COLUMNS.filter((column) => input.length > 0 && Object.hasOwn(input[0]!, column));
  for (const [index, original] of input.entries()) {
    if (index % 256 === 255) yield index / input.length;
    const row = index + 2;
    const record: CsvRecord = Object.assign(Object.create(null) as CsvRecord, original);
    for (const column of coded) {
      const before = original[column]!;
      if (before === '') continue;
      let next = normaliseText(before).trim();
      if (column === 'doc_date') next = looseDate(next);
      if (column === 'period') next = readPeriod(next);
      if (VOCABULARIES.has(column)) next = readVocabulary(column, next) ?? next;
      record[column] = next;
    }
    let unreadValue = false;
    if (cell(record, 'value')) {
      const read = readValue(cell(record, 'value'), cell(record, 'unit'));
      unreadValue = 'problem' in read;
      if ('problem' in read) errors.push(issue(row, 'value', cell(original, 'value'), 'value_with_unit', read.problem));
      else record.value = read.value;
    }
    for (const column of coded) {
      const before = original[column]!;
      const after = record[column]!;
      if (before !== '' && after !== before && !(column === 'value' && unreadValue))
        note(row, column, before, after, 'normalised', `Read "${before}" as "${after}".`);
    }
    const stated = cell(record, 'kind') !== 'not_stated';
    const fill = (column: string, value: string, why: string) => {
      if (cell(record, column) !== '' || value === '') return;
      record[column] = value;
      note(row, column, '', value, 'defaulted', `"${column}" is blank: ${why} "${value}".`);
    };
    fill('commitment', 'plain', 'a plain statement, read as');
    if (stated) fill('qualifier', 'exactly', 'no ≥, >, ~ or ≤ given, read as');
    fill('scope_class', 'not_stated', 'no scope named, read as');
    fill('label_zh', cell(record, 'label_en'), 'took the English label');
    fill('label_en', cell(record, 'label_zh'), 'took the Chinese label');
    const category = cell(record, 'category').replaceAll('_', ' ');
    fill('label_zh', category, 'no label in either language; took the category');
    fill('label_en', category, 'no label in either language; took the category');
    const city = cell(record, 'city');
    if (city && cell(record, 'doc') === '') {
      if (!documentOf.has(city)) documentOf.set(city, `${slug(city)}-${fileSlug}`);
      fill('doc', documentOf.get(city)!, 'the figure is filed under a document named after the file,');
    }
    if (!cell(record, 'id') && city) {
      const base = [city, cell(record, 'period'), cell(record, 'category'), cell(record, 'measure')].map(slug).filter(Boolean).join('-');
      // Count on from the last number used for this base, so thousands of alike rows stay linear.
      let n = nextSuffix.get(base) ?? 1;
      let id = n === 1 ? base : `${base}-${n}`;
      while (takenIds.has(id)) id = `${base}-${++n}`;
      nextSuffix.set(base, n + 1);
      takenIds.add(id);
      fill('id', id, 'generated');
    }
    if (cell(record, 'scope_class') === 'not_stated' && (cell(record, 'scope_zh') || cell(record, 'scope_en')))
      note(
        row,
        'scope_class',
        '',
        'not_stated',
        'scope_words_only',
        'Scope words are given but scope_class is not stated, so the figure counts as naming no scope. Set scope_class (economy_wide, city_wide, above_size_industry, above_size_firms, enterprises, named_group) to compare it by scope.',
      );
    records.push(record);
  }
  return { records, errors, warnings };
}

/**
 * Splits a value cell into number and suffix. A suffix equal to the row's unit (3.5% with unit %,
 * 45亿元 with unit 亿元) is dropped. A different suffix is an error, because which one is meant is a
 * guess. Thousands separators (1,200) are removed: Chinese and English texts both use them, and
 * only strict groups of three count, so a decimal comma such as 3,5 stays an error (not_a_number).
 */
function readValue(text: string, unit: string): { value: string } | { problem: string } {
  const match = NUMBER_THEN_REST.exec(text);
  if (!match) return { value: text };
  let number = match[1]!;
  const suffix = match[2]!;
  if (number.includes(',')) {
    if (!THOUSANDS.test(number)) return { value: text };
    number = number.replaceAll(',', '');
  }
  if (suffix === '' || suffix === unit) return { value: number };
  // A suffix starting with a digit or separator (3.5.1, 3,5,) or an exponent (1e3) is a malformed number, not a unit.
  if (/^[\d.,-]/.test(suffix) || /^e[+-]?\d+$/i.test(suffix)) return { value: text };
  return {
    problem: `"${text}" has a unit in the value text. Put the number in "value" (${number}) and the unit in "unit" (${suffix}); this row's unit is "${unit}".`,
  };
}

function looseDate(text: string): string {
  const match = LOOSE_DATE.exec(text);
  if (!match) return text;
  const [, year, month, day] = match;
  return [year, month!.padStart(2, '0'), ...(day ? [day.padStart(2, '0')] : [])].join('-');
}

/** Rules that need the whole file or the existing dataset, on normalised records. */
function* checkAcrossRows(records: CsvRecord[], existing: TypedDataset): Steps<{ errors: CsvIssue[]; warnings: CsvIssue[] }> {
  const errors: CsvIssue[] = [];
  const warnings: CsvIssue[] = [];

  const firstRowOfCity = new Map<string, number>();
  records.forEach((r, i) => {
    const city = cell(r, 'city');
    if (city && !firstRowOfCity.has(city)) firstRowOfCity.set(city, i + 2);
  });
  const existingCities = new Map(existing.cities.map((c) => [c.id, c]));
  for (const [city, row] of firstRowOfCity) {
    const known = existingCities.get(city);
    if (known)
      errors.push(
        issue(
          row,
          'city',
          city,
          'city_clash',
          `"${city}" is already a city in the app${known.imported ? ' (imported earlier)' : ''}. Give this city its own id, or remove the earlier one first.`,
        ),
      );
  }

  const existingFigures = new Set(existing.figures.map((f) => f.id));
  const existingDocuments = new Map(existing.documents.map((d) => [d.id, d]));
  const knownCategories = new Set(existing.figures.map((f) => f.category));
  const ids = new Set(records.map((r) => cell(r, 'id')));
  const docCity = new Map<string, string>();
  const otherCityDocWarned = new Set<string>();

  for (const [index, record] of records.entries()) {
    if (index % 256 === 255) yield index / records.length;
    const row = index + 2;
    const id = cell(record, 'id');
    if (existingFigures.has(id))
      errors.push(issue(row, 'id', id, 'id_clash', `The id "${id}" is already used by a figure in the app.`));

    const doc = cell(record, 'doc');
    const city = cell(record, 'city');
    const known = existingDocuments.get(doc);
    const owner = known?.city ?? docCity.get(doc);
    if (!known && !docCity.has(doc)) docCity.set(doc, city);
    if (owner && owner !== city && !otherCityDocWarned.has(doc)) {
      otherCityDocWarned.add(doc);
      warnings.push(issue(row, 'doc', doc, 'document_of_other_city', `"${doc}" is a document of ${owner}, not of ${city}.`));
    }
    const date = cell(record, 'doc_date');
    if (date && !DATE.test(date))
      errors.push(issue(row, 'doc_date', date, 'bad_format', 'Expected a date such as 2023-03-09 or 2023.'));

    for (const column of ['restates', 'part_of'] as const) {
      const target = cell(record, column);
      if (target && !ids.has(target))
        errors.push(issue(row, column, target, 'unknown_reference', `"${target}" is not the id of another row in this file.`));
    }

    const category = cell(record, 'category');
    if (category && !knownCategories.has(category))
      warnings.push(
        issue(
          row,
          'category',
          category,
          'unknown_category',
          `"${category}" is not a category of the bundled data, so this row is compared only with other files' rows of that category; check the spelling against data/README.md.`,
        ),
      );

    const value = cell(record, 'value');
    // A number past the largest is refused (schema.ts), not also doubted.
    if (PLAIN_NUMBER.test(value) && withinLargest(Number(value))) {
      const doubt = implausibility(category, cell(record, 'measure'), cell(record, 'unit'), Number(value));
      if (doubt) warnings.push(issue(row, 'value', value, 'implausible_value', doubt));
    }

    const units = headlineUnits(category, cell(record, 'measure'));
    const unit = cell(record, 'unit');
    if (units.length > 0 && unit && !units.includes(unit))
      warnings.push(
        issue(
          row,
          'unit',
          unit,
          'headline_unit',
          `The headline view draws this measure in ${units.join(' or ')} only, so this row is listed but not charted.`,
        ),
      );
  }

  append(warnings, conflicts(records, (r) => cell(r, 'city'), ['city_zh', 'city_en']));
  append(warnings, conflicts(records, (r) => cell(r, 'doc'), ['doc_title', 'doc_title_zh', 'doc_title_en', 'doc_date']));
  return { errors, warnings };
}

/** Plausible but worth a second look: the file may have a typo or a misplaced unit. Never an error. */
function implausibility(category: string, measure: string, unit: string, value: number): string | null {
  if (value < 0 && !measure.includes('growth'))
    return 'A negative count or amount: check the sign (only growth measures can fall).';
  if (unit === '%') {
    if (value > 1000) return 'More than 1000%: check the value and the unit.';
    if (category === 'rd_intensity' && value > 20)
      return 'R&D intensity above 20% of GDP: the highest national figures are about 5%. Check the value.';
    if (/share|coverage/.test(measure) && value > 100) return 'A share above 100%: check the value.';
  }
  return null;
}

/** Warns once per column when rows describing the same city or document disagree; the first value wins. */
function conflicts(records: CsvRecord[], groupOf: (r: CsvRecord) => string, columns: string[]): CsvIssue[] {
  const found: CsvIssue[] = [];
  for (const column of columns) {
    const first = new Map<string, string>();
    const warned = new Set<string>();
    records.forEach((record, index) => {
      const group = groupOf(record);
      const value = record[column] ?? '';
      if (value === '') return;
      const kept = first.get(group);
      if (kept === undefined) first.set(group, value);
      else if (kept !== value && !warned.has(group)) {
        warned.add(group);
        found.push(
          issue(index + 2, column, value, 'conflicting_value', `Rows disagree on ${column}; the first value "${kept}" is used.`),
        );
      }
    });
  }
  return found;
}

function firstFilled(records: CsvRecord[], column: string): string {
  for (const record of records) if (cell(record, column) !== '') return cell(record, column);
  return '';
}

/** One ImportedCity per city id, in order of first appearance; a city needs a name in at least one language. */
function* citiesOf(
  records: CsvRecord[],
  figures: Figure[],
  parsed: ParsedCsv,
  existing: TypedDataset,
  fileName: string,
  encoding: FileEncoding,
): Steps<{ cities: ImportedCity[]; errors: CsvIssue[]; warnings: CsvIssue[] }> {
  const errors: CsvIssue[] = [];
  const warnings: CsvIssue[] = [];
  const rowsOf = new Map<string, number[]>();
  records.forEach((r, i) => {
    const rows = rowsOf.get(cell(r, 'city'));
    if (rows) rows.push(i);
    else rowsOf.set(cell(r, 'city'), [i]);
  });
  const cities: ImportedCity[] = [];
  for (const [id, indices] of rowsOf) {
    const ownRecords = indices.map((i) => records[i]!);
    const zh = firstFilled(ownRecords, 'city_zh');
    const en = firstFilled(ownRecords, 'city_en');
    const row = indices[0]! + 2;
    if (!zh && !en) {
      errors.push(issue(row, 'city_zh', '', 'missing_city_name', `City "${id}" has no name: give city_zh or city_en on at least one of its rows.`));
      continue;
    }
    for (const [column, name] of [
      ['city_zh', zh],
      ['city_en', en],
    ] as const)
      if (!name) warnings.push({ ...issue(row, column, '', 'defaulted', `No ${column} for "${id}": the other name is shown.`), detail: zh || en });
    // A city's own rows as CSV text, to keep it in storage. Written when storage asks for it, after the page has
    // redrawn; a city too large to write in one go is written now, a slice at a time.
    const raw = indices.map((i) => parsed.records[i]!);
    const source = raw.length > SOURCE_SLICE ? yield* sourceOf(parsed.header, raw) : null;
    const own = indices.map((i) => figures[i]!);
    const table = yield* tableSteps(own, FIGURE_COLUMNS);
    const city: Omit<ImportedCity, 'source'> = {
      city: { id, name_zh: zh || en, name_en: en || zh, province_zh: '', province_en: '', level_zh: '', level_en: '', imported: true },
      documents: documentsOf(ownRecords, id, existing, fileName, warnings, row),
      figures: own,
      fileName,
      encoding,
      table,
    };
    cities.push(source === null ? withLazySource(city, parsed.header, raw) : { ...city, source });
  }
  return { cities, errors, warnings };
}

/** A city's rows as CSV text with the file's header, written a slice of rows at a time. */
const SOURCE_SLICE = 2000;
function* sourceOf(header: readonly string[], records: readonly CsvRecord[]): Steps<string> {
  const pieces = [Papa.unparse([header], { newline: '\n' })];
  for (let start = 0; start < records.length; start += SOURCE_SLICE) {
    if (start > 0) yield start / records.length;
    const data = records.slice(start, start + SOURCE_SLICE).map((record) => header.map((h) => cell(record, h)));
    pieces.push(Papa.unparse(data, { newline: '\n' }));
  }
  return pieces.join('\n');
}

/** A city whose `source` is written the first time it is read; the rows it is written from are let go then. */
function withLazySource(city: Omit<ImportedCity, 'source'>, header: readonly string[], records: readonly CsvRecord[]): ImportedCity {
  let pending: readonly CsvRecord[] | null = records;
  let text = '';
  return Object.defineProperty(city, 'source', {
    enumerable: true,
    get() {
      if (pending) [text, pending] = [runSteps(sourceOf(header, pending)), null];
      return text;
    },
  }) as ImportedCity;
}

/** Documents of a city's rows, in order of first use: a known document is copied, a new one is built from doc_* columns. */
function documentsOf(
  records: CsvRecord[],
  cityId: string,
  existing: TypedDataset,
  fileName: string,
  warnings: CsvIssue[],
  row: number,
): DocumentRow[] {
  const known = new Map(existing.documents.map((d) => [d.id, d]));
  const docIds = [...new Set(records.map((r) => cell(r, 'doc')))];
  return docIds.map((id) => {
    const copy = known.get(id);
    if (copy) return { ...copy };
    const rows = records.filter((r) => cell(r, 'doc') === id);
    const generic = firstFilled(rows, 'doc_title');
    let titleZh = firstFilled(rows, 'doc_title_zh') || generic || firstFilled(rows, 'doc_title_en');
    let titleEn = firstFilled(rows, 'doc_title_en') || generic || titleZh;
    if (!titleZh) {
      titleZh = titleEn = fileName;
      warnings.push({
        ...issue(row, 'doc_title_zh', '', 'defaulted', `Document "${id}" has no title: it is named after the file, "${fileName}".`),
        detail: fileName,
      });
    }
    return {
      id,
      city: cityId,
      title_zh: titleZh,
      title_en: titleEn,
      issuer_zh: '',
      issuer_en: '',
      issuer_inferred: false,
      // A reader's "date" is the one they see on the page: a publication date.
      date_signed: '',
      date_published: firstFilled(rows, 'doc_date'),
      kind: documentKind(`${titleZh} ${titleEn}`),
      period: spanOf(rows.map((r) => cell(r, 'period'))),
      source_file: '',
    };
  });
}

/** The kind a title names; a plan of work points (工作要点) is by far the commonest, so it is the default. */
function documentKind(title: string): DocumentRow['kind'] {
  if (/行动方案|行动计划|action plan/i.test(title)) return 'action_plan';
  if (/总结|报告|进展|summary|report|progress/i.test(title)) return 'progress_report';
  return 'work_plan';
}

/** The years the rows cover, as documents.csv writes periods: 2023 or 2022-2023. */
function spanOf(periods: string[]): string {
  const spans = periods.map(parsePeriod).filter((p) => p !== null);
  if (spans.length === 0) return '';
  const first = Math.floor(Math.min(...spans.map((p) => p.start)) / 12);
  const last = Math.floor(Math.max(...spans.map((p) => p.end)) / 12);
  return first === last ? String(first) : `${first}-${last}`;
}

// ---------------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------------

/**
 * The bundled tables plus imported cities, for the page: the figures are the bundled table and each city's own,
 * concatenated (no row is copied into a new object); documents and cities are small and made afresh.
 */
export function withImports(bundled: Dataset, base: TypedDataset, cities: ImportedCity[]): Dataset {
  const added = acceptedCities(base, cities);
  return {
    figures: bundled.figures.concat(...added.map((c) => c.table)),
    ...smallTables(mergeRows(base, added, [])),
  };
}

/**
 * The cities that can join: a city whose id, or any of whose figure ids, is already present is skipped. The
 * importer reports those as errors, so this only guards against stale kept cities.
 */
function acceptedCities(base: TypedDataset, cities: ImportedCity[]): ImportedCity[] {
  const cityIds = new Set(base.cities.map((c) => c.id));
  const figureIds = new Set(base.figures.map((f) => f.id));
  const accepted: ImportedCity[] = [];
  for (const imported of cities) {
    if (cityIds.has(imported.city.id) || imported.figures.some((f) => figureIds.has(f.id))) continue;
    cityIds.add(imported.city.id);
    for (const figure of imported.figures) figureIds.add(figure.id);
    accepted.push(imported);
  }
  return accepted;
}

/** Rows of the bundled data and of accepted cities; documents are shared by id, the first one wins. */
function mergeRows(base: TypedDataset, cities: ImportedCity[], figures: Figure[]): TypedDataset {
  const documents = [...base.documents];
  const documentIds = new Set(documents.map((d) => d.id));
  for (const document of cities.flatMap((c) => c.documents))
    if (!documentIds.has(document.id)) {
      documentIds.add(document.id);
      documents.push(document);
    }
  return {
    figures,
    documents,
    cities: [...base.cities.map((c): MergedCityRow => ({ ...c, imported: false })), ...cities.map((c) => ({ ...c.city }))],
    nationalRd: base.nationalRd,
  };
}

/**
 * The bundled dataset plus imported cities, as rows: what a new file must not clash with. Every city row gets
 * an `imported` flag (false for bundled ones), as every row of a table must have the same columns.
 */
export function mergeImported(base: TypedDataset, cities: ImportedCity[]): TypedDataset {
  const accepted = acceptedCities(base, cities);
  return mergeRows(base, accepted, [...base.figures, ...accepted.flatMap((c) => c.figures)]);
}
