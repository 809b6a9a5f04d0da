// The one text ordering: Chinese in pinyin order (Intl.Collator 'zh-Hans-CN'), English by the English collator.
import type { Lang } from '../i18n/format';

const collators = new Map<Lang, Intl.Collator>();

/** The collator for a language, made once: numbers inside names compare as numbers ("No. 2" before "No. 10"). */
export function collatorFor(lang: Lang): Intl.Collator {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN' : 'en', { numeric: true, sensitivity: 'base' });
    collators.set(lang, collator);
  }
  return collator;
}

/** Compares two texts as a reader of `lang` expects them ordered. */
export const compareText = (lang: Lang): ((a: string, b: string) => number) => collatorFor(lang).compare;

/** City ids in a reader's order: by Chinese name in pinyin order for Chinese, by English name for English. */
export function orderCities(cities: readonly { id: string; name_zh: string; name_en: string }[], lang: Lang): string[] {
  const compare = compareText(lang);
  const name = (c: { id: string; name_zh: string; name_en: string }) => (lang === 'zh' ? c.name_zh : c.name_en) || c.name_zh || c.id;
  return [...cities].sort((a, b) => compare(name(a), name(b)) || compare(a.id, b.id)).map((c) => c.id);
}

/**
 * The positions that order rows by a text column as a reader of `lang` expects, ties broken by `tie`: position[i]
 * is row i's place. Collation is done once per distinct text, since many rows share a city's or a label's name.
 */
export function collatedPositions(texts: ArrayLike<string>, tie: ArrayLike<number>, lang: Lang, descending = false): Int32Array {
  const compare = compareText(lang);
  const distinct = [...new Set(Array.from(texts))].sort(compare);
  const rank = new Map(distinct.map((text, i) => [text, i]));
  const direction = descending ? -1 : 1;
  const rows = Array.from({ length: texts.length }, (_, i) => i);
  rows.sort((a, b) => direction * (rank.get(texts[a]!)! - rank.get(texts[b]!)!) || tie[a]! - tie[b]!);
  const position = new Int32Array(texts.length);
  rows.forEach((row, index) => (position[row] = index));
  return position;
}
