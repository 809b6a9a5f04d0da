// The texts an exported image carries for a headline view: the same headline, legend, notes and source as the page.
import type { ExplorerModel } from '../lib/data/views/explorer';
import type { ViewModel } from '../lib/data/views/headline';
import { encodingsOf, legendItems } from '../lib/components/legend';
import { comparisonTitle, describeView, documentsOf, sourceLine } from '../lib/i18n/describe';
import { creditLine } from '../lib/export/credit';
import type { FigureText } from '../lib/export/svg';
import type { Messages } from '../lib/i18n/en';
import type { Lang } from '../lib/i18n/format';
import { comparisonNotes } from './explorerText';

export function headlineFigureText(model: ViewModel, m: Messages, lang: Lang, url: string, date: string): FigureText {
  const copy = m.views[model.id];
  const words = describeView(model, lang, m);
  return {
    title: copy.title,
    dek: copy.dek,
    legend: legendItems(m, encodingsOf(model.figures, model.references.length > 0)),
    notesTitle: m.notesTitle,
    notes: words.notes,
    source: sourceLine(words.documents, model.references.length > 0, m),
    credit: creditLine(m, url, date),
  };
}

/** The explorer's image is its comparison charts, titled by category, with the reasons they are not comparable. */
export function explorerFigureText(
  model: ExplorerModel,
  m: Messages,
  lang: Lang,
  filtered: boolean,
  url: string,
  date: string,
): FigureText {
  const category = model.comparison?.category ?? '';
  const groups = model.comparison?.groups ?? [];
  return {
    title: comparisonTitle(category, m),
    dek: m.explorer.compareDek(groups.length, new Set(groups.flatMap((g) => g.group.cities)).size),
    legend: legendItems(m, encodingsOf(groups.flatMap((g) => g.figures), false)),
    notesTitle: m.notesTitle,
    notes: comparisonNotes(model, m, lang, filtered),
    source: sourceLine(documentsOf(groups.flatMap((g) => g.figures.map((f) => f.mark)), lang, m), false, m),
    credit: creditLine(m, url, date),
  };
}
