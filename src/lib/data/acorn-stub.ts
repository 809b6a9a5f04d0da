// Stands in for acorn, the JavaScript parser Arquero reads expressions written as code with (a string, a function,
// a column name in a verb), for Arquero alone (vite.config.ts says why). Any call fails loudly.
export function parse(): never {
  throw new Error('Arquero expressions are not parsed in Tech Targets: use the helpers in src/lib/data/rows.ts.');
}
