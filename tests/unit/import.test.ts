// The "bring your own city" pipeline: decoding, normalisation, the shared validator and the import-only rules.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bundledTexts } from '../../src/lib/data/bundled';
import { readDataset, toTables } from '../../src/lib/data/dataset';
import {
  MAX_IMPORT_BYTES,
  TEMPLATE_CSV,
  decodeFile,
  importCsv,
  importCsvText,
  mergeImported,
  withImports,
  normaliseText,
  readPeriod,
  readVocabulary,
  type ImportResult,
} from '../../src/lib/data/import';
import type { CsvIssue } from '../../src/lib/data/csv';
import { buildView } from '../../src/lib/data/views/headline';
import { enrichedFigures } from '../../src/lib/data/views/marks';
import { cityName, describeView } from '../../src/lib/i18n/describe';
import { en } from '../../src/lib/i18n/en';
import { gbkOf } from '../fixtures/import/gbk';

const bundled = readDataset(bundledTexts);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const validCity = fixture('valid-city.csv');

const COLUMNS = [
  'id',
  'city',
  'doc',
  'category',
  'measure',
  'kind',
  'period',
  'qualifier',
  'value',
  'unit',
  'scope_class',
  'scope_zh',
  'scope_en',
  'combined',
  'label_zh',
  'label_en',
  'quote',
  'commitment',
  'note_en',
  'restates',
  'part_of',
  'city_zh',
  'city_en',
  'doc_title_zh',
  'doc_title_en',
  'doc_date',
];

const BASE_ROW: Record<string, string> = {
  id: 'maanshan-2023-rd-intensity',
  city: 'maanshan',
  doc: 'maanshan-2023-work-plan',
  category: 'rd_intensity',
  measure: 'share_of_gdp',
  kind: 'target',
  period: '2023',
  qualifier: 'about',
  value: '3',
  unit: '%',
  scope_class: 'economy_wide',
  scope_zh: '全社会',
  scope_en: 'economy-wide',
  combined: 'no',
  label_zh: '全社会研发投入强度',
  label_en: 'R&D intensity (economy-wide)',
  quote: '全社会研发投入强度达到3%左右',
  commitment: 'plain',
  note_en: 'Demo row',
  restates: '',
  part_of: '',
  city_zh: '马鞍山',
  city_en: "Ma'anshan",
  doc_title_zh: '马鞍山市2023年科技工作要点',
  doc_title_en: "Ma'anshan 2023 S&T work plan",
  doc_date: '2023-03-01',
};

