// A distribution strip's geometry: where each dot sits, the few paths that draw them all, and the dot under a pointer.
import { dodge, DOT_RADIUS, STRIP_LANE } from './layout';
import type { BarFill } from './types';

export interface PlacedDot<D> {
  dot: D;
  cx: number;
  cy: number;
}

/** Dots drawn alike (the same fill, colour and dash) share one path. */
export interface DotPath {
  style: string;
  fill: BarFill;
  color: string;
  dashed: boolean;
  d: string;
}

interface Styled {
  fill: BarFill;
  color: string;
  dashed: boolean;
}

// Lane 0 is the middle one: a thin strip reads as a line of dots, a crowded one spreads above and below, in turn.
const laneOffset = (lane: number) => (lane === 0 ? 0 : (lane % 2 ? -1 : 1) * Math.ceil(lane / 2) * STRIP_LANE);

/** A spot where more dots fall than the band has lanes: drawn with how many dots are there. */
export interface Pile {
  x: number;
  y: number;
  count: number;
}

/** A pile's count label, at most about this wide: a pile closer than this to the last labelled one goes unlabelled. */
const PILE_LABEL_WIDTH = 24;
/** A pile: dots within half a dot's width of one another, which cover each other almost wholly. */
const PILE_WIDTH = DOT_RADIUS;

/**
 * Dots (in value order) at their x, dodged into as many lanes as the band's height holds, about its middle; and the
 * piles: spots half a dot wide holding more dots than there are lanes (37 cities stating one value), where dots
 * must cover one another, each with how many dots it holds. Dots `first` picks (a highlighted or bundled city's, in
 * colour) take the lanes before the grey ones at their spot, and never the middle lane of a pile, where its count
 * is written: a followed city is never hidden in a crowd. Piles too close to label apart keep the first label.
 */
export function placeDots<D>(
  dots: readonly D[],
  xs: readonly number[],
  bandTop: number,
  bandHeight: number,
  first: (dot: D) => boolean = () => false,
): { placed: PlacedDot<D>[]; piles: Pile[] } {
  const lanes = Math.max(3, Math.round(bandHeight / STRIP_LANE));
  const picked = dots.map(first);
  // Lanes are handed out left to right; at one pixel, picked dots first.
  const order = dodgeOrder(xs, picked);
  const lane: number[] = [];
  dodge(order.map((i) => xs[i]!), lanes).forEach((assigned, k) => (lane[order[k]!] = assigned));
  const piles: Pile[] = [];
  const middle = bandTop + bandHeight / 2;
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j < xs.length && xs[j]! - xs[i]! < PILE_WIDTH) j++;
    if (j - i <= lanes) {
      i++;
      continue;
    }
    // A picked dot on the middle lane trades lanes with a grey one of the pile: the middle is under the count.
    for (let k = i; k < j; k++) {
      if (!picked[k] || lane[k] !== 0) continue;
      let grey = i;
      while (grey < j && (picked[grey] || lane[grey] === 0)) grey++;
      if (grey < j) [lane[k], lane[grey]] = [lane[grey]!, 0];
    }
    const x = (xs[i]! + xs[j - 1]!) / 2;
    const last = piles.at(-1);
    if (!last || x - last.x >= PILE_LABEL_WIDTH) piles.push({ x, y: middle, count: j - i });
    i = j;
  }
  const placed = dots.map((dot, i) => ({ dot, cx: xs[i]!, cy: middle + laneOffset(lane[i]!) }));
  return { placed, piles };
}

/**
 * The order lanes are handed out in: by pixel, and at one pixel the picked dots first. Dots come in value order,
 * so their x already grows: one pass moves the picked dots to the front of each pixel, where a sort would call a
 * comparison thousands of times on every toggle.
 */
function dodgeOrder(xs: readonly number[], picked: readonly boolean[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < xs.length; ) {
    const pixel = Math.round(xs[i]!);
    // At least one dot a step, even one at no pixel at all (NaN, from a value too large to place).
    let end = i + 1;
    while (end < xs.length && Math.round(xs[end]!) === pixel) end++;
    if (end < xs.length && Math.round(xs[end]!) < pixel)
      // Not in value order after all: sort them, as before.
      return xs.map((_, k) => k).sort((a, b) => Math.round(xs[a]!) - Math.round(xs[b]!) || Number(picked[b]) - Number(picked[a]) || a - b);
    for (let k = i; k < end; k++) if (picked[k]) order.push(k);
    for (let k = i; k < end; k++) if (!picked[k]) order.push(k);
    i = end;
  }
  return order;
}

/** A dot as two arcs from its left edge, to join others in one path: the arcs are the same for every dot. */
const ARCS = `a${DOT_RADIUS},${DOT_RADIUS} 0 1,0 ${2 * DOT_RADIUS},0a${DOT_RADIUS},${DOT_RADIUS} 0 1,0 ${-2 * DOT_RADIUS},0`;
const circle = (cx: number, cy: number) => `M${round(cx - DOT_RADIUS)},${cy}${ARCS}`;

/**
 * One path per look: a strip of 900 dots is a handful of elements, not 900, so a view of hundreds of cities
 * switches and repaints in a frame or two. Paths come in the order their look first appears, `under` first (the grey
 * context, so coloured dots are drawn over it).
 */
export function dotPaths<D extends Styled>(placed: readonly PlacedDot<D>[], under: string): DotPath[] {
  const paths = new Map<string, DotPath>();
  for (const { dot, cx, cy } of placed) {
    const style = `${dot.fill}|${dot.color}|${dot.dashed}`;
    let path = paths.get(style);
    if (!path) paths.set(style, (path = { style, fill: dot.fill, color: dot.color, dashed: dot.dashed, d: '' }));
    path.d += circle(round(cx), round(cy));
  }
  return [...paths.values()].sort((a, b) => Number(b.color === under) - Number(a.color === under));
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The dot nearest a point, if one lies within `reach` of it; dots are in value order, so x narrows the search. */
export function nearestDot<D>(placed: readonly PlacedDot<D>[], x: number, y: number, reach: number): number | null {
  // First dot at or right of x - reach (their x grows with their value).
  let lo = 0;
  let hi = placed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (placed[mid]!.cx < x - reach) lo = mid + 1;
    else hi = mid;
  }
  let best: number | null = null;
  let bestDistance = reach * reach;
  for (let i = lo; i < placed.length && placed[i]!.cx <= x + reach; i++) {
    const distance = (placed[i]!.cx - x) ** 2 + (placed[i]!.cy - y) ** 2;
    if (distance <= bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}
