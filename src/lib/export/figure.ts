// Turns a view into an SVG or PNG file at the size asked for: its charts laid out afresh at that width, its texts, the current theme.
import { LABEL_SIZE } from '../charts/layout';
import { yieldToBrowser } from '../schedule';
import { downloadBlob, exportFileName, svgToPng } from './download';
import { chartWidthIn, figureSvg, type ChartPanel, type ExportPalette, type FigureText } from './svg';

export interface RenderedFigure {
  svg: string;
  width: number;
  height: number;
  /** How much the figure is scaled to fit its size: 1 but for a square, which scales a tall figure down. */
  scale: number;
}

/** What an image is made of: the view's texts, and its charts laid out at a given width (see offscreen.ts). */
export interface FigureSource {
  text: FigureText;
  chartsAt: (width: number) => ChartPanel[];
}

/**
 * The image sizes a newsroom needs: the article's column (any width, PNG at 2× for sharp print and retina
 * screens), a 1,200 px wide image, and a 1,080 × 1,080 square for social media.
 */
export type ImageSize = 'article' | 'wide' | 'square';
export const WIDE_WIDTH = 1200;
export const SQUARE_SIDE = 1080;
export const MIN_WIDTH = 320;
export const MAX_WIDTH = 1600;
/** Scaled below this, a chart's 13 px labels fall under 9 px: a square that small is not legible. */
export const LEGIBLE_SCALE = 0.7;
/** A scaled figure's chart labels in whole pixels: what a reader is warned of. */
export const labelPxAt = (scale: number): number => Math.round(LABEL_SIZE * scale);

/** A width a reader typed, as a whole number of pixels within what an image can be laid out at. */
export function clampWidth(width: number): number {
  return Number.isFinite(width) ? Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width))) : 620;
}

export function exportPalette(): ExportPalette {
  const css = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--surface', '#fff'),
    ink: read('--ink', '#222'),
    muted: read('--muted', '#595959'),
    note: read('--note', '#fff8e6'),
    noteRule: read('--note-rule', '#b07800'),
  };
}

const heightOf = (svg: string): number => Number(/height="(\d+)"/.exec(svg)?.[1] ?? 0);

/** The figure `width` wide, its charts laid out at the width inside its margins. */
export function renderFigure(source: FigureSource, width: number, palette: ExportPalette): RenderedFigure {
  const svg = figureSvg(source.text, source.chartsAt(chartWidthIn(width)), width, palette);
  return { svg, width, height: heightOf(svg), scale: 1 };
}

/**
 * The figure in a square: laid out at the width that makes it closest to square (the larger side as small as it
 * can be, so the text is as large as it can be), then scaled into `side` × `side`, centred on the background.
 * Each trial layout is a task of its own: with hundreds of cities one takes about 80 ms, eight in a row froze the page.
 */
export async function squareFigure(source: FigureSource, palette: ExportPalette, side = SQUARE_SIDE): Promise<RenderedFigure> {
  // Taller than wide: widen; the height falls as rows wrap less. Bisection over whole pixels.
  let low = 480;
  let high = MAX_WIDTH;
  let best = renderFigure(source, low, palette);
  while (high - low > 8) {
    await yieldToBrowser();
    const mid = Math.round((low + high) / 2);
    const figure = renderFigure(source, mid, palette);
    if (Math.max(figure.width, figure.height) <= Math.max(best.width, best.height)) best = figure;
    if (figure.height > figure.width) low = mid;
    else high = mid;
  }
  const extent = Math.max(best.width, best.height);
  const inner = best.svg.replace('<svg ', `<svg x="${(extent - best.width) / 2}" y="${(extent - best.height) / 2}" `);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox="0 0 ${extent} ${extent}">` +
    `<rect width="100%" height="100%" fill="${palette.background}"/>${inner}</svg>`;
  return { svg, width: side, height: side, scale: side / extent };
}

/** The figure at a size; `articleWidth` is the column the article image (and the SVG) is laid out for. */
export async function figureAt(source: FigureSource, size: ImageSize, articleWidth: number, palette: ExportPalette): Promise<RenderedFigure> {
  if (size === 'square') return squareFigure(source, palette);
  return renderFigure(source, size === 'wide' ? WIDE_WIDTH : clampWidth(articleWidth), palette);
}

/** File names say the size: tech-targets-rd-2026-12-02-square.png; the article image keeps the plain name. */
export const imageFileName = (view: string, date: string, size: ImageSize, extension: 'svg' | 'png'): string =>
  exportFileName(size === 'article' ? view : `${view}-${size}`, date, extension);

/** Saves a laid-out figure (the image dialog lays a square out first, to see whether it is legible). */
export async function saveFigure(figure: RenderedFigure, size: ImageSize, view: string, date: string, format: 'svg' | 'png'): Promise<void> {
  const blob =
    format === 'svg'
      ? new Blob([figure.svg], { type: 'image/svg+xml;charset=utf-8' })
      : // The article image at twice its layout size; the wide and square ones at exactly their pixel sizes.
        await svgToPng(figure.svg, figure.width, figure.height, size === 'article' ? 2 : 1);
  downloadBlob(blob, imageFileName(view, date, size, format));
}
