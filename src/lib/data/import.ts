// "Bring your own city": a user's CSV bytes in, one ImportedCity or precise row/column issues out; pure, no DOM.
import { issue, parseCsv, type CsvIssue } from './csv';
import type { TypedDataset } from './dataset';
import { figureSchema, validate, type CityRow, type DocumentRow, type Figure } from './schema';
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
}

export interface ImportResult {
  city: ImportedCity | null;
  errors: CsvIssue[];
  warnings: CsvIssue[];
}

/** A city row after mergeImported: bundled cities carry `imported: false` so every row has the column. */
export type MergedCityRow = CityRow & { imported: boolean };

/** Columns an import may add to the targets.csv columns, to name the new city and describe a new document. */
export const OPTIONAL_IMPORT_COLUMNS = ['city_zh', 'city_en', 'doc_title', 'doc_title_zh', 'doc_title_en', 'doc_date'] as const;

/** What the "download template" link serves; tests/fixtures/import/template.csv holds the same bytes. */
export const TEMPLATE_CSV = `id,city,doc,category,measure,kind,period,qualifier,value,unit,scope_class,scope_zh,scope_en,combined,label_zh,label_en,quote,commitment,note_en,note_zh,restates,part_of,city_zh,city_en,doc_title_zh,doc_title_en,doc_date
example-2024-rd-intensity,example,example-2024-work-plan,rd_intensity,share_of_gdp,target,2024,about,2.5,%,economy_wide,全社会,economy-wide,no,全社会研发投入强度,R&D intensity (economy-wide),全社会研发投入强度达到2.5%左右,plain,Example row: replace it with a figure from your city's document.,示例行：请替换为你所在城市文件中的数据。,,,示例市,Example City,示例市2024年科技工作要点,Example City: key points of science and technology work in 2024,2024-03-01
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
const CODED_COLUMNS = [...figureSchema.columns.map((c) => c.name), 'doc_date'].filter((c) => !FREE_TEXT_COLUMNS.has(c));

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
/** Only well-formed groups of three: "1,200" is a thousands separator, "3,5" (a decimal comma) is not. */
const THOUSANDS = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const NUMBER_THEN_REST = /^(-?\d[\d,]*(?:\.\d+)?)\s*(.*)$/;
/** Dates as Excel tends to write them: 2023/3/9 or 2023.3.9. */
const LOOSE_DATE = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/;


// ---------------------------------------------------------------------------------------------
// Bytes → text
// ---------------------------------------------------------------------------------------------

/** Decodes a file's bytes: UTF-8 (BOM optional), else GB18030/GBK as Excel on Chinese Windows saves CSV. */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length > MAX_IMPORT_BYTES)
    return {
      ok: false,
      issue: issue(
        1,
        '',
        String(bytes.length),
        'file_too_large',
        `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported.`,
      ),
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
    try {
      // The decoder drops a UTF-8 BOM itself (ignoreBOM defaults to false).
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      // Not valid UTF-8: GB18030 is a superset of GBK and GB2312, so it reads all of them.
      text = new TextDecoder('gb18030').decode(bytes);
      encoding = 'gb18030';
    }
  }
  if (looksBinary(text)) return { ok: false, issue: binaryIssue(bytes) };
  return { ok: true, text, encoding };
}

/** A CSV has almost no control characters; images, archives and workbooks decode to many of them or to U+FFFD. */
function looksBinary(text: string): boolean {
  let suspicious = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0xfffd || code === 0x7f || (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r')) suspicious++;
  }
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
export function normaliseText(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

// ---------------------------------------------------------------------------------------------
// Text → ImportedCity
// ---------------------------------------------------------------------------------------------

/** bytes → decodeFile → importCityText. */
export function importCityCsv(bytes: Uint8Array, fileName: string, existing: TypedDataset): ImportResult {
  const decoded = decodeFile(bytes);
  if (!decoded.ok) return { city: null, errors: [decoded.issue], warnings: [] };
  return importCityText(decoded.text, fileName, existing, decoded.encoding);
}

/**
 * Reads one city from already-decoded CSV text (also used to restore an import saved in localStorage).
 * Pass as `existing` everything already on screen (bundled plus other imported cities) so clashes
 * with any of them are caught. Any error means `city: null`: nothing is imported partially.
 */
export function importCityText(
  text: string,
  fileName: string,
  existing: TypedDataset,
  encoding: FileEncoding = 'utf-8',
): ImportResult {
  const parsed = parseCsv(text);
  const normalised = normaliseRecords(parsed.records);
  const records = normalised.records;

  // The same validator as the bundled data; the cells it sees are already normalised.
  const validated = validate(figureSchema, { ...parsed, records });
  const reported = new Set(normalised.errors.map((e) => `${e.row}|${e.column}`));
  const optional = new Set<string>(OPTIONAL_IMPORT_COLUMNS);
  const errors = [...normalised.errors, ...validated.errors.filter((e) => !reported.has(`${e.row}|${e.column}`))];
  const warnings = [
    ...normalised.warnings,
    ...validated.warnings.filter((w) => !(w.code === 'unknown_column' && optional.has(w.column))),
  ];
  const finish = (city: ImportedCity | null): ImportResult => ({
    city: errors.length > 0 ? null : city,
    errors: byRow(errors),
    warnings: byRow(warnings),
  });
  if (errors.some((e) => e.code === 'empty_file' || e.code === 'missing_column' || e.code === 'no_rows')) return finish(null);

  const across = checkAcrossRows(records, existing);
  errors.push(...across.errors);
  warnings.push(...across.warnings);
  if (errors.length > 0) return finish(null);

  const cityId = records[0]!.city!;
  const names = cityNames(records, cityId);
  warnings.push(...names.warnings);
  const city: ImportedCity = {
    city: {
      id: cityId,
      name_zh: names.zh,
      name_en: names.en,
      province_zh: '',
      province_en: '',
      level_zh: '',
      level_en: '',
      imported: true,
    },
    documents: documentsOf(records, cityId, existing),
    figures: validated.rows,
    fileName,
    encoding,
  };
  return finish(city);
}

/** Spreadsheet order, so the UI can list issues top to bottom; sort is stable within a row. */
function byRow(issues: CsvIssue[]): CsvIssue[] {
  return [...issues].sort((a, b) => a.row - b.row);
}

type CsvRecord = Record<string, string>;

/**
 * Rewrites coded cells (ids, vocabularies, period, value, unit, doc_date) the way a reader would
 * read them, with one 'normalised' warning per changed cell. Free text is never touched.
 */
function normaliseRecords(input: CsvRecord[]): { records: CsvRecord[]; errors: CsvIssue[]; warnings: CsvIssue[] } {
  const errors: CsvIssue[] = [];
  const warnings: CsvIssue[] = [];
  const records = input.map((original, index) => {
    const row = index + 2;
    const record = { ...original };
    for (const column of CODED_COLUMNS) {
      const cell = record[column];
      if (cell === undefined || cell === '') continue;
      let next = normaliseText(cell).trim();
      if (column === 'doc_date') next = looseDate(next);
      record[column] = next;
    }
    let valueRefused = false;
    if (record.value) {
      const read = readValue(record.value, record.unit ?? '');
      valueRefused = 'problem' in read;
      if ('problem' in read) errors.push(issue(row, 'value', original.value!, 'value_with_unit', read.problem));
      else record.value = read.value;
    }
    for (const column of CODED_COLUMNS) {
      const before = original[column];
      const after = record[column];
      if (before !== undefined && after !== before && !(column === 'value' && valueRefused))
        warnings.push(issue(row, column, before, 'normalised', `Read "${before}" as "${after}".`));
    }
    return record;
  });
  return { records, errors, warnings };
}

/**
 * Splits a value cell into number and suffix. A suffix equal to the row's unit (3.5% with unit %,
 * 45亿元 with unit 亿元) is dropped. A different suffix is an error, because which one is meant is a
 * guess. Thousands separators (1,200) are removed: Chinese and English texts both use them, and
 * only strict groups of three count, so a decimal comma such as 3,5 stays an error (not_a_number).
 */
function readValue(cell: string, unit: string): { value: string } | { problem: string } {
  const match = NUMBER_THEN_REST.exec(cell);
  if (!match) return { value: cell };
  let number = match[1]!;
  const suffix = match[2]!;
  if (number.includes(',')) {
    if (!THOUSANDS.test(number)) return { value: cell };
    number = number.replaceAll(',', '');
  }
  if (suffix === '' || suffix === unit) return { value: number };
  // A suffix starting with a digit or separator (3.5.1, 3,5,) is a malformed number, not a unit.
  if (/^[\d.,-]/.test(suffix)) return { value: cell };
  return {
    problem: `"${cell}" has a unit in the value cell. Put the number in "value" (${number}) and the unit in "unit" (${suffix}); this row's unit is "${unit}".`,
  };
}

