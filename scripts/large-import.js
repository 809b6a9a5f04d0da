// @ts-check
// Large import files for the benchmark and the browser tests: made here, from code, so no fixture of megabytes is committed.

/** @type {[string, string, string][]} */
const CATEGORIES = [
  ['talent', 'new', '人'],
  ['platforms', 'new', '家'],
  ['funding', 'size', '万元'],
  ['projects', 'count', '项'],
  ['incubators', 'new', '家'],
  ['achievements', 'registered', '项'],
  ['cooperation', 'events', '场'],
  ['enterprises', 'new', '家'],
];
/** @type {[string, string, string][]} */
const HEADLINE = [
  ['rd_intensity', 'share_of_gdp', '%'],
  ['high_tech_firms', 'new', '家'],
  ['tech_market', 'turnover', '亿元'],
];
const HEADER = 'city,category,measure,kind,period,qualifier,value,unit,scope_class,label_zh,label_en,quote,city_zh,city_en,note_en';

/**
 * One city's plan in a CSV just under `limit` bytes (default 4.9 MB): three headline figures, then rows over
 * eight other categories with text of a realistic length — what a 5 MB file from a spreadsheet looks like.
 * @param {number} [limit]
 */
export function oneLargeCity(limit = 4.9 * 1024 * 1024) {
  const lines = [HEADER];
  let bytes = Buffer.byteLength(HEADER) + 1;
  for (let n = 0; ; n++) {
    const [category, measure, unit] = /** @type {[string, string, string]} */ (
      n < HEADLINE.length ? HEADLINE[n] : CATEGORIES[n % CATEGORIES.length]
    );
    const line =
      `bigcity,${category},${measure},target,${2021 + (n % 3)},at_least,${(n % 97) + 1},${unit},city_wide,` +
      `新增高新技术企业新增高新技术企业,New high-tech firms in the city,力争新增高新技术企业${n}家以上，加快推进创新驱动发展战略,` +
      `大城,Big City,Synthetic row for the 5 MB import test padded to a realistic length of text.`;
    const size = Buffer.byteLength(line) + 1;
    if (bytes + size > limit) break;
    lines.push(line);
    bytes += size;
  }
  return lines.join('\n') + '\n';
}

/**
 * `rows` rows of one city over the eight other categories: a long table to list, not to chart. Each row's quote is
 * short unless `quote` says otherwise (rows of another height, for the table's window to follow).
 * @param {number} rows
 * @param {(n: number) => string} [quote]
 */
export function manyRows(rows, quote = (n) => `新增${n}`) {
  const lines = ['city,category,measure,kind,period,value,unit,quote,city_zh,city_en'];
  for (let n = 0; n < rows; n++) {
    const [category, measure, unit] = /** @type {[string, string, string]} */ (CATEGORIES[n % CATEGORIES.length]);
    lines.push(`longcity,${category},${measure},target,${2021 + (n % 3)},${(n % 97) + 1},${unit},${quote(n)},长城,Long City`);
  }
  return lines.join('\n') + '\n';
}
