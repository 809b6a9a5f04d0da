// "Download all data": every figure, document and city as CSV, with the codebook and a Frictionless descriptor, zipped in the browser.
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import codebook from '../../../data/README.md?raw';
import { compare, type ReasonCode, type Standing, type Status } from '../data/compare';
import type { Dataset } from '../data/dataset';
import { isoMonth } from '../data/period';
import {
  COMMITMENTS,
  DOCUMENT_KINDS,
  KINDS,
  QUALIFIERS,
  SCOPE_CLASSES,
  citySchema,
  documentSchema,
  figureSchema,
  nationalRdSchema,
  type CityRow,
  type DocumentRow,
  type NationalRdRow,
  type Schema,
} from '../data/schema';
import { enrichedFigures, type Mark } from '../data/views/marks';
import { catalogues } from '../i18n';
import { formatFigure, type Lang } from '../i18n/format';
import { apaDataset, gbt7714Dataset } from './cite';
import { BOM, toCsv } from './csv';

export interface DataPackageOptions {
  /** The tables on the page: the bundled cities plus any the reader imported (App's `data`). */
  data: Dataset;
  /** Whether imported cities' rows go in; they are marked `imported = yes` when they do. */
  includeImported: boolean;
  /** The app's version, which is also the package's. */
  version: string;
  /** The date the bundled data were last revised (src/lib/version.ts), named in the README when given. */
  dataVersion?: string;
  /** The public address of the app; a file: or other non-web address is ignored, as nobody else can open it. */
  publishedUrl?: string;
  /** The package's date, yyyy-mm-dd; passed in so the same data and date always give the same bytes. */
  date: string;
}

/** Frictionless Table Schema field types this package uses. */
type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'yearmonth';

interface FieldDescriptor {
  name: string;
  type: FieldType;
  description: string;
  format?: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
}

/** One column of a CSV: its Table Schema field and how a row fills it; the header and the schema come from one list. */
interface Column<Row> extends FieldDescriptor {
  cell: (row: Row) => string | number | null;
}

interface ForeignKey {
  fields: string;
  /** `resource: ''` is the same table (a row pointing at another row). */
  reference: { resource: string; fields: string };
}

interface ResourceDescriptor {
  name: string;
  path: string;
  title: string;
  description: string;
  profile: 'tabular-data-resource' | 'data-resource';
  format: string;
  mediatype: string;
  encoding: 'utf-8';
  bytes: number;
  schema?: { fields: FieldDescriptor[]; missingValues: string[]; primaryKey?: string[]; foreignKeys?: ForeignKey[] };
}

export interface DataPackageDescriptor {
  profile: 'data-package';
  name: string;
  title: string;
  description: string;
  version: string;
  created: string;
  homepage?: string;
  keywords: string[];
  licenses: { name: string; path: string; title: string }[];
  sources: { title: string; path?: string }[];
  resources: ResourceDescriptor[];
}

/** Frictionless names: lowercase letters, digits, `.`, `_` and `-`. */
const NAME = /^[a-z0-9._-]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const LICENCE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
};

/**
 * The package's title per language. It lives here, not in the catalogues, because it names a file that is the
 * same whichever language the page is in; it says no number of cities, as imported ones may be included.
 */
const TITLE: Record<Lang, string> = {
  en: `${catalogues.en.siteTitle}: science and technology figures from Chinese city documents`,
  zh: `${catalogues.zh.siteTitle}：城市科技工作文件量化数据集`,
};

// Every code compare() can give, each with a gloss: a Record, so a new code cannot be left out of the schema.
const STATUS: Record<Status, string> = {
  comparable: 'compares with others of its group',
  set_apart: 'counts something else, such as a combined figure or another scope, so it is drawn apart and never ranked',
  missing: 'not stated in the document',
};
const STANDING: Record<Standing, string> = {
  ranked: 'ranked against the others of its rank set',
  unranked: 'comparable, but alone in its rank set of period and kind, so not ranked',
  alone: 'the only stated comparable figure of its group',
  set_apart: 'set apart, never ranked',
  missing: 'not stated',
};
const REASON: Record<ReasonCode, string> = {
  unit: 'another unit',
  measure: 'another category or measure',
  combined: 'one number for several kinds of thing',
  scope: 'another scope than the reference scope of its group',
  scope_unstated: 'no scope stated where the measure needs one, as rd_intensity and rd_spending do',
  period_length: 'a period of another length',
  years: 'the same length of period, other years',
  kind: 'another kind of figure, such as a target beside an actual',
};

