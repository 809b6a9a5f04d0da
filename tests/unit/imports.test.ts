// The import store: one validation path for new files and saved ones, nothing changed by a bad file, storage kept in step.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bundledRows } from '../../src/lib/data/bundled';
import { ImportStore, readStored, STORAGE_KEY } from '../../src/lib/state/imports.svelte';

const VALID = readFileSync(new URL('../fixtures/import/valid-city.csv', import.meta.url), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('ImportStore', () => {
  test('a valid file is added, saved, and restored by the next session', () => {
    const store = new ImportStore(bundledRows());
    const outcome = store.add(bytes(VALID), 'maanshan.csv');
    expect(outcome.errors).toEqual([]);
    expect(store.cities.map((c) => c.city.id)).toEqual(['maanshan']);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toHaveLength(1);
    const next = new ImportStore(bundledRows());
    expect(next.cities.map((c) => c.city.id)).toEqual(['maanshan']);
  });

  test('a file with errors changes nothing but the report', () => {
    const store = new ImportStore(bundledRows());
    store.add(bytes(VALID), 'maanshan.csv');
    const before = storage.getItem(STORAGE_KEY);
    const outcome = store.add(bytes(VALID.replace(',target,', ',goal,')), 'other.csv');
    expect(outcome.city).toBeNull();
    expect(outcome.errors.length).toBeGreaterThan(0);
    expect(store.cities).toHaveLength(1);
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });

  test('the same city twice is refused as a clash with what is already shown', () => {
    const store = new ImportStore(bundledRows());
    store.add(bytes(VALID), 'maanshan.csv');
    const again = store.add(bytes(VALID), 'maanshan-again.csv');
    expect(again.errors.map((e) => e.code)).toContain('city_clash');
    expect(store.cities).toHaveLength(1);
  });

  test('removing the last city clears storage', () => {
    const store = new ImportStore(bundledRows());
    store.add(bytes(VALID), 'maanshan.csv');
    store.remove('maanshan');
    expect(store.cities).toEqual([]);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  test('corrupt or foreign storage is ignored, and a saved file that no longer validates is dropped', () => {
    storage.setItem(STORAGE_KEY, '{not json');
    expect(readStored()).toEqual([]);
    storage.setItem(STORAGE_KEY, JSON.stringify([{ text: VALID.replaceAll('maanshan', 'wuhu'), fileName: 'x.csv', encoding: 'utf-8' }, { nope: 1 }]));
    expect(new ImportStore(bundledRows()).cities).toEqual([]);
  });

  test('a browser that refuses storage still imports, and says the city will not survive a reload', () => {
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const store = new ImportStore(bundledRows());
    store.add(bytes(VALID), 'maanshan.csv');
    expect(store.cities).toHaveLength(1);
    expect(store.storageFailed).toBe(true);
  });
});
