// Turns a group's sorted figures into generic chart rows: colour, fill by kind, dashed when set apart, labels, section headings.
import type { ChartDot, ChartRow } from '../lib/charts/types';
import { keepUnchangedBy, sameFields, sameList } from '../lib/same';
import { inValueOrder, sectionKey, type Group, type SortOrder, type SortedFigure } from '../lib/data/compare';
import type { Kind } from '../lib/data/schema';
import { cityName, docTitle, flagsOf, label, notStatedText, panelTitle, sectionHeading, whySetApart } from '../lib/i18n/describe';
import type { Messages } from '../lib/i18n/en';
import type { ViewModel } from '../lib/data/views/headline';
import type { TableItem } from '../lib/components/DataTable.svelte';
import { formatFigure, formatPeriod, type Lang } from '../lib/i18n/format';
import { cityColour, NO_FOCUS } from '../lib/components/palette';
import { CITY_IDS } from '../lib/data/schema';

/** The legend's encodings, one per kind: the Legend component and the exported images read the same table. */
export const FILL: Record<Kind, ChartRow['fill']> = {
  target: 'hollow',
  actual: 'filled',
  expected: 'tinted',
  guidance: 'hatched',
  not_stated: 'hollow',
};

export function figureText(figure: Pick<SortedFigure, 'mark'>, lang: Lang): string {
  const { mark } = figure;
  return mark.value === null ? '' : formatFigure(mark.value, mark.unit, mark.qualifier, lang, mark.category);
}

/**
 * Chart rows for a sorted group. Each section that starts gets a heading when the group is sectioned: each rank
 * set by value ("2023 targets"), and the set-apart figures in either order. By name the comparable figures need none.
 */
export function toChartRows(
  group: Group,
  figures: SortedFigure[],
  sort: SortOrder,
  sectioned: boolean,
  lang: Lang,
  m: Messages,
  compact = false,
  focus: ReadonlySet<string> = NO_FOCUS,
): ChartRow[] {
  if (showsDistribution(figures)) return distributionRows(group, figures, sectioned, lang, m, compact, focus);
  const headings = sectionHeadings(group, figures, sort, sectioned, lang, m);
  // A compact label is the city alone; where one city has several figures in a panel, each must still say which it is.
  const named = !compact || new Set(figures.map((f) => f.mark.city)).size < figures.length;
  return figures.map((figure, i) => toChartRow(figure, headings[i]!, lang, m, compact, focus, named));
}

/** More figures with a value than this in one panel, and the panel shows their distribution instead of a bar each. */
export const DISTRIBUTION_FROM = 12;

export const showsDistribution = (figures: readonly SortedFigure[]): boolean =>
  figures.filter((f) => f.mark.value !== null).length > DISTRIBUTION_FROM;

const BUNDLED = new Set<string>(CITY_IDS);

/**
 * A panel of many cities: each section (a rank set, the set-apart figures) as one strip of dots in value order, so
 * where each city stands is read at a glance and nothing is ranked across sections; then labelled bars for the
 * cities a reader follows — the bundled five and the highlighted — and how many more cities state no figure.
 */
