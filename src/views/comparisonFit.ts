// What an embedded comparison folds away to fit an article: its set-apart figures, largest first, behind a disclosure.
import { frameChart, labelColumnWidth, labelsFitBeside, wrapText } from '../lib/charts/layout';
import type { SortedFigure } from '../lib/data/compare';
import type { ExplorerModel } from '../lib/data/views/explorer';
import { names } from '../lib/i18n/describe';
import type { Messages } from '../lib/i18n/en';
import type { Lang } from '../lib/i18n/format';
import { toChartRows } from './chartRows';

type ComparisonGroup = NonNullable<ExplorerModel['comparison']>['groups'][number];

/** The tallest an embed may be at the width its code is made for (the 800 px), less a margin for estimates. */
export const EMBED_HEIGHT_BUDGET = 760;

/** The texts around the charts, as the component sets them: the estimate wraps them as the browser will, near enough. */
export interface ComparisonTexts {
  title: string;
  /** Per group, in order: its heading and the line saying whether it compares. */
  groups: { heading: string; verdict: string }[];
  /** Lines under the charts (why nothing compares), and the one-line summary of the figures left out, if any. */
  asides: string[];
  source: string;
}

// CSS sizes of the compact comparison (Comparison.svelte and App.svelte's .embedded), in pixels at a 16 px root.
// Vertical margins collapse, so each block counts its padding and the larger of the margins it meets.
const TITLE = { size: 18.4, line: 24, extra: 13 + 3 + 10 + 3 };
const LEGEND = 28;
const HEADING = { size: 15.2, line: 23, extra: 10 };
const NOTE = { size: 12.8, line: 19.2, extra: 5 + 4, inset: 4 + 20 };
const FOLDED = { size: 12.8, line: 19.2, extra: 10 };
const SOURCE = { size: 12, line: 18, extra: 10 };
const LINK = 21 + 13;

const lines = (text: string, width: number, size: number) => Math.max(1, wrapText(text, width, size).length);

/**
 * Whether a compact comparison sets its labels above the bars: in every panel at once, as soon as one panel's labels
 * are too long to sit beside them, so the bars of every panel start at the same place.
 */
export function comparisonLabelsAbove(groups: readonly ComparisonGroup[], width: number, lang: Lang, m: Messages): boolean {
  return groups.some(
    ({ group, figures, sectioned }) =>
      !labelsFitBeside(
        toChartRows(group, figures, 'name', sectioned, lang, m, true).map((row) => row.label),
        labelColumnWidth(width, false),
      ),
  );
}

/** A set-apart section of a group: the figures that are shown but not ranked with the rest. */
export const setApart = (figures: readonly SortedFigure[]) => figures.filter((figure) => figure.status === 'set_apart');

/** How a group folds: its set-apart figures behind a disclosure, or its whole chart (heading and reasons stay). */
export type Fold = 'apart' | 'whole';

/** A fold's disclosure: how many figures it holds and whose ("Show its 10 figures (…)"). */
export function foldSummary(fold: Fold, hidden: readonly SortedFigure[], lang: Lang, m: Messages): string {
  const cities = names(hidden.map((figure) => figure.mark), lang, m);
  return fold === 'whole' ? m.explorer.groupFolded(hidden.length, cities) : m.explorer.setApartFolded(hidden.length, cities);
}

/** What a fit is held to: the height, what sits above (city buttons), and the labels' placement if already decided. */
export interface FitOptions {
  budget?: number;
  reserve?: number;
  labelsAbove?: boolean;
}

/** The cities of some figures, once each. */
const citiesOf = (figures: readonly SortedFigure[]) => new Set(figures.map((figure) => figure.mark.city));

/** What a group shows when its set-apart figures fold: the rest, if two cities or more remain to compare. */
export function shownWhenApartFolds(figures: readonly SortedFigure[]): SortedFigure[] | null {
  const shown = figures.filter((figure) => figure.status !== 'set_apart');
  return shown.length < figures.length && citiesOf(shown).size >= 2 ? shown : null;
}

