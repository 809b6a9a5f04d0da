// Message catalogues by language: one typed catalogue each, the type demands every key in both.
import { en, type Messages } from './en';
import { zh } from './zh';
import type { Lang } from './format';

export type { Messages, Lang };

/** Languages the interface is available in. */
export type UiLang = Lang;
export const UI_LANGS: readonly UiLang[] = ['zh', 'en'];

export const catalogues: Record<UiLang, Messages> = { en, zh };