function looseDate(cell: string): string {
  const match = LOOSE_DATE.exec(cell);
  if (!match) return cell;
  const [, year, month, day] = match;
  return [year, month!.padStart(2, '0'), ...(day ? [day.padStart(2, '0')] : [])].join('-');
}

/** Rules that need the whole file or the existing dataset, on normalised records. */
function checkAcrossRows(records: CsvRecord[], existing: TypedDataset): { errors: CsvIssue[]; warnings: CsvIssue[] } {
  const errors: CsvIssue[] = [];
  const warnings: CsvIssue[] = [];
  const cell = (record: CsvRecord, column: string) => record[column] ?? '';

  const firstRowOfCity = new Map<string, number>();
  records.forEach((r, i) => {
    const city = cell(r, 'city');
    if (city && !firstRowOfCity.has(city)) firstRowOfCity.set(city, i + 2);
  });
  const existingCities = new Set(existing.cities.map((c) => c.id));
  for (const [city, row] of firstRowOfCity)
    if (existingCities.has(city))
      errors.push(
        issue(row, 'city', city, 'city_clash', `"${city}" is already a city in the app. Give the imported city its own id.`),
      );
  if (firstRowOfCity.size > 1) {
    const all = [...firstRowOfCity.keys()];
    for (const [city, row] of [...firstRowOfCity].slice(1))
      errors.push(
        issue(
          row,
          'city',
          city,
          'several_cities',
          `A file holds one city; this one names ${all.join(', ')}. Split it into one file per city.`,
        ),
      );
  }

  const existingFigures = new Set(existing.figures.map((f) => f.id));
  const existingDocuments = new Map(existing.documents.map((d) => [d.id, d]));
  const knownCategories = new Set(existing.figures.map((f) => f.category));
  const ids = new Set(records.map((r) => cell(r, 'id')));
  const describedDocs = new Set(records.filter((r) => titleOf(r) !== '').map((r) => cell(r, 'doc')));
  const otherCityDocWarned = new Set<string>();

  records.forEach((record, index) => {
    const row = index + 2;
    const id = cell(record, 'id');
    if (existingFigures.has(id))
      errors.push(issue(row, 'id', id, 'id_clash', `The id "${id}" is already used by a figure in the app.`));

    const doc = cell(record, 'doc');
    const known = existingDocuments.get(doc);
    if (doc && !known && !describedDocs.has(doc))
      errors.push(
        issue(
          row,
          'doc',
          doc,
          'unknown_document',
          `"${doc}" is not a known document. Add doc_title_zh, doc_title_en (or doc_title) and doc_date to describe it.`,
        ),
      );
    if (known && known.city !== cell(record, 'city') && !otherCityDocWarned.has(doc)) {
      otherCityDocWarned.add(doc);
      warnings.push(
        issue(row, 'doc', doc, 'document_of_other_city', `"${doc}" is a document of ${known.city}, not of this city.`),
      );
    }
    const date = cell(record, 'doc_date');
    if (date && !DATE.test(date))
      errors.push(issue(row, 'doc_date', date, 'bad_format', 'Expected a date such as 2023-03-09 or 2023.'));

    for (const column of ['restates', 'part_of'] as const) {
      const target = cell(record, column);
      if (target && !ids.has(target))
        errors.push(
          issue(row, column, target, 'unknown_reference', `"${target}" is not the id of another row in this file.`),
        );
    }

    const category = cell(record, 'category');
    if (category && !knownCategories.has(category))
      warnings.push(
        issue(
          row,
          'category',
          category,
          'unknown_category',
          `"${category}" is not a category of the bundled data, so this row is compared with nothing; check the spelling against data/README.md.`,
        ),
      );

    const value = cell(record, 'value');
    if (PLAIN_NUMBER.test(value)) {
      const doubt = implausibility(cell(record, 'category'), cell(record, 'measure'), cell(record, 'unit'), Number(value));
      if (doubt) warnings.push(issue(row, 'value', value, 'implausible_value', doubt));
    }

    // A Map-backed lookup: a category or measure named "constructor" or "__proto__" is just an unknown name.
    const units = headlineUnits(cell(record, 'category'), cell(record, 'measure'));
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
  });

  warnings.push(...conflicts(records, () => 'city', ['city_zh', 'city_en']));
  warnings.push(...conflicts(records, (r) => cell(r, 'doc'), ['doc_title', 'doc_title_zh', 'doc_title_en', 'doc_date']));
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
  return records.map((r) => r[column] ?? '').find((v) => v !== '') ?? '';
}

