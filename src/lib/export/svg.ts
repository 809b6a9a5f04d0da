// One view as a standalone SVG: headline, legend, the live chart panels, notes and source line baked into one file.
import { BOLD, textWidth, widestUnbreakable, wrapText } from '../charts/layout';

export type Swatch = 'target' | 'actual' | 'expected' | 'guidance' | 'scope' | 'missing' | 'reference' | 'imported';

export interface FigureText {
  title: string;
  dek: string;
  legend: { swatch: Swatch; label: string }[];
  notesTitle: string;
  notes: string[];
  source: string;
  /** App name, view URL and export date, so a reposted image still says where it came from. */
  credit: string;
}

export interface ExportPalette {
  background: string;
  ink: string;
  muted: string;
  note: string;
  noteRule: string;
}

export interface ChartPanel {
  title?: string;
  /** Serialised chart `<svg>` markup (see serialiseChart) and its size. */
  markup: string;
  width: number;
  height: number;
}

const FONT =
  "system-ui, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";
const MARGIN = 20;
const CREDIT_SIZE = 11.5;

/** The width a figure `width` wide gives its charts, inside its margins. */
export const chartWidthIn = (width: number): number => width - 2 * MARGIN;

// Properties the chart takes from the page's stylesheet; an exported file has no stylesheet.
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-weight',
  'font-style',
  'font-family',
  'dominant-baseline',
  'text-anchor',
  'paint-order',
  'stroke-linejoin',
  'color',
] as const;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A copy of a live chart with every style it inherits written onto its elements. Reads the DOM
 * the chart's components rendered; the copy is detached and never enters the page.
 */
