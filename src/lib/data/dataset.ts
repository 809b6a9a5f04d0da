// Builds the app's Arquero tables from CSV texts: parse once, validate, cross-check references, fail loudly.
import { from, type ColumnTable } from 'arquero';
import { parseCsv, type CsvIssue } from './csv';
import {
  checkReferences,
  citySchema,
  documentSchema,
  figureSchema,
  nationalRdSchema,
  validate,
  type CityRow,
  type DocumentRow,
  type Figure,
  type NationalRdRow,
} from './schema';

export interface DatasetTexts {
  targets: string;
  documents: string;
  cities: string;
  nationalRd: string;
}

export interface Dataset {
  figures: ColumnTable;
  documents: ColumnTable;
  cities: ColumnTable;
  nationalRd: ColumnTable;
}

export interface FileIssue extends CsvIssue {
  file: string;
}

export class DatasetError extends Error {
  constructor(readonly issues: FileIssue[]) {
    super(
      `Invalid data (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues
          .slice(0, 20)
          .map((i) => `${i.file} row ${i.row}, column "${i.column}", value "${i.value}": ${i.message}`)
          .join('\n'),
    );
    this.name = 'DatasetError';
  }
}

export interface TypedDataset {
  figures: Figure[];
  documents: DocumentRow[];
  cities: CityRow[];
  nationalRd: NationalRdRow[];
}

/** Parses and validates the four bundled CSVs; throws DatasetError naming every bad cell. */
export function readDataset(texts: DatasetTexts): TypedDataset {
  const issues: FileIssue[] = [];
  const read = <Row>(file: string, text: string, schema: Parameters<typeof validate<Row>>[0]) => {
    const result = validate(schema, parseCsv(text));
    issues.push(...result.errors.map((e) => ({ ...e, file })));
    return result.rows;
  };
  const figures = read('targets.csv', texts.targets, figureSchema);
  const documents = read('documents.csv', texts.documents, documentSchema);
  const cities = read('cities.csv', texts.cities, citySchema);
  const nationalRd = read('national_rd_intensity.csv', texts.nationalRd, nationalRdSchema);

  const rowOf = new Map(figures.map((f, i) => [f, i + 2]));
  const figureRow = (f: Figure) => rowOf.get(f) ?? 0;
  const ids = new Set(figures.map((f) => f.id));
  const refs = [
    ...checkReferences(figures, 'city', new Set(cities.map((c) => c.id)), figureRow),
    ...checkReferences(figures, 'doc', new Set(documents.map((d) => d.id)), figureRow),
    ...checkReferences(figures.filter((f) => f.restates), 'restates', ids, figureRow),
    ...checkReferences(figures.filter((f) => f.part_of), 'part_of', ids, figureRow),
  ];
  issues.push(...refs.map((e) => ({ ...e, file: 'targets.csv' })));
  if (issues.length > 0) throw new DatasetError(issues);
  return { figures, documents, cities, nationalRd };
}

export function toTables(data: TypedDataset): Dataset {
  return {
    figures: from(data.figures),
    documents: from(data.documents),
    cities: from(data.cities.map((city) => ({ ...city, imported: city.imported ?? false }))),
    nationalRd: from(data.nationalRd),
  };
}
