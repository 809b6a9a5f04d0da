// City matching for the picker: folding, Chinese/English/id substrings, prefix-first ranking, reading order, scale.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bundledRows } from '../../src/lib/data/bundled';
import { cityIndex, foldForMatch, matchCities, type MatchableCity } from '../../src/lib/data/cityMatch';
import type { CityRow } from '../../src/lib/data/schema';
import { syntheticRows } from '../fixtures/synthetic';

const asMatchable = (row: CityRow): MatchableCity => ({ id: row.id, nameZh: row.name_zh, nameEn: row.name_en });
const five = bundledRows().cities.map(asMatchable);
const synthetic = syntheticRows(300, 0).cities.map(asMatchable);
const ids = (cities: readonly MatchableCity[]) => cities.map((city) => city.id);

describe('foldForMatch', () => {
  test('folds full-width letters and digits, case and surrounding space', () => {
    expect(foldForMatch('ＷＵＨＵ')).toBe('wuhu');
    expect(foldForMatch('Ｃ００４２')).toBe('c0042');
    expect(foldForMatch('\u3000 Wuhu ')).toBe('wuhu');
    expect(foldForMatch('芜湖')).toBe('芜湖');
  });
});

describe('matchCities on the five bundled cities', () => {
  test('a Chinese substring finds the city', () => {
    expect(ids(matchCities(five, '芜', 'zh'))).toEqual(['wuhu']);
    expect(ids(matchCities(five, '湖', 'zh'))).toEqual(['wuhu']);
    expect(ids(matchCities(five, '黄石', 'en'))).toEqual(['huangshi']);
  });

  test('English matches ignore case', () => {
    expect(ids(matchCities(five, 'WUHU', 'en'))).toEqual(['wuhu']);
    expect(ids(matchCities(five, 'tOnG', 'en'))).toEqual(['tongxiang']);
  });

  test('the id matches', () => {
    const cities = [{ id: 'c0042', nameZh: '安阳', nameEn: 'Anyang' }, ...five];
    expect(ids(matchCities(cities, 'c004', 'en'))).toEqual(['c0042']);
  });

  test('full-width input finds the same cities as ASCII', () => {
    expect(ids(matchCities(five, 'ＷＵ', 'en'))).toEqual(['wuhu']);
    expect(ids(matchCities(five, 'ｈｕａｉ', 'en'))).toEqual(['huaibei']);
    expect(ids(matchCities(five, '芜', 'en'))).toEqual(['wuhu']);
  });

  test('cities where a name starts with the query come before those containing it', () => {
    // "hu" starts Huaibei and Huangshi and sits inside Wuhu.
    expect(ids(matchCities(five, 'hu', 'en'))).toEqual(['huaibei', 'huangshi', 'wuhu']);
    expect(ids(matchCities(five, 'hu', 'zh'))).toEqual(['huaibei', 'huangshi', 'wuhu']);
    // "zhou" starts no name; only Changzhou contains it.
    expect(ids(matchCities(five, 'zhou', 'en'))).toEqual(['changzhou']);
    // No name starts with "ng": all three match inside, and reading order alone ranks them.
    expect(ids(matchCities(five, 'ng', 'en'))).toEqual(['changzhou', 'huangshi', 'tongxiang']);
  });

  test("ties are ordered by the name in the reader's language", () => {
    // Chinese collation orders by character: 无 comes before 芜 though both read wú; English compares Wuhu < Wuxi.
    const cities = [{ id: 'wuxi', nameZh: '无锡', nameEn: 'Wuxi' }, ...five];
    expect(ids(matchCities(cities, 'wu', 'zh'))).toEqual(['wuxi', 'wuhu']);
    expect(ids(matchCities(cities, 'wu', 'en'))).toEqual(['wuhu', 'wuxi']);
  });

  test('an empty query lists every city: pinyin order for Chinese, alphabetical for English', () => {
    expect(matchCities(five, '', 'zh').map((city) => city.nameZh)).toEqual(['常州', '淮北', '黄石', '桐乡', '芜湖']);
    expect(matchCities(five, '  ', 'en').map((city) => city.nameEn)).toEqual([
      'Changzhou',
      'Huaibei',
      'Huangshi',
      'Tongxiang',
      'Wuhu',
    ]);
  });

  test('apostrophes, hyphens and spaces may be typed or left out', () => {
    const cities = [{ id: 'huaian', nameZh: '淮安', nameEn: "Huai'an" }, ...five];
    expect(ids(matchCities(cities, 'huaian', 'en'))).toEqual(['huaian']);
    expect(ids(matchCities(cities, 'huai an', 'en'))).toEqual(['huaian']);
    expect(ids(matchCities(cities, 'Huai’an', 'en'))).toEqual(['huaian']);
    // Both start with "huai"; the English collator puts the apostrophe before letters.
    expect(ids(matchCities(cities, 'huai', 'en'))).toEqual(['huaian', 'huaibei']);
  });

  test('no match gives an empty list', () => {
    expect(matchCities(five, 'beijing', 'en')).toEqual([]);
  });

  test('the same objects come back, with their other fields', () => {
    const cities = five.map((city) => ({ ...city, imported: city.id === 'wuhu' }));
    expect(matchCities(cities, 'wu', 'en')[0]).toBe(cities.find((city) => city.id === 'wuhu'));
  });
});

