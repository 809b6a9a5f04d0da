// Pure layout helpers: text wrapping that breaks Chinese between characters, and row positions.
import { sameFields } from '../same';
import { remember } from '../remember';

/**
 * Approximate advance of one character at a font size: CJK is square, Latin about 0.56 em. General punctuation
 * (— “ ” …) counts a full em: an em dash is one in any font, and a CJK font sets quotes full width, so a Chinese
 * label never runs past the edge it was wrapped for.
 */
export function charWidth(char: string, fontSize: number): number {
  // Not wrapText's set of Chinese characters: general punctuation is a full em wide but no place to break a line.
  const code = char.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x2010 && code <= 0x206f) || (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef);
  return wide ? fontSize : fontSize * 0.56;
}

/**
 * Widths and wrapped lines already worked out, by font size, width and text. A chart lays out every row again on
 * each city toggle, and among hundreds of cities the same few dozen labels come back every time.
 */
const measured = new Map<string, number>();
const wrapped = new Map<string, readonly string[]>();

export function textWidth(text: string, fontSize: number): number {
  const key = `${fontSize}\u0000${text}`;
  return measured.get(key) ?? remember(measured, key, widthOf(text, fontSize));
}

/** A text's width, not remembered: wrapping measures many pieces and prefixes that never come back. */
function widthOf(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += charWidth(char, fontSize);
  return width;
}

/**
 * Splits text into lines no wider than maxWidth. Latin words break at spaces; Chinese may break
 * between any two characters, but not before closing punctuation.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): readonly string[] {
  const key = `${fontSize}\u0000${maxWidth}\u0000${text}`;
  return wrapped.get(key) ?? remember(wrapped, key, Object.freeze(wrapLines(text, maxWidth, fontSize)));
}

function wrapLines(text: string, maxWidth: number, fontSize: number): string[] {
  const raw = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF][，。、；：）」』》,.;:)]?|[^\s\u2E80-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF]+|\s+/g) ?? [];
  const tokens: string[] = [];
  // Opening punctuation never ends a line: it waits for the token it opens ("（" + "力争）").
  let opening = '';
  for (const rawToken of raw) {
    if (OPENING.test(rawToken)) {
      opening += rawToken;
      continue;
    }
    const token = opening + rawToken;
    opening = '';
    // Closing punctuation never starts a line (Chinese line-breaking rules): it stays with what it closes.
    if (CLOSING.test(token) && tokens.length > 0 && !/\s$/.test(tokens[tokens.length - 1]!)) tokens[tokens.length - 1] += token;
    // A URL wider than the line breaks only after a / ? or &, so what is printed can still be typed; any other
    // word that wide is cut, rather than run past the edge.
    else if (widthOf(token, fontSize) > maxWidth) tokens.push(...(URL_START.test(token) ? urlPieces(token) : splitToWidth(token, maxWidth, fontSize)));
    else tokens.push(token);
  }
  if (opening) tokens.push(opening);
  const lines: string[] = [];
  // The line's width is kept as it grows (widths add up character by character), with the width of its trailing
  // spaces apart, which do not count at a line's end: a long label is measured once, not once a token.
  let line = '';
  let width = 0;
  let trailing = 0;
  for (const token of tokens) {
    const tokenWidth = widthOf(token, fontSize);
    const blank = token.trim() === '';
    const tokenTrailing = blank ? tokenWidth : trailingWidth(token, fontSize);
    if (line.trim() !== '' && (blank ? width - trailing : width + tokenWidth - tokenTrailing) > maxWidth) {
      lines.push(line.trimEnd());
      line = token.trimStart();
      width = widthOf(line, fontSize);
      trailing = blank ? 0 : tokenTrailing;
    } else {
      line += token;
      width += tokenWidth;
      trailing = blank ? trailing + tokenWidth : tokenTrailing;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** The width of a text's trailing spaces. */
const trailingWidth = (text: string, fontSize: number) => widthOf(text.slice(text.trimEnd().length), fontSize);

const URL_START = /^[a-z][a-z\d+.-]*:\/\//i;

/** A URL cut after each '/', '?' and '&' (the places a printed address may break), '://' kept whole. */
export function urlPieces(url: string): string[] {
  return url.match(/^[a-z][a-z\d+.-]*:\/\/|[^/?&]*[/?&]|[^/?&]+$/gi) ?? [url];
}

