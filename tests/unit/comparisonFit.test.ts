// An embedded comparison folds its set-apart figures only when it would not fit, and the largest first.
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../src/lib/data/bundled';
import { CITY_IDS } from '../../src/lib/data/schema';
import { buildExplorer } from '../../src/lib/data/views/explorer';
import { en } from '../../src/lib/i18n/en';
import { foldedGroups, setApart, type ComparisonTexts } from '../../src/views/comparisonFit';

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

describe('foldedGroups', () => {
  test('a comparison that fits folds nothing', () => {
    const { groups } = comparisonOf('tech_smes');
    expect(foldedGroups(groups, texts(groups), 588, 'en', en).size).toBe(0);
  });

  test('a tall one folds set-apart sections, hiding as few figures as make it fit', () => {
    const { groups } = comparisonOf('platforms');
    const hidden = (keys: Set<string>) => groups.filter((g) => keys.has(g.group.key)).reduce((sum, g) => sum + setApart(g.figures).length, 0);
    const all = foldedGroups(groups, texts(groups), 588, 'en', en, 0);
    const withApart = groups.filter((g) => setApart(g.figures).length > 0).map((g) => g.group.key);
    expect([...all].sort()).toEqual([...withApart].sort());
    const some = foldedGroups(groups, texts(groups), 588, 'en', en, 1300);
    expect(some.size).toBeGreaterThan(0);
    expect(hidden(some)).toBeLessThan(hidden(all));
    // Every smaller choice would not fit: folding less than it does leaves the comparison too tall.
    const roomier = foldedGroups(groups, texts(groups), 588, 'en', en, 1300 + 1000);
    expect(hidden(roomier)).toBeLessThanOrEqual(hidden(some));
  });

  test('city buttons above the chart count against the height', () => {
    const { groups } = comparisonOf('other');
    const without = foldedGroups(groups, texts(groups), 588, 'en', en, 700);
    expect(foldedGroups(groups, texts(groups), 588, 'en', en, 700, 200).size).toBeGreaterThan(without.size);
  });

  test('a wider column needs fewer folds', () => {
    const { groups } = comparisonOf('enterprises');
    expect(foldedGroups(groups, texts(groups), 1200, 'en', en).size).toBeLessThanOrEqual(foldedGroups(groups, texts(groups), 588, 'en', en).size);
  });
});
