// The CSVs shipped with the app, inlined at build time so the single-file page works from file://.
import targets from '../../../data/targets.csv?raw';
import documents from '../../../data/documents.csv?raw';
import cities from '../../../data/cities.csv?raw';
import nationalRd from '../../../data/national_rd_intensity.csv?raw';
import { readDataset, toTables, type Dataset, type TypedDataset } from './dataset';

export const bundledTexts = { targets, documents, cities, nationalRd };

let typed: TypedDataset | undefined;
let cached: Dataset | undefined;

/** The validated bundled rows, parsed on first use only; imports are merged onto these. */
export function bundledRows(): TypedDataset {
  typed ??= readDataset(bundledTexts);
  return typed;
}

/** The bundled rows as Arquero tables. */
export function bundledDataset(): Dataset {
  cached ??= toTables(bundledRows());
  return cached;
}
