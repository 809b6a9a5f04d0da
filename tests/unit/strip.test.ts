// A strip's geometry: dots drawn as one path per look, and the dot a pointer finds.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DOT_RADIUS, STRIP_LANE, stripBand } from '../../src/lib/charts/layout';
import { dotPaths, nearestDot, placeDots, type PlacedDot } from '../../src/lib/charts/strip';
import type { BarFill } from '../../src/lib/charts/types';

const dot = (key: string, color = 'grey', fill: BarFill = 'hollow', dashed = false) => ({ key, color, fill, dashed });

describe('dotPaths', () => {
  test('one path per look, every dot in one of them, the grey context first so coloured dots are drawn over it', () => {
    const dots = [dot('a', 'red', 'filled'), dot('b'), dot('c', 'red', 'filled'), dot('d', 'grey', 'hollow', true), dot('e')];
    const { placed } = placeDots(dots, [10, 20, 30, 40, 50], 0, 26);
    const paths = dotPaths(placed, 'grey');
    expect(paths.map((p) => p.style)).toEqual(['hollow|grey|false', 'hollow|grey|true', 'filled|red|false']);
    expect(paths.map((p) => p.d.match(/M/g)!.length)).toEqual([2, 1, 2]);
    expect(paths[1]!.dashed).toBe(true);
  });
});

describe('stripBand', () => {
  test('dots of equal or close values get a lane each (up to fifteen), so none hides another; a sparse strip keeps three', () => {
    // Places on a 600 px plot: seven dots at 100 px, one a pixel on, then a few far apart.
    const xs = [100, 100, 100, 100, 100, 100, 100, 101, 200, 300, 300, 300];
    const band = stripBand(xs, 600);
    expect(band / STRIP_LANE).toBeCloseTo(8);
    // In the band it asked for, no dot shares its lane with another less than a diameter (and a pixel) away.
    const { placed, piles } = placeDots(xs.map((_, i) => dot(String(i))), xs, 0, band);
    expect(piles, 'every dot found a lane of its own').toEqual([]);
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1)) if (a.cy === b.cy) expect(Math.abs(a.cx - b.cx)).toBeGreaterThanOrEqual(2 * DOT_RADIUS + 1);
    expect(stripBand(Array.from({ length: 40 }, () => 50), 600) / STRIP_LANE).toBeCloseTo(15);
    expect(stripBand([100, 200, 300], 600) / STRIP_LANE).toBeCloseTo(3);
    expect(stripBand([], 600)).toBe(0);
  });
});

describe('piles', () => {
  test('where more dots fall than the band has lanes, the spot says how many dots are there, neighbours not counted', () => {
    // 37 cities at one value, one a dot's width away, 3 near another, on a band of 15 lanes.
    const xs = [...Array.from({ length: 37 }, () => 100), 106, 300, 300, 301];
    const band = stripBand(xs, 600);
    const { piles } = placeDots(xs.map((_, i) => dot(String(i))), xs, 0, band);
    expect(piles).toEqual([{ x: 100, y: band / 2, count: 37 }]);
  });

  test('a followed city in a pile keeps a lane of its own, off the middle lane where the count is written', () => {
    const xs = Array.from({ length: 40 }, () => 100);
    const dots = xs.map((_, i) => dot(String(i), [5, 20, 39].includes(i) ? 'red' : 'grey'));
    const band = stripBand(xs, 600);
    const { placed } = placeDots(dots, xs, 0, band, (d) => d.color !== 'grey');
    const reds = placed.filter((p) => p.dot.color === 'red').map((p) => p.cy);
    expect(new Set(reds).size, 'three lanes').toBe(3);
    expect(reds).not.toContain(band / 2);
    // No grey dot shares a red dot's lane: nothing covers it.
    for (const cy of reds) expect(placed.filter((p) => p.cy === cy)).toHaveLength(1);
  });

  test('a pile holds more dots than lanes within half a dot; labels never crowd one another (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 150 }), fc.integer({ min: 3, max: 15 }), (values, lanes) => {
        const xs = [...values].sort((a, b) => a - b);
        const { piles } = placeDots(xs.map((_, i) => dot(String(i))), xs, 0, lanes * STRIP_LANE);
        const width = DOT_RADIUS;
        for (const pile of piles) {
          expect(pile.count).toBeGreaterThan(lanes);
          expect(xs.filter((x) => Math.abs(x - pile.x) < width).length).toBeGreaterThanOrEqual(pile.count);
        }
        for (let i = 1; i < piles.length; i++) expect(piles[i]!.x - piles[i - 1]!.x).toBeGreaterThanOrEqual(24);
        // Where no half a dot holds more dots than lanes, there is no pile.
        const densest = Math.max(0, ...xs.map((x, i) => xs.slice(i).filter((y) => y - x < width).length));
        expect(piles.length > 0).toBe(densest > lanes);
      }),
      { numRuns: 300 },
    );
  });
});

