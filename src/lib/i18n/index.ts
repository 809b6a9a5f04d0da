// Message catalogues by language.
import { en, type Messages } from './en';

export type { Messages };
export type { Lang } from './format';

export const catalogues = { en } satisfies Record<string, Messages>;

/** Languages the interface is available in; chart data carries both zh and en labels already. */
export type UiLang = keyof typeof catalogues;
