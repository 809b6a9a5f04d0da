// Property-based tests of the importer (fast-check): any schema-valid file imports and draws; any corruption is refused, changing nothing.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { bundledRows } from '../../src/lib/data/bundled';
import { toTables } from '../../src/lib/data/dataset';
import { importCsvText, mergeImported } from '../../src/lib/data/import';
import { COMMITMENTS, KINDS, QUALIFIERS, SCOPE_CLASSES } from '../../src/lib/data/schema';
import { buildExplorer } from '../../src/lib/data/views/explorer';
import { VIEW_IDS, VIEW_SPECS, buildView } from '../../src/lib/data/views/headline';
import { describeView } from '../../src/lib/i18n/describe';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import { ImportStore } from '../../src/lib/state/imports.svelte';

const base = bundledRows();

/** City ids a user may type, including names that plain-object lookups would mistake for built-ins. */
const cityId = fc.constantFrom('bengbu', 'hefei', 'anqing', 'constructor', 'length', 'name', 'prototype', 'valueof', 'city-2');
/** Every headline panel's category, measure and unit, plus other categories, some named like built-ins. */
const measure = fc.constantFrom(
  ...Object.values(VIEW_SPECS).flatMap((spec) => spec.panels.map((p) => [p.category, p.measure, p.unit] as const)),
  ['talent', 'new', '人'] as const,
  ['constructor', 'length', '个'] as const,
  ['to_string', 'has_own_property', '项'] as const,
);
const period = fc.constantFrom('2021', '2023', '2022-2023', '2023H1', '2023H2', '2023-01/2023-05', '2025', '2023年', '2022年上半年');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(''), arb);
const spelled = (values: readonly string[]) =>
  fc.constantFrom(...values).chain((v) => fc.constantFrom(v, v.toUpperCase(), v.replaceAll('_', ' '), v.replaceAll('_', '-')));

const row = fc.record({
  city: cityId,
  measure,
  kind: spelled(KINDS.filter((k) => k !== 'not_stated')),
  period,
  qualifier: maybe(spelled(QUALIFIERS)),
  value: fc.double({ min: 0, max: 5000, noNaN: true }).map((v) => String(Math.round(v * 10) / 10)),
  scope_class: maybe(fc.constantFrom(...SCOPE_CLASSES)),
  scope_zh: maybe(fc.constantFrom('全社会', '全市', '规上工业', '省级')),
  combined: maybe(fc.constantFrom('yes', 'no', 'Yes')),
  label_zh: maybe(fc.constantFrom('新增高新技术企业', '研发投入强度', '<b>标签</b>')),
  label_en: maybe(fc.constantFrom('New firms', 'R&D intensity', '=HYPERLINK("x")')),
  commitment: maybe(spelled(COMMITMENTS)),
  quote: fc.constantFrom('力争新增高新技术企业100家以上', '研发投入强度达到2.5%', '"quoted, with comma"'),
  city_zh: fc.constantFrom('某市', '蚌埠'),
  city_en: maybe(fc.constantFrom('Some City', 'Bengbu')),
});

type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

/** The rows as a CSV file, the category, measure and unit spelled out in their own columns. */
function csvOf(rows: Row[]): string {
  return Papa.unparse(
    rows.map(({ measure: [category, name, unit], ...rest }) => ({ ...rest, category, measure: name, unit })),
    { newline: '\n' },
  );
}

describe('any schema-valid file (blanks, capitals, repeated scopes and measures, many cities)', () => {
  test('imports without an error, and every view and the explorer build and describe themselves', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const result = importCsvText(csvOf(rows), 'random.csv', base);
        expect(result.errors).toEqual([]);
        const cities = [...new Set(rows.map((r) => r.city))];
        expect(result.cities.map((c) => c.city.id)).toEqual(cities);
        const data = toTables(mergeImported(base, result.cities));
        const all = data.cities.array('id') as string[];
        for (const view of VIEW_IDS)
          for (const sort of ['name', 'value'] as const) {
            const model = buildView(data, view, { cities: all, sort });
            describeView(model, 'en', en);
            describeView(model, 'zh', zh);
          }
        for (const category of new Set(rows.map((r) => r.measure[0])))
          buildExplorer(data, { cities: all, categories: [category], kinds: [], periods: [], search: '', sort: 'value', descending: true });
      }),
      { numRuns: 60 },
    );
  });
});

/** Ways a person's file can be wrong; each must be refused with a row and column, whatever else is in the file. */
const corruptions: [string, (rows: Record<string, string>[], header: string[]) => void][] = [
  ['a kind that is no kind', (rows) => void (rows[0]!.kind = 'wish')],
  ['a value that is no number', (rows) => void (rows[0]!.value = 'lots')],
  ['a period that is no period', (rows) => void (rows[0]!.period = 'soon')],
  ['a city id of a bundled city', (rows) => void (rows[0]!.city = 'wuhu')],
  ['a city id "__proto__"', (rows) => void (rows[0]!.city = '__proto__')],
  ['a blank quote', (rows) => void (rows[0]!.quote = '')],
  ['a missing required column', (_rows, header) => void header.splice(header.indexOf('unit'), 1)],
  ['a qualifier that is no qualifier', (rows) => void (rows[0]!.qualifier = 'roughly-ish')],
];

describe('any corruption of a valid file', () => {
  test.each(corruptions)('%s is refused with a row and column, and the cities shown stay as they were', async (_name, corrupt) => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), async (generated) => {
        const records = Papa.parse<Record<string, string>>(csvOf(generated), { header: true }).data;
        const header = Object.keys(records[0]!);
        corrupt(records, header);
        const text = Papa.unparse({ fields: header, data: records.map((r) => header.map((h) => r[h] ?? '')) }, { newline: '\n' });
        const result = importCsvText(text, 'broken.csv', base);
        expect(result.cities).toEqual([]);
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(error.row).toBeGreaterThanOrEqual(1);
          expect(typeof error.column).toBe('string');
        }
        const store = new ImportStore(base, null);
        const before = store.entries;
        await store.addFiles([{ bytes: new TextEncoder().encode(text), name: 'broken.csv' }]);
        expect(store.entries).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });
});