const yesNo = { trueValues: ['yes'], falseValues: ['no'] };
const codes = (glosses: Record<string, string>) => Object.entries(glosses).map(([code, gloss]) => `${code} = ${gloss}`).join('; ');

type Described = Omit<FieldDescriptor, 'name'>;

/** The codebook's columns of targets.csv, described for datapackage.json; the order is the schema's, the header's. */
const FIGURE_FIELDS = new Map<string, Described>([
  ['id', { type: 'string', description: 'Stable row id.', constraints: { required: true, unique: true } }],
  ['city', { type: 'string', description: 'City id (cities.csv).', constraints: { required: true } }],
  ['doc', { type: 'string', description: 'Source document id (documents.csv).', constraints: { required: true } }],
  ['category', { type: 'string', description: 'Topic, snake_case (codebook: Categories).' }],
  ['measure', { type: 'string', description: 'What is counted within the topic, snake_case (codebook: Headline measures).' }],
  ['kind', { type: 'string', description: 'What the figure is (codebook: kind).', constraints: { enum: [...KINDS] } }],
  ['period', { type: 'string', description: 'The period as written: 2023, 2022-2023, 2023H1 or 2023-01/2023-05 (codebook: period syntax).' }],
  ['qualifier', { type: 'string', description: 'How the number is bounded; empty only for not_stated.', constraints: { enum: [...QUALIFIERS] } }],
  ['value', { type: 'number', description: 'The number in `unit`, as the text means it; empty only for not_stated (missing is never zero).' }],
  ['unit', { type: 'string', description: 'The unit as written (%, 家, 亿元, 万元, 万人, …): value is in this unit.' }],
  ['scope_class', { type: 'string', description: 'Whom the figure covers, as its sentence says (codebook: scope_class).', constraints: { enum: [...SCOPE_CLASSES] } }],
  ['scope_zh', { type: 'string', description: 'The scope in the text’s own words; empty when none is stated.' }],
  ['scope_en', { type: 'string', description: 'English for scope_zh.' }],
  ['combined', { type: 'boolean', ...yesNo, description: 'yes when one number counts several different kinds of thing together.' }],
  ['label_zh', { type: 'string', description: 'Short Chinese label in the text’s terms.' }],
  ['label_en', { type: 'string', description: 'Short English label.' }],
  ['quote', { type: 'string', description: 'Verbatim substring of the source document showing the figure (OCR noise kept).' }],
  ['commitment', { type: 'string', description: 'strive (力争/争取/努力), assured (确保) or plain.', constraints: { enum: [...COMMITMENTS] } }],
  ['note_en', { type: 'string', description: 'Caveats in English.' }],
  ['note_zh', { type: 'string', description: 'The same caveats in Chinese.' }],
  ['restates', { type: 'string', description: 'Id of the primary row this row states again; empty for a primary.' }],
  ['part_of', { type: 'string', description: 'Id of the total this row is a part (其中) of.' }],
]);

const DOCUMENT_FIELDS = new Map<string, Described>([
  ['id', { type: 'string', description: 'Document id.', constraints: { required: true, unique: true } }],
  ['city', { type: 'string', description: 'Issuing city (cities.csv).', constraints: { required: true } }],
  ['title_zh', { type: 'string', description: 'Title as published.' }],
  ['title_en', { type: 'string', description: 'English translation of the title.' }],
  ['issuer_zh', { type: 'string', description: 'Issuing body in Chinese.' }],
  ['issuer_en', { type: 'string', description: 'Issuing body in English.' }],
  ['issuer_inferred', { type: 'boolean', ...yesNo, description: 'yes when the text does not print the issuer and it was inferred.' }],
  ['date_signed', { type: 'date', description: 'Signing or generation date as printed; empty when none is printed.' }],
  ['date_published', { type: 'date', description: 'Publication date the page prints; empty when none is printed.' }],
  ['kind', { type: 'string', description: 'Type of document.', constraints: { enum: [...DOCUMENT_KINDS] } }],
  ['period', { type: 'string', description: 'The period the document covers.' }],
  ['source_file', { type: 'string', description: 'The source text the quotes come from; empty for an imported document.' }],
]);