/** Rows over BASE_ROW, each with a fresh id unless given; cells quoted the way a spreadsheet would. */
function csvOf(overrides: Record<string, string>[], delimiter = ',', columns = COLUMNS): string {
  const quote = (cell: string) =>
    /[",;\t\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  const rows = overrides.map((o, i): Record<string, string> => ({ ...BASE_ROW, id: `maanshan-2023-row-${i + 1}`, ...o }));
  return [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]
    .map((cells) => cells.map(quote).join(delimiter))
    .join('\n') + '\n';
}

const run = (text: string) => importCsvText(text, 'city.csv', bundled);
const codes = (issues: CsvIssue[]) => issues.map((i) => i.code);
const utf8 = (text: string) => new TextEncoder().encode(text);

function expectImported(result: ImportResult) {
  expect(result.errors).toEqual([]);
  expect(result.cities).toHaveLength(1);
  return result.cities[0]!;
}

describe('fixtures', () => {
  test('valid-city.csv imports Ma’anshan with no errors or warnings', () => {
    const result = run(validCity);
    const city = expectImported(result);
    expect(result.warnings).toEqual([]);
    expect(city.city).toEqual({
      id: 'maanshan',
      name_zh: '马鞍山',
      name_en: "Ma'anshan",
      province_zh: '',
      province_en: '',
      level_zh: '',
      level_en: '',
      imported: true,
    });
    expect(city.figures).toHaveLength(6);
    expect(new Set(city.figures.map((f) => f.category))).toEqual(
      new Set(['rd_intensity', 'high_tech_firms', 'tech_market', 'platforms', 'incubators', 'talent']),
    );
    expect(city.figures.every((f) => f.note_en.startsWith('Demo row for the import feature'))).toBe(true);
    expect(city.figures.find((f) => f.category === 'rd_intensity')).toMatchObject({ value: 3, unit: '%', measure: 'share_of_gdp' });
    expect(city.documents).toEqual([
      {
        id: 'maanshan-2023-work-plan',
        city: 'maanshan',
        title_zh: '马鞍山市科学技术局2023年工作要点（演示数据）',
        title_en: "Ma'anshan Science and Technology Bureau: key work points for 2023 (demo data)",
        issuer_zh: '',
        issuer_en: '',
        issuer_inferred: false,
        date_signed: '',
        date_published: '2023-03-01',
        kind: 'work_plan',
        period: '2023',
        source_file: '',
      },
    ]);
    expect(city.fileName).toBe('city.csv');
    expect(city.encoding).toBe('utf-8');
  });

  test('template.csv is TEMPLATE_CSV and imports cleanly', () => {
    expect(fixture('template.csv')).toBe(TEMPLATE_CSV);
    const result = run(TEMPLATE_CSV);
    expectImported(result);
    expect(result.warnings).toEqual([]);
  });
});

describe('file structure', () => {
  test('an empty file is an error', () => {
    expect(codes(run('').errors)).toEqual(['empty_file']);
    expect(codes(run(' \n\n').errors)).toEqual(['empty_file']);
    expect(codes(importCsv(new Uint8Array(), 'x.csv', bundled).errors)).toEqual(['empty_file']);
  });

  test('a header without rows is an error', () => {
    const result = run(COLUMNS.join(',') + '\n');
    expect(codes(result.errors)).toEqual(['no_rows']);
    expect(result.cities).toEqual([]);
  });

  test('a missing required column is an error naming the column', () => {
    const result = run(csvOf([{}], ',', COLUMNS.filter((c) => c !== 'quote')));
    expect(result.errors).toEqual([expect.objectContaining({ row: 1, column: 'quote', code: 'missing_column' })]);
    expect(result.cities).toEqual([]);
  });

  test('unknown columns only warn; the optional import columns do not', () => {
    const result = run(csvOf([{ remarks: 'x' }], ',', [...COLUMNS, 'remarks', 'doc_title']));
    expectImported(result);
    expect(result.warnings).toEqual([
      expect.objectContaining({ row: 1, column: 'remarks', value: 'remarks', code: 'unknown_column' }),
    ]);
  });

  test.each([
    ['semicolon', ';'],
    ['tab', '\t'],
  ])('a %s-delimited file is read like a comma-delimited one', (_, delimiter) => {
    const rows: Record<string, string>[] = [{ note_en: 'Commas, inside, a note' }, { label_en: 'a; b' }];
    const comma = expectImported(run(csvOf(rows)));
    const other = expectImported(run(csvOf(rows, delimiter)));
    expect(other.figures).toEqual(comma.figures);
    expect(other.figures[0]!.note_en).toBe('Commas, inside, a note');
  });

  test('a file may hold several cities: each is imported on its own, with its own names and figures', () => {
    const result = run(
      csvOf([{}, { city: 'hefei', city_zh: '合肥', city_en: 'Hefei' }, { city: 'bengbu', city_zh: '蚌埠', city_en: 'Bengbu' }, {}]),
    );
    expect(result.errors).toEqual([]);
    expect(result.cities.map((c) => [c.city.id, c.city.name_en, c.figures.length])).toEqual([
      ['maanshan', "Ma'anshan", 2],
      ['hefei', 'Hefei', 1],
      ['bengbu', 'Bengbu', 1],
    ]);
    // Each city keeps its own rows, so it can be kept and removed on its own.
    const again = importCsvText(result.cities[1]!.source, 'hefei.csv', bundled);
    expect(again.cities.map((c) => c.city.id)).toEqual(['hefei']);
  });
});

describe('decoding', () => {
  test('a UTF-8 BOM is dropped', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(validCity)]);
    const decoded = decodeFile(bytes);
    expect(decoded).toEqual({ ok: true, text: validCity, encoding: 'utf-8' });
    expectImported(importCsv(bytes, 'bom.csv', bundled));
  });

  test('GBK / GB18030 bytes (Excel on Chinese Windows) are decoded and validated', () => {
    // Known GBK bytes, checked against the platform decoder: 芜湖 = CE DF BA FE.
    expect(new TextDecoder('gb18030').decode(new Uint8Array([0xce, 0xdf, 0xba, 0xfe]))).toBe('芜湖');
    expect([...gbkOf('马鞍山')]).toEqual([0xc2, 0xed, 0xb0, 0xb0, 0xc9, 0xbd]);
    const bytes = gbkOf(validCity.replaceAll('（', '(').replaceAll('）', ')'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const result = importCsv(bytes, 'gbk.csv', bundled);
    const city = expectImported(result);
    expect(city.encoding).toBe('gb18030');
    expect(city.city.name_zh).toBe('马鞍山');
    expect(city.figures.map((f) => f.quote)).toContain('新增高新技术企业150家以上');
  });

  test('UTF-16 with a byte-order mark is decoded', () => {
    const le = [0xff, 0xfe, ...[...validCity].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])];
    const be = [0xfe, 0xff, ...[...validCity].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])];
    expect(decodeFile(new Uint8Array(le))).toEqual({ ok: true, text: validCity, encoding: 'utf-16le' });
    expect(decodeFile(new Uint8Array(be))).toEqual({ ok: true, text: validCity, encoding: 'utf-16be' });
  });

  test('a file over 5 MB is refused with its size', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41);
    const result = importCsv(bytes, 'big.csv', bundled);
    expect(result.cities).toEqual([]);
    // The real size, not a rounded "5.0 MB" that reads as if it were within the limit.
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 1, code: 'file_too_large', value: '5.00 MB (5,242,881 bytes)', message: expect.stringContaining('5,242,881 bytes') }),
    ]);
    expect(decodeFile(new Uint8Array(MAX_IMPORT_BYTES).fill(0x41)).ok).toBe(true);
  });

  test('binary files are refused: an image, random bytes without NULs, an xlsx workbook', () => {
    let seed = 7;
    const random = (n: number) =>
      Array.from({ length: n }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return (seed % 255) + 1;
      });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, ...random(500)]);
    const noise = new Uint8Array(random(2000));
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, ...random(200)]);
    for (const bytes of [png, noise, xlsx]) {
      const result = importCsv(bytes, 'x.csv', bundled);
      expect(result.cities).toEqual([]);
      expect(result.errors).toEqual([expect.objectContaining({ row: 1, code: 'binary_file' })]);
    }
    expect(importCsv(xlsx, 'x.xlsx', bundled).errors[0]!.message).toMatch(/Excel workbook/);
  });
});

