// The bundled dataset against its primary sources in ../shared/sources (CI has that folder beside the clone).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bundledTexts } from '../../src/lib/data/bundled';
import { readDataset, DatasetError } from '../../src/lib/data/dataset';
import { CITY_IDS, HEADLINE_CATEGORIES } from '../../src/lib/data/schema';

const data = readDataset(bundledTexts);
const sourceOf = new Map(
  data.documents.map((d) => [d.id, readFileSync(new URL(`../../../shared/sources/${d.source_file}`, import.meta.url), 'utf8')]),
);

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 百: 100 };

/** Every way the figure may be written in a quote: digits, OCR forms (L5, %o), Chinese numerals, 倍增. */
function visibleForms(quote: string): Set<number> {
  const text = quote
    .replace(/\n\d+、/g, '') // a page number glued in at a page break (file 002)
    .replace(/L(?=\d)/g, '1.') // OCR read “1.5” as “L5”
    .replace(/%o/g, '%');
  const numbers = new Set((text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number));
  for (const [char, n] of Object.entries(CHINESE_DIGITS)) if (text.includes(char)) numbers.add(n);
  for (const m of text.matchAll(/([一二三四五六七八九])?十([一二三四五六七八九])?/g))
    numbers.add((m[1] ? CHINESE_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CHINESE_DIGITS[m[2]]! : 0));
  if (text.includes('倍增')) numbers.add(2);
  return numbers;
}

describe('data/targets.csv', () => {
  test('holds well over a hundred figures from all five documents', () => {
    expect(data.figures.length).toBeGreaterThan(150);
    expect(new Set(data.figures.map((f) => f.doc)).size).toBe(5);
  });

  test('every note exists in both languages, and the Chinese one is Chinese without internal row ids', () => {
    const mismatched = data.figures.filter((f) => !f.note_en !== !f.note_zh).map((f) => f.id);
    expect(mismatched).toEqual([]);
    const noted = data.figures.filter((f) => f.note_zh);
    expect(noted.filter((f) => !/[\u4e00-\u9fff]/.test(f.note_zh)).map((f) => f.id)).toEqual([]);
    const ids = new Set(data.figures.map((f) => f.id));
    expect(noted.filter((f) => [...ids].some((id) => f.note_zh.includes(id))).map((f) => f.id)).toEqual([]);
  });

  test.each(data.figures.map((f) => [f.id, f] as const))('%s quotes its document verbatim', (_, figure) => {
    expect(sourceOf.get(figure.doc)).toContain(figure.quote);
  });

  test.each(data.figures.filter((f) => f.value !== null).map((f) => [f.id, f] as const))(
    '%s shows its value in its quote',
    (_, figure) => {
      expect([...visibleForms(figure.quote)]).toContain(figure.value);
    },
  );

  test('not_stated rows have no value and no qualifier', () => {
    const missing = data.figures.filter((f) => f.kind === 'not_stated');
    expect(missing.map((f) => f.id).sort()).toEqual(
      expect.arrayContaining(['changzhou-2021-tech-market-not-stated', 'huaibei-2023-rd-intensity-not-stated']),
    );
    for (const f of missing) expect([f.value, f.qualifier]).toEqual([null, null]);
  });

  test('every city has a figure or an explicit not_stated row for each headline category', () => {
    for (const city of CITY_IDS)
      for (const category of HEADLINE_CATEGORIES)
        expect(data.figures.some((f) => f.city === city && f.category === category), `${city} ${category}`).toBe(true);
  });

  test('Tongxiang’s R&D figure carries its narrower 规上工业 scope, as a code', () => {
    const rd = data.figures.find((f) => f.city === 'tongxiang' && f.category === 'rd_intensity');
    expect([rd?.scope_class, rd?.scope_zh]).toEqual(['above_size_industry', '规上工业']);
  });

  test('scope words are given exactly when a scope is: a sentence naming none has scope not_stated and no words', () => {
    const wordless = data.figures.filter((f) => (f.scope_class === 'not_stated') !== (f.scope_zh === '' && f.scope_en === ''));
    expect(wordless.map((f) => f.id)).toEqual([]);
    // Each stated scope is in the sentence, in the document's own words.
    const unquoted = data.figures.filter((f) => f.scope_zh && !sourceOf.get(f.doc)!.includes(f.scope_zh));
    expect(unquoted.map((f) => f.id)).toEqual([]);
  });

  test('分别 before one number gives it to each item: one row per item, all with that quote', () => {
    // 分别 + a list joined by 、 + one number, as in 分别新增高新技术企业、科技型中小企业300家以上.
    const respectively = data.figures.filter((f) => /分别[^，。；0-9]*、[^，。；0-9]*\d+(?:\.\d+)?[^\d、和]*$/.test(f.quote));
    expect(respectively.length).toBeGreaterThan(0);
    for (const f of respectively) {
      const items = f.quote.replace(/^.*?分别/, '').replace(/\d.*$/, '').split('、').length;
      const rows = data.figures.filter((x) => x.quote === f.quote && !x.restates);
      expect(rows.length, f.quote).toBe(items);
      expect(new Set(rows.map((x) => x.value)), f.quote).toEqual(new Set([f.value]));
      expect(rows.every((x) => !x.combined), f.quote).toBe(true);
    }
    const wuhu = data.figures.filter((f) => f.quote === '分别新增高新技术企业、科技型中小企业300家以上');
    expect(wuhu.map((f) => [f.category, f.measure, f.value])).toEqual([
      ['high_tech_firms', 'new', 300],
      ['tech_smes', 'new', 300],
    ]);
  });

  test('预计 is an expected figure, never a reported actual', () => {
    const forecasts = data.figures.filter((f) => f.quote.includes('预计'));
    expect(forecasts.length).toBeGreaterThan(0);
    expect(forecasts.filter((f) => f.kind !== 'expected').map((f) => f.id)).toEqual([]);
  });

  test('no English label claims "combined" unless the figure is coded combined (the view adds that flag itself)', () => {
    expect(data.figures.filter((f) => /\bcombined\b/i.test(f.label_en)).map((f) => f.id)).toEqual([]);
  });

  test('restatements and components point at real rows of the same city', () => {
    const byId = new Map(data.figures.map((f) => [f.id, f]));
    for (const f of data.figures.filter((x) => x.restates || x.part_of)) {
      const other = byId.get(f.restates || f.part_of);
      expect(other?.city, f.id).toBe(f.city);
    }
  });
});

describe('readDataset', () => {
  test('fails loudly, naming file, row and column', () => {
    const broken = bundledTexts.targets.replace(',target,', ',wish,');
    expect(() => readDataset({ ...bundledTexts, targets: broken })).toThrow(DatasetError);
    expect(() => readDataset({ ...bundledTexts, targets: broken })).toThrow(/targets\.csv row 2, column "kind", value "wish"/);
  });

  test('rejects a figure whose document does not exist', () => {
    const broken = bundledTexts.targets.replace(',wuhu-2023-work-plan,', ',wuhu-2099-plan,');
    expect(() => readDataset({ ...bundledTexts, targets: broken })).toThrow(/column "doc", value "wuhu-2099-plan"/);
  });
});
