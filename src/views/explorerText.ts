// Sentences the explorer shows and exports: why figures are not comparable, or why there is nothing to compare.
import type { ComparabilityReason, ComparisonGroup, ExplorerModel, NoComparison } from '../lib/data/views/explorer';
import { cityName } from '../lib/data/views/headline';
import type { Messages } from '../lib/i18n/en';
import { axisUnit, formatFigure, formatPeriod, type Lang } from '../lib/i18n/format';

/** City names as the rows give them, so imported cities are named too. */
export function cityLabeller(model: ExplorerModel, lang: Lang): (id: string) => string {
  const byCity = new Map(model.rows.map((r) => [r.city, r]));
  return (id) => {
    const row = byCity.get(id);
    return row ? cityName(row, lang) : id;
  };
}

export function reasonText(reason: ComparabilityReason, m: Messages, lang: Lang, city: (id: string) => string, rows: ComparisonGroup['marks']): string {
  const list = (items: string[]) => m.andList(items);
  switch (reason.code) {
    case 'periods':
      return m.explorer.reasons.periods(list(reason.periods.map((p) => formatPeriod(p, lang))));
    case 'years':
      return m.explorer.reasons.years(list(reason.periods.map((p) => formatPeriod(p, lang))));
    case 'kinds':
      return m.explorer.reasons.kinds(list(reason.kinds.map((k) => m.kinds[k].toLowerCase())));
    case 'scope':
      return m.explorer.reasons.scope(list(reason.cities.map(city)));
    case 'combined':
      return m.explorer.reasons.combined(list(rows.filter((r) => reason.ids.includes(r.id)).map((r) => city(r.city))));
  }
}

/** `filtered`: a filter or search is hiding rows, so "nothing stated" must not be claimed. */
export function whyText(why: NoComparison, m: Messages, city: (id: string) => string, filtered: boolean): string {
  switch (why.code) {
    case 'no_stated_figures':
      if (filtered) return m.explorer.noMatch;
      return m.explorer.noComparison.no_stated_figures(m.andList(why.cities.map(city)));
    case 'single_city':
      return m.explorer.noComparison.single_city(city(why.city));
    case 'different_measures':
      return m.explorer.noComparison.different_measures(
        why.measures
          .map((x) => m.labelled(m.andList(x.cities.map(city)), m.aside(x.measure.replaceAll('_', ' '), x.unit)))
          .join(m.listSep),
      );
  }
}

export function groupTitle(group: ComparisonGroup, m: Messages, lang: Lang): string {
  const first = group.marks[0]!;
  // A count needs no unit in a title; 亿元, % and 倍 do.
  const unit = axisUnit(group.unit, lang);
  return m.explorer.groupTitle(lang === 'zh' ? first.label_zh : first.label_en, unit === 'count' ? '' : unit, group.cities.length);
}

/** Stated figures of the category that fall in no comparison group, so the reader sees why they are left out. */
export function leftOut(model: ExplorerModel, m: Messages, lang: Lang): string[] {
  const groups = model.comparison?.groups ?? [];
  if (groups.length === 0) return [];
  const city = cityLabeller(model, lang);
  const grouped = new Set(groups.flatMap((g) => g.marks.map((x) => x.id)));
  return model.rows
    .filter((x) => x.value !== null && !x.restates && !x.part_of && !grouped.has(x.id))
    .map((x) =>
      m.aside(`${city(x.city)} — ${lang === 'zh' ? x.label_zh : x.label_en}`, formatFigure(x.value!, x.unit, x.qualifier, lang)),
    );
}

/** One line per group that is not comparable (its title, then every reason), then what was left out and why. */
export function comparisonNotes(model: ExplorerModel, m: Messages, lang: Lang, filtered: boolean): string[] {
  const city = cityLabeller(model, lang);
  const groups = model.comparison?.groups ?? [];
  const notes = groups
    .filter((g) => !g.comparable)
    .map((g) =>
      m.labelled(
        groupTitle(g, m, lang),
        `${m.explorer.notComparable} ${g.reasons.map((r) => reasonText(r, m, lang, city, g.marks)).join(m.listSep)}`,
      ),
    );
  const others = leftOut(model, m, lang);
  if (others.length > 0) notes.push(m.explorer.otherMeasures(others.join(m.listSep)));
  if (model.comparison?.why) notes.push(whyText(model.comparison.why, m, city, filtered));
  return notes;
}