describe('normalisation', () => {
  test('normaliseText maps full-width ASCII and the ideographic space', () => {
    expect(normaliseText('３．５％')).toBe('3.5%');
    expect(normaliseText('１，２００')).toBe('1,200');
    expect(normaliseText('２０２２－２０２３')).toBe('2022-2023');
    expect(normaliseText('ａｔ＿ｌｅａｓｔ\u3000')).toBe('at_least ');
    expect(normaliseText('全社会研发投入强度')).toBe('全社会研发投入强度');
  });

  test('full-width digits, ％ and periods are read as ASCII, with one warning per changed cell', () => {
    const result = run(csvOf([{ value: '３．５', unit: '％', period: '２０２３' }]));
    const city = expectImported(result);
    expect(city.figures[0]).toMatchObject({ value: 3.5, unit: '%', period: '2023' });
    expect(result.warnings).toEqual([
      expect.objectContaining({ row: 2, column: 'period', value: '２０２３', code: 'normalised' }),
      expect.objectContaining({ row: 2, column: 'value', value: '３．５', code: 'normalised' }),
      expect.objectContaining({ row: 2, column: 'unit', value: '％', code: 'normalised' }),
    ]);
  });

  test('free text is never normalised', () => {
    const city = expectImported(run(csvOf([{ quote: '研发投入强度达到３．５％' }])));
    expect(city.figures[0]!.quote).toBe('研发投入强度达到３．５％');
  });

  test.each([
    ['3.5%', '%', 3.5],
    ['３．５％', '%', 3.5],
    ['45亿元', '亿元', 45],
    ['300家', '家', 300],
    ['300 家', '家', 300],
  ])('a value "%s" whose suffix is the unit %s is read as %d, with a warning', (value, unit, expected) => {
    const result = run(csvOf([{ category: 'platforms', measure: 'new', value, unit }]));
    expect(expectImported(result).figures[0]!.value).toBe(expected);
    expect(result.warnings).toEqual([expect.objectContaining({ row: 2, column: 'value', value, code: 'normalised' })]);
  });

  test('a value whose suffix is not the unit is one value_with_unit error', () => {
    const result = run(csvOf([{ category: 'platforms', measure: 'new', value: '300家', unit: '个' }]));
    expect(result.cities).toEqual([]);
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'value',
        value: '300家',
        code: 'value_with_unit',
        message: expect.stringMatching(/number in "value".*unit in "unit"/),
      },
    ]);
  });

  test('thousands separators are removed with a warning; a decimal comma is not a number', () => {
    const grouped = run(csvOf([{ category: 'funding', measure: 'size', value: '1,200', unit: '万元' }]));
    expect(expectImported(grouped).figures[0]!.value).toBe(1200);
    expect(grouped.warnings).toEqual([expect.objectContaining({ column: 'value', value: '1,200', code: 'normalised' })]);
    const decimalComma = run(csvOf([{ value: '3,5' }]));
    expect(decimalComma.errors).toEqual([expect.objectContaining({ column: 'value', value: '3,5', code: 'not_a_number' })]);
  });

  test('a non-numeric value is not_a_number', () => {
    const result = run(csvOf([{ value: '约三点五' }]));
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'value', value: '约三点五', code: 'not_a_number' }),
    ]);
    expect(result.cities).toEqual([]);
  });

  test('a number too large to draw (past 10^15, or read as Infinity) is refused, naming row, column and value, and is not also doubted', () => {
    for (const huge of [`1${'0'.repeat(400)}`, `-1${'0'.repeat(309)}`, '1000000000000001']) {
      const result = run(csvOf([{ value: huge }]));
      expect(result.errors, huge).toEqual([expect.objectContaining({ row: 2, column: 'value', value: huge, code: 'number_too_large' })]);
      expect(result.warnings.filter((w) => w.code === 'implausible_value')).toEqual([]);
      expect(result.cities).toEqual([]);
    }
    // The largest comes in (with the usual doubt about its size).
    expect(expectImported(run(csvOf([{ value: '1000000000000000' }]))).figures[0]!.value).toBe(1e15);
  });

  test('Excel-style document dates are normalised; other dates are bad_format', () => {
    const loose = run(csvOf([{ doc_date: '2023/3/9' }]));
    expect(expectImported(loose).documents[0]!.date_published).toBe('2023-03-09');
    expect(loose.warnings).toEqual([expect.objectContaining({ column: 'doc_date', value: '2023/3/9', code: 'normalised' })]);
    expect(run(csvOf([{ doc_date: '三月' }])).errors).toEqual([
      expect.objectContaining({ column: 'doc_date', value: '三月', code: 'bad_format' }),
    ]);
  });
});

