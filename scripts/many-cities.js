// @ts-check
// A CSV of many made-up cities in the import's own format, from the seeded synthetic dataset: the bench and the
// many-city browser test bring them in through the real file input, as an analyst would.
import Papa from 'papaparse';

const COLUMNS = ['id', 'city', 'doc', 'category', 'measure', 'kind', 'period', 'qualifier', 'value', 'unit', 'scope_class', 'scope_zh', 'scope_en', 'combined', 'label_zh', 'label_en', 'quote', 'commitment', 'note_en', 'note_zh', 'restates', 'part_of', 'city_zh', 'city_en', 'doc_title_zh', 'doc_title_en', 'doc_date'];

/**
 * @param {{ figures: readonly object[]; cities: { id: string; name_zh: string; name_en: string }[]; documents: { id: string; title_zh: string; title_en: string; date_published: string; date_signed: string }[] }} rows
 *   the synthetic rows (tests/fixtures/synthetic.ts syntheticRows)
 * @returns {string}
 */
export function manyCitiesCsv(rows) {
  const cities = new Map(rows.cities.map((c) => [c.id, c]));
  const documents = new Map(rows.documents.map((d) => [d.id, d]));
  const data = rows.figures.map((figure) => {
    const f = /** @type {Record<string, unknown>} */ (figure);
    const city = cities.get(String(f.city));
    const doc = documents.get(String(f.doc));
    /** @type {Record<string, unknown>} */
    const row = { ...f, city_zh: city?.name_zh, city_en: city?.name_en, doc_title_zh: doc?.title_zh, doc_title_en: doc?.title_en, doc_date: doc?.date_published || doc?.date_signed };
    return COLUMNS.map((c) => (row[c] === null || row[c] === undefined ? '' : typeof row[c] === 'boolean' ? (row[c] ? 'yes' : 'no') : String(row[c])));
  });
  return Papa.unparse({ fields: COLUMNS, data });
}

/**
 * The same rows with each city keeping a seeded number of its figures, `min` to `max` (a prefix, so every
 * restatement and 其中 part still finds the figure it points to): real plans state a handful or dozens.
 * @template {{ figures: readonly object[] }} T
 * @param {T} rows @param {number} [min] @param {number} [max]
 * @returns {T}
 */
export function varyFigureCounts(rows, min = 4, max = 50) {
  /** @type {Map<string, number>} */
  const kept = new Map();
  /** @type {Map<string, number>} */
  const seen = new Map();
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const figures = rows.figures.filter((figure) => {
    const city = String(/** @type {Record<string, unknown>} */ (figure).city);
    if (!kept.has(city)) kept.set(city, min + Math.floor(next() * (max - min + 1)));
    const count = (seen.get(city) ?? 0) + 1;
    seen.set(city, count);
    return count <= /** @type {number} */ (kept.get(city));
  });
  return { ...rows, figures };
}
