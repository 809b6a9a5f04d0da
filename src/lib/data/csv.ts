// Parsing CSV text into header + string records: the one place PapaParse is called.
import Papa from 'papaparse';

export interface CsvIssue {
  /** 1-based line of the record as a spreadsheet numbers it: the header is row 1. */
  row: number;
  column: string;
  value: string;
  code: IssueCode;
  message: string;
  /** A machine value the message is about (the value read, a default, allowed values, a size), for other languages' texts. */
  detail?: string;
}

export type IssueCode =
  | 'empty_file'
  | 'no_rows'
  | 'missing_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'malformed_row'
  | 'required'
  | 'not_in_vocabulary'
  | 'not_a_number'
  | 'number_too_large'
  | 'bad_format'
  | 'duplicate_id'
  | 'unknown_reference'
  | 'must_be_empty'
  | 'headline_measure'
  // Codes raised only by import.ts, for a user's own city file.
  | 'file_too_large'
  | 'binary_file'
  | 'normalised'
  | 'value_with_unit'
  | 'implausible_value'
  | 'id_clash'
  | 'city_clash'
  | 'bad_encoding'
  | 'defaulted'
  | 'repeated'
  | 'render_failed'
  | 'stored_unreadable'
  | 'scope_words_only'
  | 'headline_unit'
  | 'document_of_other_city'
  | 'missing_city_name'
  | 'conflicting_value'
  | 'unknown_category';

/** One problem at one cell: the shape every validator and importer reports in. */
export const issue = (row: number, column: string, value: string, code: IssueCode, message: string): CsvIssue => ({
  row,
  column,
  value,
  code,
  message,
});

export interface ParsedCsv {
  header: string[];
  records: Record<string, string>[];
  issues: CsvIssue[];
}

/** A CSV row keyed by column name. Null-prototype, so a column called "__proto__" or "constructor" is just a column. */
export type CsvRecord = Record<string, string>;

const EMPTY_FILE: CsvIssue = { row: 1, column: '', value: '', code: 'empty_file', message: 'The file is empty.' };

/** Builds records from raw rows as they arrive: the first row is the header, each later row one record. */
class RecordBuilder {
  header: string[] = [];
  records: CsvRecord[] = [];
  issues: CsvIssue[] = [];
  #line = 0;

  add(rows: string[][]): void {
    for (const cells of rows) {
      this.#line++;
      if (this.#line === 1) {
        this.header = cells.map((name) => name.trim());
        continue;
      }
      // skipEmptyLines: 'greedy' has dropped blank lines, so the record number is the spreadsheet row.
      const row = this.records.length + 2;
      if (cells.length !== this.header.length)
        this.issues.push({
          row,
          column: '',
          value: '',
          code: 'malformed_row',
          message: `Malformed row: ${cells.length < this.header.length ? 'too few' : 'too many'} fields (expected ${this.header.length}, found ${cells.length}).`,
        });
      const record: CsvRecord = Object.create(null);
      this.header.forEach((name, i) => {
        // A repeated column name keeps its first cell: the same header twice is reported by the validator.
        if (!Object.hasOwn(record, name)) record[name] = (cells[i] ?? '').trim();
      });
      this.records.push(record);
    }
  }

  result(): ParsedCsv {
    return { header: this.header, records: this.records, issues: this.issues };
  }
}

const PARSE_OPTIONS = { header: false, skipEmptyLines: 'greedy' } as const;

/** Parses CSV text once, every cell kept as a trimmed string; typing happens in schema.ts. */
export function parseCsv(text: string): ParsedCsv {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { header: [], records: [], issues: [EMPTY_FILE] };
  const builder = new RecordBuilder();
  builder.add(Papa.parse<string[]>(body, PARSE_OPTIONS).data);
  return builder.result();
}

/**
 * The same parse, a slice at a time: PapaParse pauses after each chunk and `pause` lets the page breathe
 * (and a reader cancel) before it resumes. `progress` gets the share of the text read so far.
 */
export function parseCsvInChunks(
  text: string,
  pause: () => Promise<void>,
  progress: (share: number) => void = () => {},
  chunkSize = 96 * 1024,
): Promise<ParsedCsv> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return Promise.resolve({ header: [], records: [], issues: [EMPTY_FILE] });
  const builder = new RecordBuilder();
  return new Promise((resolve, reject) => {
    // A rejected pause (the reader cancelled) aborts the parse; PapaParse then calls complete, which must not resolve.
    let cancelled: { error: unknown } | null = null;
    Papa.parse<string[]>(body, {
      ...PARSE_OPTIONS,
      chunkSize,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        builder.add(results.data);
        progress(Math.min(1, (results.meta.cursor ?? 0) / body.length));
        parser.pause();
        pause().then(
          () => parser.resume(),
          (error: unknown) => {
            cancelled = { error };
            parser.abort();
          },
        );
      },
      complete: () => (cancelled ? reject(cancelled.error) : resolve(builder.result())),
    });
  });
}