export function serialiseChart(svg: SVGSVGElement): ChartPanel {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  const computedOf = new Map(originals.map((element) => [element, getComputedStyle(element)]));
  originals.forEach((original, i) => {
    const target = copies[i] as SVGElement;
    const own = computedOf.get(original)!;
    const parent = original === svg ? undefined : computedOf.get(original.parentElement!);
    // Inherited values are written once, on the ancestor that sets them, to keep the file small.
    const style = INLINED.map((p) => [p, own.getPropertyValue(p)] as const)
      .filter(([p, value]) => value !== '' && value !== parent?.getPropertyValue(p))
      .map(([p, value]) => `${p}:${value}`)
      .join(';');
    if (style) target.setAttribute('style', style);
    else target.removeAttribute('style');
    target.removeAttribute('class');
    target.removeAttribute('tabindex');
  });
  // Hover and focus highlights are for the page, not for the file.
  for (const hit of copy.querySelectorAll('[data-hit]')) hit.remove();
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // As on the page: a dot at the scale's very start (a strip's lowest value) reaches half a dot past the chart's edge,
  // which a nested <svg> would clip; the figure's margin holds it.
  copy.setAttribute('overflow', 'visible');
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

function textBlock(lines: readonly string[], x: number, y: number, size: number, lineHeight: number, attrs: string): string {
  return lines
    .map((line, i) => `<text x="${x}" y="${y + i * lineHeight + size}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`)
    .join('');
}

function swatchMarkup(swatch: Swatch, x: number, y: number, ink: string, surface: string): string {
  const at = `x="${x + 1}" y="${y + 1}" width="24" height="12" stroke="${ink}"`;
  const box = `${at} stroke-width="2"`;
  switch (swatch) {
    case 'target':
      return `<rect ${box} fill="${surface}"/>`;
    case 'actual':
      return `<rect ${box} fill="${ink}"/>`;
    case 'expected':
      return `<rect ${box} fill="${ink}" fill-opacity="0.35"/>`;
    case 'guidance':
      return `<rect ${box} fill="url(#export-hatch)"/>`;
    case 'scope':
      return `<rect ${box} fill="${surface}" stroke-dasharray="5 3"/>`;
    case 'missing':
      return `<rect ${at} fill="${surface}" stroke-dasharray="3 3"/>`;
    case 'reference':
      return `<line x1="${x + 13}" x2="${x + 13}" y1="${y}" y2="${y + 14}" stroke="${ink}"/>`;
    case 'imported':
      return `<path d="M${x + 13} ${y}l7 7-7 7-7-7z" fill="${ink}"/>`;
  }
}

/** The whole figure as SVG text, `width` wide; its height follows from the content. */
export function figureSvg(text: FigureText, panels: ChartPanel[], width: number, palette: ExportPalette): string {
  const inner = chartWidthIn(width);
  const parts: string[] = [];
  let y = MARGIN;
  /** A wrapped paragraph; bold runs wider than the estimate, so it wraps a little short and keeps the margin. */
  const block = (content: string, size: number, lineHeight: number, fill: string, { bold = false, indent = 0 } = {}) => {
    const lines = wrapText(content, (inner - indent) / (bold ? BOLD : 1), size);
    parts.push(textBlock(lines, MARGIN + indent, y, size, lineHeight, `${bold ? 'font-weight="700" ' : ''}fill="${fill}"`));
    y += lines.length * lineHeight;
  };
  block(text.title, 20, 26, palette.ink, { bold: true });
  y += 4;
  block(text.dek, 14, 19, palette.muted);
  y += 10;

  let x = MARGIN;
  for (const item of text.legend) {
    // A label wider than the image (a narrow one) wraps under its swatch, and the next item starts a new line.
    const lines = wrapText(item.label, inner - 32, 12);
    const itemWidth = 32 + Math.max(...lines.map((line) => textWidth(line, 12))) + 16;
    if (x > MARGIN && x + itemWidth > width - MARGIN) {
      x = MARGIN;
      y += 20;
    }
    parts.push(swatchMarkup(item.swatch, x, y, palette.ink, palette.background));
    lines.forEach((line, i) => parts.push(`<text x="${x + 32}" y="${y + 11 + i * 16}" font-size="12" fill="${palette.ink}">${escapeXml(line)}</text>`));
    y += (lines.length - 1) * 16;
    x = lines.length > 1 ? width : x + itemWidth;
  }
  y += 28;

  for (const panel of panels) {
    if (panel.title) {
      block(panel.title, 14, 19, palette.ink, { bold: true });
      y += 2;
    }
    const scale = Math.min(1, inner / panel.width);
    parts.push(`<g transform="translate(${MARGIN} ${y}) scale(${scale})">${panel.markup}</g>`);
    y += panel.height * scale + 10;
  }

  if (text.notes.length > 0) {
    const top = y;
    const at = parts.length;
    y += 8;
    block(text.notesTitle, 13, 18, palette.ink, { bold: true, indent: 12 });
    for (const note of text.notes) block(`• ${note}`, 12.5, 17, palette.ink, { indent: 12 });
    y += 8;
    parts.splice(
      at,
      0,
      `<rect x="${MARGIN}" y="${top}" width="${inner}" height="${y - top}" fill="${palette.note}"/>` +
        `<rect x="${MARGIN}" y="${top}" width="4" height="${y - top}" fill="${palette.noteRule}"/>`,
    );
    y += 10;
  }
  block(text.source, 11.5, 16, palette.muted);
  // The address breaks only after / ? &: where one piece is still wider than the figure, the line gets smaller.
  const creditSize = Math.max(6, Math.min(CREDIT_SIZE, (CREDIT_SIZE * inner) / Math.max(1, widestUnbreakable(text.credit, CREDIT_SIZE))));
  block(text.credit, creditSize, creditSize * 1.4, palette.muted);
  y += MARGIN;

  const height = Math.ceil(y);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">` +
    `<defs><pattern id="export-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="${palette.background}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${palette.ink}" stroke-width="3"/></pattern></defs>` +
    `<rect width="100%" height="100%" fill="${palette.background}"/>` +
    parts.join('') +
    `</svg>`
  );
}
