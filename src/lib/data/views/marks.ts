// Selects the figures of one view from the figures table, each with its document's and city's names beside it.
import type { ColumnTable } from 'arquero';
import type { Dataset } from '../dataset';
import { foldForMatch } from '../cityMatch';
import { keepRows } from '../rows';
import type { DocumentRow, Figure } from '../schema';

/** One figure ready to draw: the figure plus the names a tooltip and a table need. */
export interface Mark extends Figure {
  city_zh: string;
  city_en: string;
  /**
   * Another city of the data has the same English name and a different Chinese one (Suzhou 苏州 and 宿州, Taizhou
   * 台州 and 泰州): English text names this city with its Chinese name too.
   */
  city_homonym: boolean;
  doc_title_zh: string;
  doc_title_en: string;
  /** The document's date for display: publication, else signing, else ''. */
  doc_date: string;
  doc_date_signed: string;
  doc_date_published: string;
  doc_issuer_zh: string;
  doc_issuer_en: string;
  /** The issuer is inferred, not printed in the text. */
  doc_issuer_inferred: boolean;
  doc_kind: DocumentRow['kind'];
  doc_period: string;
  /** The city comes from a file the reader imported, not from the bundled dataset. */
  imported: boolean;
  /** Position of the city in the reading order (or the selection), for stable ordering. */
  order: number;
}

export interface MarkQuery {
  category: string;
  /** The selected cities; without `order`, in the order their marks come in. */
  cities: readonly string[];
  /**
   * Every city in reading order, the selected ones among them: marks come in this order, and the same marks
   * (the same objects) come back however the selection changes, so a city toggle among hundreds copies nothing.
   */
  order?: readonly string[];
}

const enrichedCache = new WeakMap<Dataset, ColumnTable>();
const lookupCache = new WeakMap<Dataset, { documents: ColumnTable; cities: ColumnTable }>();

/** A document's columns a mark carries: its own name → the mark's. */
const DOCUMENT_FIELDS = {
  id: 'doc',
  title_zh: 'doc_title_zh',
  title_en: 'doc_title_en',
  date: 'doc_date',
  date_signed: 'doc_date_signed',
  date_published: 'doc_date_published',
  issuer_zh: 'doc_issuer_zh',
  issuer_en: 'doc_issuer_en',
  issuer_inferred: 'doc_issuer_inferred',
  kind: 'doc_kind',
  period: 'doc_period',
} as const;
const CITY_FIELDS = { id: 'city', name_zh: 'city_zh', name_en: 'city_en', imported: 'imported' } as const;
/** The columns a lookup adds to a figure: every one but the key it is found by. */
const added = (table: ColumnTable, key: string) => table.columnNames().filter((name) => name !== key);

/** Whether each city shares its English name with another city of a different Chinese name (case and width folded). */
function homonyms(cities: ColumnTable): boolean[] {
  const zh = cities.array('name_zh') as ArrayLike<string>;
  const en = cities.array('name_en') as ArrayLike<string>;
  const folded = Array.from({ length: zh.length }, (_, row) => (en[row] && en[row] !== zh[row] ? foldForMatch(en[row]!) : null));
  const chinese = new Map<string, Set<string>>();
  folded.forEach((name, row) => name !== null && chinese.set(name, (chinese.get(name) ?? new Set<string>()).add(zh[row]!)));
  return folded.map((name) => name !== null && chinese.get(name)!.size > 1);
}

/** The document and city columns a mark carries, renamed once per dataset. */
function lookups(data: Dataset): { documents: ColumnTable; cities: ColumnTable } {
  let found = lookupCache.get(data);
  if (!found) {
    const published = data.documents.array('date_published') as ArrayLike<string>;
    const signed = data.documents.array('date_signed') as ArrayLike<string>;
    const documents = data.documents
      .assign({ date: Array.from({ length: data.documents.numRows() }, (_, row) => published[row] || signed[row]) })
      .select(DOCUMENT_FIELDS);
    const cities = data.cities.select(CITY_FIELDS).assign({ city_homonym: homonyms(data.cities) });
    found = { documents, cities };
    lookupCache.set(data, found);
  }
  return found;
}

/**
 * The figures with their document's and city's columns beside them: what a left join on `doc` and `city` gives
 * (null where none matches), made from the two per-dataset maps, as no Arquero join runs without its expression parser.
 */
