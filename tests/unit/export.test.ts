// Exports as files a newsroom opens: CSV safe in a spreadsheet, citations in both styles, embed code that needs no script.
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { parsePeriod } from '../../src/lib/data/period';
import type { Mark } from '../../src/lib/data/views/marks';
import { apa, gbt7714 } from '../../src/lib/export/cite';
import { bundledDataset } from '../../src/lib/data/bundled';
import { CITY_IDS } from '../../src/lib/data/schema';
import { buildView, type ViewId } from '../../src/lib/data/views/headline';
import { BOM, comparisonToCsv, marksToCsv, neutralise, viewToCsv } from '../../src/lib/export/csv';
import { buildExplorer } from '../../src/lib/data/views/explorer';
import { defaultEmbedHeight, embedCode } from '../../src/lib/export/embed';
import { escapeXml, figureSvg } from '../../src/lib/export/svg';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import { figure, fixtureDataset } from '../fixtures/figures';

const mark = (over: Partial<Mark>): Mark => ({
  id: 'x-1',
  city: 'x',
  doc: 'x-doc',
  category: 'rd_intensity',
  measure: 'share_of_gdp',
  kind: 'target',
  period: '2023',
  span: parsePeriod('2023')!,
  qualifier: 'at_least',
  value: 3.5,
  unit: '%',
  scope_class: 'economy_wide',
  combined: false,
  scope_zh: '全社会',
  scope_en: 'economy-wide',
  label_zh: '研发投入强度',
  label_en: 'R&D intensity',
  quote: '研发投入强度达到3.5%',
  commitment: 'plain',
  note_en: '',
  note_zh: '',
  restates: '',
  part_of: '',
  city_zh: '某市',
  city_en: 'Somecity',
  city_homonym: false,
  doc_title_zh: '工作要点',
  doc_title_en: 'Work points',
  doc_date: '2023-03-01',
  doc_date_signed: '',
  doc_date_published: '2023-03-01',
  doc_issuer_zh: '局',
  doc_issuer_en: 'Bureau',
  doc_issuer_inferred: false,
  doc_kind: 'work_plan',
  doc_period: '2023',
  imported: false,
  order: 0,
  ...over,
});