const CITY_FIELDS = new Map<string, Described>([
  ['id', { type: 'string', description: 'City id used everywhere.', constraints: { required: true, unique: true } }],
  ['name_zh', { type: 'string', description: 'City name in Chinese.' }],
  ['name_en', { type: 'string', description: 'City name in English.' }],
  ['province_zh', { type: 'string', description: 'Province in Chinese; empty for an imported city.' }],
  ['province_en', { type: 'string', description: 'Province in English; empty for an imported city.' }],
  ['level_zh', { type: 'string', description: 'Administrative level in Chinese (地级市, 县级市…).' }],
  ['level_en', { type: 'string', description: 'Administrative level in English.' }],
]);

const NATIONAL_FIELDS = new Map<string, Described>([
  ['year', { type: 'integer', description: 'Calendar year.', constraints: { required: true, unique: true } }],
  ['value', { type: 'number', description: 'R&D expenditure as a share of GDP, in `unit`.' }],
  ['unit', { type: 'string', description: 'Always %.' }],
  ['source_zh', { type: 'string', description: 'The bulletin the figure comes from, in Chinese; cite it as given.' }],
  ['source_en', { type: 'string', description: 'The same bulletin in English.' }],
  ['note', { type: 'string', description: 'R&D spending total and publication details, including later revisions.' }],
]);

/** A typed cell as CSV text: booleans as yes/no (the data's own spelling), a missing value as an empty cell. */
function plain(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value;
  return String(value);
}

/**
 * The columns of a schema, in its order, so each CSV keeps the header of the file it mirrors. Only the schema's own
 * column names index a row, never a name from a reader's file. A column without a description is a bug here.
 */
function schemaColumns<Row>(schema: Schema<Row>, described: ReadonlyMap<string, Described>): Column<Row>[] {
  return schema.columns.map(({ name }) => {
    const field = described.get(name);
    if (!field) throw new Error(`datapackage: no description for column "${name}".`);
    return { name, ...field, cell: (row: Row) => plain((row as Record<string, unknown>)[name]) };
  });
}

/** Where a row stands in compare(): the figure's codes, or for a restatement or 其中 part only the figure it shows with. */
interface Comparison {
  status: Status | null;
  standing: Standing | null;
  reasons: readonly ReasonCode[];
  rankSet: number | null;
  shownWith: string;
}

/**
 * compare() over every row of the package at once, in its default grouping (category + measure + unit, all cities
 * and periods together). Rows compare() puts on no card (a part whose total is itself a part) get nothing.
 */
function comparisons(marks: readonly Mark[]): Map<string, Comparison> {
  const result = new Map<string, Comparison>();
  const shownOn = (id: string): Comparison => ({ status: null, standing: null, reasons: [], rankSet: null, shownWith: id });
  for (const group of compare(marks))
    for (const figure of group.figures) {
      const id = figure.mark.id;
      result.set(id, {
        status: figure.status,
        standing: figure.standing,
        reasons: figure.reasons,
        rankSet: figure.rankSet >= 0 ? figure.rankSet : null,
        shownWith: id,
      });
      for (const row of [...figure.wordings, ...figure.parts]) result.set(row.id, shownOn(id));
    }
  return result;
}

/** A targets.csv row: the figure with its names, and what compare() said of it. */
type TargetRow = { mark: Mark; comparison: Comparison | undefined };

