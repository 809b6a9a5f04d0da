// An embedded comparison folds its set-apart figures only when it would not fit, and the largest first.
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../src/lib/data/bundled';
import { CITY_IDS } from '../../src/lib/data/schema';
import { buildExplorer } from '../../src/lib/data/views/explorer';
import { en } from '../../src/lib/i18n/en';
import { foldedGroups, setApart, shownWhenApartFolds, type ComparisonTexts, type Fold } from '../../src/views/comparisonFit';

const data = bundledDataset();
const comparisonOf = (category: string) =>
  buildExplorer(data, { cities: [...CITY_IDS], categories: [category], kinds: [], periods: [], search: '', sort: 'city', descending: false, lang: 'en' })
    .comparison!;
const texts = (groups: ReturnType<typeof comparisonOf>['groups']): ComparisonTexts => ({
  title: 'Compare',
  groups: groups.map(() => ({ heading: 'A measure — 2 cities', verdict: 'Shown side by side, but not comparable: a different scope' })),
  asides: [],
  source: 'Source: each city’s science and technology document',
});

/** How many figures the folds put out of view. */
const hiddenFigures = (groups: ReturnType<typeof comparisonOf>['groups'], folds: Map<string, Fold>) =>
  groups.reduce((sum, g) => sum + (folds.get(g.group.key) === 'whole' ? g.figures.length : folds.get(g.group.key) === 'apart' ? setApart(g.figures).length : 0), 0);

describe('foldedGroups', () => {
  test('a comparison that fits folds nothing', () => {
    const { groups } = comparisonOf('tech_smes');
    expect(foldedGroups(groups, texts(groups), 588, 'en', en).size).toBe(0);
  });

  test('a tall one folds as few figures as make it fit, and never leaves a group comparing one city', () => {
    const { groups } = comparisonOf('platforms');
    const hidden = (folds: Map<string, Fold>) => hiddenFigures(groups, folds);
    const everything = foldedGroups(groups, texts(groups), 588, 'en', en, { budget: 0 });
    expect(everything.size).toBe(groups.length);
    const some = foldedGroups(groups, texts(groups), 588, 'en', en, { budget: 1100 });
    expect(some.size).toBeGreaterThan(0);
    expect(hidden(some)).toBeLessThan(hidden(everything));
    for (const group of groups) {
      if (some.get(group.group.key) !== 'apart') continue;
      const shown = group.figures.filter((f) => f.status !== 'set_apart');
      expect(new Set(shown.map((f) => f.mark.city)).size, group.group.key).toBeGreaterThanOrEqual(2);
    }
    // More room never hides more.
    expect(hidden(foldedGroups(groups, texts(groups), 588, 'en', en, { budget: 1400 }))).toBeLessThanOrEqual(hidden(some));
  });

  test('set-apart figures fold alone only where two cities stay in view', () => {
    for (const category of ['platforms', 'enterprises', 'funding', 'other', 'incubators'])
      for (const { figures } of comparisonOf(category).groups) {
        const shown = shownWhenApartFolds(figures);
        if (shown) expect(new Set(shown.map((f) => f.mark.city)).size).toBeGreaterThanOrEqual(2);
      }
  });

  test('city buttons above the chart count against the height', () => {
    const { groups } = comparisonOf('other');
    const hiddenIn = (folds: Map<string, Fold>) => hiddenFigures(groups, folds);
    const without = foldedGroups(groups, texts(groups), 588, 'en', en, { budget: 700 });
    expect(hiddenIn(foldedGroups(groups, texts(groups), 588, 'en', en, { budget: 700, reserve: 200 }))).toBeGreaterThan(hiddenIn(without));
  });

  test('a wider column needs fewer folds', () => {
    const { groups } = comparisonOf('enterprises');
    expect(foldedGroups(groups, texts(groups), 1200, 'en', en).size).toBeLessThanOrEqual(foldedGroups(groups, texts(groups), 588, 'en', en).size);
  });
});