/** The widest piece of text that wrapText cannot break: a URL's piece between two break points. */
export function widestUnbreakable(text: string, fontSize: number): number {
  const urls = text.split(/\s+/).filter((word) => URL_START.test(word));
  return Math.max(0, ...urls.flatMap(urlPieces).map((piece) => widthOf(piece, fontSize)));
}

const OPENING = /^[（「『《〈【〔〖“‘]$/;
const CLOSING = /^[，。、；：！？）」』》〉】〕〗〙〛’”,.;:!?)\]]/;

function splitToWidth(token: string, maxWidth: number, fontSize: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of token) {
    if (piece && widthOf(piece + char, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export interface RowLayout {
  /** Lines of the section heading above the row, and the baseline of its first line; [] for none. */
  headingLines: readonly string[];
  headingTop: number;
  /** Top of the row (its hit area starts here). */
  top: number;
  labelLines: readonly string[];
  /** Top of the row's label block: the row's top when labels sit above bars, centred beside the bar otherwise. */
  labelTop: number;
  /** Left of the label: 0, or right after a strip's one-line heading when both fit on one line. */
  labelX: number;
  /** Top of the row's bar. */
  barTop: number;
  barHeight: number;
  bottom: number;
}

/** Two row boxes in the same place with the same lines. */
export const sameBox = (a: RowLayout, b: RowLayout): boolean => sameFields(a, b);

/** What the layout reads of a chart row. */
export interface LayoutInput {
  label: string;
  /** Set in bold (a highlighted city's row): wrapped to a narrower width, so it keeps clear of its bar. */
  focused?: boolean;
  heading?: string;
  /** A distribution strip's dots, in value order. */
  dots?: readonly { value: number }[];
  shortLabel?: string;
}

export const LABEL_SIZE = 13;
const LINE_HEIGHT = 17;
const BAR_HEIGHT = 20;
const ROW_GAP = 12;
/** Compact charts whose labels are too long to sit beside the bars: label above a thinner bar, rows close together. */
const DENSE_BAR_HEIGHT = 14;
const DENSE_ROW_GAP = 7;
/** A compact chart puts its labels above the bars once a label beside them would take more lines than this. */
export const BESIDE_MAX_LINES = 2;
/** Rows with their labels beside the bars are one line tall: a smaller gap keeps them apart. */
const INLINE_ROW_GAP = 7;

const HEADING_GAP = 8;
/** Height of a distribution strip's band of dots: three lanes of dots dodging one another. */
const STRIP_BAND = 26;
/** Space after a strip's band, and above a strip's heading: a panel of a dozen strips stays one screen or two. */
const STRIP_GAP = 4;
const STRIP_HEADING_GAP = 3;
/** Space between a strip's heading and its count on the same line. */
const STRIP_LABEL_GAP = 10;
export const DOT_RADIUS = 4.5;
/** Room kept at the end of a wrapped label: the width estimate is close, not exact, and a label must not touch the edge. */
const WRAP_SLACK = 10;
/** The height of one lane of dots in a strip. */
export const STRIP_LANE = STRIP_BAND / 3;

/** Most lanes a strip takes: past this, dots of one value overlap (a strip of hundreds stays about 130 px tall). */
const MAX_LANES = 15;

/**
 * A strip's band: enough lanes that dots of equal or close values stand apart (up to MAX_LANES), at least three, and
 * more where its dots are many for the plot's width, so each can be seen and pointed at. `xs` are the dots' places on
 * the chart's scale, in value order.
 */
export function stripBand(xs: readonly number[], plotWidth: number): number {
  if (xs.length === 0) return 0;
  const gap = DOT_RADIUS * 2 + 1;
  // The most dots within a diameter of one another: placed in value order, first come first lane, they need that many.
  let deepest = 0;
  for (let i = 0, j = 0; i < xs.length; i++) {
    while (xs[i]! - xs[j]! >= gap) j++;
    deepest = Math.max(deepest, i - j + 1);
  }
  const crowded = Math.ceil((1.5 * xs.length * gap) / Math.max(1, plotWidth));
  return Math.min(MAX_LANES, Math.max(3, crowded, deepest)) * STRIP_LANE;
}
/** From this chart width, a panel of strips sets its headings in a column beside the dots. */
export const STRIP_COLUMN_FROM = 640;
/** Below this width a chart is a phone's: fewer axis ticks, value labels may take most of it, strips take it all. */
export const NARROW_CHART = 420;

/**
 * Lanes for dots at the given x positions (in value order), so that dots closer than a diameter do not hide one
 * another: each takes the first lane where it clears the last dot; where none is clear, the lane whose last dot is
 * farthest. Returns each dot's lane, 0 the middle, then 1 above, 2 below.
 */
export function dodge(xs: readonly number[], lanes = 3, gap = DOT_RADIUS * 2 + 1): number[] {
  // Plain loops: a strip of hundreds of cities is dodged on every toggle, often before the engine has compiled this.
  const last = new Float64Array(lanes).fill(-Infinity);
  const assigned = new Array<number>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    let lane = -1;
    let farthest = 0;
    for (let k = 0; k < lanes; k++) {
      if (x - last[k]! >= gap) {
        lane = k;
        break;
      }
      if (last[k]! < last[farthest]!) farthest = k;
    }
    if (lane < 0) lane = farthest;
    last[lane] = x;
    assigned[i] = lane;
  }
  return assigned;
}

/**
 * Stacks rows: an optional section heading, then each row's wrapped label and its bar. With `labelWidth` 0 the
 * label sits above the bar, so nothing collides at any width; otherwise it sits beside the bar in a column that
 * wide (compact charts, e.g. embeds), and the plot starts right of it.
 */
export function layoutRows(
  rows: readonly LayoutInput[],
  width: number,
  top: number,
  labelWidth = 0,
  /** Labels above thinner bars with less space between rows (compact charts of long labels). */
  dense = false,
  /** Where a value falls on the chart's scale, so a strip's band knows which dots crowd one another. */
  xOf?: (value: number) => number,
): RowLayout[] {
  const barHeight = dense ? DENSE_BAR_HEIGHT : BAR_HEIGHT;
  const rowGap = dense ? DENSE_ROW_GAP : ROW_GAP;
  let y = top;
  // Without the chart's scale (an estimate of a chart's height), the dots are spread over most of the plot.
  const dotsMax = xOf ? 0 : Math.max(0, ...rows.flatMap((row) => row.dots?.map((dot) => dot.value) ?? []));
  const band = (dots: readonly { value: number }[], plotWidth: number) =>
    stripBand(
      dots.map((dot) => (xOf ? xOf(dot.value) : (dot.value / (dotsMax || 1)) * 0.7 * plotWidth)),
      plotWidth,
    );
  return rows.map(({ label, heading, dots, shortLabel, focused }, index) => {
    const weight = focused ? BOLD : 1;
    // A distribution strip on a wide chart: heading and count in the label column, the band of dots beside them.
    if (dots && labelWidth > 0) {
      const headingLines = heading ? wrapText(heading, labelWidth - 8, LABEL_SIZE) : [];
      const labelLines = wrapText(shortLabel ?? label, labelWidth - 8, LABEL_SIZE);
      const textHeight = (headingLines.length + labelLines.length) * LINE_HEIGHT;
      const barHeight = band(dots, width - labelWidth);
      const height = Math.max(textHeight, barHeight);
      const rowTop = y + (index > 0 ? STRIP_HEADING_GAP : 0);
      const textTop = rowTop + (height - textHeight) / 2;
      const row = {
        headingLines,
        headingTop: textTop,
        top: rowTop,
        labelLines,
        labelTop: textTop + headingLines.length * LINE_HEIGHT,
        labelX: 0,
        barTop: rowTop + (height - barHeight) / 2,
        barHeight,
        bottom: rowTop + height,
      };
      y = row.bottom + STRIP_GAP;
      return row;
    }
    // A distribution strip: its label above a band of dots (dots need the whole plot).
    if (dots) {
      const headingLines = heading ? wrapText(heading, width, LABEL_SIZE) : [];
      const headingTop = y + (headingLines.length > 0 && index > 0 ? STRIP_HEADING_GAP : 0);
      // A panel of many sections stays short: the count goes on the heading's line when both fit on it.
      const headingWidth = headingLines.length === 1 ? textWidth(headingLines[0]!, LABEL_SIZE) * BOLD + STRIP_LABEL_GAP : 0;
      const sameLine = headingWidth > 0 && headingWidth + textWidth(label, LABEL_SIZE) <= width;
      if (sameLine) {
        const barTop = headingTop + LINE_HEIGHT + 3;
        const barHeight = band(dots, width);
        const row = { headingLines, headingTop, top: headingTop, labelLines: [label], labelTop: headingTop, labelX: headingWidth, barTop, barHeight, bottom: barTop + barHeight };
        y = row.bottom + STRIP_GAP;
        return row;
      }
      if (headingLines.length > 0) y = headingTop + headingLines.length * LINE_HEIGHT + 4;
      const labelLines = wrapText(label, width - WRAP_SLACK, LABEL_SIZE);
      const barTop = y + labelLines.length * LINE_HEIGHT + 3;
      const barHeight = band(dots, width);
      const row = { headingLines, headingTop, top: y, labelLines, labelTop: y, labelX: 0, barTop, barHeight, bottom: barTop + barHeight };
      y = row.bottom + STRIP_GAP;
      return row;
    }
    const headingLines = heading ? wrapText(heading, width, LABEL_SIZE) : [];
    const headingTop = y + (headingLines.length > 0 && index > 0 ? HEADING_GAP : 0);
    if (headingLines.length > 0) y = headingTop + headingLines.length * LINE_HEIGHT + 4;
    if (labelWidth > 0) {
      const labelLines = wrapText(label, (labelWidth - 8) / weight, LABEL_SIZE);
      const height = Math.max(labelLines.length * LINE_HEIGHT, BAR_HEIGHT);
      const row = {
        headingLines,
        headingTop,
        top: y,
        labelLines,
        labelTop: y + (height - labelLines.length * LINE_HEIGHT) / 2,
        labelX: 0,
        barTop: y + (height - BAR_HEIGHT) / 2,
        barHeight: BAR_HEIGHT,
        bottom: y + height,
      };
      y = row.bottom + INLINE_ROW_GAP;
      return row;
    }
    const labelLines = wrapText(label, (width - WRAP_SLACK) / weight, LABEL_SIZE);
    const barTop = y + labelLines.length * LINE_HEIGHT + (dense ? 1 : 3);
    const row = { headingLines, headingTop, top: y, labelLines, labelTop: y, labelX: 0, barTop, barHeight, bottom: barTop + barHeight };
    y = row.bottom + rowGap;
    return row;
  });
}

/** Whether a compact chart's labels fit beside its bars in a column `labelWidth` wide (see BESIDE_MAX_LINES). */
export function labelsFitBeside(labels: readonly string[], labelWidth: number): boolean {
  return labels.every((label) => wrapText(label, labelWidth - 8, LABEL_SIZE).length <= BESIDE_MAX_LINES);
}

const AXIS_SPACE = 22;
const REFERENCE_LINE = 15;

/** The label column beside the bars (compact charts, and strips on a wide screen): a share of the chart, capped. */
export function labelColumnWidth(width: number, hasStrips: boolean): number {
  return Math.round(Math.min(hasStrips ? 240 : 200, width * 0.3));
}

/** Where a chart's rows go: the plot's top, the label column (0 puts labels above the bars), each row's box, the height. */
export interface ChartFrame {
  plotTop: number;
  labelWidth: number;
  boxes: RowLayout[];
  height: number;
}

/**
 * The chart shell's layout, pure, so what is not drawn yet can be measured (an embed deciding what fits in its
 * height). Labels go above the bars by default and on narrow screens; compact charts (embeds) put them beside the
 * bars in a column, unless they are too long for it; a panel of strips on a wide screen puts headings and counts in
 * that column too, so a dozen strips stay one screen. One column width for every panel of a view (a share of the
 * chart), so bars start at the same place in each.
 */
export function frameChart(
  rows: readonly LayoutInput[],
  width: number,
  compact: boolean,
  references: number,
  labelsAbove?: boolean,
  /** The chart's scale for a label column this wide: strips size their bands by where their dots fall on it. */
  scaleFor?: (labelWidth: number) => (value: number) => number,
): ChartFrame {
  const plotTop = (compact ? 4 : AXIS_SPACE) + references * REFERENCE_LINE;
  const hasStrips = rows.some((row) => row.dots);
  const column = labelColumnWidth(width, hasStrips);
  // A compact chart of long labels (an embedded comparison: "Huangshi — New provincial-level joint innovation centres
  // (strive; different scope)") sets them above thinner bars: five-line labels in a narrow column would double its
  // height. Several panels decide once for all (`labelsAbove`), so their bars start at the same place.
  const dense = compact && !hasStrips && width >= 400 && (labelsAbove ?? !labelsFitBeside(rows.map((row) => row.label), column));
  const labelWidth = (compact && width >= 400 && !dense) || (hasStrips && width >= STRIP_COLUMN_FROM) ? column : 0;
  const boxes = layoutRows(rows, width, plotTop + 6, labelWidth, dense, scaleFor?.(labelWidth));
  return { plotTop, labelWidth, boxes, height: (boxes.at(-1)?.bottom ?? plotTop) + 8 };
}

/** A rectangle of text in chart coordinates. */
export interface TextBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Font size of a bar's value label (bold), which also sizes the space kept for it right of the plot. */
export const VALUE_SIZE = 13.5;

/** The gap between a bar's end and its value label. */
const VALUE_GAP = 6;

/**
 * Where a bar's value label goes: beside the bar's end when it fits before the chart's right edge; else inside the
 * bar against its end (a phone's strips take the whole width, so the longest bars hold their own labels); else, for a
 * bar too short to hold it, from the chart's left edge over the bar (haloed, so it reads on any fill). Only a label
 * wider than the chart stays beside and is cut — on the right, never where the number begins.
 */
export function valueLabelAt(
  end: number,
  label: string,
  chartWidth: number,
): { x: number; anchor: 'start' | 'end'; inside: boolean; width: number } {
  const width = textWidth(label, VALUE_SIZE) * BOLD;
  if (end + VALUE_GAP + width <= chartWidth) return { x: end + VALUE_GAP, anchor: 'start', inside: false, width };
  if (end - VALUE_GAP - width >= 0) return { x: end - VALUE_GAP, anchor: 'end', inside: true, width };
  if (VALUE_GAP + width <= chartWidth) return { x: VALUE_GAP, anchor: 'start', inside: true, width };
  return { x: end + VALUE_GAP, anchor: 'start', inside: false, width };
}
/** Bold text runs about 8% wider than the regular advance textWidth assumes. */
export const BOLD = 1.08;

/**
 * Where a row's text lies: its section heading and label lines above the bar, and the value (or the "not stated"
 * words) beside or in it. `valueEnd` is the bar's end in pixels, `slotStart` where an empty slot's words begin.
 */
export function rowTextBoxes(
  box: RowLayout,
  text: { valueLabel: string; missingLabel: string; hasValue: boolean },
  valueEnd: number,
  slotStart: number,
  /** The chart's width: a value label may be inside its bar (see valueLabelAt). */
  chartWidth = Infinity,
): TextBox[] {
  const lines = (texts: readonly string[], top: number, scale: number) =>
    texts.map((line, l) => ({ x0: 0, x1: textWidth(line, LABEL_SIZE) * scale, y0: top + l * LINE_HEIGHT, y1: top + (l + 1) * LINE_HEIGHT }));
  const value = valueLabelAt(valueEnd, text.valueLabel, chartWidth);
  const valueLeft = value.anchor === 'end' ? value.x - value.width : value.x;
  const beside = text.hasValue
    ? { x0: valueLeft, x1: valueLeft + value.width, y0: box.barTop, y1: box.bottom }
    : { x0: slotStart + 8, x1: slotStart + 8 + textWidth(text.missingLabel, LABEL_SIZE), y0: box.barTop, y1: box.bottom };
  const labels = lines(box.labelLines, box.labelTop, 1).map((b) => ({ ...b, x0: b.x0 + box.labelX, x1: b.x1 + box.labelX }));
  return [...lines(box.headingLines, box.headingTop, BOLD), ...labels, beside];
}

/**
 * The pieces of a vertical line at `x` from `top` to `bottom` that cross no text: a reference line breaks around
 * labels and values instead of striking through them. Boxes are padded by `gap` on every side.
 */
export function openSegments(x: number, top: number, bottom: number, boxes: TextBox[], gap = 2): [number, number][] {
  const blocked = boxes
    .filter((b) => x >= b.x0 - gap && x <= b.x1 + gap)
    .map((b): [number, number] => [b.y0 - gap, b.y1 + gap])
    .sort((a, b) => a[0] - b[0]);
  const segments: [number, number][] = [];
  let from = top;
  for (const [y0, y1] of blocked) {
    if (y0 > from) segments.push([from, Math.min(y0, bottom)]);
    from = Math.max(from, y1);
    if (from >= bottom) break;
  }
  if (from < bottom) segments.push([from, bottom]);
  return segments.filter(([a, b]) => b - a > 0.5);
}
