// Selects the figures of one view with Arquero and joins document and city names onto them.
import { op, type ColumnTable } from 'arquero';
import type { Dataset } from '../dataset';
import type { Figure } from '../schema';

/** One figure ready to draw: the figure plus the names a tooltip and a table need. */
export interface Mark extends Figure {
  city_zh: string;
  city_en: string;
  doc_title_zh: string;
  doc_title_en: string;
  doc_date: string;
  /** Position of the city in the selection, for stable ordering. */
  order: number;
}

export interface MarkQuery {
  category: string;
  measures: string[];
  units: string[];
  cities: string[];
}

/**
 * Figures of one category whose measure and unit the view draws, for the selected cities, in
 * selection order. Restatements and 其中 components are left out so each figure counts once;
 * not_stated rows are kept, since missing must be shown.
 */
export function selectMarks(data: Dataset, query: MarkQuery): Mark[] {
  const documents = data.documents.select({ id: 'doc', title_zh: 'doc_title_zh', title_en: 'doc_title_en', date: 'doc_date' });
  const cities = data.cities.select({ id: 'city', name_zh: 'city_zh', name_en: 'city_en' });
  const table: ColumnTable = data.figures
    .params(query)
    .filter(
      (d: Figure, $: MarkQuery) =>
        d.category === $.category &&
        op.includes($.measures, d.measure) &&
        op.includes($.units, d.unit) &&
        op.includes($.cities, d.city) &&
        !d.restates &&
        !d.part_of,
    )
    .derive({ order: (d: Figure, $: MarkQuery) => op.indexof($.cities, d.city) })
    .join_left(documents, 'doc')
    .join_left(cities, 'city')
    .orderby('order', 'period', 'measure');
  return table.objects() as Mark[];
}
