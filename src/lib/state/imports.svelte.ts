// Cities the reader imported from CSV files: validated through the one import path, kept in localStorage until removed.
import type { CsvIssue } from '../data/csv';
import type { TypedDataset } from '../data/dataset';
import { decodeFile, importCityText, mergeImported, type FileEncoding, type ImportedCity } from '../data/import';

export const STORAGE_KEY = 'tech-targets:imports:v1';

interface StoredImport {
  text: string;
  fileName: string;
  encoding: FileEncoding;
}

export interface ImportOutcome {
  fileName: string;
  city: ImportedCity | null;
  errors: CsvIssue[];
  warnings: CsvIssue[];
}

/** localStorage where the browser allows it; some file:// and private modes throw on any access. */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** What an earlier session saved; anything unreadable is ignored rather than breaking the page. */
export function readStored(): StoredImport[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is StoredImport =>
        typeof entry?.text === 'string' && typeof entry?.fileName === 'string' && typeof entry?.encoding === 'string',
    );
  } catch {
    return [];
  }
}

export class ImportStore {
  entries = $state<{ stored: StoredImport; city: ImportedCity }[]>([]);
  /** The outcome of the latest file the reader gave, shown until the next one. */
  last = $state<ImportOutcome | null>(null);
  storageFailed = $state(false);
  readonly #base: TypedDataset;

  constructor(base: TypedDataset, stored: StoredImport[] = readStored()) {
    this.#base = base;
    // Each saved file goes through the same validation again: a newer bundled release could clash with it.
    for (const entry of stored) {
      const result = importCityText(entry.text, entry.fileName, this.#existing(), entry.encoding);
      if (result.city) this.entries.push({ stored: entry, city: result.city });
    }
  }

  get cities(): ImportedCity[] {
    return this.entries.map((e) => e.city);
  }

  /** Bundled data plus every imported city: what a new file must not clash with. */
  #existing(): TypedDataset {
    return mergeImported(this.#base, this.cities);
  }

  /** Reads one file; a file with any error changes nothing but `last`. */
  add(bytes: Uint8Array, fileName: string): ImportOutcome {
    const decoded = decodeFile(bytes);
    const result = decoded.ok
      ? importCityText(decoded.text, fileName, this.#existing(), decoded.encoding)
      : { city: null, errors: [decoded.issue], warnings: [] };
    this.last = { fileName, ...result };
    if (result.city && decoded.ok) {
      this.entries.push({ stored: { text: decoded.text, fileName, encoding: decoded.encoding }, city: result.city });
      this.#save();
    }
    return this.last;
  }

  remove(cityId: string): void {
    this.entries = this.entries.filter((e) => e.city.city.id !== cityId);
    if (this.last?.city?.city.id === cityId) this.last = null;
    this.#save();
  }

  #save(): void {
    try {
      const store = storage();
      if (!store) throw new Error('no storage');
      if (this.entries.length === 0) store.removeItem(STORAGE_KEY);
      else store.setItem(STORAGE_KEY, JSON.stringify(this.entries.map((e) => e.stored)));
      this.storageFailed = false;
    } catch {
      this.storageFailed = true;
    }
  }
}
