// Cities the reader imported from CSV files: validated through the one import path, each kept under its own
// localStorage key until removed, in step across tabs, and set aside — never lost silently — when they fail.
import { SvelteSet } from 'svelte/reactivity';
import { afterNextPaint, yieldToBrowser } from '../schedule';
import { issue, type CsvIssue } from '../data/csv';
import type { TypedDataset } from '../data/dataset';
import {
  importCsvInSlices,
  importCsvText,
  mergeImported,
  type FileEncoding,
  type ImportedCity,
  type Pause,
} from '../data/import';

/** One key per city, so one tab adding or removing a city never overwrites another tab's. */
export const CITY_KEY_PREFIX = 'tech-targets:city:v2:';
/** The format before per-city keys: one array of whole files. Read once, moved to per-city keys. */
export const LEGACY_KEY = 'tech-targets:imports:v1';

export interface StoredCity {
  /** The city's rows as the reader wrote them: CSV with its header. */
  text: string;
  fileName: string;
  encoding: FileEncoding;
  /** When it was kept (ms since 1970): cities are shown in the order they were added, in every tab. */
  added?: number;
}

export interface ImportOutcome {
  fileName: string;
  cities: ImportedCity[];
  errors: CsvIssue[];
  warnings: CsvIssue[];
}

/** A kept city that is not shown: its rows no longer validate, or drawing it made a view fail. */
export interface SetAside {
  key: string;
  cityId: string;
  fileName: string;
  reason: 'invalid' | 'render';
  issues: CsvIssue[];
}

export interface Progress {
  fileName: string;
  /** 0 to 1. */
  share: number;
  /** performance.now() when the file began: the panel shows a bar once it has run half a second. */
  startedAt: number;
}

/** A long import yields to the browser after this long, so no task blocks the page for more than about a frame or two. */
const SLICE_MS = 20;

/** localStorage where the browser allows it; some file:// and private modes throw on any access. */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function parseStored(raw: string | null): StoredCity | null {
  try {
    const value: unknown = JSON.parse(raw ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { text, fileName, encoding, added } = value as Record<string, unknown>;
    return typeof text === 'string' && typeof fileName === 'string' && typeof encoding === 'string'
      ? { text, fileName, encoding: encoding as FileEncoding, added: typeof added === 'number' ? added : 0 }
      : null;
  } catch {
    return null;
  }
}

/** Every kept city, key by key, in the order they were added; anything unreadable is reported, never thrown. */
export function readStored(store: Storage | null = browserStorage()): { key: string; stored: StoredCity | null }[] {
  if (!store) return [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(CITY_KEY_PREFIX)) keys.push(key);
    }
    const found = keys.map((key) => ({ key, stored: parseStored(store.getItem(key)) }));
    return found.sort((a, b) => order(a.stored) - order(b.stored) || (a.key < b.key ? -1 : 1));
  } catch {
    return [];
  }
}

const order = (stored: StoredCity | null) => stored?.added ?? 0;

/** True when storage holds any import, in either format: the prerendered page (which has none) must not be hydrated then. */
export function hasStoredImports(store: Storage | null = browserStorage()): boolean {
  try {
    return readStored(store).length > 0 || Boolean(store?.getItem(LEGACY_KEY));
  } catch {
    return false;
  }
}

export class ImportStore {
  // Raw: lists are replaced whole, never changed in place, and a city's thousands of figures must not be wrapped in
  // proxies (every read of a figure would go through one).
  entries = $state.raw<{ key: string; city: ImportedCity }[]>([]);
  setAside = $state.raw<SetAside[]>([]);
  /** The outcome of each file of the latest batch the reader gave, shown until the next batch. */
  last = $state.raw<ImportOutcome[]>([]);
  progress = $state<Progress | null>(null);
  /** The keys whose last write or removal failed: one city's failure is not hidden by the next city's success. */
  readonly #failedKeys = new SvelteSet<string>();
  readonly #base: TypedDataset;
  readonly #store: Storage | null;
  #abort: AbortController | null = null;
  /** Kept cities not yet written to storage, oldest first. */
  #unwritten: { key: string; city: ImportedCity; added: number }[] = [];
  /** The newest `added` stamp among kept cities, as last read or written. */
  #latestAdded = 0;

  /** `store: null` keeps nothing and reads nothing: embedded charts never show, or leak, a reader's imports. */
  constructor(base: TypedDataset, store: Storage | null = browserStorage()) {
    this.#base = base;
    this.#store = store;
    this.#migrateLegacy();
    this.refresh();
  }

