// The texts an exported image carries for a headline view: the same headline, legend, notes and source as the page.
import type { ExplorerModel } from '../lib/data/views/explorer';
import { documentsOf, type ViewModel } from '../lib/data/views/headline';
import { legendItems } from '../lib/components/legend';
import type { FigureText } from '../lib/export/svg';
import type { Messages } from '../lib/i18n/en';
import type { Lang } from '../lib/i18n/format';
import { comparisonNotes } from './explorerText';

export function headlineFigureText(model: ViewModel, m: Messages, url: string, date: string): FigureText {
  const copy = m.views[model.id];
  return {
    title: copy.title,
    dek: copy.dek,
    legend: legendItems(m, model.references.length > 0, model.marks.some((x) => x.imported)),
    notesTitle: m.notesTitle,
    notes: model.notes,
    source: m.sourceLine(model.documents.join(m.listSep)),
    credit: m.credit(date, url),
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
    title: m.explorer.compareTitle(m.categories[category] ?? category),
    dek: m.explorer.count(model.rows.length, model.total),
    legend: legendItems(m, false, model.rows.some((x) => x.imported)),
    notesTitle: m.notesTitle,
    notes: comparisonNotes(model, m, lang, filtered),
    source: m.sourceLine(documentsOf(groups.flatMap((g) => g.marks), lang, m).join(m.listSep)),
    credit: m.credit(date, url),
  };
}