/** The codebook's columns, then the names, display figures, months and compare() codes a reader would otherwise have to derive. */
function targetColumns(includeImported: boolean): Column<TargetRow>[] {
  const own = schemaColumns(figureSchema, FIGURE_FIELDS).map((c) => ({ ...c, cell: (r: TargetRow) => c.cell(r.mark) }));
  const figure = (lang: Lang) => (r: TargetRow) =>
    r.mark.value === null ? null : formatFigure(r.mark.value, r.mark.unit, r.mark.qualifier, lang, r.mark.category);
  const added: Column<TargetRow>[] = [
    { name: 'city_zh', type: 'string', description: 'City name in Chinese.', cell: (r) => r.mark.city_zh },
    { name: 'city_en', type: 'string', description: 'City name in English.', cell: (r) => r.mark.city_en },
    { name: 'doc_title_zh', type: 'string', description: 'Source document title as published.', cell: (r) => r.mark.doc_title_zh },
    { name: 'doc_title_en', type: 'string', description: 'Source document title in English.', cell: (r) => r.mark.doc_title_en },
    {
      name: 'figure_zh',
      type: 'string',
      description: 'The figure as the app shows it in Chinese: qualifier sign, number and unit (≥300家). Empty for not_stated.',
      cell: figure('zh'),
    },
    {
      name: 'figure_en',
      type: 'string',
      description:
        'The figure as the app shows it in English, in English units where it has them (50 亿元 → CNY 5 bn; 1.5 万人 → 15k people). Empty for not_stated.',
      cell: figure('en'),
    },
    { name: 'period_start', type: 'yearmonth', description: 'First month of the period, YYYY-MM.', cell: (r) => isoMonth(r.mark.span.start) },
    { name: 'period_end', type: 'yearmonth', description: 'Last month of the period, YYYY-MM.', cell: (r) => isoMonth(r.mark.span.end) },
    {
      name: 'compare_status',
      type: 'string',
      description: `compare() status of a figure: ${codes(STATUS)}. Empty for a restatement or a 其中 part (see shown_with).`,
      constraints: { enum: Object.keys(STATUS) },
      cell: (r) => r.comparison?.status ?? null,
    },
    {
      name: 'compare_standing',
      type: 'string',
      description: `Where the figure stands for ranking: ${codes(STANDING)}. Empty for a restatement or a part.`,
      constraints: { enum: Object.keys(STANDING) },
      cell: (r) => r.comparison?.standing ?? null,
    },
    {
      name: 'compare_reasons',
      type: 'string',
      description: `Space-separated reason codes: for a set-apart figure what sets it apart; for a comparable one outside the group’s first rank set how it differs from that set. Codes: ${codes(REASON)}.`,
      cell: (r) => r.comparison?.reasons.join(' ') ?? null,
    },
    {
      name: 'compare_rank_set',
      type: 'integer',
      description:
        'Rank set within the group (category + measure + unit), 0 the largest: only figures of one group and one rank set may be ranked against each other. Empty when set apart, missing, a restatement or a part.',
      cell: (r) => r.comparison?.rankSet ?? null,
    },
    {
      name: 'shown_with',
      type: 'string',
      description:
        'Id of the figure whose card shows this row: its own id for a figure, the primary for a restatement, the total for a 其中 part. Count rows where shown_with = id to count each figure once.',
      cell: (r) => r.comparison?.shownWith ?? null,
    },
  ];
  const imported: Column<TargetRow>[] = includeImported
    ? [
        {
          name: 'imported',
          type: 'boolean',
          ...yesNo,
          description: 'yes for a row from a file the person who made this package imported; not part of the compiled data.',
          cell: (r) => (r.mark.imported ? 'yes' : 'no'),
        },
      ]
    : [];
  return [...own, ...added, ...imported];
}

/** An `imported` column for documents and cities, present exactly when targets.csv has one. */
function withImportedColumn<Row>(columns: Column<Row>[], includeImported: boolean, isImported: (row: Row) => boolean): Column<Row>[] {
  if (!includeImported) return columns;
  return [
    ...columns,
    { name: 'imported', type: 'boolean', ...yesNo, description: 'yes for a row imported by the person who made this package.', cell: (row) => (isImported(row) ? 'yes' : 'no') },
  ];
}

/** `date` only when every cell is a full ISO date: the data also allow 2023 or 2023-03, which a date type rejects. */
function datesOrText<Row>(columns: Column<Row>[], rows: readonly Row[]): Column<Row>[] {
  return columns.map((column) => {
    if (column.type !== 'date') return column;
    const full = rows.every((row) => {
      const cell = column.cell(row);
      return cell === null || cell === '' || ISO_DATE.test(String(cell));
    });
    return full ? column : { ...column, type: 'string', description: `${column.description} ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD.` };
  });
}

/** The Table Schema fields of some columns: everything but how a row fills them. */
const fieldsOf = <Row>(columns: Column<Row>[]): FieldDescriptor[] =>
  columns.map((column) => Object.fromEntries(Object.entries(column).filter(([key]) => key !== 'cell')) as unknown as FieldDescriptor);

const byteLength = (text: string) => strToU8(text).length;

/** A web address others can open, or null: a file: page, a blob: or anything not http(s) is nobody else's. */
function publicUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function checkDate(date: string): void {
  const m = ISO_DATE.exec(date);
  if (!m || +m[2]! < 1 || +m[2]! > 12 || +m[3]! < 1 || +m[3]! > 31) throw new RangeError(`datapackage: date must be yyyy-mm-dd, got "${date}".`);
}

interface Table<Row> {
  name: string;
  path: string;
  title: string;
  description: string;
  rows: readonly Row[];
  columns: Column<Row>[];
  primaryKey?: string;
  foreignKeys?: ForeignKey[];
}