describe('values', () => {
  test.each<[Record<string, string>, string]>([
    [{ value: '350' }, 'an R&D intensity of 350%'],
    [{ category: 'tech_market', measure: 'growth', value: '1500' }, 'more than 1000%'],
    [{ category: 'high_tech_firms', measure: 'new', unit: '家', value: '-5' }, 'a negative count'],
    [{ category: 'enterprises', measure: 'coverage', value: '120' }, 'a share above 100%'],
  ])('%o (%s) is implausible: a warning, not an error', (row) => {
    const result = run(csvOf([row]));
    expectImported(result);
    expect(result.warnings).toEqual([
      expect.objectContaining({ row: 2, column: 'value', value: row.value, code: 'implausible_value' }),
    ]);
  });

  test('a falling growth rate is plausible', () => {
    const result = run(csvOf([{ category: 'tech_market', measure: 'growth', value: '-5' }]));
    expectImported(result);
    expect(result.warnings).toEqual([]);
  });

  test('headline categories must use headline measures', () => {
    const result = run(csvOf([{ measure: 'ratio' }]));
    expect(result.errors).toEqual([expect.objectContaining({ column: 'measure', value: 'ratio', code: 'headline_measure' })]);
  });

  test('a headline figure in a unit the chart does not draw is a warning', () => {
    const result = run(csvOf([{ category: 'tech_market', measure: 'turnover', value: '5000', unit: '万元' }]));
    expectImported(result);
    expect(result.warnings).toEqual([expect.objectContaining({ column: 'unit', value: '万元', code: 'headline_unit' })]);
  });

  test('a not_stated row has no value, as in the bundled data', () => {
    const result = run(csvOf([{ kind: 'not_stated', value: '', qualifier: '' }]));
    expect(expectImported(result).figures[0]).toMatchObject({ kind: 'not_stated', value: null, qualifier: null });
  });
});

