// Turns the view on screen into an SVG or PNG file: the live charts plus the view's texts, in the current theme.
import { downloadBlob, exportFileName, svgToPng } from './download';
import { figureSvg, serialiseChart, type ExportPalette, type FigureText } from './svg';

export interface RenderedFigure {
  svg: string;
  width: number;
  height: number;
}

function palette(): ExportPalette {
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

/** The figure's charts are the `svg[data-chart]` elements inside `root`, each with an optional panel title. */
export function renderFigure(root: HTMLElement, text: FigureText): RenderedFigure {
  const charts = [...root.querySelectorAll<SVGSVGElement>('svg[data-chart]')];
  const panels = charts.map((svg) => ({ ...serialiseChart(svg), title: svg.dataset.panelTitle || undefined }));
  const width = Math.max(320, ...panels.map((p) => p.width + 40));
  const svg = figureSvg(text, panels, width, palette());
  const height = Number(/height="(\d+)"/.exec(svg)?.[1] ?? 0);
  return { svg, width, height };
}

export async function downloadFigure(
  root: HTMLElement,
  text: FigureText,
  view: string,
  date: string,
  format: 'svg' | 'png',
): Promise<void> {
  const figure = renderFigure(root, text);
  const blob =
    format === 'svg'
      ? new Blob([figure.svg], { type: 'image/svg+xml;charset=utf-8' })
      : await svgToPng(figure.svg, figure.width, figure.height, 2);
  downloadBlob(blob, exportFileName(view, date, format));
}