function distributionRows(
  group: Group,
  figures: SortedFigure[],
  sectioned: boolean,
  lang: Lang,
  m: Messages,
  compact: boolean,
  focus: ReadonlySet<string>,
): ChartRow[] {
  const follows = (figure: SortedFigure) => BUNDLED.has(figure.mark.city) || focus.has(figure.mark.city);
  const sections = new Map<string, SortedFigure[]>();
  for (const figure of figures) {
    const key = sectionKey(figure.section, 'value');
    const list = sections.get(key);
    if (list) list.push(figure);
    else sections.set(key, [figure]);
  }
  const several = [...sections.keys()].filter((key) => key !== 'missing').length > 1;
  // "N more cities state no figure here" counts cities, each once, and only those stating none in the panel: a city
  // with a 2023 figure and a 2022 row not stated has its dot (the notes list the row not stated).
  const stating = new Set<string>();
  for (const figure of figures) if (figure.mark.value !== null) stating.add(figure.mark.city);
  const rows: ChartRow[] = [];
  for (const [key, members] of sections) {
    // One pass over a section's figures: hundreds of cities pass through here on every toggle.
    const stated: SortedFigure[] = [];
    const followed: SortedFigure[] = [];
    const silent = new Set<string>();
    for (const figure of members) {
      const followedCity = follows(figure);
      if (followedCity) followed.push(figure);
      if (figure.mark.value !== null) stated.push(figure);
      else if (!followedCity && !stating.has(figure.mark.city)) silent.add(figure.mark.city);
    }
    const unlabelledMissing = silent.size;
    const heading = (sectioned || several) && key !== 'missing' ? sectionHeading(members[0]!.section, group, lang, m) : '';
    if (stated.length > 0 || unlabelledMissing > 0) {
      const label = [stated.length > 0 ? m.strip(stated.length) : '', unlabelledMissing > 0 ? m.stripMissing(unlabelledMissing) : ''].filter(Boolean).join(m.listSep);
      const dots: ChartDot[] = [];
      for (const figure of inValueOrder(stated)) dots.push(new FigureDot(figure, lang, m, follows(figure) ? focus : CONTEXT));
      rows.push({
        key: `strip:${group.key}:${stripKey(members[0]!.section, group)}`,
        label,
        name: heading ? m.labelled(heading, label) : label,
        shortLabel: [stated.length > 0 ? m.stripShort(stated.length) : '', unlabelledMissing > 0 ? m.stripMissing(unlabelledMissing) : '']
          .filter(Boolean)
          .join(m.listSep),
        value: null,
        color: 'var(--city-context)',
        fill: 'hollow',
        dashed: false,
        heading: heading || undefined,
        valueLabel: '',
        missingLabel: '',
        // Read after a dot's own description: how to move along the strip.
        description: m.stripKeys,
        dots,
      });
    }
    for (const figure of followed) rows.push(toChartRow(figure, '', lang, m, compact, focus));
  }
  return rows;
}

/**
 * A strip's key: a rank set's by its period and kind, not its place among the sets, which a toggle that makes one set
 * outgrow another changes. The keyboard's place on a strip, and the strip itself, stay with the same figures.
 */
function stripKey(section: SortedFigure['section'], group: Group): string {
  if (section.code !== 'rank_set') return section.code;
  const set = group.rankSets[section.index]!;
  return `rank_set:${set.period}:${set.kind}`;
}

/** A focus that no city is in: the dots of cities nobody follows stay grey context. */
const CONTEXT: ReadonlySet<string> = new Set(['\u0000']);

/** How a figure's mark looks, bar or dot: its city's colour (or the context grey), its kind's fill, dashed if set apart. */
function markLook(figure: SortedFigure, focus: ReadonlySet<string>): Pick<ChartRow, 'key' | 'color' | 'fill' | 'dashed'> {
  const { mark } = figure;
  return { key: mark.id, color: cityColour(mark.city, focus), fill: FILL[mark.kind], dashed: figure.status === 'set_apart' };
}

/**
 * One figure as a strip's dot. Only a strip's keyboard stop reads a dot's name and description, one dot at a time,
 * so they are made when read; a class, so hundreds of dots share their getters rather than each making its own.
 */