  /** Cities (by id) whose last change, kept or removed, storage refused: a reload would not show them as they are. */
  get unkept(): string[] {
    return [...this.#failedKeys].map((failed) => failed.slice(CITY_KEY_PREFIX.length));
  }

  get cities(): ImportedCity[] {
    return this.entries.map((e) => e.city);
  }

  /** Resolves once every city added so far has been written to storage (or failed to be). */
  async saved(): Promise<void> {
    while (this.#unwritten.length > 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** Bundled data plus every imported city: what a new file must not clash with. */
  #existing(): TypedDataset {
    return mergeImported(this.#base, this.cities);
  }

  /**
   * Reads every kept city again (at start, and when another tab changes storage). Each goes through the same
   * validation as a new file; one that fails is set aside with its issues, not deleted.
   */
  refresh(): void {
    // Cities this page kept but has not written yet would otherwise vanish from it when another tab's change is read.
    this.writePending();
    const stored = readStored(this.#store);
    this.#latestAdded = Math.max(this.#latestAdded, ...stored.map((s) => s.stored?.added ?? 0));
    // Plain lookups built and read within this call, never state, so Svelte's reactive collections are not needed.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const shown = new Map(this.entries.map((e) => [e.key, e]));
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const renderFailed = new Set(this.setAside.filter((s) => s.reason === 'render').map((s) => s.key));
    const entries: typeof this.entries = [];
    const setAside: SetAside[] = [];
    for (const { key, stored: city } of stored) {
      if (renderFailed.has(key)) {
        setAside.push(this.setAside.find((s) => s.key === key)!);
        continue;
      }
      const existing = mergeImported(this.#base, entries.map((e) => e.city));
      const kept = shown.get(key);
      if (kept && city && kept.city.source === city.text && !existing.cities.some((c) => c.id === kept.city.city.id)) {
        entries.push(kept);
        continue;
      }
      const result = city
        ? importCsvText(city.text, city.fileName, existing, city.encoding)
        : {
            cities: [],
            errors: [issue(1, '', '', 'stored_unreadable', 'The kept copy is not one this app wrote, so it cannot be read.')],
            warnings: [],
          };
      if (city && result.cities.length === 1) entries.push({ key, city: result.cities[0]! });
      else
        setAside.push({
          key,
          cityId: key.slice(CITY_KEY_PREFIX.length),
          fileName: city?.fileName ?? '',
          reason: 'invalid',
          issues: result.errors,
        });
    }
    this.entries = entries;
    this.setAside = setAside;
  }

  /**
   * Imports files one after another, each accepted whole or not at all, a slice at a time with progress.
   * `cancel()` stops the file being read; files already accepted stay.
   */
  async addFiles(
    files: { bytes: Uint8Array; name: string; size?: number }[],
    /** Called as the accepted cities join the page, before storage is written, so the page draws them in that update. */
    onadded?: () => void,
  ): Promise<ImportOutcome[]> {
    this.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    const outcomes: ImportOutcome[] = [];
    this.last = [];
    let reported = false;
    const report = () => {
      if (reported) return;
      reported = true;
      this.progress = null;
      this.last = outcomes;
      onadded?.();
    };
    try {
      for (const file of files) {
        const startedAt = performance.now();
        this.progress = { fileName: file.name, share: 0, startedAt };
        const result = await importCsvInSlices(
          file.bytes,
          file.name,
          this.#existing(),
          pauser(abort.signal),
          (share) => {
            if (this.progress) this.progress = { fileName: file.name, share, startedAt };
          },
          file.size,
        );
        const outcome = { fileName: file.name, ...result };
        outcomes.push(outcome);
        // The page redraws with the new cities in a task of its own, not on the end of the last slice.
        if (result.cities.length > 0) await yieldToBrowser();
        for (const city of result.cities) this.#keep(city);
      }
      // The reader sees the cities and hears how the files went in one update; storage is written after.
      report();
      await this.saved();
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    } finally {
      if (this.#abort === abort) this.#abort = null;
      report();
    }
    return outcomes;
  }

  cancel(): void {
    this.#abort?.abort();
  }

  #keep(city: ImportedCity): void {
    const key = CITY_KEY_PREFIX + city.city.id;
    this.entries = [...this.entries, { key, city }];
    // Later than every kept city, even within one millisecond, so every tab lists cities in the order they came.
    const added = Math.max(Date.now(), this.#latestAdded + 1);
    this.#latestAdded = added;
    this.#unwritten.push({ key, city, added });
    if (this.#unwritten.length === 1) afterNextPaint(() => this.#writeSome());
  }

  /**
   * Writes kept cities to storage a few milliseconds' worth at a time, after the page with them has been painted:
   * writing megabytes (and making each city's CSV text) never delays the redraw or a reader's next click.
   */
  #writeSome(until = performance.now() + WRITE_SLICE_MS): void {
    try {
      while (this.#unwritten.length > 0 && performance.now() < until) {
        const { key, city, added } = this.#unwritten.shift()!;
        this.#write(key, () => this.#store!.setItem(key, JSON.stringify({ text: city.source, fileName: city.fileName, encoding: city.encoding, added } satisfies StoredCity)));
      }
    } finally {
      // One city that fails does not stop the others.
      if (this.#unwritten.length > 0) setTimeout(() => this.#writeSome());
    }
  }

  /** Writes every kept city not yet in storage, now: the page is being left, or storage is about to be read again. */
  writePending(): void {
    this.#writeSome(Infinity);
  }

  remove(cityId: string): void {
    const key = CITY_KEY_PREFIX + cityId;
    this.entries = this.entries.filter((e) => e.key !== key);
    this.setAside = this.setAside.filter((s) => s.key !== key);
    this.last = this.last.map((o) => ({ ...o, cities: o.cities.filter((c) => c.city.id !== cityId) }));
    this.#unwritten = this.#unwritten.filter((u) => u.key !== key);
    this.#write(key, () => this.#store!.removeItem(key));
  }

  /** Every imported and set-aside city goes: the page is exactly the bundled one again. */
  removeAll(): void {
    this.#unwritten = [];
    for (const key of [...this.entries.map((e) => e.key), ...this.setAside.map((s) => s.key)])
      this.#write(key, () => this.#store!.removeItem(key));
    this.entries = [];
    this.setAside = [];
    this.last = [];
  }

  /** Drawing the shown cities failed: keep them, but show none of them until the reader retries or removes. */
  setAsideShown(issue: CsvIssue): void {
    this.setAside = [
      ...this.setAside,
      ...this.entries.map((e) => ({
        key: e.key,
        cityId: e.city.city.id,
        fileName: e.city.fileName,
        reason: 'render' as const,
        issues: [issue],
      })),
    ];
    this.entries = [];
  }

  /** Reads a set-aside city again and shows it if it now validates (a failed drawing is tried again as well). */
  retry(key: string): void {
    this.setAside = this.setAside.map((s) => (s.key === key ? { ...s, reason: 'invalid' as const } : s));
    this.refresh();
  }

  #write(key: string, action: () => void): void {
    try {
      if (!this.#store) throw new Error('no storage');
      action();
      this.#failedKeys.delete(key);
    } catch {
      this.#failedKeys.add(key);
    }
  }

  /** One-time move from the single-array format to a key per city; a file that no longer validates is kept as it was. */
  #migrateLegacy(): void {
    const store = this.#store;
    if (!store) return;
    try {
      const raw = store.getItem(LEGACY_KEY);
      if (!raw) return;
      const files: unknown = JSON.parse(raw);
      let existing = this.#base;
      let moved = 0;
      for (const file of Array.isArray(files) ? files : []) {
        const stored = parseStored(JSON.stringify(file));
        if (!stored) continue;
        const result = importCsvText(stored.text, stored.fileName, existing, stored.encoding);
        for (const city of result.cities) {
          store.setItem(
            CITY_KEY_PREFIX + city.city.id,
            JSON.stringify({ text: city.source, fileName: city.fileName, encoding: city.encoding, added: Date.now() + moved++ }),
          );
          existing = mergeImported(existing, [city]);
        }
      }
      store.removeItem(LEGACY_KEY);
    } catch {
      // Unreadable or full storage: leave the old key for a later start.
    }
  }
}

/** Storage is written in slices of about this many milliseconds. */
const WRITE_SLICE_MS = 8;

/** A Pause that yields to the browser once a slice has run SLICE_MS, and rejects once the signal is aborted. */
export function pauser(signal: AbortSignal, sliceMs = SLICE_MS): Pause {
  let sliceStart = performance.now();
  return async () => {
    if (signal.aborted) throw new DOMException('Import cancelled', 'AbortError');
    if (performance.now() - sliceStart < sliceMs) return;
    await yieldToBrowser();
    if (signal.aborted) throw new DOMException('Import cancelled', 'AbortError');
    sliceStart = performance.now();
  };
}
