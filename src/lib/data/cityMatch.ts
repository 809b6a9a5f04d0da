// Finding cities by what a reader types — Chinese or English name, or id — ranked for a picker of hundreds.
import { compareText } from './collate';
import type { Lang } from '../i18n/format';

/** What matching needs of a city; callers pass richer objects and get the same objects back. */
export interface MatchableCity {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/**
 * The form a name and a query are compared in. NFKC turns what a Chinese input method types in full width
 * (ＷＵＨＵ, ２, the ideographic space) into ASCII, so it meets the names as stored; case never matters.
 */
export function foldForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

/**
 * Characters a reader may type or leave out: pinyin writes 淮安 "Huai'an" but people type "huaian", "huai an" or
 * "huai-an". They are dropped from both sides, so leaving them out, or typing them, both still match.
 */
const SEPARATORS = /[\s'‘’ʼ`\-‐‑–—]/gu;

function matchKey(text: string): string {
  return foldForMatch(text).replace(SEPARATORS, '');
}

/** The city's name in the reader's language, falling back to the other one (an import may give only one). */
export function cityName(city: MatchableCity, lang: Lang): string {
  return (lang === 'zh' ? city.nameZh || city.nameEn : city.nameEn || city.nameZh) || city.id;
}

/** Cities with their match keys folded once, so a keystroke only compares strings and sorts integers. */
export interface CityIndex<C extends MatchableCity> {
  readonly cities: readonly C[];
  /** Per city, in `cities` order: the folded Chinese name, English name and id. */
  readonly keys: readonly (readonly string[])[];
  /** Per language, each city's place in that language's reading order (made on first use). */
  readonly ranks: Map<Lang, Int32Array>;
}

export function cityIndex<C extends MatchableCity>(cities: readonly C[]): CityIndex<C> {
  return {
    cities,
    keys: cities.map((city) => [matchKey(city.nameZh), matchKey(city.nameEn), matchKey(city.id)]),
    ranks: new Map(),
  };
}

/** Each city's position when ordered by its name in `lang` (Chinese by pinyin), ties broken by id. */
function ranksFor<C extends MatchableCity>(index: CityIndex<C>, lang: Lang): Int32Array {
  let ranks = index.ranks.get(lang);
  if (ranks) return ranks;
  const compare = compareText(lang);
  const names = index.cities.map((city) => cityName(city, lang));
  const order = index.cities.map((_, position) => position);
  order.sort((a, b) => {
    const byName = compare(names[a]!, names[b]!);
    if (byName !== 0) return byName;
    const idA = index.cities[a]!.id;
    const idB = index.cities[b]!.id;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  ranks = new Int32Array(order.length);
  order.forEach((position, rank) => (ranks![position] = rank));
  index.ranks.set(lang, ranks);
  return ranks;
}

/**
 * The cities whose Chinese name, English name or id contains the query, best first: those where one of them
 * starts with the query, then the rest, each group in the reader's order of names. An empty query gives every
 * city in that order. Pass a `cityIndex` when matching on every keystroke; a plain array is indexed afresh.
 */
export function matchCities<C extends MatchableCity>(
  cities: readonly C[] | CityIndex<C>,
  query: string,
  lang: Lang,
): C[] {
  const index = isIndex(cities) ? cities : cityIndex(cities);
  const ranks = ranksFor(index, lang);
  const needle = matchKey(query);
  // Prefix matches get ranks 0 … n-1 and infix matches n … 2n-1, so one integer sort does both orderings.
  const n = index.cities.length;
  const scored: { position: number; score: number }[] = [];
  index.keys.forEach((keys, position) => {
    let score = -1;
    for (const key of keys) {
      if (key.startsWith(needle)) {
        score = ranks[position]!;
        break;
      }
      if (score === -1 && key.includes(needle)) score = n + ranks[position]!;
    }
    if (score !== -1) scored.push({ position, score });
  });
  scored.sort((a, b) => a.score - b.score);
  return scored.map(({ position }) => index.cities[position]!);
}

function isIndex<C extends MatchableCity>(value: readonly C[] | CityIndex<C>): value is CityIndex<C> {
  return !Array.isArray(value);
}
