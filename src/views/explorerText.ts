// Sentences the explorer shows and exports: why a group's figures are not comparable, or why there is nothing to compare.
import type { ExplorerModel, NoComparison } from '../lib/data/views/explorer';
import type { Mark } from '../lib/data/views/marks';
import { resolve } from '../lib/data/compare';
import { categoryName, cityName, groupReasonTexts, groupTitle, label, measureName } from '../lib/i18n/describe';
import type { Messages } from '../lib/i18n/en';
import { formatFigure, formatPeriod, headingUnit, unitWord, type Lang } from '../lib/i18n/format';

/** City names as the rows give them, so imported cities are named too. */
export function cityLabeller(model: ExplorerModel, lang: Lang): (id: string) => string {
  const byCity = new Map(model.rows.map((r) => [r.city, r]));
  return (id) => {
    const row = byCity.get(id);
    return row ? cityName(row, lang) : id;
  };
}

/** `filtered`: a filter or search is hiding rows, so "nothing stated" must not be claimed. */
export function whyText(why: NoComparison, m: Messages, lang: Lang, city: (id: string) => string, filtered: boolean): string {
  switch (why.code) {
    case 'no_stated_figures':
      if (filtered) return m.explorer.noMatch;
      return m.explorer.noComparison.no_stated_figures(m.andList(why.cities.map(city)));
    case 'single_city':
      return m.explorer.noComparison.single_city(city(why.city));
    case 'different_measures':
      return m.explorer.noComparison.different_measures(
        why.measures
          .map((x) => m.labelled(m.andList(x.cities.map(city)), m.aside(measureName(x.measure, m), headingUnit(x.unit, lang, x.category))))
          .join(m.listSep),
      );
  }
}

/** Stated figures of the category that fall in no comparison group, so the reader sees why they are left out. */
export function leftOut(model: ExplorerModel, m: Messages, lang: Lang): string[] {
  const groups = model.comparison?.groups ?? [];
  if (groups.length === 0) return [];
  const city = cityLabeller(model, lang);
  const grouped = new Set(groups.flatMap((g) => g.figures.map((f) => f.mark.id)));
  // The same resolution as the groups: a restatement or a 其中 part is on its figure's card, not left out.
  return resolve(model.rows)
    .primary.map((f) => f.mark)
    .filter((x) => x.value !== null && !grouped.has(x.id))
    // Each with its period and kind, as a mark's label gives them: a list is read without the cards.
    .map((x) =>
      m.aside(
        `${city(x.city)} — ${label(x, lang)}`,
        [formatFigure(x.value!, x.unit, x.qualifier, lang, x.category), formatPeriod(x.period, lang), m.kinds[x.kind].toLowerCase()].join(' · '),
      ),
    );
}

/** A comparison chart's notes under it: the figures no other city states, then why nothing compares (if so). */
export function comparisonAsides(model: ExplorerModel, m: Messages, lang: Lang, filtered: boolean): string[] {
  const others = leftOut(model, m, lang);
  return [...(others.length > 0 ? [m.explorer.otherMeasures(others.join(m.listSep))] : []), ...whyNothingCompares(model, m, lang, filtered)];
}

/** Why a category has no comparison at all, as one line, or none when something compares. */
export function whyNothingCompares(model: ExplorerModel, m: Messages, lang: Lang, filtered: boolean): string[] {
  return model.comparison?.why ? [whyText(model.comparison.why, m, lang, cityLabeller(model, lang), filtered)] : [];
}

/** One line per group that is not comparable (its title, then every reason), then what was left out and why. */
export function comparisonNotes(model: ExplorerModel, m: Messages, lang: Lang, filtered: boolean): string[] {
  const groups = model.comparison?.groups ?? [];
  const notes = groups
    .filter(({ group }) => !group.comparable)
    .map(({ group }) =>
      m.labelled(groupTitle(group, lang, m), `${m.explorer.notComparable}${m.sentenceSep}${groupReasonTexts(group, lang, m).join(m.listSep)}`),
    );
  return [...notes, ...comparisonAsides(model, m, lang, filtered)];
}

/** The heading over one run of a value sort: category, measure and unit, e.g. "High-tech firms: new (firms)". */
export function valueRunHeading(mark: Mark, lang: Lang, m: Messages): string {
  if (mark.value === null) return m.kinds.not_stated;
  // Runs are kept apart by the unit the document states; in English two of them can read alike ("people" for 人 and
  // 万人), so the heading names the stated unit too, and no two runs ever share a heading.
  const word = unitWord(mark.unit, lang, mark.category);
  const unit = lang === 'en' && word !== mark.unit && /[\u3400-\u9fff]/.test(mark.unit) ? `${word} · ${mark.unit}` : word;
  return m.explorer.valueRun(m.labelled(categoryName(mark.category, m), measureName(mark.measure, m)), unit);
}