describe('CSV export', () => {
  test('starts with a BOM and parses back to one row per mark, numbers intact', () => {
    const csv = marksToCsv([mark({}), mark({ id: 'x-2', value: null, kind: 'not_stated', qualifier: null })], 'en', en);
    expect(csv.startsWith(BOM)).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => [r.id, r.Value, r.Kind])).toEqual([
      ['x-1', '3.5', 'Target'],
      ['x-2', '', 'Not stated'],
    ]);
  });

  test('neutralises text cells that a spreadsheet would run, and leaves numbers alone', () => {
    expect(neutralise('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(neutralise(`${start}cmd`)).toBe(`'${start}cmd`);
    expect(neutralise(-5)).toBe(-5);
    expect(neutralise('3.5')).toBe('3.5');
    const csv = marksToCsv([mark({ label_en: '=1+1', quote: '@SUM(A1)', imported: true })], 'en', en);
    const row = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data[0]!;
    expect(row.Figure).toBe("'=1+1");
    expect(row.Quote).toBe("'@SUM(A1)");
    expect(row.Origin).toBe('imported by you');
  });

  test('uses the interface language for headers and labels', () => {
    const csv = marksToCsv([mark({})], 'zh', zh);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
    expect(parsed.meta.fields).toContain(zh.fields.city);
    expect(parsed.data[0]![zh.fields.city]).toBe('某市');
  });

  test('the explorer’s rows carry the figure as shown in the file’s language, months, kind, commitment and note', () => {
    const yi = mark({ id: 'm-1', category: 'tech_market', measure: 'turnover', unit: '亿元', value: 58, qualifier: 'exactly', kind: 'actual', commitment: 'strive', note_en: 'Contracts only.', note_zh: '仅合同额。', period: '2023-01/2023-05', span: parsePeriod('2023-01/2023-05')! });
    const read = (lang: 'en' | 'zh') => Papa.parse<Record<string, string>>(marksToCsv([yi], lang, lang === 'en' ? en : zh).slice(1), { header: true }).data[0]!;
    expect(read('en')).toMatchObject({ Value: '58', 'Unit code': '亿元', 'As the chart shows it': 'CNY 5.8 bn', 'Period start': '2023-01', 'Period end': '2023-05', Kind: 'Reported actual', Commitment: en.commitments.strive, Note: 'Contracts only.' });
    expect(read('zh')).toMatchObject({ [zh.fields.shown]: '58亿元', [zh.fields.periodStart]: '2023-01', [zh.fields.note]: '仅合同额。', [zh.fields.kind]: zh.kinds.actual });
  });
});

describe('a headline view’s CSV', () => {
  const all = { cities: [...CITY_IDS], sort: 'name' as const };
  const csvOf = (view: ViewId, lang: 'en' | 'zh') => {
    const model = buildView(bundledDataset(), view, all);
    const parsed = Papa.parse<Record<string, string>>(viewToCsv(model, lang, lang === 'en' ? en : zh).slice(1), { header: true, skipEmptyLines: true });
    return { model, header: parsed.meta.fields!, rows: parsed.data };
  };
  const CHINESE_UNITS = /亿元|万元|万人|家|倍|第\d+位/;

  test('has the chart’s columns in order, in the file’s language, numbers raw and as the chart shows them', () => {
    const { header } = csvOf('market', 'en');
    expect(header).toEqual([
      'Panel', 'City', 'Figure', 'Qualifier', 'Value', 'Unit code', 'As the chart shows it', 'Period', 'Period start', 'Period end', 'Kind',
      'Commitment', 'Scope', 'Comparable', 'Comparability', 'Reason codes', 'Also stated as', 'Of which', 'Note', 'Quote', 'Document',
      'Document date', 'Origin', 'id',
    ]);
    expect(csvOf('market', 'zh').header.slice(0, 7)).toEqual([zh.fields.panel, zh.fields.city, zh.fields.figure, zh.fields.qualifier, zh.fields.value, zh.fields.unitCode, zh.fields.shown]);
  });

  test('one row per figure in the chart’s order; the English file never shows a Chinese unit, the Chinese file always does', () => {
    for (const view of ['rd', 'firms', 'market'] as const) {
      const english = csvOf(view, 'en');
      const chinese = csvOf(view, 'zh');
      const figures = english.rows.filter((r) => r.Origin !== en.nationalReference.origin);
      expect(figures.map((r) => r.id)).toEqual(english.model.figures.map((f) => f.mark.id));
      for (const row of english.rows) expect(row['As the chart shows it'], row.id).not.toMatch(CHINESE_UNITS);
      for (const [i, row] of chinese.rows.entries()) {
        const source = english.rows[i]!;
        if (source['Unit code'] === '亿元' && source.Value) expect(row[zh.fields.shown]).toMatch(/亿元$/);
        if (source['Unit code'] === '家' && source.Value) expect(row[zh.fields.shown]).toMatch(/家$/);
      }
    }
    const market = csvOf('market', 'en').rows.find((r) => r['Unit code'] === '亿元' && r.Qualifier === 'exactly' && r.Value)!;
    expect(market['As the chart shows it']).toBe(`CNY ${Number(market.Value) / 10} bn`);
    const chinese = csvOf('market', 'zh').rows.find((r) => r.id === market.id)!;
    expect(chinese[zh.fields.shown]).toBe(`${market.Value}亿元`);
  });

  test('periods are words and machine-readable months', () => {
    const { rows } = csvOf('market', 'en');
    for (const row of rows) {
      expect(row['Period start']).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(row['Period end']).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(row['Period start']! <= row['Period end']!).toBe(true);
    }
    expect(rows.find((r) => r.id === 'huaibei-2023-05-tech-market-absorbed')).toMatchObject({ Period: 'Jan–May 2023', 'Period start': '2023-01', 'Period end': '2023-05' });
  });

  test('says whether each figure compares and why not, as words and as codes', () => {
    const { rows } = csvOf('rd', 'en');
    const tongxiang = rows.find((r) => r.id === 'tongxiang-2023-rd-intensity-share-of-gdp')!;
    expect(tongxiang).toMatchObject({ Comparable: 'no', 'Reason codes': 'scope' });
    expect(tongxiang.Comparability).toContain('规上工业');
    const missing = rows.find((r) => r.id === 'huaibei-2023-rd-intensity-not-stated')!;
    expect(missing).toMatchObject({ Comparable: 'no', Value: '', 'As the chart shows it': '' });
    expect(missing.Comparability).toMatch(/^Not stated in Huaibei/);
    // No two R&D figures share a period, kind and scope: none is ranked, and each says why in words.
    for (const row of rows.filter((r) => r.City && !r.City.startsWith('China'))) {
      expect(row.Comparable).toBe('no');
      expect(row.Comparability).not.toBe('');
    }
  });

  test('the R&D view adds the national reference line, marked and sourced as the chart cites it; the firms view has none', () => {
    const { model, rows } = csvOf('rd', 'en');
    const national = rows.filter((r) => r.Origin === 'national reference');
    expect(national.map((r) => [r.City, r.Value, r['As the chart shows it'], r['Period start'], r['Period end']])).toEqual(
      model.references.map((ref) => ['China (national reference)', String(ref.value), `${ref.value}%`, `${ref.year}-01`, `${ref.year}-12`]),
    );
    expect(national).toHaveLength(3);
    for (const [i, row] of national.entries()) expect(row.Document).toBe(model.references[i]!.source_en);
    expect(national[0]!.Document).toMatch(/Statistical Bulletin/);
    const zhNational = csvOf('rd', 'zh').rows.filter((r) => r[zh.fields.origin] === zh.nationalReference.origin);
    expect(zhNational.map((r) => r[zh.fields.document])).toEqual(model.references.map((ref) => ref.source_zh));
    for (const view of ['firms', 'market'] as const) expect(csvOf(view, 'en').rows.some((r) => r.Origin === 'national reference' || r.City!.startsWith('China'))).toBe(false);
  });

  test('no cities chosen: no figures, and no reference line either, as the chart draws none', () => {
    const model = buildView(bundledDataset(), 'rd', { cities: [], sort: 'name' });
    const text = viewToCsv(model, 'en', en);
    expect(Papa.parse(text.slice(1), { skipEmptyLines: true }).data).toHaveLength(1);
  });
});

describe('citations', () => {
  const input = { app: 'Tech Targets', title: 'R&D intensity — Tech Targets', url: 'https://example.org/?view=rd', accessed: '2026-11-25', documents: ['Doc A (2023-03-09)'], national: [], lang: 'en' as const };

  test('GB/T 7714 names app, title, [EB/OL], access date, URL and documents', () => {
    expect(gbt7714(input)).toBe(
      'Tech Targets. R&D intensity — Tech Targets[EB/OL]. [2026-11-25]. https://example.org/?view=rd. Data: Doc A (2023-03-09).',
    );
  });

  test('APA names app, n.d., title, kind, retrieval date and URL', () => {
    expect(apa(input)).toBe(
      'Tech Targets. (n.d.). R&D intensity — Tech Targets [Data visualization]. Retrieved November 25, 2026, from https://example.org/?view=rd Data from Doc A (2023-03-09).',
    );
    expect(apa({ ...input, lang: 'zh', app: '科技目标' })).toMatch(/^科技目标\. \(无日期\)\..*2026年11月25日检索自/);
  });

  test('with no address to give (a file on disk, nothing published), both name none and APA drops its retrieval line', () => {
    const local = { ...input, url: null };
    expect(gbt7714(local)).toBe('Tech Targets. R&D intensity — Tech Targets[EB/OL]. [2026-11-25]. Data: Doc A (2023-03-09).');
    expect(apa(local)).toBe('Tech Targets. (n.d.). R&D intensity — Tech Targets [Data visualization]. Data from Doc A (2023-03-09).');
  });

  test('a Chinese APA reference describes the work in Chinese', () => {
    const zh = apa({ ...input, lang: 'zh', app: '科技目标', title: '研发投入强度' });
    expect(zh).toContain('研发投入强度 [数据可视化].');
    expect(zh).not.toContain('Data visualization');
  });

  test('the statistical bulletins are named when the view draws national figures, and only then', () => {
    const bulletin = 'NBS, MOST and MOF, 2023 Statistical Bulletin on National Expenditure on Science and Technology';
    for (const cite of [gbt7714, apa]) {
      expect(cite(input)).not.toContain('National figures');
      expect(cite({ ...input, national: [bulletin] })).toContain(`National figures: ${bulletin}.`);
      expect(cite({ ...input, lang: 'zh', national: ['《2023年全国科技经费投入统计公报》'] })).toContain('全国数据：《2023年全国科技经费投入统计公报》。');
    }
  });
});

describe('embed code', () => {
  test('an iframe with title and a fixed height, then the optional resize script', () => {
    const code = embedCode({ src: 'https://x.org/?view=rd&embed=1', title: 'Tech Targets: "R&D"', height: 700, scriptSrc: 'https://x.org/embed.js' });
    expect(code).toContain('<iframe src="https://x.org/?view=rd&#38;embed=1" title="Tech Targets: &#34;R&#38;D&#34;" height="700"');
    expect(code).toContain('style="width:100%;height:700px;border:0"');
    expect(code).toMatch(/<\/iframe>\n<script src="https:\/\/x.org\/embed.js" async><\/script>$/);
  });

  test('the default height grows with rows, panels and notes', () => {
    expect(defaultEmbedHeight(10, 6, 3, 4)).toBeGreaterThan(defaultEmbedHeight(3, 1, 2, 2));
  });
});

describe('SVG figure', () => {
  test('escapes text and stays well-formed with hostile labels', () => {
    expect(escapeXml(`<img src=x onerror="a">&'`)).toBe('&#60;img src=x onerror=&#34;a&#34;&#62;&#38;&#39;');
    const svg = figureSvg(
      { title: '<script>alert(1)</script>', dek: 'd', legend: [{ swatch: 'target', label: 'T' }], notesTitle: 'N', notes: ['n1'], source: 'S', credit: 'C' },
      [],
      600,
      { background: '#fff', ink: '#222', muted: '#595959', note: '#fff8e6', noteRule: '#b07800' },
    );
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="600" height="\d+"/);
  });
});

