// "Cite this view": GB/T 7714-2015 and APA 7 references naming the app, the view, its URL, the date and the documents.
import type { Lang } from '../i18n/format';

export interface CitationInput {
  /** The app's name in the citation's language (Tech Targets / 科技目标). */
  app: string;
  /** Title of the view in the citation's language. */
  title: string;
  /** Where the view can be opened again; null from a file on the reader's computer with no published address. */
  url: string | null;
  /** Date of access, ISO yyyy-mm-dd. */
  accessed: string;
  /** Titles of the primary documents the view shows. */
  documents: string[];
  /** The statistical bulletins behind the national figures the view draws; empty when it draws none. */
  national: string[];
  lang: Lang;
}

/** " Data: <documents>. National figures: <bulletins>." in the citation's language; '' when there is nothing to name. */
function sourcesOf(input: CitationInput, dataLabel: { en: string; zh: string }): string {
  const zh = input.lang === 'zh';
  const list = (items: string[]) => items.join(zh ? '；' : '; ');
  const documents = input.documents.length ? (zh ? ` ${dataLabel.zh}${list(input.documents)}。` : ` ${dataLabel.en} ${list(input.documents)}.`) : '';
  const national = input.national.length ? (zh ? ` 全国数据：${list(input.national)}。` : ` National figures: ${list(input.national)}.`) : '';
  return documents + national;
}


const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** GB/T 7714-2015 electronic resource: 责任者. 题名[EB/OL]. (更新日期)[引用日期]. 路径. */
export function gbt7714(input: CitationInput): string {
  const path = input.url ? ` ${input.url}.` : '';
  return `${input.app}. ${input.title}[EB/OL]. [${input.accessed}].${path}${sourcesOf(input, { en: 'Data:', zh: '数据来源：' })}`;
}

/** APA 7 for a data visualisation without a personal author or fixed date. */
export function apa(input: CitationInput): string {
  const [year, month, day] = input.accessed.split('-').map(Number) as [number, number, number];
  // Without an address there is nothing to retrieve it from: APA then leaves the retrieval line out.
  const retrieved = !input.url
    ? ''
    : input.lang === 'zh'
      ? ` ${year}年${month}月${day}日检索自 ${input.url}`
      : ` Retrieved ${MONTHS_EN[month - 1]} ${day}, ${year}, from ${input.url}`;
  // APA's bracketed description names the kind of work, in the reference's language.
  const kind = input.lang === 'zh' ? '[数据可视化]' : '[Data visualization]';
  const undated = input.lang === 'zh' ? '(无日期)' : '(n.d.)';
  return `${input.app}. ${undated}. ${input.title} ${kind}.${retrieved}${sourcesOf(input, { en: 'Data from', zh: '数据来源：' })}`;
}

/** A versioned data set, such as the "Download all data" package, rather than one view of it. */
export interface DatasetCitationInput {
  /** The app's name in the citation's language: it is the author, and names the data set with the version. */
  app: string;
  title: string;
  version: string;
  /** The package's date, ISO yyyy-mm-dd: it was made, and so first accessed, that day. */
  date: string;
  /** Where the package is published; null when it has no public address, so the citation names none. */
  url: string | null;
  lang: Lang;
}

/**
 * GB/T 7714-2015 data set: 责任者. 题名[DS/OL]. 版本. (更新日期)[引用日期]. 路径. Without an address it is not an
 * online resource, so the carrier mark and the access path are left out rather than invented.
 */
export function gbt7714Dataset(input: DatasetCitationInput): string {
  const version = input.lang === 'zh' ? `${input.version}版` : `Version ${input.version}`;
  const kind = input.url ? 'DS/OL' : 'DS';
  const path = input.url ? ` ${input.url}.` : '';
  return `${input.app}. ${input.title}[${kind}]. ${version}. (${input.date})[${input.date}].${path}`;
}

/** APA 7 data set: Author. (Year). Title (Version x) [Data set]. URL — a versioned set needs no retrieval date. */
export function apaDataset(input: DatasetCitationInput): string {
  const year = input.date.slice(0, 4);
  const described =
    input.lang === 'zh' ? `${input.title}（${input.version}版）[数据集].` : `${input.title} (Version ${input.version}) [Data set].`;
  return `${input.app}. (${year}). ${described}${input.url ? ` ${input.url}` : ''}`;
}