/**
 * How each group folds (by key), so the embed is at most the budget tall at this width: nothing when it fits;
 * otherwise the folds that hide the fewest figures. A group folds its set-apart figures only where two cities or
 * more stay in view, so no group is left "comparing" one city; else its whole chart folds, under its heading and
 * its reasons. Estimated from the same layout the charts use (plus `reserve` for what sits above, such as city
 * buttons), and the browser test holds every category to 800 px.
 */
export function foldedGroups(
  groups: readonly ComparisonGroup[],
  texts: ComparisonTexts,
  width: number,
  lang: Lang,
  m: Messages,
  { budget = EMBED_HEIGHT_BUDGET, reserve = 0, labelsAbove }: FitOptions = {},
): Map<string, Fold> {
  const above = labelsAbove ?? comparisonLabelsAbove(groups, width, lang, m);
  const chartHeight = (group: ComparisonGroup, figures: SortedFigure[], sectioned: boolean) =>
    figures.length === 0 ? 0 : frameChart(toChartRows(group.group, figures, 'name', sectioned, lang, m, true), width, true, 0, above).height;
  const note = (text: string) => lines(text, width - NOTE.inset, NOTE.size) * NOTE.line + NOTE.extra;
  const summaryHeight = (text: string) => lines(text, width - 16, FOLDED.size) * FOLDED.line + FOLDED.extra;
  let height =
    reserve +
    lines(texts.title, width, TITLE.size * 1.08) * TITLE.line +
    TITLE.extra +
    (groups.length > 0 ? LEGEND : 0) +
    texts.asides.reduce((sum, aside) => sum + note(aside), 0) +
    (texts.source ? lines(texts.source, width, SOURCE.size) * SOURCE.line + SOURCE.extra : 0) +
    LINK;
  const choices: FoldChoice[][] = [];
  groups.forEach((group, i) => {
    const { heading, verdict } = texts.groups[i]!;
    const full = chartHeight(group, group.figures, group.sectioned);
    height += lines(heading, width, HEADING.size * 1.08) * HEADING.line + HEADING.extra + note(verdict) + full;
    const key = group.group.key;
    const own: FoldChoice[] = [];
    const shown = shownWhenApartFolds(group.figures);
    if (shown) {
      const apart = setApart(group.figures);
      const summary = foldSummary('apart', apart, lang, m);
      own.push({ key, fold: 'apart', saved: full - chartHeight(group, shown, group.sectioned) - summaryHeight(summary), hidden: apart.length });
    }
    const summary = foldSummary('whole', group.figures, lang, m);
    own.push({ key, fold: 'whole', saved: full - summaryHeight(summary), hidden: group.figures.length });
    choices.push(own.filter((choice) => choice.saved > 0));
  });
  return new Map(cheapestFit(choices, height - budget).map((choice) => [choice.key, choice.fold]));
}

interface FoldChoice {
  key: string;
  fold: Fold;
  saved: number;
  hidden: number;
}

/**
 * At most one fold per group, saving at least `needed` pixels while hiding the fewest figures (then folding the
 * fewest groups); the largest folds when none is enough. A comparison has a handful of groups: every choice is tried.
 */
function cheapestFit(choices: FoldChoice[][], needed: number): FoldChoice[] {
  if (needed <= 0) return [];
  const largest = choices.flatMap((own) => (own.length ? [own.reduce((a, b) => (b.saved > a.saved ? b : a))] : []));
  if (choices.length > 10) return largest;
  let best: FoldChoice[] | null = null;
  const cost = (chosen: FoldChoice[]) => chosen.reduce((sum, c) => sum + c.hidden, 0) * 100 + chosen.length;
  const walk = (index: number, chosen: FoldChoice[], saved: number) => {
    if (saved >= needed) {
      if (!best || cost(chosen) < cost(best)) best = [...chosen];
      return;
    }
    if (index === choices.length) return;
    walk(index + 1, chosen, saved);
    for (const choice of choices[index]!) walk(index + 1, [...chosen, choice], saved + choice.saved);
  };
  walk(0, [], 0);
  return best ?? largest;
}
