// The one period parser: a period string ("2023", "2022-2023", "2023H1", "2023-01/2023-05") in, a typed span out.

/** What a reader compares periods by: a calendar year, several years, a half or some other months. */
export type PeriodLength = 'year' | 'multi_year' | 'half_year' | 'months';

export interface Period {
  /** The canonical text, as in the data and the URL. */
  key: string;
  /** First and last month, counted in months since year 0 (January 2023 = 2023 * 12). */
  start: number;
  end: number;
  /** Months covered: 12 for a year, 24 for 2022-2023, 6 for a half, 5 for January to May. */
  months: number;
  length: PeriodLength;
}

const YEAR = /^(\d{4})$/;
const YEARS = /^(\d{4})-(\d{4})$/;
const HALF = /^(\d{4})H([12])$/;
const MONTHS = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/;

function span(key: string, start: number, end: number, length: PeriodLength): Period | null {
  if (end < start) return null;
  return { key, start, end, months: end - start + 1, length };
}

const cache = new Map<string, Period | null>();

/** The period a string names, or null for anything that is no period (so callers can report it). */
export function parsePeriod(text: string): Period | null {
  const known = cache.get(text);
  if (known !== undefined) return known;
  const period = read(text);
  if (cache.size < 10_000) cache.set(text, period);
  return period;
}

function read(text: string): Period | null {
  let m = YEAR.exec(text);
  if (m) return span(text, +m[1]! * 12, +m[1]! * 12 + 11, 'year');
  m = YEARS.exec(text);
  if (m) return span(text, +m[1]! * 12, +m[2]! * 12 + 11, 'multi_year');
  m = HALF.exec(text);
  if (m) {
    const start = +m[1]! * 12 + (m[2] === '1' ? 0 : 6);
    return span(text, start, start + 5, 'half_year');
  }
  m = MONTHS.exec(text);
  if (m) {
    const [first, last] = [+m[2]!, +m[4]!];
    if (first < 1 || first > 12 || last < 1 || last > 12) return null;
    return span(text, +m[1]! * 12 + first - 1, +m[3]! * 12 + last - 1, 'months');
  }
  return null;
}

/** Year and month (1–12) of a month index. */
export function monthOf(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** An ISO-like month "2023-05" for machine-readable exports. */
export function isoMonth(index: number): string {
  const { year, month } = monthOf(index);
  return `${year}-${String(month).padStart(2, '0')}`;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Chronological: earlier start first, then the shorter span, so 2023-01/2023-05 < 2023H1 < 2023 < 2023H2. */
export function comparePeriods(a: string, b: string): number {
  const spanA = parsePeriod(a);
  const spanB = parsePeriod(b);
  if (spanA && spanB) return spanA.start - spanB.start || spanA.end - spanB.end || byText(a, b);
  if (spanA || spanB) return spanA ? -1 : 1;
  return byText(a, b);
}
