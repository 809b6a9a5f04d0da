// Turns a view's marks into generic chart rows: colour, fill by kind, dashed for narrow scope, labels.
import type { ChartRow } from '../lib/charts/types';
import type { Mark } from '../lib/data/views/marks';
import { cityName, docTitle, scopeProblem } from '../lib/data/views/headline';
import type { Messages } from '../lib/i18n/en';
import { formatFigure, formatPeriod, type Lang } from '../lib/i18n/format';
import { cityColour } from '../lib/components/palette';

const FILL = { target: 'hollow', actual: 'filled', guidance: 'hatched', not_stated: 'hollow' } as const;

export function figureText(mark: Mark, lang: Lang): string {
  return mark.value === null ? '' : formatFigure(mark.value, mark.unit, mark.qualifier, lang);
}

export function toChartRow(mark: Mark, lang: Lang, messages: Messages): ChartRow {
  const city = cityName(mark, lang);
  const label = lang === 'zh' ? mark.label_zh : mark.label_en;
  const period = formatPeriod(mark.period, lang);
  const flags = [
    mark.commitment === 'strive' ? messages.strive : '',
    scopeProblem(mark) ? messages.scopeFlags[scopeProblem(mark)!] : '',
  ].filter(Boolean);
  const valueLabel = `${figureText(mark, lang)} · ${period}`;
  const missingLabel = messages.notStatedIn(city, formatPeriod(mark.doc_period, lang), messages.docKinds[mark.doc_kind]);
  return {
    key: mark.id,
    // Flags go with the label, which wraps, not with the value, which must fit beside its bar.
    label: `${mark.imported ? '◆ ' : ''}${city} — ${flags.length ? messages.aside(label, flags.join(messages.listSep)) : label}`,
    value: mark.value,
    color: cityColour(mark.city),
    fill: FILL[mark.kind],
    dashed: scopeProblem(mark) !== null,
    valueLabel,
    missingLabel,
    description: `${messages.kinds[mark.kind]}. ${docTitle(mark, lang)}.${mark.imported ? ` ${messages.importedByYou}.` : ''}`,
  };
}
