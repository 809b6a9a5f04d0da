// Number, unit, qualifier and period formatting per language: the one place figures become text.
import type { Qualifier } from '../data/schema';
import { monthOf, parsePeriod } from '../data/period';
import { remember } from '../remember';

export type Lang = 'en' | 'zh';

const QUALIFIER_SIGN: Record<Qualifier, string> = {
  exactly: '',
  at_least: '≥',
  more_than: '>',
  about: '~',
  up_to: '≤',
};

// Intl rather than d3-format: the browser already ships it, and the single file has a size budget.
// Every digit the document gives is shown (3195.78万元 is not "3,196"); the fraction cap only hides float noise
// from unit conversions (CNY bn from 亿元).
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Numbers already written: Intl's format costs tens of microseconds a call, and a chart writes the same figures again on every toggle. */
const written = new Map<number, string>();

/** A number as text; a fall is written with a true minus sign (−12.5), not a hyphen, as typesetting has it. */
function number(value: number): string {
  // A Map holds 0 and −0 as one key: −0 is written as Intl writes it, never kept.
  if (Object.is(value, -0)) return write(value);
  return written.get(value) ?? remember(written, value, write(value));
}

const write = (value: number) => NUMBER.format(value).replace('-', '\u2212');

/** The figure as a reader should see it: qualifier sign, number and unit, e.g. "≥300家" / "≥300 firms", "~30%". */
export function formatFigure(value: number, unit: string, qualifier: Qualifier | null, lang: Lang, category = ''): string {
  // "Rank 12 or better" is a ceiling on a rank, which reads as words, not as "≤ rank 12".
  if (unit === '位' && qualifier === 'up_to') return lang === 'zh' ? `第${number(value)}位以内` : `top ${number(value)}`;
  const sign = qualifier ? QUALIFIER_SIGN[qualifier] : '';
  return sign + formatAmount(value, unit, lang, category);
}

/** Categories whose 家 are firms; elsewhere a 家 is a lab, institute, platform or fund as well. */
const FIRM_CATEGORIES = new Set(['high_tech_firms', 'tech_smes', 'enterprises']);

/**
 * English nouns for the Chinese measure words (singular, plural): a count in English always says what it counts.
 * A measure word names a kind of thing, not the thing; the label beside the number names it exactly.
 */
const COUNT_NOUNS = new Map<string, [string, string]>([
  ['个', ['unit', 'units']],
  ['项', ['item', 'items']],
  ['条', ['item', 'items']],
  ['类', ['category', 'categories']],
  ['场', ['event', 'events']],
  ['次', ['time', 'times']],
  ['支', ['team or fund', 'teams or funds']],
  ['所', ['institution', 'institutions']],
  ['户', ['household', 'households']],
  ['篇', ['paper', 'papers']],
]);

function countNoun(value: number, unit: string, category: string): string | undefined {
  const nouns: [string, string] | undefined =
    unit === '家' ? (FIRM_CATEGORIES.has(category) ? ['firm', 'firms'] : ['organisation', 'organisations']) : COUNT_NOUNS.get(unit);
  return nouns && (value === 1 ? nouns[0] : nouns[1]);
}

export function formatAmount(value: number, unit: string, lang: Lang, category = ''): string {
  if (unit === '%') return `${number(value)}%`;
  if (lang === 'zh') return unit === '位' ? `第${number(value)}位` : `${number(value)}${unit}`;
  switch (unit) {
    case '亿元':
      return `CNY ${number(value / 10)} bn`;
    case '万元':
      return value >= 100 ? `CNY ${number(value / 100)} m` : `CNY ${number(value * 10)}k`;
    case '万人':
      return `${number(value * 10)}k people`;
    case '倍':
      return `×${number(value)}`;
    case '位':
      return `rank ${number(value)}`;
    case '人':
    case '名':
      return `${number(value)} ${value === 1 ? 'person' : 'people'}`;
    default: {
      // A unit the app has no English noun for (an imported file's own) is shown as written.
      const noun = countNoun(value, unit, category) ?? unit;
      return noun ? `${number(value)} ${noun}` : number(value);
    }
  }
}

/** A tick label for an axis in this unit (no qualifier). */
export function formatTick(value: number, unit: string, lang: Lang): string {
  if (unit === '%') return `${number(value)}%`;
  if (lang === 'en' && unit === '亿元') return number(value / 10);
  return number(value);
}

/** What a unit counts, in words, for a heading over figures in it: "家" / "firms", "亿元" / "CNY bn", "%" / "per cent". */
export function unitWord(unit: string, lang: Lang, category = ''): string {
  if (lang === 'zh') return unit;
  if (unit === '%') return 'per cent';
  if (PEOPLE_UNITS.has(unit)) return 'people';
  return countNoun(2, unit, category) ?? axisUnit(unit, lang);
}

/** Stated units that English reads alike ("people"), though they are not the same unit. */
const PEOPLE_UNITS = new Set(['人', '名', '万人']);

/**
 * A unit in a heading: the axis caption where there is one ("CNY bn", "%"), else the language's word ("events",
 * not 场); in English the stated unit stays beside a word several units share ("people · 万人"), so two headings of
 * one measure in different units never read alike.
 */
export function headingUnit(unit: string, lang: Lang, category = ''): string {
  if (lang === 'zh') return unit;
  const axis = AXIS_UNITS.get(unit);
  if (axis && axis !== 'count') return axis;
  const word = unitWord(unit, lang, category);
  return PEOPLE_UNITS.has(unit) ? `${word} · ${unit}` : word;
}

// A Map: an imported file's unit ("constructor", "__proto__") must never reach an object's prototype.
const AXIS_UNITS = new Map([
  ['亿元', 'CNY bn'],
  ['万元', 'CNY'],
  ['%', '%'],
  ['家', 'count'],
  ['倍', 'multiple'],
  ['个', 'count'],
  ['位', 'rank'],
]);

/** The axis unit caption, e.g. "亿元" or "CNY bn". */
export function axisUnit(unit: string, lang: Lang): string {
  if (lang === 'zh') return unit;
  return AXIS_UNITS.get(unit) ?? unit;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Periods as people write them: "2022–23", "H1 2023", "Jan–May 2023" / "2023年1–5月". */
export function formatPeriod(period: string, lang: Lang): string {
  const span = parsePeriod(period);
  if (!span) return period;
  const first = monthOf(span.start);
  const last = monthOf(span.end);
  switch (span.length) {
    case 'year':
      return lang === 'zh' ? `${first.year}年` : String(first.year);
    case 'multi_year':
      return lang === 'zh' ? `${first.year}–${last.year}年` : `${first.year}–${String(last.year).slice(2)}`;
    case 'half_year':
      if (lang === 'zh') return `${first.year}年${first.month === 1 ? '上' : '下'}半年`;
      return `H${first.month === 1 ? 1 : 2} ${first.year}`;
    case 'months':
      if (lang === 'zh')
        return first.year === last.year
          ? `${first.year}年${first.month}–${last.month}月`
          : `${first.year}年${first.month}月–${last.year}年${last.month}月`;
      return first.year === last.year
        ? `${MONTHS[first.month - 1]}–${MONTHS[last.month - 1]} ${first.year}`
        : `${MONTHS[first.month - 1]} ${first.year}–${MONTHS[last.month - 1]} ${last.year}`;
  }
}
