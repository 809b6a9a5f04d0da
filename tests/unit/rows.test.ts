import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { table } from 'arquero';
import { keepRows, orderRows, positionsIn } from '../../src/lib/data/rows';

const ids = (t: ReturnType<typeof table>) => Array.from(t.indices(), (row) => t.column('id')!.at(row));

describe('rows without parsed expressions', () => {
  test('Arquero parses no expression here: one fails, in the tests as in the page, so none can creep in', () => {
    expect(() => table({ a: [1] }).derive({ b: (d: { a: number }) => d.a })).toThrow(/parse/);
  });

  test('orderRows puts missing values first, then NaN, then values ascending, each key breaking the last one’s ties', () => {
    const t = table({ id: ['a', 'b', 'c', 'd', 'e', 'f'], v: [3, null, 1, NaN, 1, undefined], w: [0, 0, 2, 0, 1, 0] });
    expect(ids(orderRows(t, 'v', 'w'))).toEqual(['b', 'f', 'd', 'e', 'c', 'a']);
    expect(ids(orderRows(t, { column: 'v', descending: true }, 'w'))).toEqual(['a', 'e', 'c', 'd', 'b', 'f']);
    expect(ids(orderRows(table({ id: ['x', 'y', 'z'], s: ['乙', 'b', 'a'] }), 's'))).toEqual(['z', 'y', 'x']);
  });

  test('orderRows keeps a filter, and rows of equal keys in their order; an unknown column is an error naming it', () => {
    const t = table({ id: ['a', 'b', 'c', 'd'], v: [2, 1, 2, 1] });
    const kept = keepRows(t, (row) => row !== 1);
    expect(ids(orderRows(kept, 'v'))).toEqual(['d', 'a', 'c']);
    expect(() => orderRows(t, 'nope')).toThrow(/"nope"/);
  });

  test('orderRows orders any numbers and gaps as a plain sort would, and keeps ties stable', () => {
    const cell = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(null), fc.constant(Number.NaN));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), (values) => {
        const rank = (v: number | null) => (v === null ? -2 : Number.isNaN(v) ? -1 : 0);
        const expected = values
          .map((v, row) => ({ v, row }))
          .sort((a, b) => rank(a.v) - rank(b.v) || (rank(a.v) === 0 ? a.v! - b.v! : 0) || a.row - b.row)
          .map(({ row }) => row);
        const t = table({ id: values.map((_, row) => row), v: values });
        expect(ids(orderRows(t, 'v'))).toEqual(expected);
      }),
    );
  });

  test('positionsIn gives each row its value’s place in a list, −1 where the list lacks it', () => {
    const t = table({ city: ['wuhu', 'constructor', 'changzhou'] });
    expect(Array.from(positionsIn(t, 'city', ['changzhou', 'wuhu']))).toEqual([1, -1, 0]);
  });
});
