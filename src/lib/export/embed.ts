// The iframe code a journalist pastes into an article, with a height that works even where scripts are stripped.
import type { UiLang } from '../i18n';
import type { Theme } from '../state/url';
import { escapeXml } from './svg';

/** What the journalist chose in the embed dialog: what the frame shows besides the chart, its language and theme. */
export interface EmbedChoice {
  controls: boolean;
  notes: boolean;
  /** null: the reader's browser language decides. */
  lang: UiLang | null;
  theme: Theme;
}

/** The narrow preview: a common phone width, where the resize script takes over from the fixed height. */
export const PHONE_WIDTH = 375;

/**
 * The fixed height of the code: the tallest the frame measured at the column width (in each language it may show),
 * and a few pixels for rounding between the frame's layout and the article's.
 */
export function embedHeightFor(measured: readonly number[]): number {
  return Math.ceil(Math.max(...measured)) + 4;
}

export interface EmbedInput {
  src: string;
  title: string;
  height: number;
  /** Where embed.js lives: beside the app's index.html. */
  scriptSrc: string;
}

/**
 * Only where the dialog cannot measure its previews (a server that forbids frames): a generous height for the full
 * layout at about 620 px — headline, legend and notes, one labelled bar per figure and a title per panel.
 */
export function defaultEmbedHeight(rows: number, panels: number, notes: number, documents: number): number {
  const chrome = 560 + notes * 90 + documents * 25;
  return Math.round(chrome + rows * 60 + Math.max(0, panels - 1) * 60);
}

/** The unmeasured fallback for the explorer, a long table: the frame shows filters, comparison and the first rows. */
export const EXPLORER_EMBED_HEIGHT = 1400;

export function embedCode(input: EmbedInput): string {
  return (
    `<iframe src="${escapeXml(input.src)}" title="${escapeXml(input.title)}" height="${input.height}" ` +
    `style="width:100%;height:${input.height}px;border:0" loading="lazy"></iframe>\n` +
    `<script src="${escapeXml(input.scriptSrc)}" async></script>`
  );
}
