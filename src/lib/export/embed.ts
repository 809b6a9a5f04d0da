// The iframe code a journalist pastes into an article, with a height that works even where scripts are stripped.
import { escapeXml } from './svg';

export interface EmbedInput {
  src: string;
  title: string;
  height: number;
  /** Where embed.js lives: beside the app's index.html. */
  scriptSrc: string;
}

/**
 * A height that shows the whole view at a typical article column width (about 620 px) without the
 * resize script: headline, legend and notes, plus one labelled bar per figure and a title per panel.
 */
export function defaultEmbedHeight(rows: number, panels: number, notes: number, documents: number): number {
  const chrome = 560 + notes * 90 + documents * 25;
  return Math.round(chrome + rows * 60 + Math.max(0, panels - 1) * 60);
}

/** The explorer is a long table: its frame shows filters, comparison and the first rows, and scrolls for the rest. */
export const EXPLORER_EMBED_HEIGHT = 1400;

export function embedCode(input: EmbedInput): string {
  return (
    `<iframe src="${escapeXml(input.src)}" title="${escapeXml(input.title)}" height="${input.height}" ` +
    `style="width:100%;height:${input.height}px;border:0" loading="lazy"></iframe>\n` +
    `<script src="${escapeXml(input.scriptSrc)}" async></script>`
  );
}