describe('ids and references', () => {
  test('duplicate ids in the file', () => {
    const result = run(csvOf([{ id: 'maanshan-a' }, { id: 'maanshan-a' }]));
    expect(result.errors).toEqual([expect.objectContaining({ row: 3, column: 'id', value: 'maanshan-a', code: 'duplicate_id' })]);
  });

  test('an id used by a bundled figure', () => {
    const result = run(csvOf([{}, { id: 'wuhu-2023-rd-intensity' }]));
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'id', value: 'wuhu-2023-rd-intensity', code: 'id_clash' }),
    ]);
  });

  test.each(['wuhu', 'huangshi', 'changzhou', 'tongxiang', 'huaibei'])('the bundled city %s cannot be imported', (city) => {
    const result = run(csvOf([{ city }, { city }]));
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, column: 'city', value: city, code: 'city_clash' })]);
    expect(result.cities).toEqual([]);
  });

  test('an unknown document with no title is named after the file, with a warning', () => {
    const result = run(csvOf([{ doc: 'maanshan-x', doc_title_zh: '', doc_title_en: '' }, { doc: 'maanshan-x', doc_title_zh: '', doc_title_en: '' }]));
    expect(expectImported(result).documents).toEqual([expect.objectContaining({ id: 'maanshan-x', title_zh: 'city.csv', title_en: 'city.csv' })]);
    expect(result.warnings).toEqual([expect.objectContaining({ column: 'doc_title_zh', code: 'defaulted', detail: 'city.csv' })]);
  });

  test('a document described on any of its rows is known; doc_title alone is enough', () => {
    const columns = [...COLUMNS.filter((c) => !c.startsWith('doc_title')), 'doc_title'];
    const result = run(csvOf([{ doc_title: '马鞍山市科技创新行动方案', period: '2022' }, { period: '2023-2024' }], ',', columns));
    const city = expectImported(result);
    expect(city.documents).toEqual([
      expect.objectContaining({ title_zh: '马鞍山市科技创新行动方案', title_en: '马鞍山市科技创新行动方案', kind: 'action_plan', period: '2022-2024' }),
    ]);
  });

  test('a bundled document is copied, with a warning that it belongs to another city', () => {
    const result = run(csvOf([{ doc: 'wuhu-2023-work-plan', doc_title_zh: '', doc_title_en: '', doc_date: '' }]));
    const city = expectImported(result);
    expect(city.documents).toEqual([bundled.documents.find((d) => d.id === 'wuhu-2023-work-plan')]);
    expect(result.warnings).toEqual([expect.objectContaining({ column: 'doc', code: 'document_of_other_city' })]);
  });

  test('restates and part_of must name a row of the same file', () => {
    const ok = run(csvOf([{ id: 'maanshan-a' }, { id: 'maanshan-b', restates: 'maanshan-a' }]));
    expectImported(ok);
    const bad = run(csvOf([{ part_of: 'wuhu-2023-rd-intensity' }]));
    expect(bad.errors).toEqual([
      expect.objectContaining({ column: 'part_of', value: 'wuhu-2023-rd-intensity', code: 'unknown_reference' }),
    ]);
  });
});

describe('text cells', () => {
  test.each(['=HYPERLINK("http://example.com","click")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)', '-2+3'])(
    'the formula-like label %s is kept verbatim',
    (label) => {
      const city = expectImported(run(csvOf([{ label_en: label, label_zh: label }])));
      expect(city.figures[0]).toMatchObject({ label_en: label, label_zh: label });
    },
  );

  test.each(['<script>alert(1)</script>', '<img src=x onerror="alert(1)">'])('the markup %s is kept as plain text', (label) => {
    const city = expectImported(run(csvOf([{ label_en: label, scope_en: label, note_en: label }])));
    expect(city.figures[0]).toMatchObject({ label_en: label, scope_en: label, note_en: label });
  });

  test('the quote is the user’s own and is not checked against any source', () => {
    expectImported(run(csvOf([{ quote: 'My own words, no number in them' }])));
  });
});

