// Arquero tables filtered, ordered and given columns from plain arrays: no expression is parsed, so the page ships
// without Arquero's JavaScript parser (see vite.config.ts) and nothing is compiled per call.
import { BitSet, type ColumnTable } from 'arquero';

/**
 * The rows of `table` (its own filter kept) that also pass `keep`, as a filtered table. A loop over columns into a
 * bit set rather than an Arquero filter expression, which is parsed and compiled anew on every call: a keystroke
 * makes five such filters.
 */
export function keepRows(table: ColumnTable, keep: (row: number) => boolean): ColumnTable {
  const mask = table.mask();
  const rows = table.totalRows();
  const kept = new BitSet(rows);
  for (let row = 0; row < rows; row++) if ((!mask || mask.get(row)) && keep(row)) kept.set(row);
  return table.create({ filter: kept });
}

/** A column to order by, ascending unless `descending`. */
export type OrderKey = string | { column: string; descending: true };

type Cell = unknown;

/**
 * Arquero's own order of two cells (as its orderby compiles it): missing values (null, undefined) first, then NaN,
 * then ascending. Dates compare by time.
 */
function compareCells(u: Cell, v: Cell): number {
  const a = u instanceof Date ? +u : u;
  const b = v instanceof Date ? +v : v;
  if (a == null) return b == null ? 0 : -1;
  if (b == null) return 1;
  if ((a as number) < (b as number)) return -1;
  if ((a as number) > (b as number)) return 1;
  if (a !== a) return b !== b ? 0 : -1;
  if (b !== b) return 1;
  return 0;
}

/** `table` ordered by `keys`, each breaking the ties of the one before: what `table.orderby(...keys)` gives. */
export function orderRows(table: ColumnTable, ...keys: OrderKey[]): ColumnTable {
  const columns = keys.map((key) => {
    const name = typeof key === 'string' ? key : key.column;
    const column = table.column(name);
    if (!column) throw new Error(`Cannot order by "${name}": the table has no such column.`);
    return { column, sign: typeof key === 'string' ? 1 : -1 };
  });
  return table.create({
    order: (a: number, b: number) => {
      for (const { column, sign } of columns) {
        const order = compareCells(column.at(a), column.at(b));
        if (order !== 0) return sign * order;
      }
      return 0;
    },
  });
}

/** Each row's position of its `column` value in `values` (−1 if absent): a facet's rank, as a column. */
export function positionsIn(table: ColumnTable, column: string, values: readonly string[]): Int32Array {
  const at = new Map(values.map((value, index) => [value, index]));
  const cells = table.array(column) as ArrayLike<string>;
  return Int32Array.from({ length: table.numRows() }, (_, row) => at.get(cells[row]!) ?? -1);
}