describe('nearestDot', () => {
  const { placed } = placeDots(['a', 'b', 'c'].map((k) => dot(k)), [100, 100, 200], 0, 26);

  test('finds the dot under the pointer, among equal values the nearer lane, and nothing beyond reach', () => {
    expect(nearestDot(placed, 201, placed[2]!.cy, DOT_RADIUS)).toBe(2);
    expect(nearestDot(placed, 100, placed[1]!.cy, DOT_RADIUS)).toBe(1);
    expect(nearestDot(placed, 100, placed[0]!.cy, DOT_RADIUS)).toBe(0);
    expect(nearestDot(placed, 150, 13, DOT_RADIUS)).toBeNull();
    expect(nearestDot([], 150, 13, DOT_RADIUS)).toBeNull();
  });

  test('agrees with looking at every dot (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 80 }),
        fc.integer({ min: -20, max: 620 }),
        fc.integer({ min: -10, max: 60 }),
        fc.integer({ min: 1, max: 20 }),
        (values, x, y, reach) => {
          const xs = [...values].sort((a, b) => a - b);
          const all: PlacedDot<ReturnType<typeof dot>>[] = placeDots(xs.map((_, i) => dot(String(i))), xs, 0, 45).placed;
          const found = nearestDot(all, x, y, reach);
          const distance = (i: number) => Math.hypot(all[i]!.cx - x, all[i]!.cy - y);
          const closest = Math.min(Infinity, ...all.map((_, i) => distance(i)));
          if (closest > reach) expect(found).toBeNull();
          else expect(distance(found!)).toBeCloseTo(closest, 9);
        },
      ),
    );
  });
});

describe('placeDots hands out lanes by pixel, a followed dot first', () => {
  // The rule as a sort, to hold the one-pass ordering to: by pixel, then picked first, then as given.
  const bySort = (xs: number[], picked: boolean[]) =>
    xs.map((_, i) => i).sort((a, b) => Math.round(xs[a]!) - Math.round(xs[b]!) || Number(picked[b]) - Number(picked[a]) || a - b);

  test('dots in value order are placed as the sort would place them, piles and all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 120 }), half: fc.boolean(), picked: fc.boolean() }), { maxLength: 80 }),
        fc.integer({ min: 3, max: 15 }),
        (items, lanes) => {
          const xs = items.map((item) => item.x + (item.half ? 0.4 : 0)).sort((a, b) => a - b);
          const picked = items.map((item) => item.picked);
          const dots = xs.map((_, i) => dot(String(i), picked[i] ? 'red' : 'grey'));
          const { placed, piles } = placeDots(dots, xs, 0, lanes * STRIP_LANE, (d) => d.color === 'red');
          // The reference: the same dots with a lane order from the sort; lanes dodged in that order.
          const order = bySort(xs, picked);
          const reference = placeDots(order.map((i) => dots[i]!), order.map((i) => xs[i]!), 0, lanes * STRIP_LANE, (d) => d.color === 'red');
          const cyOf = new Map(reference.placed.map((p) => [p.dot.key, p.cy]));
          // Same lanes for every dot unless a pile swapped a followed dot off the middle (checked elsewhere).
          if (piles.length === 0) for (const p of placed) expect(p.cy).toBe(cyOf.get(p.dot.key));
          expect(placed.map((p) => p.dot.key)).toEqual(dots.map((d) => d.key));
        },
      ),
    );
  });

  test('a dot at no place (NaN, from a value too large to draw) or at infinity never stops the page', () => {
    const xs = [10, Number.NaN, 30, Number.POSITIVE_INFINITY, Number.NaN];
    const { placed } = placeDots(xs.map((_, i) => dot(String(i))), xs, 0, 3 * STRIP_LANE);
    expect(placed).toHaveLength(xs.length);
  });

  test('dots not in value order are still placed (by the sort)', () => {
    const xs = [50, 10, 30];
    const { placed } = placeDots(xs.map((_, i) => dot(String(i))), xs, 0, 3 * STRIP_LANE);
    expect(placed.map((p) => p.cx)).toEqual(xs);
    expect(new Set(placed.map((p) => p.cy)).size).toBe(1);
  });
});