function titleOf(record: CsvRecord): string {
  return record.doc_title_zh || record.doc_title_en || record.doc_title || '';
}

function cityNames(records: CsvRecord[], id: string): { zh: string; en: string; warnings: CsvIssue[] } {
  const zh = firstFilled(records, 'city_zh');
  const en = firstFilled(records, 'city_en');
  const warnings: CsvIssue[] = [];
  for (const [column, name] of [
    ['city_zh', zh],
    ['city_en', en],
  ] as const)
    if (name === '')
      warnings.push(
        issue(1, column, '', 'missing_city_name', `No ${column} given: the city is shown by the other name or its id.`),
      );
  return { zh: zh || en || id, en: en || zh || id, warnings };
}

/** Documents of the file, in order of first use: a known document is copied, a new one is built from doc_* columns. */
function documentsOf(records: CsvRecord[], cityId: string, existing: TypedDataset): DocumentRow[] {
  const known = new Map(existing.documents.map((d) => [d.id, d]));
  const docIds = [...new Set(records.map((r) => r.doc!))];
  return docIds.map((id) => {
    const copy = known.get(id);
    if (copy) return { ...copy };
    const rows = records.filter((r) => r.doc === id);
    const generic = firstFilled(rows, 'doc_title');
    const titleZh = firstFilled(rows, 'doc_title_zh') || generic || firstFilled(rows, 'doc_title_en');
    const titleEn = firstFilled(rows, 'doc_title_en') || generic || titleZh;
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
      period: spanOf(rows.map((r) => r.period ?? '')),
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
  const years = periods.flatMap((p) => (p.match(/\d{4}/g) ?? []).map(Number));
  if (years.length === 0) return '';
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : `${first}-${last}`;
}

// ---------------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------------

/**
 * The bundled dataset plus imported cities. Every city row gets an `imported` flag (false for
 * bundled ones) because Arquero takes a table's columns from its first row. A city whose id, or
 * any of whose figure ids, is already present is skipped: importCityText reports those as errors,
 * so this only guards against stale saved imports. Documents are shared by id, the first one wins.
 */
export function mergeImported(base: TypedDataset, cities: ImportedCity[]): TypedDataset {
  const merged = {
    figures: [...base.figures],
    documents: [...base.documents],
    cities: base.cities.map((c): MergedCityRow => ({ ...c, imported: false })),
    nationalRd: base.nationalRd,
  };
  const cityIds = new Set(merged.cities.map((c) => c.id));
  const figureIds = new Set(merged.figures.map((f) => f.id));
  const documentIds = new Set(merged.documents.map((d) => d.id));
  for (const imported of cities) {
    if (cityIds.has(imported.city.id) || imported.figures.some((f) => figureIds.has(f.id))) continue;
    cityIds.add(imported.city.id);
    merged.cities.push({ ...imported.city });
    for (const figure of imported.figures) {
      figureIds.add(figure.id);
      merged.figures.push(figure);
    }
    for (const document of imported.documents)
      if (!documentIds.has(document.id)) {
        documentIds.add(document.id);
        merged.documents.push(document);
      }
  }
  return merged;
}
