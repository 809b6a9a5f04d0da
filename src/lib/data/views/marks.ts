// Selects the figures of one view with Arquero from the figures table, with document and city names joined on.
import { op, type ColumnTable } from 'arquero';
import type { Dataset } from '../dataset';
import type { DocumentRow, Figure } from '../schema';

/** One figure ready to draw: the figure plus the names a tooltip and a table need. */
export interface Mark extends Figure {
  city_zh: string;
  city_en: string;
  doc_title_zh: string;
  doc_title_en: string;
  doc_date: string;
  doc_kind: DocumentRow['kind'];
  doc_period: string;
  /** The city comes from a file the reader imported, not from the bundled dataset. */
  imported: boolean;
  /** Position of the city in the selection, for stable ordering. */
  order: number;
}

export interface MarkQuery {
  category: string;
  cities: string[];
}

const enrichedCache = new WeakMap<Dataset, ColumnTable>();

/** Figures with their document and city names, joined once per dataset rather than on every change. */
export function enrichedFigures(data: Dataset): ColumnTable {
  let table = enrichedCache.get(data);
  if (!table) {
    const documents = data.documents.select({
      id: 'doc',
      title_zh: 'doc_title_zh',
      title_en: 'doc_title_en',
      date: 'doc_date',
      kind: 'doc_kind',
      period: 'doc_period',
    });
    const cities = data.cities.select({ id: 'city', name_zh: 'city_zh', name_en: 'city_en', imported: 'imported' });
    table = data.figures.join_left(documents, 'doc').join_left(cities, 'city');
    enrichedCache.set(data, table);
  }
  return table;
}

/**
 * Figures of one category for the selected cities, in selection order. Restatements and 其中
 * components are left out so each figure counts once; not_stated rows are kept, since missing
 * must be shown.
 */
export function selectMarks(data: Dataset, query: MarkQuery): Mark[] {
  return enrichedFigures(data)
    .params(query)
    .filter(
      (d: Figure, $: MarkQuery) =>
        d.category === $.category && op.includes($.cities, d.city) && !d.restates && !d.part_of,
    )
    .derive({ order: (d: Figure, $: MarkQuery) => op.indexof($.cities, d.city) })
    .orderby('order', 'period', 'measure')
    .objects() as Mark[];
}
