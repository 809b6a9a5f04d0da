// Number, unit, qualifier and period formatting per language: the one place figures become text.
import type { Qualifier } from '../data/schema';

export type Lang = 'en' | 'zh';

const QUALIFIER_SIGN: Record<Qualifier, string> = {
  exactly: '',
  at_least: '≥',
  more_than: '>',
  about: '~',
  up_to: '≤',
};

// Intl rather than d3-format: the browser already ships it, and the single file has a size budget.
const NUMBER = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

function number(value: number): string {
  return NUMBER.format(value);
}

/** The figure as a reader should see it: qualifier sign, number and unit, e.g. "≥300 家", "~30%", "CNY 5.8 bn". */
export function formatFigure(value: number, unit: string, qualifier: Qualifier | null, lang: Lang): string {
  // "Rank 12 or better" is a ceiling on a rank, which reads as words, not as "≤ rank 12".
  if (unit === '位' && qualifier === 'up_to') return lang === 'zh' ? `第${number(value)}位以内` : `top ${number(value)}`;
  const sign = qualifier ? QUALIFIER_SIGN[qualifier] : '';
  return sign + formatAmount(value, unit, lang);
}

export function formatAmount(value: number, unit: string, lang: Lang): string {
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
      return `${number(value)} people`;
    default:
      return number(value);
  }
}

/** A tick label for an axis in this unit (no qualifier). */
export function formatTick(value: number, unit: string, lang: Lang): string {
  if (unit === '%') return `${number(value)}%`;
  if (lang === 'en' && unit === '亿元') return number(value / 10);
  return number(value);
}

/** The axis unit caption, e.g. "亿元" or "CNY bn". */
export function axisUnit(unit: string, lang: Lang): string {
  if (lang === 'zh') return unit;
  const names: Record<string, string> = { '亿元': 'CNY bn', '%': '%', '家': 'count', '倍': 'multiple', '个': 'count' };
  return names[unit] ?? unit;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Periods as people write them: "2022–23", "H1 2023", "Jan–May 2023" / "2023年1–5月". */
export function formatPeriod(period: string, lang: Lang): string {
  let m = /^(\d{4})-(\d{4})$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}–${m[2]}年` : `${m[1]}–${m[2]!.slice(2)}`;
  m = /^(\d{4})H([12])$/.exec(period);
  if (m) return lang === 'zh' ? `${m[1]}年${m[2] === '1' ? '上' : '下'}半年` : `H${m[2]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const [, y1, m1, y2, m2] = m as unknown as [string, string, string, string, string];
    if (lang === 'zh') return y1 === y2 ? `${y1}年${+m1}–${+m2}月` : `${y1}年${+m1}月–${y2}年${+m2}月`;
    return y1 === y2
      ? `${MONTHS[+m1 - 1]}–${MONTHS[+m2 - 1]} ${y1}`
      : `${MONTHS[+m1 - 1]} ${y1}–${MONTHS[+m2 - 1]} ${y2}`;
  }
  return lang === 'zh' ? `${period}年` : period;
}
