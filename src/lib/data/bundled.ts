// The CSVs shipped with the app, inlined at build time so the single-file page works from file://.
import targets from '../../../data/targets.csv?raw';
import documents from '../../../data/documents.csv?raw';
import cities from '../../../data/cities.csv?raw';
import nationalRd from '../../../data/national_rd_intensity.csv?raw';
import { readDataset, toTables, type Dataset } from './dataset';

export const bundledTexts = { targets, documents, cities, nationalRd };

let cached: Dataset | undefined;

/** The validated bundled dataset, parsed on first use only. */
export function bundledDataset(): Dataset {
  cached ??= toTables(readDataset(bundledTexts));
  return cached;
}
