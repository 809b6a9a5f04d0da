// The "Download all data" package: the zip's files, every row of both languages, imported rows only on request, a valid descriptor, citations, same bytes.
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { bundledDataset, bundledRows } from '../../src/lib/data/bundled';
import { compare, REASON_CODES } from '../../src/lib/data/compare';
import { importCsvText, withImports } from '../../src/lib/data/import';
import { isoMonth, parsePeriod } from '../../src/lib/data/period';
import { enrichedFigures, type Mark } from '../../src/lib/data/views/marks';
import { apaDataset, gbt7714Dataset } from '../../src/lib/export/cite';
import { BOM } from '../../src/lib/export/csv';
import { dataPackageFiles, validateDataPackage, zipDataPackage, type DataPackageOptions } from '../../src/lib/export/datapackage';

type Record_ = Record<string, string>;

const read = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');
const parse = (text: string): { header: string[]; rows: Record_[] } => {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const result = Papa.parse<Record_>(body, { header: true, skipEmptyLines: true });
  return { header: result.meta.fields ?? [], rows: result.data };
};
const SOURCE = parse(read('targets.csv'));

const VALID = readFileSync(new URL('../fixtures/import/valid-city.csv', import.meta.url), 'utf8');
const imported = importCsvText(VALID, 'valid-city.csv', bundledRows());
const withCity = withImports(bundledDataset(), bundledRows(), imported.cities);

const options = (over: Partial<DataPackageOptions> = {}): DataPackageOptions => ({
  data: bundledDataset(),
  includeImported: false,
  version: '0.1.0',
  date: '2026-11-25',
  ...over,
});
const TABLES = ['targets.csv', 'documents.csv', 'cities.csv', 'national_rd_intensity.csv'];
const text = (files: Map<string, string>, name: string) => files.get(name)!;
const descriptorOf = (files: Map<string, string>) => JSON.parse(text(files, 'datapackage.json'));

