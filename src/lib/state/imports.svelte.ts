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
/**
 * A big city's text is kept in parts, each under a key of its own and written in a task of its own: one write of
 * megabytes held the page for 100–200 ms. A part is read only through its city's record, which names how many there
 * are and is written after them, so no tab ever reads a city whose parts are not all there.
 */
export const PART_KEY_PREFIX = 'tech-targets:part:v2:';
/** Characters of a city's text a part holds at most: writing one takes a few milliseconds. */
export const PART_CHARS = 256 * 1024;

/** Where a city's parts are kept: its id (encoded, so no id can look like another's prefix), then its stamp. */
const partsOf = (cityKey: string) => `${PART_KEY_PREFIX}${encodeURIComponent(cityKey.slice(CITY_KEY_PREFIX.length))}:`;
const partKey = (cityKey: string, added: number, index: number) => `${partsOf(cityKey)}${added}:${index}`;

/** `text` cut into parts of at most PART_CHARS characters, never between the two halves of a character. */
function splitText(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + PART_CHARS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

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

/** A kept city's record, its text read from its parts where it names them; null when anything is missing or wrong. */
function parseStored(raw: string | null, store: Storage | null, key: string): StoredCity | null {
  try {
    const value: unknown = JSON.parse(raw ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { text, parts, fileName, encoding, added } = value as Record<string, unknown>;
    const stamp = typeof added === 'number' ? added : 0;
    const whole = typeof text === 'string' ? text : typeof parts === 'number' && Number.isInteger(parts) && parts > 0 && store ? readParts(store, key, stamp, parts) : null;
    return whole !== null && typeof fileName === 'string' && typeof encoding === 'string'
      ? { text: whole, fileName, encoding: encoding as FileEncoding, added: stamp }
      : null;
  } catch {
    return null;
  }
}

function readParts(store: Storage, key: string, added: number, count: number): string | null {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const part = store.getItem(partKey(key, added, i));
    if (part === null) return null;
    parts.push(part);
  }
  return parts.join('');
}

/** Every part key of a city (or, with no city, of every city), but those of its record's stamp `keep`. */
function partKeys(store: Storage, cityKey: string | null, keep?: number): string[] {
  const prefix = cityKey === null ? PART_KEY_PREFIX : partsOf(cityKey);
  const kept = keep === undefined ? null : `${prefix}${keep}:`;
  return keysStartingWith(store, prefix).filter((key) => !(kept && key.startsWith(kept)));
}

/** Every key in storage that starts with `prefix`. */
function keysStartingWith(store: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** Every kept city, key by key, in the order they were added; anything unreadable is reported, never thrown. */
export function readStored(store: Storage | null = browserStorage()): { key: string; stored: StoredCity | null }[] {
  if (!store) return [];
  try {
    const found = keysStartingWith(store, CITY_KEY_PREFIX).map((key) => ({ key, stored: parseStored(store.getItem(key), store, key) }));
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

/** A kept city not yet written: a big one with its parts, and how many of them are written. */
interface Unwritten {
  key: string;
  city: ImportedCity;
  added: number;
  parts?: string[];
  written: number;
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
  /** Kept cities not yet written to storage, oldest first; a big one with its parts and how many are written. */
  #unwritten: Unwritten[] = [];
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
    this.#unwritten.push({ key, city, added, written: 0 });
    if (this.#unwritten.length === 1) afterNextPaint(() => this.#writeSome());
  }

  /**
   * Writes kept cities to storage a few milliseconds' worth at a time, after the page with them has been painted:
   * writing megabytes (and making each city's CSV text) never delays the redraw or a reader's next click.
   */
  #writeSome(until = performance.now() + WRITE_SLICE_MS): void {
    try {
      while (this.#unwritten.length > 0 && performance.now() < until) if (this.#writeNext(this.#unwritten[0]!)) this.#unwritten.shift();
    } finally {
      // One city that fails does not stop the others.
      if (this.#unwritten.length > 0) setTimeout(() => this.#writeSome());
    }
  }

  /** Writes a kept city, or one part of a big one (its record once its parts are all in): true when the city is done with, written or refused. */
  #writeNext(item: Unwritten): boolean {
    const { key, city, added } = item;
    const { fileName, encoding } = city;
    item.parts ??= city.source.length > PART_CHARS ? splitText(city.source) : [];
    const parts = item.parts;
    if (item.written < parts.length) {
      const index = item.written++;
      if (this.#write(key, () => this.#store!.setItem(partKey(key, added, index), parts[index]!))) return false;
      // Storage is full: the parts already written only take room.
      this.#removeParts(key);
      return true;
    }
    const record = parts.length > 0 ? { parts: parts.length, fileName, encoding, added } : ({ text: city.source, fileName, encoding, added } satisfies StoredCity);
    // A big city's parts of an earlier stamp (a write cut short by the page closing) go once its record is in; a small
    // city has none to look for, so the hundreds of a large import do not each search storage.
    if (this.#write(key, () => this.#store!.setItem(key, JSON.stringify(record))) && parts.length > 0) this.#removeParts(key, added);
    return true;
  }

  /** Removes a city's parts but those of the stamp `keep`; with no city, every city's. */
  #removeParts(cityKey: string | null, keep?: number): void {
    if (!this.#store) return;
    try {
      for (const key of partKeys(this.#store, cityKey, keep)) this.#store.removeItem(key);
    } catch {
      // Left for the next removal: a part never read is only room taken.
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
    this.#removeParts(key);
  }

  /** Every imported and set-aside city goes: the page is exactly the bundled one again. */
  removeAll(): void {
    this.#unwritten = [];
    for (const key of [...this.entries.map((e) => e.key), ...this.setAside.map((s) => s.key)])
      this.#write(key, () => this.#store!.removeItem(key));
    this.#removeParts(null);
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

  /** Runs a write of city `key`'s; true when storage took it. */
  #write(key: string, action: () => void): boolean {
    try {
      if (!this.#store) throw new Error('no storage');
      action();
      this.#failedKeys.delete(key);
      return true;
    } catch {
      this.#failedKeys.add(key);
      return false;
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
        const stored = parseStored(JSON.stringify(file), store, LEGACY_KEY);
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
