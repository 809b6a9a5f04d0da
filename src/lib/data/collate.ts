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