const foreignKey = (field: string, resource: string, target = 'id'): ForeignKey => ({ fields: field, reference: { resource, fields: target } });

/**
 * The files of the package, in the order the zip lists them: README.md, datapackage.json, then the tables. Pure:
 * the same tables, options and date give the same texts.
 */
export function dataPackageFiles(options: DataPackageOptions): Map<string, string> {
  checkDate(options.date);
  const { data, includeImported } = options;
  const url = publicUrl(options.publishedUrl);

  const allCities = data.cities.objects() as (CityRow & { imported: boolean })[];
  const cities = allCities.filter((c) => includeImported || !c.imported);
  const included = new Set(cities.map((c) => c.id));
  const importedCities = new Set(cities.filter((c) => c.imported).map((c) => c.id));
  const documents = (data.documents.objects() as DocumentRow[]).filter((d) => included.has(d.city));
  const nationalRd = data.nationalRd.objects() as NationalRdRow[];

  // The marks come from the one join of names onto figures; the rows keep the figures table's order.
  const cityOrder = new Map(cities.map((c, index) => [c.id, index]));
  const markOf = new Map<string, Mark>();
  for (const row of enrichedFigures(data).objects() as Omit<Mark, 'order'>[])
    if (included.has(row.city)) markOf.set(row.id, { ...row, order: cityOrder.get(row.city)! });
  const marks = Array.from(data.figures.array('id') as ArrayLike<string>).flatMap((id) => markOf.get(id) ?? []);
  const compared = comparisons(marks);
  const rows: TargetRow[] = marks.map((mark) => ({ mark, comparison: compared.get(mark.id) }));

  const tables = [
    {
      name: 'targets',
      path: 'targets.csv',
      title: 'Figures',
      description: 'Every figure of the documents, one row per figure, restatements and 其中 parts included.',
      rows,
      columns: targetColumns(includeImported),
      primaryKey: 'id',
      foreignKeys: [
        foreignKey('city', 'cities'),
        foreignKey('doc', 'documents'),
        foreignKey('restates', ''),
        foreignKey('part_of', ''),
        foreignKey('shown_with', ''),
      ],
    } satisfies Table<TargetRow>,
    {
      name: 'documents',
      path: 'documents.csv',
      title: 'Source documents',
      description: 'The documents the figures come from, one row each.',
      rows: documents,
      columns: datesOrText(
        withImportedColumn(schemaColumns(documentSchema, DOCUMENT_FIELDS), includeImported, (d) => importedCities.has(d.city)),
        documents,
      ),
      primaryKey: 'id',
      foreignKeys: [foreignKey('city', 'cities')],
    } satisfies Table<DocumentRow>,
    {
      name: 'cities',
      path: 'cities.csv',
      title: 'Cities',
      description: 'The cities, one row each.',
      rows: cities,
      columns: withImportedColumn(schemaColumns<CityRow>(citySchema, CITY_FIELDS), includeImported, (c) => c.imported === true),
      primaryKey: 'id',
    } satisfies Table<CityRow>,
    {
      name: 'national_rd_intensity',
      path: 'national_rd_intensity.csv',
      title: 'National R&D intensity',
      description: 'China’s R&D expenditure as a share of GDP, from the NBS, MOST and MOF statistical bulletins, cited as given there.',
      rows: nationalRd,
      columns: schemaColumns(nationalRdSchema, NATIONAL_FIELDS),
      primaryKey: 'year',
    } satisfies Table<NationalRdRow>,
  ];

  const csv = new Map<string, string>();
  const resources: ResourceDescriptor[] = [];
  // Each table pairs its own rows with its own columns; the loop only hands the one to the other.
  for (const table of tables as Table<unknown>[]) {
    const text = toCsv(table.rows, table.columns.map((c) => ({ header: c.name, cell: c.cell })));
    csv.set(table.path, text);
    resources.push({
      name: table.name,
      path: table.path,
      title: table.title,
      description: table.description,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: byteLength(text),
      schema: {
        fields: fieldsOf(table.columns),
        missingValues: [''],
        ...(table.primaryKey ? { primaryKey: [table.primaryKey] } : {}),
        ...(table.foreignKeys ? { foreignKeys: table.foreignKeys } : {}),
      },
    });
  }

  const readme = readmeText({ options, url, rows, cities, documents, nationalRd, importedCities });
  resources.unshift({
    name: 'readme',
    path: 'README.md',
    title: 'Read me and codebook',
    description: 'What the package holds, its terms, how to cite it, and the codebook of every column.',
    profile: 'data-resource',
    format: 'md',
    mediatype: 'text/markdown',
    encoding: 'utf-8',
    bytes: byteLength(readme),
  });

  const descriptor: DataPackageDescriptor = {
    profile: 'data-package',
    name: 'tech-targets',
    title: TITLE.en,
    description:
      'Quantitative science-and-technology targets and results from Chinese city government documents, each traceable word for word to its source, with the national R&D intensity series for reference.' +
      (importedCities.size > 0 ? ' Includes cities imported by the person who made the package (imported = yes).' : ''),
    version: options.version,
    created: `${options.date}T00:00:00Z`,
    ...(url ? { homepage: url } : {}),
    keywords: ['science and technology', 'targets', 'China', 'cities', 'R&D intensity', 'high-tech enterprises', 'technology market'],
    licenses: [LICENCE],
    sources: [
      ...documents.map((d) => ({ title: `${d.title_zh} (${d.title_en})${importedCities.has(d.city) ? ', imported' : ''}` })),
      ...nationalRd.map((n) => ({ title: `${n.source_zh} (${n.source_en})` })),
    ],
    resources,
  };

  return new Map<string, string>([
    ['README.md', readme],
    ['datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`],
    ...csv,
  ]);
}

/** The citations of this package, GB/T 7714 and APA 7, in both languages. */
export function packageCitations(version: string, date: string, url: string | null): { gbt7714: Record<Lang, string>; apa: Record<Lang, string> } {
  const input = (lang: Lang) => ({ app: catalogues[lang].siteTitle, title: TITLE[lang], version, date, url, lang });
  return {
    gbt7714: { zh: gbt7714Dataset(input('zh')), en: gbt7714Dataset(input('en')) },
    apa: { en: apaDataset(input('en')), zh: apaDataset(input('zh')) },
  };
}

interface ReadmeParts {
  options: DataPackageOptions;
  url: string | null;
  rows: readonly TargetRow[];
  cities: readonly CityRow[];
  documents: readonly DocumentRow[];
  nationalRd: readonly NationalRdRow[];
  importedCities: ReadonlySet<string>;
}

/** The package's own header, then the codebook verbatim: the codebook describes the columns the files share with data/. */
function readmeText(parts: ReadmeParts): string {
  const { options, url, rows, cities, documents, nationalRd, importedCities } = parts;
  const cite = packageCitations(options.version, options.date, url);
  const figures = rows.filter((r) => r.comparison?.shownWith === r.mark.id).length;
  const importedRows = rows.filter((r) => r.mark.imported).length;
  const codebookColumns = figureSchema.columns.length;
  const lines = [
    `# ${TITLE.en}`,
    '',
    `${TITLE.zh}`,
    '',
    `Data package version ${options.version}, made on ${options.date} by ${catalogues.en.siteTitle} ${options.version}` +
      (url ? `, ${url}.` : ', from a copy of the app that has no public address.'),
    ...(options.dataVersion ? ['', `The bundled data were last revised on ${options.dataVersion}.`] : []),
    '',
    'Science-and-technology figures from Chinese city government documents, one row per figure, each traceable word for ' +
      'word to its source, with the national R&D intensity series for reference. It is a Frictionless Data Package: ' +
      '`datapackage.json` describes every file and column (https://specs.frictionlessdata.io/data-package/).',
    '',
    ...(importedCities.size > 0
      ? [
          `**${importedCities.size === 1 ? 'One city was' : `${importedCities.size} cities were`} imported** by the person who made this ` +
            `package, from their own file (${importedRows} rows, \`imported = yes\`). Those rows are not part of the ` +
            `${catalogues.en.siteTitle} compilation: nobody has checked them against a source, and their terms are that person’s.`,
          '',
        ]
      : []),
    '## Files',
    '',
    '| file | rows | what it is |',
    '|---|---|---|',
    '| `README.md` | | What you are reading: the package, its terms, how to cite it, then the codebook — every column and its vocabulary, how the app decides what compares, and how ambiguous cases were decided. |',
    '| `datapackage.json` | | The Frictionless descriptor: every column’s name, type and meaning, keys and links between files. |',
    `| \`targets.csv\` | ${rows.length} | Every figure, restatements and 其中 parts included (${figures} figures once each). |`,
    `| \`documents.csv\` | ${documents.length} | The source documents. |`,
    `| \`cities.csv\` | ${cities.length} | The cities. |`,
    `| \`national_rd_intensity.csv\` | ${nationalRd.length} | China’s R&D intensity, from the NBS, MOST and MOF bulletins. |`,
    '',
    'The CSV files are UTF-8 with a byte-order mark (so that Excel shows the Chinese), comma-separated, with CRLF ' +
      'line ends and a header row; fields are quoted when needed. Booleans are `yes` / `no`, and an empty cell is a ' +
      'missing value, never zero. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written ' +
      'with a leading apostrophe, so that a spreadsheet shows it instead of running it as a formula. (The codebook ' +
      'below was written for the project’s own data folder, whose files have `\\n` line ends and no byte-order mark.) ' +
      'A reader that keeps the byte-order mark shows the first column as `\\uFEFFid`; the files are still UTF-8, read ' +
      'them as UTF-8 with BOM (`utf-8-sig` in Python).',
    '',
    '## targets.csv in this package',
    '',
    `The first ${codebookColumns} columns are the columns of the codebook below, in its order. After them come:`,
    '',
    '- `city_zh`, `city_en`, `doc_title_zh`, `doc_title_en`: names joined from `cities.csv` and `documents.csv`.',
    '- `figure_zh`, `figure_en`: the figure as the app shows it in each language, qualifier sign, number and unit ' +
      '(at least 50 亿元 is `≥50亿元` and `≥CNY 5 bn`). `value` and `unit` stay as the text has them.',
    '- `period_start`, `period_end`: the first and last month of `period`, `YYYY-MM` (2023H1 is 2023-01 to 2023-06).',
    '- `compare_status`, `compare_standing`, `compare_reasons`, `compare_rank_set`, `shown_with`: what the app’s one ' +
      'comparability rule says about each figure (codes glossed in `datapackage.json`).',
    ...(options.includeImported ? ['- `imported`: `yes` for a row of an imported city.'] : []),
    '',
    'The codes of the comparability columns:',
    '',
    `- \`compare_status\`: ${codes(STATUS)}.`,
    `- \`compare_standing\`: ${codes(STANDING)}.`,
    `- \`compare_reasons\` (space-separated): ${codes(REASON)}.`,
    '',
    '**How the comparability columns were computed.** The app’s `compare()` was run once over every row of this ' +
      'package, in its default grouping: figures are grouped by `category` + `measure` + `unit` across all cities and ' +
      'periods, and within a group the rules under "How the app decides what compares" below decide which figures are ' +
      'set apart and which rank sets the rest fall into. Only figures with the same `category`, `measure`, `unit` and ' +
      '`compare_rank_set` may be ranked against each other. A restatement or a 其中 part is not a figure of its own: its ' +
      'compare columns are empty and `shown_with` names the figure whose card shows it; keep the rows where ' +
      '`shown_with` equals `id` to count every figure once. On screen the app compares only the cities and the ' +
      'category in view, so there the reference scope of a group, and with it a figure’s standing, can differ.',
    '',
    '## Terms',
    '',
    'The figures are compiled from public government documents of the cities (`documents.csv`); every `quote` is ' +
      'verbatim from its document. The national series is from the statistical bulletins named in its `source_zh` / ' +
      '`source_en` columns, cited as given there and not recomputed. The compilation (the selection of figures, their ' +
      'coding, labels, translations and notes) is offered under the Creative Commons Attribution 4.0 International ' +
      `licence (CC BY 4.0, ${LICENCE.path}): you may share and adapt it if you credit ${catalogues.en.siteTitle} as below.` +
      (importedCities.size > 0 ? ' Imported rows are not covered by these terms.' : ''),
    '',
    '## How to cite',
    '',
    'GB/T 7714-2015:',
    '',
    `    ${cite.gbt7714.zh}`,
    `    ${cite.gbt7714.en}`,
    '',
    'APA 7:',
    '',
    `    ${cite.apa.en}`,
    `    ${cite.apa.zh}`,
    '',
    'Cite the source documents too when you quote a figure, and the bulletins when you use the national series:',
    '',
    ...nationalRd.map((n) => `- ${n.year}: ${n.source_zh} (${n.source_en})`),
    '',
    '---',
    '',
    '',
  ];
  return `${lines.join('\n')}${codebook}`;
}

/**
 * The package as one zip. Same files and date, same bytes: the entries keep the map's order and all carry the
 * package's date. fflate stores a zip time from the local-time fields of a Date, so the Date is made from local
 * fields too, and every time zone writes the same noon of that day.
 */
export function zipDataPackage(files: ReadonlyMap<string, string | Uint8Array>, date: string): Uint8Array {
  checkDate(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(year, month - 1, day, 12, 0, 0);
  // The entry names are the package's own file names, not a reader's.
  const entries = Object.fromEntries([...files].map(([name, content]) => [name, typeof content === 'string' ? strToU8(content) : content]));
  return zipSync(entries, { mtime });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The header row of a CSV text, BOM removed. */
function headerOf(text: string): string[] {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  return (Papa.parse<string[]>(body, { preview: 1 }).data[0] ?? []).map(String);
}

/** A tabular resource's schema against the spec (fields, each named, once) and against its CSV's header. */
function tableProblems(label: string, schema: unknown, content: string | Uint8Array | undefined): string[] {
  const fields = isObject(schema) && Array.isArray(schema.fields) ? (schema.fields as unknown[]) : null;
  if (!isObject(schema) || !fields || fields.length === 0) return [`${label}: a tabular resource needs schema.fields.`];
  const problems: string[] = [];
  const fieldNames = fields.map((f) => (isObject(f) && typeof f.name === 'string' ? f.name : null));
  if (fieldNames.some((n) => n === null)) problems.push(`${label}: every field needs a name.`);
  const named = fieldNames.filter((n): n is string => n !== null);
  if (new Set(named).size !== named.length) problems.push(`${label}: field names repeat.`);
  const key = schema.primaryKey;
  const keys: unknown[] = typeof key === 'string' ? [key] : Array.isArray(key) ? key : [];
  for (const k of keys) if (!named.includes(String(k))) problems.push(`${label}: primary key "${String(k)}" is not a field.`);
  if (content !== undefined) {
    const header = headerOf(typeof content === 'string' ? content : new TextDecoder().decode(content));
    if (JSON.stringify(header) !== JSON.stringify(fieldNames))
      problems.push(`${label}: fields (${fieldNames.join(', ')}) are not the CSV header (${header.join(', ')}).`);
  }
  return problems;
}

/**
 * What a descriptor lacks against the Data Package spec's required properties, and, given the files, whether each
 * tabular resource's fields are its CSV's header. [] when nothing is wrong. A check for our own output, not a full
 * validator: it reads only what the package relies on.
 */
export function validateDataPackage(descriptor: unknown, files?: ReadonlyMap<string, string | Uint8Array>): string[] {
  if (!isObject(descriptor)) return ['The descriptor is not a JSON object.'];
  const problems: string[] = [];
  if ('name' in descriptor && (typeof descriptor.name !== 'string' || !NAME.test(descriptor.name)))
    problems.push('Package name must be lowercase letters, digits, ".", "_" or "-".');
  if (descriptor.licenses !== undefined) {
    const licences = Array.isArray(descriptor.licenses) ? descriptor.licenses : [];
    if (!Array.isArray(descriptor.licenses) || licences.some((l) => !isObject(l) || (typeof l.name !== 'string' && typeof l.path !== 'string')))
      problems.push('Each licence needs a name or a path.');
  }
  const resources = descriptor.resources;
  if (!Array.isArray(resources) || resources.length === 0) return [...problems, 'resources must be a non-empty array.'];
  const names = new Set<string>();
  for (const [index, resource] of (resources as unknown[]).entries()) {
    if (!isObject(resource)) {
      problems.push(`Resource ${index} is not an object.`);
      continue;
    }
    const label = typeof resource.name === 'string' ? `Resource "${resource.name}"` : `Resource ${index}`;
    if (typeof resource.name !== 'string' || !NAME.test(resource.name))
      problems.push(`${label}: name must be lowercase letters, digits, ".", "_" or "-".`);
    else if (names.has(resource.name)) problems.push(`${label}: name is used twice.`);
    else names.add(resource.name);
    const path = resource.path;
    const hasPath = typeof path === 'string' || (Array.isArray(path) && path.length > 0 && path.every((p) => typeof p === 'string'));
    if (!hasPath && resource.data === undefined) problems.push(`${label}: needs a path or data.`);
    if (typeof path === 'string' && files && !files.has(path)) problems.push(`${label}: ${path} is not in the package.`);
    if (resource.profile === 'tabular-data-resource') problems.push(...tableProblems(label, resource.schema, typeof path === 'string' ? files?.get(path) : undefined));
  }
  return problems;
}
