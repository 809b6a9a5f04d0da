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

  test('a tall one folds set-apart sections, the one that saves most first, and only those it needs', () => {
    const { groups } = comparisonOf('platforms');
    const all = foldedGroups(groups, texts(groups), 588, 'en', en, 0);
    const withApart = groups.filter((g) => setApart(g.figures).length > 0).map((g) => g.group.key);
    expect([...all].sort()).toEqual([...withApart].sort());
    const one = foldedGroups(groups, texts(groups), 588, 'en', en, 1100);
    expect(one.size).toBeGreaterThan(0);
    expect(one.size).toBeLessThan(all.size);
    // The first folded is the group with the most set-apart figures here (8 of New in the period).
    const largest = [...groups].sort((a, b) => setApart(b.figures).length - setApart(a.figures).length)[0]!;
    expect(one.has(largest.group.key)).toBe(true);
  });

  test('a wider column needs fewer folds', () => {
    const { groups } = comparisonOf('enterprises');
    expect(foldedGroups(groups, texts(groups), 1200, 'en', en).size).toBeLessThanOrEqual(foldedGroups(groups, texts(groups), 588, 'en', en).size);
  });
});