describe("an explorer comparison's CSV", () => {
  const data = bundledDataset();
  const query = { cities: [...CITY_IDS], categories: ['tech_smes'], kinds: [], periods: [], search: '', sort: 'city' as const, descending: false };
  const parse = (text: string) => Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });

  test('says what the chart says: Tongxiang set apart for its scope, and every tech-SME figure no other city states', () => {
    const comparison = buildExplorer(data, query).comparison!;
    const { data: rows, meta } = parse(comparisonToCsv(comparison, 'en', en));
    expect(meta.fields).toEqual(expect.arrayContaining(['Comparable', 'Comparability', 'Reason codes']));
    const tongxiang = rows.find((r) => r.City === 'Tongxiang' && r.Value === '400')!;
    expect(tongxiang).toMatchObject({ Comparable: 'no', 'Reason codes': 'scope' });
    // The figures the chart leaves out of the comparison are in the file too, each under its own measure.
    const drawn = comparison.groups.flatMap((g) => g.figures).length;
    expect(comparison.alone.length).toBeGreaterThan(0);
    expect(rows.length).toBe(drawn + comparison.alone.flatMap((g) => g.figures).length);
  });

  test('a figure drawn beside others but of another period or kind is not called comparable', () => {
    const comparison = buildExplorer(data, { ...query, categories: ['funding'] }).comparison!;
    const { data: rows } = parse(comparisonToCsv(comparison, 'en', en));
    const figures = [...comparison.groups, ...comparison.alone].flatMap((g) => g.figures);
    // The case the flag once got wrong: in a rank set of its own, beside figures of another period.
    expect(figures.some((f) => f.status === 'comparable' && f.standing !== 'ranked')).toBe(true);
    // No two cities state a funding figure of the same measure, unit, period and kind: nothing in it compares.
    expect(rows.map((r) => r.Comparable)).toEqual(rows.map(() => 'no'));
    expect(rows.find((r) => r.id === figures.find((f) => f.status === 'comparable' && f.standing !== 'ranked')!.mark.id)!.Comparable).toBe('no');
  });

  test('figures ranked together are comparable; in Chinese, yes and no are 是 and 否', () => {
    const fixture = fixtureDataset(
      [
        figure({ id: 'a-new', city: 'a', category: 'tech_smes', measure: 'new', value: 300 }),
        figure({ id: 'b-new', city: 'b', category: 'tech_smes', measure: 'new', value: 200 }),
        figure({ id: 'c-new', city: 'c', category: 'tech_smes', measure: 'new', value: 90, period: '2022' }),
        // Two figures of one city, ranked together: that compares no city with another.
        figure({ id: 'c-new-zone', city: 'c', category: 'tech_smes', measure: 'new', value: 40, period: '2022', label_en: 'New, in the zone' }),
      ],
      ['a', 'b', 'c'],
    );
    const comparison = buildExplorer(fixture, { ...query, cities: ['a', 'b', 'c'] }).comparison!;
    const { data: rows } = parse(comparisonToCsv(comparison, 'zh', zh));
    expect(rows.map((r) => r[zh.fields.comparableFlag])).toEqual(['是', '是', '否', '否']);
  });
});