describe('city names', () => {
  test('a city needs a name in one language; the other language takes it, with a warning', () => {
    const nameless = run(csvOf([{}], ',', COLUMNS.filter((c) => c !== 'city_zh' && c !== 'city_en')));
    expect(nameless.errors).toEqual([expect.objectContaining({ row: 2, code: 'missing_city_name' })]);
    expect(nameless.cities).toEqual([]);
    const english = run(csvOf([{ city_zh: '' }]));
    expect(expectImported(english).city).toMatchObject({ name_zh: "Ma'anshan", name_en: "Ma'anshan" });
    expect(english.warnings).toEqual([expect.objectContaining({ column: 'city_zh', code: 'defaulted' })]);
  });

  test('rows that disagree on a name warn and keep the first', () => {
    const result = run(csvOf([{}, { city_en: 'Maanshan' }]));
    expect(expectImported(result).city.name_en).toBe("Ma'anshan");
    expect(result.warnings).toEqual([expect.objectContaining({ row: 3, column: 'city_en', value: 'Maanshan', code: 'conflicting_value' })]);
  });
});

describe('outcome', () => {
  test('any error means nothing is imported, even when other rows are fine', () => {
    const result = run(csvOf([{}, {}, { kind: 'promise' }]));
    expect(codes(result.errors)).toEqual(['not_in_vocabulary']);
    expect(result.cities).toEqual([]);
  });

  test('a file of 14,000 rows, close to the size limit, imports', () => {
    const text = csvOf(Array.from({ length: 14_000 }, () => ({})));
    expect(utf8(text).length).toBeGreaterThan(4 * 1024 * 1024);
    expect(expectImported(importCsv(utf8(text), 'big.csv', bundled)).figures).toHaveLength(14_000);
  });

  test('every issue names its row, column, offending value, code and message', () => {
    const result = run(
      csvOf([{ value: '３．５' }, { value: '300家', unit: '个' }, { city: 'wuhu' }, { id: 'wuhu-2023-rd-intensity', value: '400' }], ',', [
        ...COLUMNS,
        'extra',
      ]),
    );
    const all = [...result.errors, ...result.warnings];
    expect(new Set(codes(all))).toEqual(
      new Set(['value_with_unit', 'city_clash', 'id_clash', 'normalised', 'implausible_value', 'unknown_column', 'headline_unit', 'document_of_other_city']),
    );
    for (const i of all) {
      expect(Object.keys(i).filter((k) => k !== 'detail').sort()).toEqual(['code', 'column', 'message', 'row', 'value']);
      expect(i.row).toBeGreaterThanOrEqual(1);
      expect(i.message.length).toBeGreaterThan(10);
    }
    expect(result.errors.map((e) => e.row)).toEqual([...result.errors.map((e) => e.row)].sort((a, b) => a - b));
  });
});

describe('two cities of one English name', () => {
  // Suzhou 苏州 and Suzhou 宿州 are both prefecture-level cities, as are Taizhou 台州 and 泰州: an import of all of
  // China's cities brings such pairs, and English text must still say which city it means.
  const pair = `${validCity.trimEnd()}\n${validCity
    .replaceAll('maanshan', 'suzhou-ah')
    .replaceAll('马鞍山', '宿州')
    .split('\n')
    .slice(1)
    .join('\n')}`.replaceAll('马鞍山', '苏州').replaceAll("Ma'anshan", 'Suzhou');
  const page = withImports(toTables(bundled), bundled, run(pair).cities);
  const view = buildView(page, 'rd', { cities: ['maanshan', 'suzhou-ah'], sort: 'name' });

  test('English names each with its Chinese name, in the chart, the notes and the summary; Chinese needs no help', () => {
    expect(view.marks.map((mark) => cityName(mark, 'en')).sort()).toEqual(['Suzhou 宿州', 'Suzhou 苏州']);
    expect(view.marks.map((mark) => cityName(mark, 'zh')).sort()).toEqual(['宿州', '苏州']);
    expect(describeView(view, 'en', en).summary).toContain('Suzhou 苏州 and Suzhou 宿州');
    // The data keep the names as the file gives them: the data package and CSVs say "Suzhou" with city_zh beside it.
    expect(enrichedFigures(page).array('city_en')).toContain('Suzhou');
  });

  test('a city alone with its English name is named by it alone', () => {
    const one = withImports(toTables(bundled), bundled, run(validCity).cities);
    expect(buildView(one, 'rd', { cities: ['maanshan'], sort: 'name' }).marks.map((mark) => cityName(mark, 'en'))).toEqual(["Ma'anshan"]);
  });
});