describe('the zip', () => {
  test('unpacks to exactly the package’s files, each as dataPackageFiles gave it', () => {
    const files = dataPackageFiles(options());
    const unzipped = unzipSync(zipDataPackage(files, '2026-11-25'));
    expect(Object.keys(unzipped)).toEqual(['README.md', 'datapackage.json', ...TABLES]);
    for (const [name, content] of files) expect(unzipped[name], name).toEqual(strToU8(content));
    // TextDecoder drops a leading BOM, so the text compares without it; the bytes above keep it.
    expect(strFromU8(unzipped['targets.csv']!)).toBe(files.get('targets.csv')!.slice(BOM.length));
  });

  test('no file names a path on the machine that built it (a colleague receiving the zip has no /work folder)', () => {
    for (const [name, content] of dataPackageFiles(options())) expect(content, name).not.toMatch(/\/work\/|file:\/\//);
  });

  test('the same input gives the same bytes; another date gives other bytes', () => {
    const zip = () => zipDataPackage(dataPackageFiles(options()), '2026-11-25');
    expect(zip()).toEqual(zip());
    expect(zipDataPackage(dataPackageFiles(options()), '2026-11-26')).not.toEqual(zip());
  });

  test('every time zone writes the same bytes: the entries carry the date, not the writer’s clock', () => {
    const zone = process.env.TZ;
    const zipIn = (tz: string) => {
      process.env.TZ = tz;
      return zipDataPackage(dataPackageFiles(options()), '2026-11-25');
    };
    try {
      expect(zipIn('Pacific/Kiritimati')).toEqual(zipIn('America/Los_Angeles'));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  test('refuses a date that is not yyyy-mm-dd', () => {
    expect(() => dataPackageFiles(options({ date: '25/11/2026' }))).toThrow(RangeError);
    expect(() => zipDataPackage(new Map(), '2026-13-01')).toThrow(RangeError);
  });
});

describe('targets.csv', () => {
  const files = dataPackageFiles(options());
  const csv = text(files, 'targets.csv');
  const { header, rows } = parse(csv);
  const byId = new Map(rows.map((r) => [r.id!, r]));

  test('is UTF-8 with a BOM and starts with the codebook’s columns in their order', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(header.slice(0, SOURCE.header.length)).toEqual(SOURCE.header);
    expect(header).not.toContain('imported');
  });

  test('has every bundled row, restatements and parts included, with the same ids, values, units and quotes', () => {
    expect(rows).toHaveLength(SOURCE.rows.length);
    expect(rows.map((r) => r.id)).toEqual(SOURCE.rows.map((r) => r.id));
    for (const source of SOURCE.rows) {
      const row = byId.get(source.id!)!;
      expect(row.value === '' ? null : Number(row.value)).toBe(source.value === '' ? null : Number(source.value));
      for (const column of ['unit', 'quote', 'qualifier', 'kind', 'period', 'restates', 'part_of', 'note_en', 'note_zh', 'combined'])
        expect(row[column], `${source.id} ${column}`).toBe(source[column]);
    }
    expect(byId.get('tongxiang-2022-2023-talent-high-skilled-new-2')!.quote).toContain('\n');
  });

  test('period_start and period_end are YYYY-MM and agree with period.ts', () => {
    for (const row of rows) {
      const span = parsePeriod(row.period!)!;
      expect(row.period_start).toMatch(/^\d{4}-\d{2}$/);
      expect([row.period_start, row.period_end]).toEqual([isoMonth(span.start), isoMonth(span.end)]);
    }
    expect(byId.get('huaibei-2023-05-tech-market-absorbed')).toMatchObject({ period_start: '2023-01', period_end: '2023-05' });
  });

  test('carries both languages: names, titles, notes and the figure with its unit words', () => {
    const yi = rows.find((r) => r.unit === '亿元' && r.qualifier === 'exactly')!;
    expect(yi.figure_zh).toBe(`${yi.value}亿元`);
    expect(yi.figure_en).toBe(`CNY ${Number(yi.value) / 10} bn`);
    const noted = rows.find((r) => r.note_zh !== '')!;
    expect(noted.note_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(byId.get('wuhu-2023-high-tech-firms-new')).toMatchObject({ city_zh: '芜湖', city_en: 'Wuhu', figure_zh: '≥300家', figure_en: '≥300 firms' });
    expect(byId.get('huaibei-2023-rd-intensity-not-stated')).toMatchObject({ value: '', figure_zh: '', figure_en: '' });
  });

  test('the comparability columns are compare()’s codes over all rows in its default grouping', () => {
    const marks = (enrichedFigures(bundledDataset()).objects() as Omit<Mark, 'order'>[]).map((m) => ({
      ...m,
      order: bundledRows().cities.findIndex((c) => c.id === m.city),
    }));
    const figures = compare(marks).flatMap((g) => g.figures);
    for (const figure of figures) {
      const row = byId.get(figure.mark.id)!;
      expect(row.compare_status).toBe(figure.status);
      expect(row.compare_standing).toBe(figure.standing);
      expect(row.compare_reasons).toBe(figure.reasons.join(' '));
      expect(row.compare_rank_set).toBe(figure.rankSet >= 0 ? String(figure.rankSet) : '');
      expect(row.shown_with).toBe(figure.mark.id);
      for (const other of [...figure.wordings, ...figure.parts])
        expect(byId.get(other.id)).toMatchObject({ compare_status: '', compare_standing: '', shown_with: figure.mark.id });
    }
    // A restatement and a 其中 part name the figure whose card shows them.
    expect(byId.get('huaibei-2023h1-tech-smes-registered-2')!.shown_with).toBe('huaibei-2023h1-tech-smes-registered');
    expect(byId.get('huaibei-2023-05-tech-market-absorbed-by-enterprises')!.shown_with).toBe('huaibei-2023-05-tech-market-absorbed');
    // Tongxiang's 规上工业 R&D ratio is set apart from the economy-wide ones, for its scope.
    expect(byId.get('tongxiang-2023-rd-intensity-share-of-gdp')).toMatchObject({ compare_status: 'set_apart', compare_reasons: 'scope' });
    expect(byId.get('huaibei-2023-rd-intensity-not-stated')).toMatchObject({ compare_status: 'missing', compare_standing: 'missing' });
    expect(rows.every((r) => r.shown_with !== '')).toBe(true);
  });

  test('documents, cities and the national series have their bundled rows and headers', () => {
    for (const name of ['documents.csv', 'cities.csv', 'national_rd_intensity.csv']) {
      const source = parse(read(name));
      const packaged = parse(text(files, name));
      expect(packaged.header, name).toEqual(source.header);
      expect(packaged.rows.map((r) => source.header.map((h) => (h === 'value' || h === 'year' ? Number(r[h]) : r[h]))), name).toEqual(
        source.rows.map((r) => source.header.map((h) => (h === 'value' || h === 'year' ? Number(r[h]) : r[h]))),
      );
    }
  });
});

describe('imported cities', () => {
  test('the fixture imports cleanly', () => {
    expect(imported.errors).toEqual([]);
    expect(imported.cities).toHaveLength(1);
  });

  test('are left out unless asked for, even when they are on the page', () => {
    const files = dataPackageFiles(options({ data: withCity, includeImported: false }));
    const targets = parse(text(files, 'targets.csv'));
    expect(targets.rows).toHaveLength(SOURCE.rows.length);
    expect(targets.rows.some((r) => r.city === 'maanshan')).toBe(false);
    expect(parse(text(files, 'cities.csv')).rows.map((r) => r.id)).not.toContain('maanshan');
    expect(parse(text(files, 'documents.csv')).rows.map((r) => r.city)).not.toContain('maanshan');
    expect(text(files, 'README.md')).not.toMatch(/imported\*\* by/);
  });

  test('come in, marked imported = yes, when asked for', () => {
    const files = dataPackageFiles(options({ data: withCity, includeImported: true }));
    const targets = parse(text(files, 'targets.csv'));
    const count = imported.cities[0]!.figures.length;
    expect(targets.header.at(-1)).toBe('imported');
    expect(targets.rows).toHaveLength(SOURCE.rows.length + count);
    expect(targets.rows.filter((r) => r.imported === 'yes').map((r) => r.city)).toEqual(Array(count).fill('maanshan'));
    expect(targets.rows.filter((r) => r.imported === 'no')).toHaveLength(SOURCE.rows.length);
    const cities = parse(text(files, 'cities.csv'));
    expect(cities.rows.find((r) => r.id === 'maanshan')).toMatchObject({ name_zh: '马鞍山', imported: 'yes' });
    expect(cities.rows.find((r) => r.id === 'wuhu')!.imported).toBe('no');
    expect(parse(text(files, 'documents.csv')).rows.find((r) => r.city === 'maanshan')!.imported).toBe('yes');
    expect(text(files, 'README.md')).toMatch(/One city was imported\*\* by the person who made this package/);
    expect(validateDataPackage(descriptorOf(files), files)).toEqual([]);
  });
});

describe('datapackage.json', () => {
  const files = dataPackageFiles(options({ publishedUrl: 'https://example.org/tech-targets/' }));
  const descriptor = descriptorOf(files);

  test('is a valid Data Package with our metadata', () => {
    expect(validateDataPackage(descriptor, files)).toEqual([]);
    expect(descriptor).toMatchObject({
      name: 'tech-targets',
      version: '0.1.0',
      created: '2026-11-25T00:00:00Z',
      homepage: 'https://example.org/tech-targets/',
      licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    });
    expect(descriptor.sources.length).toBe(5 + 3);
  });

  test('describes every file, each CSV’s fields being exactly its header', () => {
    const resources = descriptor.resources as { name: string; path: string; profile: string; bytes: number; schema?: { fields: { name: string; type: string }[] } }[];
    expect(resources.map((r) => r.path).sort()).toEqual(['README.md', ...TABLES].sort());
    for (const resource of resources) {
      expect(resource.bytes).toBe(new TextEncoder().encode(files.get(resource.path)!).length);
      if (resource.path === 'README.md') {
        expect(resource.profile).toBe('data-resource');
        continue;
      }
      expect(resource).toMatchObject({ profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' });
      expect(resource.schema!.fields.map((f) => f.name)).toEqual(parse(files.get(resource.path)!).header);
    }
    const fields = new Map(resources.find((r) => r.name === 'targets')!.schema!.fields.map((f) => [f.name, f.type]));
    expect([fields.get('value'), fields.get('period_start'), fields.get('combined'), fields.get('compare_rank_set')]).toEqual([
      'number',
      'yearmonth',
      'boolean',
      'integer',
    ]);
    expect(resources.find((r) => r.name === 'documents')!.schema!.fields.find((f) => f.name === 'date_published')!.type).toBe('date');
  });

  test('every cell is of its field’s type and within its vocabulary', () => {
    type Field = { name: string; type: string; trueValues?: string[]; falseValues?: string[]; constraints?: { enum?: string[]; unique?: boolean } };
    const ok: Record<string, (cell: string, field: Field) => boolean> = {
      string: () => true,
      number: (cell) => /^-?\d+(\.\d+)?$/.test(cell),
      integer: (cell) => /^-?\d+$/.test(cell),
      boolean: (cell, field) => [...field.trueValues!, ...field.falseValues!].includes(cell),
      date: (cell) => /^\d{4}-\d{2}-\d{2}$/.test(cell),
      yearmonth: (cell) => /^\d{4}-(0[1-9]|1[0-2])$/.test(cell),
    };
    for (const resource of descriptor.resources.filter((r: { profile: string }) => r.profile === 'tabular-data-resource')) {
      const { rows } = parse(files.get(resource.path)!);
      for (const field of resource.schema.fields as Field[]) {
        const cells = rows.map((r) => r[field.name]!).filter((cell) => cell !== '');
        for (const cell of cells) {
          expect(ok[field.type]!(cell, field), `${resource.name}.${field.name} = ${cell}`).toBe(true);
          if (field.constraints?.enum) expect(field.constraints.enum, `${resource.name}.${field.name}`).toContain(cell);
        }
        if (field.constraints?.unique) expect(new Set(cells).size, `${resource.name}.${field.name}`).toBe(rows.length);
      }
    }
  });

  test('validateDataPackage catches a broken descriptor', () => {
    expect(validateDataPackage(null)).toEqual(['The descriptor is not a JSON object.']);
    expect(validateDataPackage({ ...descriptor, resources: undefined })).toContain('resources must be a non-empty array.');
    expect(validateDataPackage({ ...descriptor, resources: [] })).toContain('resources must be a non-empty array.');
    const broken = structuredClone(descriptor);
    const targets = broken.resources.find((r: { name: string }) => r.name === 'targets');
    targets.schema.fields.pop();
    expect(validateDataPackage(broken, files).join('\n')).toMatch(/Resource "targets": fields .* are not the CSV header/);
    const misnamed = structuredClone(descriptor);
    misnamed.resources[1].name = 'Targets CSV';
    misnamed.resources[2].path = undefined;
    misnamed.resources[3].schema.fields[0] = { type: 'string' };
    const problems = validateDataPackage(misnamed);
    expect(problems.join('\n')).toMatch(/name must be lowercase/);
    expect(problems.join('\n')).toMatch(/needs a path or data/);
    expect(problems.join('\n')).toMatch(/every field needs a name/);
    expect(validateDataPackage({ ...descriptor, name: 'Tech Targets' })).toEqual([
      'Package name must be lowercase letters, digits, ".", "_" or "-".',
    ]);
  });
});

describe('README.md', () => {
  test('prepends the package header to the codebook, verbatim', () => {
    const readme = text(dataPackageFiles(options()), 'README.md');
    expect(readme.endsWith(read('README.md'))).toBe(true);
    expect(readme).toMatch(/^# Tech Targets/);
    expect(readme).toContain('version 0.1.0, made on 2026-11-25');
    expect(readme).toContain('CC BY 4.0');
    expect(readme).toContain('verbatim');
    expect(readme).toContain('default grouping');
    for (const name of TABLES) expect(readme).toContain(`\`${name}\``);
  });

  test('covers what a reader needs: columns, vocabularies, ambiguous cases, terms, citations and the data’s revision date', () => {
    const readme = text(dataPackageFiles(options({ dataVersion: '2026-12-01' })), 'README.md');
    for (const part of ['### Columns', '### kind', '### qualifier', '### commitment', '### scope_class', '### period syntax', '## How ambiguous cases were decided', '## Terms', '## How to cite'])
      expect(readme, part).toContain(part);
    expect(readme).toContain('The bundled data were last revised on 2026-12-01.');
    expect(text(dataPackageFiles(options()), 'README.md')).not.toContain('last revised');
    // Every code the comparability columns can hold is glossed in the README too, not only in datapackage.json.
    for (const code of [...REASON_CODES, 'comparable', 'set_apart', 'missing', 'ranked', 'unranked', 'alone'])
      expect(readme, code).toMatch(new RegExp(`(: |; )${code} = `));
  });

  test('cites the package in GB/T 7714 and APA 7 with its published URL', () => {
    const readme = text(dataPackageFiles(options({ publishedUrl: 'https://example.org/tech-targets/' })), 'README.md');
    const input = { app: '科技目标', title: '科技目标：城市科技工作文件量化数据集', version: '0.1.0', date: '2026-11-25', url: 'https://example.org/tech-targets/', lang: 'zh' as const };
    expect(readme).toContain(gbt7714Dataset(input));
    expect(gbt7714Dataset(input)).toBe(
      '科技目标. 科技目标：城市科技工作文件量化数据集[DS/OL]. 0.1.0版. (2026-11-25)[2026-11-25]. https://example.org/tech-targets/.',
    );
    const en = { ...input, app: 'Tech Targets', title: 'Tech Targets: science and technology figures from Chinese city documents', lang: 'en' as const };
    expect(apaDataset(en)).toBe(
      'Tech Targets. (2026). Tech Targets: science and technology figures from Chinese city documents (Version 0.1.0) [Data set]. https://example.org/tech-targets/',
    );
    expect(readme).toContain(apaDataset(en));
  });

  test('without a public address names no URL but the app and its version, and never a file: URL', () => {
    for (const publishedUrl of [undefined, 'file:///home/reader/tech-targets/index.html', 'blob:null/1234']) {
      const files = dataPackageFiles(options({ publishedUrl }));
      const readme = text(files, 'README.md');
      expect(readme).not.toMatch(/file:|blob:/i);
      expect(files.get('datapackage.json')).not.toMatch(/file:|blob:|homepage/);
      expect(readme).toContain('科技目标. 科技目标：城市科技工作文件量化数据集[DS]. 0.1.0版. (2026-11-25)[2026-11-25].\n');
      expect(readme).toContain('Tech Targets. (2026). Tech Targets: science and technology figures from Chinese city documents (Version 0.1.0) [Data set].\n');
    }
  });
});
