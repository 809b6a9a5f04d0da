// Stands in for acorn, the JavaScript parser Arquero reads expressions written as code with (a string, a function,
// a column name in a verb). Tech Targets gives Arquero none (src/lib/data/rows.ts filters, orders and adds columns from
// plain arrays), and leaving the parser out takes a seventh off the single file. Any call fails loudly.
export function parse(): never {
  throw new Error('Arquero expressions are not parsed in Tech Targets: use the helpers in src/lib/data/rows.ts.');
}