class FigureDot implements ChartDot {
  readonly key: string;
  readonly value: number;
  readonly color: string;
  readonly fill: ChartRow['fill'];
  readonly dashed: boolean;
  #row: ChartRow | undefined;
  constructor(
    private readonly figure: SortedFigure,
    private readonly lang: Lang,
    private readonly m: Messages,
    private readonly focus: ReadonlySet<string>,
  ) {
    ({ key: this.key, color: this.color, fill: this.fill, dashed: this.dashed } = markLook(figure, focus));
    this.value = figure.mark.value!;
  }
  #text(): ChartRow {
    return (this.#row ??= toChartRow(this.figure, '', this.lang, this.m, false, this.focus));
  }
  get label(): string {
    return this.m.labelled(this.#text().label, this.#text().valueLabel);
  }
  get description(): string {
    return this.#text().description;
  }
  /**
   * Whether this dot looks and reads exactly as `other`: the same mark (marks are made once per dataset and reading
   * order: orderedMarks in src/lib/data/views/marks.ts), drawn alike, with what its words are made of the same.
   */
  sameAs(other: ChartDot): boolean {
    if (!(other instanceof FigureDot)) return false;
    const a = this.figure;
    const b = other.figure;
    return (
      a.mark === b.mark &&
      this.color === other.color &&
      this.fill === other.fill &&
      this.dashed === other.dashed &&
      a.status === b.status &&
      sameList(a.reasons, b.reasons) &&
      this.lang === other.lang &&
      this.m === other.m &&
      this.focus.has(a.mark.city) === other.focus.has(b.mark.city)
    );
  }
}

const sameDots = (a: readonly ChartDot[] | undefined, b: readonly ChartDot[] | undefined): boolean =>
  a === b || (!!a && !!b && a.length === b.length && a.every((dot, i) => dot === b[i] || (dot instanceof FigureDot && dot.sameAs(b[i]!))));

/** Every field the same, and the dots each the same: a field added to ChartRow is compared too. */
const sameRow = (a: ChartRow, b: ChartRow): boolean => sameFields(a, b, (field, x, y) => (field === 'dots' ? sameDots(x as ChartDot[] | undefined, y as ChartDot[] | undefined) : x === y));

/**
 * `next` with each row that reads and looks exactly as one of `previous` replaced by that earlier row, and `previous`
 * itself when nothing changed: a chart follows a toggle among hundreds of cities by redrawing only the rows it
 * changed, since the marks under an unchanged row see the same object and do no work.
 */
export const keepUnchanged = (next: ChartRow[], previous: readonly ChartRow[]): ChartRow[] => keepUnchangedBy(next, previous, (row) => row.key, sameRow);

/** The heading each figure starts, or '': one rule for the chart and its table twin. */
function sectionHeadings(group: Group, figures: SortedFigure[], sort: SortOrder, sectioned: boolean, lang: Lang, m: Messages): string[] {
  let previous = '';
  return figures.map((figure) => {
    const section = sectionKey(figure.section, sort);
    const starts = section !== previous;
    previous = section;
    const named = sort === 'value' || figure.section.code !== 'rank_set';
    return starts && sectioned && named ? sectionHeading(figure.section, group, lang, m) : '';
  });
}

/**
 * One figure as a chart row. Compact (embeds): the panel's title names the measure, so the label is the city and
 * its flags (strive, set apart and why), one line; the figure's own label moves to the description and the card.
 */
export function toChartRow(
  figure: SortedFigure,
  heading: string,
  lang: Lang,
  m: Messages,
  compact = false,
  focus: ReadonlySet<string> = NO_FOCUS,
  /** The label names the figure as well as the city (always, but in compact charts where each city has one figure). */
  named = !compact,
): ChartRow {
  const { mark } = figure;
  const city = cityName(mark, lang);
  const flags = flagsOf(figure, m, lang);
  const missingLabel = notStatedText(mark, lang, m);
  const why = figure.status === 'set_apart' ? m.labelled(m.fields.setApartWhy, whySetApart(figure, lang, m)) : '';
  return {
    ...markLook(figure, focus),
    // Flags go with the label, which wraps, not with the value, which must fit beside its bar.
    label: !named
      ? `${mark.imported ? '◆ ' : ''}${flags.length ? m.aside(city, flags.join(m.listSep)) : city}`
      : `${mark.imported ? '◆ ' : ''}${city} — ${flags.length ? m.aside(label(mark, lang), flags.join(m.listSep)) : label(mark, lang)}`,
    value: mark.value,
    focused: focus.has(mark.city),
    heading: heading || undefined,
    valueLabel: `${figureText(figure, lang)} · ${formatPeriod(mark.period, lang)}`,
    missingLabel,
    description: [
      compact ? label(mark, lang) : '',
      m.kinds[mark.kind],
      why,
      docTitle(mark, lang),
      // The catalogue's own words begin a sentence here ("Imported by you."); a document's title stays as written.
      mark.imported ? capitalise(m.importedByYou) : '',
      focus.has(mark.city) ? capitalise(m.highlighted) : '',
    ]
      .filter(Boolean)
      .map((sentence) => `${sentence}${m.fullStop}`)
      .join(m.sentenceSep),
  };
}

/**
 * The table twin's rows: the chart's figures in the chart's order, with a heading row where a panel or a section
 * starts, so a table sorted by value never seems to rank figures across rank sets or panels.
 */
export function tableItems(model: ViewModel, lang: Lang, m: Messages): TableItem[] {
  const items: TableItem[] = [];
  for (const panel of model.panels) {
    const sections = sectionHeadings(panel.group, panel.figures, model.sort, panel.sectioned, lang, m);
    const title = model.panels.length > 1 ? panelTitle(panel.key, m) : '';
    panel.figures.forEach((figure, i) => {
      const heading = [i === 0 ? title : '', sections[i]].filter(Boolean).join(' — ');
      if (heading) items.push({ key: `${panel.key}:${figure.mark.id}:heading`, heading });
      items.push({ key: figure.mark.id, figure });
    });
  }
  return items;
}

/** A phrase made the start of a sentence: "imported by you" → "Imported by you" (Chinese is unchanged). */
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
