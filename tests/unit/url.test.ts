// The query string as the reader's state: round trips, defaults left out, garbage ignored.
import { describe, expect, test } from 'vitest';
import { CITY_IDS } from '../../src/lib/data/schema';
import { preferredLang } from '../../src/lib/state/app.svelte';
import { defaultState, parseQuery, toQuery, withQuery } from '../../src/lib/state/url';

describe('parseQuery', () => {
  test('category and period values the data does not have fall back to none, so a link never shows "0 of 227"', () => {
    const known = { categories: ['tech_smes', 'rd_intensity'], periods: ['2023', '2021'] };
    const state = parseQuery('?view=explorer&cat=tech_smes,constructor,nosuch&period=2023,1999,2023H1', CITY_IDS, known);
    expect(state.explorer.categories).toEqual(['tech_smes']);
    expect(state.explorer.periods).toEqual(['2023']);
    expect(parseQuery('?cat=__proto__&period=soon', CITY_IDS, known).explorer).toMatchObject({ categories: [], periods: [] });
  });

  test('reads view, cities in canonical order, lang, table and embed', () => {
    const state = parseQuery('?view=market&cities=huaibei,huangshi&lang=zh&table=1&embed=1', CITY_IDS);
    expect(state).toMatchObject({ view: 'market', cities: ['huangshi', 'huaibei'], lang: 'zh', table: true, embed: true });
  });

  test('falls back to defaults for unknown or malformed values', () => {
    const state = parseQuery('?view=<script>&cities=,,x&lang=fr&table=yes&embed=2&sort=evil&theme=neon', CITY_IDS);
    expect(state).toEqual(defaultState(CITY_IDS));
  });

  test('an explicit empty city list means none selected; unknown ids among known ones are dropped', () => {
    expect(parseQuery('?cities=', CITY_IDS).cities).toEqual([]);
    expect(parseQuery('?cities=wuhu,atlantis', CITY_IDS).cities).toEqual(['wuhu']);
  });

  test('reads explorer filters, bounding the search and dropping bad periods and kinds', () => {
    const state = parseQuery(`?view=explorer&cat=tech_smes&kind=target,bogus&period=2023,20x3&q=${'科'.repeat(300)}&order=-value`, CITY_IDS);
    expect(state.explorer).toEqual({
      categories: ['tech_smes'],
      kinds: ['target'],
      periods: ['2023'],
      search: '科'.repeat(200),
      sort: 'value',
      descending: true,
    });
  });
});

describe('toQuery', () => {
  test('the default state is an empty query', () => {
    expect(toQuery(defaultState(CITY_IDS), CITY_IDS)).toBe('');
  });

  test('round-trips through parseQuery', () => {
    const state = {
      ...defaultState(CITY_IDS),
      view: 'explorer' as const,
      cities: ['wuhu', 'tongxiang'],
      lang: 'zh' as const,
      table: true,
      theme: 'dark' as const,
      imported: true,
      explorer: { categories: ['tech_smes'], kinds: ['target' as const], periods: ['2023'], search: '科技型 中小', sort: 'period' as const, descending: false },
    };
    const query = toQuery(state, CITY_IDS);
    expect(query).toContain('cities=wuhu,tongxiang');
    expect(parseQuery(query, CITY_IDS)).toEqual(state);
  });

  test('explorer filters stay out of the URL of a headline view', () => {
    const state = { ...defaultState(CITY_IDS), explorer: { ...defaultState(CITY_IDS).explorer, search: 'x' } };
    expect(toQuery(state, CITY_IDS)).toBe('');
  });

  test('imported cities appear only as a flag, never by id', () => {
    const state = { ...defaultState(CITY_IDS), cities: [...CITY_IDS, 'maanshan'], imported: true };
    expect(toQuery(state, CITY_IDS)).toBe('?imported=1');
  });
});

test('withQuery keeps a file:// path and replaces query and hash', () => {
  expect(withQuery('file:///home/a/dist/index.html?view=rd#x', '?view=firms')).toBe('file:///home/a/dist/index.html?view=firms');
  expect(withQuery('https://example.org/tt/?a=1', '')).toBe('https://example.org/tt/');
});

test('preferredLang follows the first zh or en locale of the browser', () => {
  expect(preferredLang(['zh-CN', 'en'])).toBe('zh');
  expect(preferredLang(['zh-TW'])).toBe('zh');
  expect(preferredLang(['de-DE', 'en-GB'])).toBe('en');
  expect(preferredLang(['fr-FR'])).toBe('en');
});

describe('links with hundreds of cities', () => {
  const known = [...CITY_IDS, ...Array.from({ length: 300 }, (_, i) => `city-${String(i + 1).padStart(3, '0')}`)];
  const roundTrip = (cities: string[], focus: string[] = []) => {
    const state = { ...defaultState(known), view: 'firms' as const, cities, focus };
    const query = toQuery(state, known);
    return { query, back: parseQuery(query, known) };
  };

  test('all 305 cities need no cities= at all; all but a few is "all,-id"; both restore exactly', () => {
    expect(roundTrip(known).query).toBe('?view=firms');
    const allButTwo = known.filter((c) => c !== 'wuhu' && c !== 'city-150');
    const { query, back } = roundTrip(allButTwo);
    expect(query).toBe('?view=firms&cities=all,-wuhu,-city-150');
    expect(back.cities).toEqual(allButTwo);
  });

  test('any half of them restores exactly and in canonical order, with the highlighted cities', () => {
    const half = known.filter((_, i) => i % 2 === 1).reverse();
    const { query, back } = roundTrip(half, ['city-299', 'huangshi']);
    expect(back.cities).toEqual([...half].reverse());
    expect(back.focus).toEqual(['huangshi', 'city-299']);
    // Never longer than the list of those chosen or of those left out, whichever is shorter.
    expect(query.length).toBeLessThan(half.join(',').length + 60);
  });

  test('a link highlights six cities at most (one a hue), the first six in the cities’ order', () => {
    const eight = known.slice(10, 18);
    expect(parseQuery(`?focus=${eight.join(',')}`, known).focus).toEqual(eight.slice(0, 6));
  });

  test('a highlighted city that is not selected, or not known, is dropped', () => {
    expect(parseQuery('?cities=wuhu,city-007&focus=city-007,city-008,atlantis', known).focus).toEqual(['city-007']);
    expect(roundTrip(['wuhu'], ['huaibei']).query).toBe('?view=firms&cities=wuhu');
  });
});