test('a view CSV with highlighted cities says which rows are theirs; without, it has no such column', () => {
  const model = buildView(bundledDataset(), 'firms', { cities: [...CITY_IDS], sort: 'name' });
  const parse = (text: string) => Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parse(viewToCsv(model, 'en', en)).meta.fields).not.toContain('Highlighted');
  const rows = parse(viewToCsv(model, 'en', en, new Set(['wuhu']))).data;
  expect(rows.filter((r) => r.Highlighted === 'yes').every((r) => r.City === 'Wuhu')).toBe(true);
  expect(rows.filter((r) => r.City === 'Wuhu').every((r) => r.Highlighted === 'yes')).toBe(true);
  expect(rows.some((r) => r.Highlighted === 'no')).toBe(true);
});

test('a narrow image wraps a legend label wider than itself under its swatch, and the next item starts a new line', () => {
  const long = 'Set apart: counts something else, not ranked (dashed frame)';
  const svg = figureSvg(
    { title: 'T', dek: 'd', legend: [{ swatch: 'scope', label: long }, { swatch: 'target', label: 'Target' }], notesTitle: 'N', notes: [], source: 'S', credit: 'C' },
    [],
    340,
    { background: '#fff', ink: '#222', muted: '#595959', note: '#fff8e6', noteRule: '#b07800' },
  );
  const legend = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="12"[^>]*>([^<]*)<\/text>/g)].map((t) => ({ x: Number(t[1]), y: Number(t[2]), text: t[3]! }));
  const label = legend.filter((t) => long.includes(t.text));
  expect(label.length).toBeGreaterThan(1);
  for (const line of label) expect(line.x + line.text.length * 12 * 0.56).toBeLessThanOrEqual(340);
  expect(legend.find((t) => t.text === 'Target')!.y).toBeGreaterThan(Math.max(...label.map((t) => t.y)));
});