describe('mergeImported', () => {
  test('the page’s tables (bundled table + each city’s own, concatenated) hold exactly the merged rows', () => {
    const two = `${validCity.trimEnd()}\n${validCity.replaceAll('maanshan', 'hefei').split('\n').slice(1).join('\n')}`;
    const { cities } = run(two);
    expect(cities).toHaveLength(2);
    const page = withImports(toTables(bundled), bundled, cities);
    const rows = toTables(mergeImported(bundled, cities));
    expect(page.figures.objects()).toEqual(rows.figures.objects());
    expect(page.cities.objects()).toEqual(rows.cities.objects());
    expect(page.documents.objects()).toEqual(rows.documents.objects());
    // A city that clashes (here: the same city twice) is left out of both alike.
    expect(withImports(toTables(bundled), bundled, [cities[0]!, cities[0]!]).figures.numRows()).toBe(bundled.figures.length + 6);
  });

  test('adds the imported city after the bundled ones, flagged, with its figures and documents', () => {
    const city = expectImported(run(validCity));
    const merged = mergeImported(bundled, [city]);
    expect(merged.cities.map((c) => [c.id, (c as { imported?: boolean }).imported])).toEqual([
      ...bundled.cities.map((c) => [c.id, false]),
      ['maanshan', true],
    ]);
    expect(merged.figures).toHaveLength(bundled.figures.length + 6);
    expect(merged.documents.map((d) => d.id)).toContain('maanshan-2023-work-plan');
    expect(merged.nationalRd).toBe(bundled.nationalRd);
    expect(bundled.cities.some((c) => 'imported' in c)).toBe(false);

    const tables = toTables(merged);
    expect(tables.cities.columnNames()).toContain('imported');
    expect((tables.figures.array('city') as string[]).filter((city) => city === 'maanshan')).toHaveLength(6);
  });

  test('a second import is checked against the merged dataset, and merging skips a clash', () => {
    const first = expectImported(run(validCity));
    const merged = mergeImported(bundled, [first]);
    const again = importCsvText(validCity, 'again.csv', merged);
    expect(codes(again.errors)).toContain('city_clash');
    expect(codes(again.errors)).toContain('id_clash');
    expect(mergeImported(bundled, [first, first]).cities).toHaveLength(bundled.cities.length + 1);
  });

  test('with no imports it is the bundled data with imported: false', () => {
    const merged = mergeImported(bundled, []);
    expect(merged.figures).toEqual(bundled.figures);
    expect(merged.cities).toEqual(bundled.cities.map((c) => ({ ...c, imported: false })));
  });
});

test('a category the bundled data does not use is imported with a warning naming the cell', () => {
  const result = importCsvText(validCity.replace('maanshan-2023-platforms-provincial-new,maanshan,maanshan-2023-work-plan,platforms', 'maanshan-2023-platforms-provincial-new,maanshan,maanshan-2023-work-plan,platfroms'), 'city.csv', bundled);
  expect(result.cities).toHaveLength(1);
  expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'unknown_category', column: 'category', value: 'platfroms', row: 5 }));
});

