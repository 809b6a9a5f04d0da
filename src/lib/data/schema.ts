// Typed columns and vocabularies of every CSV, and validate(): string records in, typed rows or precise issues out.
import { issue, type CsvIssue, type IssueCode, type ParsedCsv } from './csv';
import { parsePeriod, type Period } from './period';

export const CITY_IDS = ['wuhu', 'huangshi', 'changzhou', 'tongxiang', 'huaibei'] as const;
/** `expected` is 预计: a forecast in a report, neither a target nor a reported result. */
export const KINDS = ['target', 'actual', 'expected', 'guidance', 'not_stated'] as const;
/**
 * Whom a figure covers, as its sentence says: 全社会 (economy_wide), the named city (city_wide), 规上工业
 * (above_size_industry), 规上企业 (above_size_firms), enterprises' part (enterprises), a narrower named group,
 * level or programme (named_group), or nothing named (not_stated).
 */
export const SCOPE_CLASSES = [
  'economy_wide',
  'city_wide',
  'above_size_industry',
  'above_size_firms',
  'enterprises',
  'named_group',
  'not_stated',
] as const;
export const QUALIFIERS = ['exactly', 'at_least', 'more_than', 'about', 'up_to'] as const;
export const COMMITMENTS = ['strive', 'assured', 'plain'] as const;
export const HEADLINE_CATEGORIES = ['rd_intensity', 'high_tech_firms', 'tech_market'] as const;
export const HEADLINE_MEASURES = [
  'share_of_gdp',
  'spending',
  'new',
  'net_increase',
  'certified',
  'applications',
  'stock',
  'turnover',
  'growth',
  'absorbed',
  'exported',
] as const;
export const DOCUMENT_KINDS = ['work_plan', 'action_plan', 'progress_report'] as const;

export type Kind = (typeof KINDS)[number];
export type Qualifier = (typeof QUALIFIERS)[number];
export type Commitment = (typeof COMMITMENTS)[number];
export type ScopeClass = (typeof SCOPE_CLASSES)[number];
export type HeadlineMeasure = (typeof HEADLINE_MEASURES)[number];

export interface Figure {
  id: string;
  city: string;
  doc: string;
  category: string;
  measure: string;
  kind: Kind;
  /** The period's canonical text; `span` is the same period parsed once, at the boundary. */
  period: string;
  span: Period;
  qualifier: Qualifier | null;
  value: number | null;
  unit: string;
  /** Whom the figure covers, as a code: comparability is decided from this, never from scope_zh/scope_en. */
  scope_class: ScopeClass;
  /** The scope in the text's words; empty when the sentence names none. */
  scope_zh: string;
  scope_en: string;
  /** One number counting several different kinds of thing together (等10家): never ranked against single counts. */
  combined: boolean;
  label_zh: string;
  label_en: string;
  quote: string;
  commitment: Commitment;
  note_en: string;
  /** The same note in Chinese; may be empty, then the English note is shown. */
  note_zh: string;
  /** id of an earlier row stating the same figure again; views show the figure once. */
  restates: string;
  /** id of the row this figure is a component of (a 其中 figure). */
  part_of: string;
}

export interface DocumentRow {
  id: string;
  city: string;
  title_zh: string;
  title_en: string;
  issuer_zh: string;
  issuer_en: string;
  /** The issuer is not printed in the text but inferred (e.g. from the place names): the card and source line say so. */
  issuer_inferred: boolean;
  /** Signing or generation date as printed, ISO `YYYY[-MM[-DD]]`, or '' when not printed. */
  date_signed: string;
  /** Publication date as the page gives it, same form, or ''. */
  date_published: string;
  kind: (typeof DOCUMENT_KINDS)[number];
  period: string;
  source_file: string;
}

export interface CityRow {
  id: string;
  name_zh: string;
  name_en: string;
  province_zh: string;
  province_en: string;
  level_zh: string;
  level_en: string;
  /** True for a city the reader imported from a local file; bundled cities are false. */
  imported?: boolean;
}

export interface NationalRdRow {
  year: number;
  value: number;
  unit: string;
  source_zh: string;
  source_en: string;
  note: string;
}

/** How one column is read: a cell string in, a typed value or an issue code out. */
interface Column {
  name: string;
  required: boolean;
  read: (cell: string) => { value: unknown } | { code: IssueCode; message: string; detail?: string };
}

