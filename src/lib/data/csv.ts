// Parsing CSV text into header + string records: the one place PapaParse is called.
import Papa from 'papaparse';

export interface CsvIssue {
  /** 1-based line of the record as a spreadsheet numbers it: the header is row 1. */
  row: number;
  column: string;
  value: string;
  code: IssueCode;
  message: string;
}

export type IssueCode =
  | 'empty_file'
  | 'no_rows'
  | 'missing_column'
  | 'unknown_column'
  | 'malformed_row'
  | 'required'
  | 'not_in_vocabulary'
  | 'not_a_number'
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
  | 'several_cities'
  | 'unknown_document'
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

/** Parses CSV text once, every cell kept as a trimmed string; typing happens in schema.ts. */
export function parseCsv(text: string): ParsedCsv {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    return {
      header: [],
      records: [],
      issues: [{ row: 1, column: '', value: '', code: 'empty_file', message: 'The file is empty.' }],
    };
  }
  const result = Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (name) => name.trim(),
    transform: (value) => value.trim(),
  });
  const issues: CsvIssue[] = result.errors.map((error) => ({
    row: (error.row ?? 0) + 2,
    column: '',
    value: '',
    code: 'malformed_row',
    message: `Malformed row: ${error.message}.`,
  }));
  return { header: result.meta.fields ?? [], records: result.data, issues };
}