describe('forgiving: what people type, read as the format means it', () => {
  test.each([
    ['2022年', '2022'],
    ['2022 年', '2022'],
    ['2022-2023年', '2022-2023'],
    ['2022—2023年', '2022-2023'],
    ['2022至2023', '2022-2023'],
    ['2022年上半年', '2022H1'],
    ['2023下半年', '2023H2'],
    ['H1 2023', '2023H1'],
    ['2023h2', '2023H2'],
    ['2023年1-5月', '2023-01/2023-05'],
    ['2023年3–12月', '2023-03/2023-12'],
    ['soon', 'soon'],
  ])('period %s is read as %s', (typed, read) => {
    expect(readPeriod(typed)).toBe(read);
  });

  test.each([
    ['kind', 'Target', 'target'],
    ['kind', 'NOT STATED', 'not_stated'],
    ['kind', '预计', 'expected'],
    ['qualifier', 'at least', 'at_least'],
    ['qualifier', 'At-Least', 'at_least'],
    ['qualifier', '≥', 'at_least'],
    ['commitment', 'Strive', 'strive'],
    ['commitment', '确保', 'assured'],
    ['combined', 'Yes', 'yes'],
    ['combined', '否', 'no'],
    ['scope_class', 'Economy Wide', 'economy_wide'],
    ['kind', 'constructor', null],
    ['kind', '__proto__', null],
  ])('%s %s is read as %s', (column, typed, read) => {
    expect(readVocabulary(column, typed)).toBe(read);
  });

  test('blank optional cells take their documented defaults, each with a warning naming row and column', () => {
    const columns = ['city', 'category', 'measure', 'kind', 'period', 'value', 'unit', 'quote', 'city_en'];
    const result = run(csvOf([{ kind: 'Target', period: '2023年' }, { kind: 'target', period: '2023年' }], ',', columns));
    const city = expectImported(result);
    expect(city.figures.map((f) => [f.id, f.qualifier, f.commitment, f.scope_class, f.combined, f.label_zh, f.doc])).toEqual([
      ['maanshan-2023-rd-intensity-share-of-gdp', 'exactly', 'plain', 'not_stated', false, 'rd intensity', 'maanshan-city-csv'],
      ['maanshan-2023-rd-intensity-share-of-gdp-2', 'exactly', 'plain', 'not_stated', false, 'rd intensity', 'maanshan-city-csv'],
    ]);
    const defaulted = result.warnings.filter((w) => w.code === 'defaulted');
    expect(new Set(defaulted.map((w) => w.column))).toEqual(
      new Set(['id', 'doc', 'qualifier', 'commitment', 'scope_class', 'label_zh', 'label_en', 'city_zh', 'doc_title_zh']),
    );
    expect(defaulted.every((w) => w.row >= 1)).toBe(true);
    expect(result.warnings).toContainEqual(expect.objectContaining({ row: 2, column: 'kind', code: 'normalised', detail: 'target' }));
    expect(result.warnings).toContainEqual(expect.objectContaining({ row: 2, column: 'period', code: 'normalised', detail: '2023' }));
  });

  test('names like constructor, length and toString are ids, categories, measures and columns like any other', () => {
    const result = run(
      csvOf([{ city: 'constructor', category: 'length', measure: 'constructor', unit: '个', id: 'constructor-1', city_zh: '构造', city_en: 'Constructor' }], ',', [
        ...COLUMNS,
        'toString',
        'hasOwnProperty',
      ]),
    );
    const city = expectImported(result);
    expect(city.city.id).toBe('constructor');
    expect(city.figures[0]).toMatchObject({ category: 'length', measure: 'constructor' });
    expect(result.warnings.filter((w) => w.code === 'unknown_column').map((w) => w.column)).toEqual(['toString', 'hasOwnProperty']);
    // "__proto__" is no valid id: refused with its row and column, not turned into a prototype.
    expect(run(csvOf([{ city: '__proto__' }])).errors).toContainEqual(expect.objectContaining({ row: 2, column: 'city' }));
  });
});

describe('encodings and sizes at the edge', () => {
  test('UTF-8 with one stray byte is refused, naming the line, never read as GB18030 mojibake', () => {
    const bytes = utf8(validCity);
    const lines = validCity.split('\n');
    const offset = utf8(`${lines[0]}\n${lines[1]}\n`).length + 5;
    const broken = new Uint8Array([...bytes.slice(0, offset), 0xff, ...bytes.slice(offset)]);
    const result = importCsv(broken, 'stray.csv', bundled);
    expect(result.cities).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ row: 3, code: 'bad_encoding', value: '0xFF' })]);
  });

  test('a file of exactly the limit is read; one byte more is refused with its exact size', () => {
    expect(decodeFile(new Uint8Array(MAX_IMPORT_BYTES).fill(0x41)).ok).toBe(true);
    const over = decodeFile(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41));
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.issue.value).toBe('5.00 MB (5,242,881 bytes)');
    // A reader passes the file's own size: the bytes read stop at the limit and one byte.
    const big = decodeFile(new Uint8Array(16), 6 * 1024 * 1024);
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.issue.value).toBe('6.00 MB (6,291,456 bytes)');
  });
});

test('the same default on thousands of rows is one thing to check: three shown, then one line counts the rest', () => {
  const columns = ['city', 'category', 'measure', 'kind', 'period', 'value', 'unit', 'quote', 'city_en'];
  const result = run(csvOf(Array.from({ length: 500 }, () => ({})), ',', columns));
  expect(result.errors).toEqual([]);
  const ids = result.warnings.filter((w) => w.column === 'id');
  expect(ids.map((w) => w.code)).toEqual(['defaulted', 'defaulted', 'defaulted', 'repeated']);
  expect(ids[3]).toMatchObject({ row: 5, detail: '497', message: expect.stringContaining('497 more rows in column "id"') });
  expect(result.warnings.length).toBeLessThan(60);
});