export interface Schema<Row> {
  columns: Column[];
  /** Completes a valid row with values derived from its cells (e.g. the parsed period); runs once per row. */
  finish?: (row: Row) => Row;
  /** Rules across columns of one row (e.g. a not_stated row has no value). */
  check?: (row: Row) => { column: string; code: IssueCode; message: string; detail?: string }[];
  /** Column whose values must be unique across the file. */
  key?: keyof Row & string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
/**
 * The largest number a file may state, in any unit: the largest real ones (China's R&D spending, 3 trillion yuan, as
 * 33,000 亿元, or 3×10^12 元) are far below it. Past about 10^308 a number reads as Infinity, and near it a chart's
 * scale computes NaN: neither could be drawn or compared.
 */
const LARGEST_NUMBER = 1e15;
export const withinLargest = (value: number): boolean => Math.abs(value) <= LARGEST_NUMBER;

const ok = (value: unknown) => ({ value });

function text(name: string, required = true): Column {
  return { name, required, read: ok };
}

function pattern(name: string, re: RegExp, what: string, required = true): Column {
  return {
    name,
    required,
    read: (cell) => (cell === '' || re.test(cell) ? ok(cell) : { code: 'bad_format', message: `Expected ${what}.` }),
  };
}

function oneOf(name: string, vocabulary: readonly string[], required = true): Column {
  return {
    name,
    required,
    read: (cell) =>
      cell === ''
        ? ok(null)
        : vocabulary.includes(cell)
          ? ok(cell)
          : { code: 'not_in_vocabulary', message: `Expected one of ${vocabulary.join(', ')}.`, detail: vocabulary.join(', ') },
  };
}

function period(name: string): Column {
  return {
    name,
    required: true,
    read: (cell) =>
      parsePeriod(cell)
        ? ok(cell)
        : { code: 'bad_format', message: 'Expected a period such as 2023, 2022-2023, 2023H1 or 2023-01/2023-05.' },
  };
}

function yesNo(name: string): Column {
  return {
    name,
    required: false,
    read: (cell) =>
      cell === '' || cell === 'no' || cell === 'false'
        ? ok(false)
        : cell === 'yes' || cell === 'true'
          ? ok(true)
          : { code: 'not_in_vocabulary', message: 'Expected one of yes, no.', detail: 'yes, no' },
  };
}

function number(name: string, required = true): Column {
  return {
    name,
    required,
    read: (cell) =>
      cell === ''
        ? ok(null)
        : !NUMBER.test(cell)
          ? { code: 'not_a_number', message: 'Expected a plain number such as 3.5 (no unit, no % sign).' }
          : withinLargest(Number(cell))
            ? ok(Number(cell))
            : { code: 'number_too_large', message: 'This number is too large to be drawn or compared: none here is above 10^15 (a thousand trillion).' },
  };
}

export const figureSchema: Schema<Figure> = {
  key: 'id',
  columns: [
    pattern('id', SLUG, 'a lowercase id such as wuhu-2023-rd-intensity'),
    pattern('city', SLUG, 'a lowercase city id such as wuhu'),
    pattern('doc', SLUG, 'a lowercase document id'),
    pattern('category', SNAKE, 'a snake_case category such as rd_intensity'),
    pattern('measure', SNAKE, 'a snake_case measure such as share_of_gdp'),
    oneOf('kind', KINDS),
    period('period'),
    oneOf('qualifier', QUALIFIERS, false),
    number('value', false),
    text('unit'),
    oneOf('scope_class', SCOPE_CLASSES, false),
    text('scope_zh', false),
    text('scope_en', false),
    yesNo('combined'),
    text('label_zh'),
    text('label_en'),
    text('quote'),
    oneOf('commitment', COMMITMENTS),
    text('note_en', false),
    text('note_zh', false),
    pattern('restates', SLUG, 'the id of the row this one repeats', false),
    pattern('part_of', SLUG, 'the id of the row this one is part of', false),
  ],
  finish: (row) => ({ ...row, span: parsePeriod(row.period)!, scope_class: row.scope_class ?? 'not_stated' }),
  check(row) {
    const issues: { column: string; code: IssueCode; message: string; detail?: string }[] = [];
    const stated = row.kind !== 'not_stated';
    if (stated && row.value === null)
      issues.push({ column: 'value', code: 'required', message: 'A stated figure needs a value.' });
    if (stated && row.qualifier === null)
      issues.push({ column: 'qualifier', code: 'required', message: 'A stated figure needs a qualifier.' });
    if (!stated && row.value !== null)
      issues.push({ column: 'value', code: 'must_be_empty', message: 'A not_stated row has no value: missing is not zero.' });
    if (!stated && row.qualifier !== null)
      issues.push({ column: 'qualifier', code: 'must_be_empty', message: 'A not_stated row has no qualifier.' });
    if (
      (HEADLINE_CATEGORIES as readonly string[]).includes(row.category) &&
      !(HEADLINE_MEASURES as readonly string[]).includes(row.measure)
    )
      issues.push({
        column: 'measure',
        code: 'headline_measure',
        message: `Headline categories take one of ${HEADLINE_MEASURES.join(', ')}.`,
        detail: HEADLINE_MEASURES.join(', '),
      });
    return issues;
  },
};

export const documentSchema: Schema<DocumentRow> = {
  key: 'id',
  columns: [
    pattern('id', SLUG, 'a lowercase document id'),
    pattern('city', SLUG, 'a lowercase city id'),
    text('title_zh'),
    text('title_en'),
    text('issuer_zh'),
    text('issuer_en'),
    yesNo('issuer_inferred'),
    pattern('date_signed', DATE, 'a date such as 2023-03-09 or 2023', false),
    pattern('date_published', DATE, 'a date such as 2023-03-09 or 2023', false),
    oneOf('kind', DOCUMENT_KINDS),
    period('period'),
    text('source_file'),
  ],
};

export const citySchema: Schema<CityRow> = {
  key: 'id',
  columns: [
    pattern('id', SLUG, 'a lowercase city id'),
    text('name_zh'),
    text('name_en'),
    text('province_zh'),
    text('province_en'),
    text('level_zh'),
    text('level_en'),
  ],
};

export const nationalRdSchema: Schema<NationalRdRow> = {
  key: 'year',
  columns: [number('year'), number('value'), text('unit'), text('source_zh'), text('source_en'), text('note', false)],
};

export interface Validated<Row> {
  rows: Row[];
  errors: CsvIssue[];
  warnings: CsvIssue[];
}

/** Work done a slice at a time: each `yield` reports the share done, so a caller may pause between slices. */
export type Steps<T> = Generator<number, T, void>;

/** Runs steps to the end at once, for callers that need no pauses (the bundled data, small files, tests). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Rows between two yields of the validator: small enough that a slice takes well under a frame. */
const ROWS_PER_SLICE = 256;

/**
 * Types and checks every cell of a parsed CSV against a schema. Never throws: each problem is
 * reported with its spreadsheet row (header = 1), column and offending value. Rows with an
 * error are left out of `rows`, so callers decide whether a partial result is usable.
 */
export function validate<Row>(schema: Schema<Row>, parsed: ParsedCsv): Validated<Row> {
  return runSteps(validateSteps(schema, parsed));
}

/** validate(), yielding between slices of rows. */
export function* validateSteps<Row>(schema: Schema<Row>, parsed: ParsedCsv): Steps<Validated<Row>> {
  const errors: CsvIssue[] = [...parsed.issues];
  const warnings: CsvIssue[] = [];
  if (parsed.issues.some((i) => i.code === 'empty_file')) return { rows: [], errors, warnings };

  const known = new Set(schema.columns.map((c) => c.name));
  const missing = schema.columns.filter((c) => c.required && !parsed.header.includes(c.name));
  for (const column of missing)
    errors.push(issue(1, column.name, '', 'missing_column', `The header has no column "${column.name}".`));
  for (const name of parsed.header.filter((h) => !known.has(h)))
    warnings.push(issue(1, name, name, 'unknown_column', `Column "${name}" is not part of the format and is ignored.`));
  for (const name of parsed.header.filter((h, i) => parsed.header.indexOf(h) !== i))
    warnings.push(issue(1, name, name, 'duplicate_column', `Column "${name}" appears twice; its first cells are read.`));
  if (missing.length > 0) return { rows: [], errors, warnings };
  if (parsed.records.length === 0) {
    errors.push(issue(1, '', '', 'no_rows', 'The file has a header but no data rows.'));
    return { rows: [], errors, warnings };
  }

  const rows: Row[] = [];
  const seen = new Map<unknown, number>();
  const malformed = new Set(parsed.issues.map((i) => i.row));
  for (const [index, record] of parsed.records.entries()) {
    if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) yield index / parsed.records.length;
    const rowNumber = index + 2;
    const before = errors.length;
    const typed: Record<string, unknown> = {};
    // Only the schema's own column names are read, each an own property of a null-prototype record.
    for (const column of schema.columns) {
      const cell = record[column.name] ?? '';
      if (cell === '') {
        if (column.required) errors.push(issue(rowNumber, column.name, '', 'required', `"${column.name}" is empty.`));
        const empty = column.read('');
        typed[column.name] = 'value' in empty ? empty.value : null;
        continue;
      }
      const read = column.read(cell);
      if ('code' in read) errors.push({ ...issue(rowNumber, column.name, cell, read.code, read.message), detail: read.detail });
      else typed[column.name] = read.value;
    }
    if (errors.length > before || malformed.has(rowNumber)) continue;
    const row = typed as Row;
    for (const problem of schema.check?.(row) ?? [])
      errors.push({ ...issue(rowNumber, problem.column, record[problem.column] ?? '', problem.code, problem.message), detail: problem.detail });
    if (schema.key) {
      const key = row[schema.key];
      const first = seen.get(key);
      if (first !== undefined)
        errors.push(
          issue(rowNumber, schema.key, String(key), 'duplicate_id', `Duplicate ${schema.key}: first used on row ${first}.`),
        );
      else seen.set(key, rowNumber);
    }
    if (errors.length === before) rows.push(schema.finish ? schema.finish(row) : row);
  }
  return { rows, errors, warnings };
}

/** Checks that every row's reference (e.g. figure.doc) names an existing id. */
export function checkReferences<Row>(
  rows: Row[],
  column: keyof Row & string,
  existing: ReadonlySet<string>,
  rowNumberOf: (row: Row) => number,
): CsvIssue[] {
  return rows
    .filter((row) => !existing.has(String(row[column])))
    .map((row) => ({
      row: rowNumberOf(row),
      column,
      value: String(row[column]),
      code: 'unknown_reference' as const,
      message: `"${String(row[column])}" does not name a known ${column}.`,
    }));
}