describe('matchCities on 300 synthetic cities', () => {
  const index = cityIndex(synthetic);

  test('a name or an id finds that city first', () => {
    const target = synthetic[200]!;
    expect(matchCities(index, target.nameZh, 'zh')[0]).toBe(target);
    expect(matchCities(index, target.nameEn.toUpperCase(), 'en')[0]).toBe(target);
    expect(ids(matchCities(index, target.id, 'en'))).toEqual([target.id]);
  });

  test("a pinyin apostrophe need not be typed: 'baoan' finds Bao'an", () => {
    const baoan = synthetic.find((city) => city.nameEn === "Bao'an");
    expect(baoan).toBeDefined();
    expect(matchCities(index, 'baoan', 'en')[0]).toBe(baoan);
  });

  test('an empty query gives all 300 in reading order', () => {
    const all = matchCities(index, '', 'en');
    expect(all).toHaveLength(300);
    const names = all.map((city) => city.nameEn);
    expect(names).toEqual([...names].sort(new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare));
  });

  test('prefix matches rank before infix ones in a long list too', () => {
    const matched = matchCities(index, 'an', 'en');
    const firstInfix = matched.findIndex((city) => !city.nameEn.toLowerCase().startsWith('an') && !city.id.startsWith('an'));
    expect(firstInfix).toBeGreaterThan(0);
    expect(matched.slice(firstInfix).every((city) => !city.nameEn.toLowerCase().startsWith('an'))).toBe(true);
  });

  test('a keystroke over 300 cities is far below a frame', () => {
    const queries = ['a', 'an', 'ang', 'c0', 'c01', 'c012', '安', '安阳', 'zhou', 'h'];
    const started = performance.now();
    for (let round = 0; round < 20; round++) for (const query of queries) matchCities(index, query, round % 2 ? 'zh' : 'en');
    const perQuery = (performance.now() - started) / (20 * queries.length);
    // Generous, so a slow CI machine passes; an unindexed collator sort per keystroke would not.
    expect(perQuery).toBeLessThan(4);
  });
});

describe('property: any substring of a name finds its city', () => {
  const latin = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', "'", ' ', '-', 'Ａ', 'ｚ', '’'];
  const englishName = fc.string({ unit: fc.constantFrom(...latin), minLength: 1, maxLength: 16 });
  const chineseName = fc.string({
    unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCharCode(code)),
    minLength: 1,
    maxLength: 6,
  });
  const slice = (text: string) =>
    fc
      .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
      .map(([a, b]) => text.slice(Math.min(a, b), Math.max(a, b)));

  const example = fc
    .record({ nameEn: englishName, nameZh: chineseName, lang: fc.constantFrom<'en' | 'zh'>('en', 'zh'), fromEnglish: fc.boolean() })
    .chain((city) => slice(city.fromEnglish ? foldForMatch(city.nameEn) : city.nameZh).map((query) => ({ ...city, query })));

  test('of its folded English name, or of its Chinese name', () => {
    fc.assert(
      fc.property(example, ({ nameEn, nameZh, lang, query }) => {
        const city = { id: 'x-imported', nameZh, nameEn };
        return matchCities(cityIndex([...synthetic.slice(0, 50), city]), query, lang).includes(city);
      }),
      { numRuns: 500 },
    );
  });
});
