// The import store: one validation path for new files and kept cities, a key per city shared by tabs, nothing lost silently.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { bundledRows } from '../../src/lib/data/bundled';
import { issue } from '../../src/lib/data/csv';
import { CITY_KEY_PREFIX, ImportStore, LEGACY_KEY, PART_CHARS, PART_KEY_PREFIX, hasStoredImports, pauser, readStored } from '../../src/lib/state/imports.svelte';
import { oneLargeCity } from '../../scripts/large-import.js';

const VALID = readFileSync(new URL('../fixtures/import/valid-city.csv', import.meta.url), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);
const file = (text: string, name = 'city.csv') => ({ bytes: bytes(text), name });
/** The valid fixture as another city, with its own ids. */
const other = (id: string) => VALID.replaceAll('maanshan', id).replaceAll('马鞍山', `${id}市`).replaceAll("Ma'anshan", id);

/** localStorage as the Web Storage API gives it (key(i) and length included), in memory. */
class MemoryStorage implements Storage {
  items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
});
const ids = (store: ImportStore) => store.cities.map((c) => c.city.id);

describe('ImportStore', () => {
  test('a valid file is added, kept under its city’s own key, and restored by the next session', async () => {
    const store = new ImportStore(bundledRows(), storage);
    const [outcome] = await store.addFiles([file(VALID, 'maanshan.csv')]);
    expect(outcome!.errors).toEqual([]);
    expect(ids(store)).toEqual(['maanshan']);
    expect([...storage.items.keys()]).toEqual([`${CITY_KEY_PREFIX}maanshan`]);
    expect(ids(new ImportStore(bundledRows(), storage))).toEqual(['maanshan']);
    expect(hasStoredImports(storage)).toBe(true);
  });

  test('one file of two cities adds two cities, each kept and removed on its own', async () => {
    const two = `${VALID.trimEnd()}\n${other('hefei').split('\n').slice(1).join('\n')}`;
    const store = new ImportStore(bundledRows(), storage);
    await store.addFiles([file(two)]);
    expect(ids(store)).toEqual(['maanshan', 'hefei']);
    store.remove('maanshan');
    expect(ids(store)).toEqual(['hefei']);
    expect(ids(new ImportStore(bundledRows(), storage))).toEqual(['hefei']);
  });

  test('several files at once; a file with errors changes nothing but its own report', async () => {
    const store = new ImportStore(bundledRows(), storage);
    const outcomes = await store.addFiles([file(VALID), file(VALID.replace(',target,', ',goal,'), 'bad.csv'), file(other('bengbu'))]);
    expect(outcomes.map((o) => [o.fileName, o.cities.length, o.errors.length > 0])).toEqual([
      ['city.csv', 1, false],
      ['bad.csv', 0, true],
      ['city.csv', 1, false],
    ]);
    expect(ids(store)).toEqual(['maanshan', 'bengbu']);
    expect(store.last).toHaveLength(3);
  });

  test('a city already shown is refused as a clash, naming the row', async () => {
    const store = new ImportStore(bundledRows(), storage);
    await store.addFiles([file(VALID)]);
    const [again] = await store.addFiles([file(VALID, 'again.csv')]);
    expect(again!.errors).toContainEqual(expect.objectContaining({ row: 2, column: 'city', code: 'city_clash' }));
    expect(ids(store)).toEqual(['maanshan']);
  });

  test('two tabs sharing storage keep both cities: each writes only its own key, and refresh() reads the other’s', async () => {
    const tabA = new ImportStore(bundledRows(), storage);
    const tabB = new ImportStore(bundledRows(), storage);
    await tabA.addFiles([file(VALID)]);
    await tabB.addFiles([file(other('hefei'))]);
    tabA.refresh();
    expect(ids(tabA)).toEqual(['maanshan', 'hefei']);
    // Remove in one tab removes only that city, everywhere.
    tabB.refresh();
    tabB.remove('maanshan');
    tabA.refresh();
    expect(ids(tabA)).toEqual(['hefei']);
  });

  test('storage is written after the cities are shown; a city not yet written survives another tab’s change, and one removed first is never written', async () => {
    const tabA = new ImportStore(bundledRows(), storage);
    const tabB = new ImportStore(bundledRows(), storage);
    let shownBeforeWriting = false;
    const adding = tabA.addFiles([file(VALID)], () => (shownBeforeWriting = storage.items.size === 0));
    await adding;
    expect(shownBeforeWriting).toBe(true);
    expect(storage.items.has(`${CITY_KEY_PREFIX}maanshan`)).toBe(true);
    // Tab B keeps a city and, before writing it, reads storage again (as when another tab changes it): its city is written first, not lost.
    const addingB = tabB.addFiles([file(other('hefei'))], () => {
      tabB.refresh();
      expect(ids(tabB)).toEqual(['maanshan', 'hefei']);
    });
    await addingB;
    // A city removed before its turn to be written never reaches storage; one set aside (its drawing failed) is kept.
    const tabC = new ImportStore(bundledRows(), storage);
    await tabC.addFiles([file(other('bengbu'))], () => tabC.remove('bengbu'));
    expect(storage.items.has(`${CITY_KEY_PREFIX}bengbu`)).toBe(false);
    await tabC.addFiles([file(other('wuhan'))], () => tabC.setAsideShown(issue(1, '', '', 'render_failed', 'failed')));
    expect(storage.items.has(`${CITY_KEY_PREFIX}wuhan`)).toBe(true);
  });

  test('a kept city that no longer validates is set aside with its issues, not dropped; retry and remove work', () => {
    storage.setItem(`${CITY_KEY_PREFIX}wuhu`, JSON.stringify({ text: VALID.replaceAll('maanshan', 'wuhu'), fileName: 'x.csv', encoding: 'utf-8' }));
    storage.setItem(`${CITY_KEY_PREFIX}junk`, '{not json');
    const store = new ImportStore(bundledRows(), storage);
    expect(store.cities).toEqual([]);
    expect(store.setAside.map((s) => [s.cityId, s.reason])).toEqual([
      ['junk', 'invalid'],
      ['wuhu', 'invalid'],
    ]);
    expect(store.setAside.find((s) => s.cityId === 'wuhu')!.issues).toContainEqual(expect.objectContaining({ code: 'city_clash' }));
    expect(storage.items.size).toBe(2);
    store.retry(`${CITY_KEY_PREFIX}wuhu`);
    expect(store.setAside).toHaveLength(2);
    store.remove('wuhu');
    expect(storage.items.has(`${CITY_KEY_PREFIX}wuhu`)).toBe(false);
  });

  test('a city whose drawing failed is set aside until retried, and comes back on retry', async () => {
    const store = new ImportStore(bundledRows(), storage);
    await store.addFiles([file(VALID)]);
    store.setAsideShown(issue(1, '', 'boom', 'render_failed', 'Drawing failed: boom'));
    expect(store.cities).toEqual([]);
    store.refresh();
    expect(store.cities).toEqual([]);
    expect(store.setAside.map((s) => s.reason)).toEqual(['render']);
    store.retry(`${CITY_KEY_PREFIX}maanshan`);
    expect(ids(store)).toEqual(['maanshan']);
  });

  test('the old single-key format is moved to a key per city', () => {
    storage.setItem(LEGACY_KEY, JSON.stringify([{ text: VALID, fileName: 'old.csv', encoding: 'utf-8' }, { nope: 1 }]));
    const store = new ImportStore(bundledRows(), storage);
    expect(ids(store)).toEqual(['maanshan']);
    expect(storage.getItem(LEGACY_KEY)).toBeNull();
    expect(readStored(storage).map((s) => s.key)).toEqual([`${CITY_KEY_PREFIX}maanshan`]);
  });

  test('a browser that refuses storage still imports, and says the city will not survive a reload', async () => {
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const store = new ImportStore(bundledRows(), storage);
    await store.addFiles([file(VALID)]);
    expect(ids(store)).toEqual(['maanshan']);
    expect(store.unkept).toEqual(['maanshan']);
  });

  test('one city storage refuses is still reported after the next city is kept', async () => {
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key: string, value: string) => {
      if (key.endsWith('maanshan')) throw new DOMException('full', 'QuotaExceededError');
      setItem(key, value);
    };
    const store = new ImportStore(bundledRows(), storage);
    await store.addFiles([file(VALID), file(other('chuzhou'), 'b.csv')]);
    store.writePending();
    expect(ids(store)).toEqual(['maanshan', 'chuzhou']);
    expect(readStored(storage).map((s) => s.key)).toEqual([`${CITY_KEY_PREFIX}chuzhou`]);
    expect(store.unkept, 'Chuzhou kept does not hide that Ma’anshan was not').toEqual(['maanshan']);
    store.remove('maanshan');
    expect(store.unkept, 'nothing unkept is left').toEqual([]);
  });

  describe('a big city', () => {
    /** A valid city of about 700,000 characters, much of it Chinese: three parts or so. */
    const BIG = oneLargeCity(1.6 * 1024 * 1024);
    const partKeys = () => [...storage.items.keys()].filter((key) => key.startsWith(PART_KEY_PREFIX));

    test('is kept in parts of a few hundred thousand characters, never one write of megabytes, and read back whole', async () => {
      const writes: number[] = [];
      const setItem = storage.setItem.bind(storage);
      storage.setItem = (key: string, value: string) => {
        writes.push(value.length);
        setItem(key, value);
      };
      const store = new ImportStore(bundledRows(), storage);
      await store.addFiles([file(BIG, 'big.csv')]);
      await store.saved();
      expect(BIG.length).toBeGreaterThan(2 * PART_CHARS);
      expect(Math.max(...writes)).toBeLessThanOrEqual(PART_CHARS);
      const record = JSON.parse(storage.getItem(`${CITY_KEY_PREFIX}bigcity`)!) as { parts: number; text?: string };
      expect(record.text).toBeUndefined();
      expect(partKeys()).toHaveLength(record.parts);
      const again = new ImportStore(bundledRows(), storage);
      expect(ids(again)).toEqual(['bigcity']);
      expect(again.cities[0]!.source).toBe(store.cities[0]!.source);
      expect(again.cities[0]!.figures).toHaveLength(store.cities[0]!.figures.length);
    });

    test('goes with its parts when removed, alone or with every city', async () => {
      const store = new ImportStore(bundledRows(), storage);
      await store.addFiles([file(BIG, 'big.csv')]);
      await store.saved();
      store.remove('bigcity');
      expect(partKeys()).toEqual([]);
      await store.addFiles([file(BIG, 'big.csv'), file(VALID)]);
      await store.saved();
      expect(partKeys().length).toBeGreaterThan(0);
      store.removeAll();
      expect([...storage.items.keys()]).toEqual([]);
    });

    test('with a part lost, it is set aside as unreadable, never half read', async () => {
      const store = new ImportStore(bundledRows(), storage);
      await store.addFiles([file(BIG, 'big.csv')]);
      await store.saved();
      storage.removeItem(partKeys()[1]!);
      const again = new ImportStore(bundledRows(), storage);
      expect(again.cities).toEqual([]);
      expect(again.setAside.map((s) => [s.cityId, s.issues[0]?.code])).toEqual([['bigcity', 'stored_unreadable']]);
    });

    test('that storage refuses part-way leaves no parts behind, and is said not to survive a reload', async () => {
      let room = 2;
      const setItem = storage.setItem.bind(storage);
      storage.setItem = (key: string, value: string) => {
        if (room-- <= 0) throw new DOMException('full', 'QuotaExceededError');
        setItem(key, value);
      };
      const store = new ImportStore(bundledRows(), storage);
      await store.addFiles([file(BIG, 'big.csv')]);
      await store.saved();
      expect(ids(store)).toEqual(['bigcity']);
      expect(store.unkept).toEqual(['bigcity']);
      expect([...storage.items.keys()]).toEqual([]);
    });
  });

  test('without storage (an embedded chart) nothing is read or kept', async () => {
    storage.setItem(`${CITY_KEY_PREFIX}maanshan`, JSON.stringify({ text: VALID, fileName: 'x.csv', encoding: 'utf-8' }));
    const embedded = new ImportStore(bundledRows(), null);
    expect(embedded.cities).toEqual([]);
    expect(embedded.setAside).toEqual([]);
  });

  test('cancel stops the file being read and adds nothing from it', async () => {
    const store = new ImportStore(bundledRows(), storage);
    const big = VALID + other('hefei').split('\n').slice(1).join('\n');
    const running = store.addFiles([file(big)]);
    store.cancel();
    await running;
    expect(store.cities).toEqual([]);
    expect(store.progress).toBeNull();
  });

  test('pauser yields after its slice and rejects once aborted', async () => {
    const abort = new AbortController();
    const pause = pauser(abort.signal, 0);
    await expect(pause()).resolves.toBeUndefined();
    abort.abort();
    await expect(pause()).rejects.toThrow('cancelled');
  });
});