const enrich = (figures: ColumnTable, data: Dataset): ColumnTable => {
  const { documents, cities } = nameMaps(data);
  const columns = lookups(data);
  const lookup = (key: string, from: Map<string, object>, names: readonly string[]) => {
    const ids = figures.array(key) as ArrayLike<string>;
    const found = Array.from({ length: figures.numRows() }, (_, row) => from.get(ids[row]!) as Record<string, unknown> | undefined);
    return Object.fromEntries(names.map((name) => [name, found.map((row) => (row ? row[name] : null))]));
  };
  return figures.assign(lookup('doc', documents, added(columns.documents, 'doc')), lookup('city', cities, added(columns.cities, 'city')));
};

/** Figures with their document and city names, joined once per dataset rather than on every change. */
export function enrichedFigures(data: Dataset): ColumnTable {
  let table = enrichedCache.get(data);
  if (!table) {
    table = enrich(data.figures, data);
    enrichedCache.set(data, table);
  }
  return table;
}

/**
 * Every row of one category for the selected cities, in reading order (or selection order): restatements, 其中
 * parts and not_stated rows included, since compare() decides once what each of them means for a chart.
 */
export function selectMarks(data: Dataset, query: MarkQuery): Mark[] {
  const marks = orderedMarks(data, query.category, query.order ?? query.cities);
  if (!query.order) return marks;
  const chosen = new Set(query.cities);
  return marks.filter((mark) => chosen.has(mark.city));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const orderedCache = new WeakMap<Dataset, Map<string, { key: string; marks: Mark[] }>>();

/** A category's marks of the cities in `order`, in that order: the last list made per category is kept. */
function orderedMarks(data: Dataset, category: string, order: readonly string[]): Mark[] {
  let byCategory = orderedCache.get(data);
  if (!byCategory) orderedCache.set(data, (byCategory = new Map()));
  const key = order.join('\u0000');
  const cached = byCategory.get(category);
  if (cached?.key === key) return cached.marks;
  const index = new Map(order.map((city, i) => [city, i]));
  const marks = categoryMarks(data, category)
    .filter((mark) => index.has(mark.city))
    .map((mark): Mark => ({ ...mark, order: index.get(mark.city)! }))
    .sort((a, b) => a.order - b.order || byText(a.period, b.period) || byText(a.measure, b.measure));
  byCategory.set(category, { key, marks });
  return marks;
}

const categoryCache = new WeakMap<Dataset, Map<string, Omit<Mark, 'order'>[]>>();

/**
 * Every row of a category, all cities, with the names a mark carries: once per dataset and category, so a city
 * toggle among hundreds filters a few hundred marks instead of querying the whole table again. Filter first, then
 * add the names: one category of a large import is a few rows, the whole table thousands; the names come from two
 * small per-dataset maps, not a join, which Arquero would compile afresh each time.
 */
function categoryMarks(data: Dataset, category: string): Omit<Mark, 'order'>[] {
  let byCategory = categoryCache.get(data);
  if (!byCategory) categoryCache.set(data, (byCategory = new Map()));
  let marks = byCategory.get(category);
  if (!marks) {
    const categories = data.figures.array('category') as ArrayLike<string>;
    const rows = keepRows(data.figures, (row) => categories[row] === category).objects() as Figure[];
    const { documents, cities } = nameMaps(data);
    marks = rows.map((figure) => ({ ...figure, ...documents.get(figure.doc)!, ...cities.get(figure.city)! }));
    byCategory.set(category, marks);
  }
  return marks;
}

type DocumentNames = Pick<Mark, `doc_${string}` & keyof Mark>;
type CityNames = Pick<Mark, 'city_zh' | 'city_en' | 'city_homonym' | 'imported'>;
const namesCache = new WeakMap<Dataset, { documents: Map<string, DocumentNames>; cities: Map<string, CityNames> }>();

/** Each document's and city's columns as a mark carries them, by id, once per dataset. */
function nameMaps(data: Dataset) {
  let maps = namesCache.get(data);
  if (!maps) {
    const { documents, cities } = lookups(data);
    maps = {
      documents: new Map((documents.objects() as (DocumentNames & { doc: string })[]).map(({ doc, ...names }) => [doc, names])),
      cities: new Map((cities.objects() as (CityNames & { city: string })[]).map(({ city, ...names }) => [city, names])),
    };
    namesCache.set(data, maps);
  }
  return maps;
}
