// A large, seeded, schema-valid dataset of made-up cities, so the Explorer can be timed far beyond the five real ones.
import { toTables, type Dataset, type TypedDataset } from './dataset';
import type { CityRow, Commitment, DocumentRow, Figure, Kind, Qualifier } from './schema';

/** Mulberry32: tiny, fast and good enough to make the same dataset from the same seed on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FigureTemplate {
  category: string;
  measure: string;
  unit: string;
  label_zh: string;
  label_en: string;
  /** The quote around the number: `{v}` is replaced by the value as written. */
  quote: string;
  qualifier: Qualifier;
  min: number;
  max: number;
  decimals: number;
  scope_zh: string;
  scope_en: string;
}

const WHOLE_CITY = { scope_zh: '全市', scope_en: 'whole city' };

// Modelled on rows of data/targets.csv, so searches and comparison groups behave as they do on real data.
const TEMPLATES: FigureTemplate[] = [
  { category: 'rd_intensity', measure: 'share_of_gdp', unit: '%', label_zh: '全社会研发投入强度', label_en: 'R&D intensity (economy-wide)', quote: '全社会研发投入强度达到{v}%', qualifier: 'exactly', min: 1.5, max: 4.5, decimals: 1, scope_zh: '全社会', scope_en: 'economy-wide' },
  { category: 'rd_intensity', measure: 'share_of_gdp', unit: '%', label_zh: '规上工业R&D经费支出占GDP比重', label_en: 'Industrial R&D spending as a share of GDP', quote: '规上工业R&D经费支出占GDP比重达到{v}%', qualifier: 'exactly', min: 1.5, max: 4, decimals: 1, scope_zh: '规上工业', scope_en: 'industrial firms above designated size' },
  { category: 'high_tech_firms', measure: 'new', unit: '家', label_zh: '新增高新技术企业', label_en: 'New high-tech enterprises', quote: '新增高新技术企业{v}家以上', qualifier: 'at_least', min: 20, max: 400, decimals: 0, ...WHOLE_CITY },
  { category: 'high_tech_firms', measure: 'net_increase', unit: '家', label_zh: '净增高新技术企业', label_en: 'Net increase in high-tech enterprises', quote: '净增高新技术企业{v}家', qualifier: 'exactly', min: 10, max: 200, decimals: 0, ...WHOLE_CITY },
  { category: 'high_tech_firms', measure: 'stock', unit: '家', label_zh: '高新技术企业总数', label_en: 'High-tech enterprises in total', quote: '高新技术企业总数达到{v}家', qualifier: 'exactly', min: 100, max: 3000, decimals: 0, ...WHOLE_CITY },
  { category: 'tech_market', measure: 'turnover', unit: '亿元', label_zh: '技术合同成交额', label_en: 'Technology contract turnover', quote: '技术合同成交额突破{v}亿元', qualifier: 'more_than', min: 5, max: 300, decimals: 1, ...WHOLE_CITY },
  { category: 'tech_market', measure: 'absorbed', unit: '亿元', label_zh: '吸纳技术合同成交额', label_en: 'Technology contracts absorbed', quote: '吸纳技术合同成交额{v}亿元', qualifier: 'exactly', min: 5, max: 200, decimals: 2, ...WHOLE_CITY },
  { category: 'tech_market', measure: 'growth', unit: '%', label_zh: '技术合同成交额增长', label_en: 'Growth of technology contract turnover', quote: '技术合同成交额增长{v}%左右', qualifier: 'about', min: 5, max: 40, decimals: 0, ...WHOLE_CITY },
  { category: 'tech_smes', measure: 'registered', unit: '家', label_zh: '入库科技型中小企业', label_en: 'Tech-based SMEs entered into the national register', quote: '入库科技型中小企业{v}家以上', qualifier: 'at_least', min: 100, max: 2000, decimals: 0, ...WHOLE_CITY },
  { category: 'tech_smes', measure: 'new', unit: '家', label_zh: '新增科技型中小企业', label_en: 'New tech-based SMEs', quote: '新增科技型中小企业{v}家', qualifier: 'exactly', min: 50, max: 800, decimals: 0, ...WHOLE_CITY },
  { category: 'talent', measure: 'high_skilled_new', unit: '万人', label_zh: '新增高技能人才', label_en: 'New high-skilled workers', quote: '新增高技能人才{v}万人以上', qualifier: 'at_least', min: 0.5, max: 5, decimals: 1, ...WHOLE_CITY },
  { category: 'talent', measure: 'teams_selected', unit: '个', label_zh: '入选省级创新创业团队', label_en: 'Provincial innovation teams selected', quote: '入选省级创新创业团队{v}个', qualifier: 'exactly', min: 1, max: 20, decimals: 0, scope_zh: '省级', scope_en: 'provincial level' },
  { category: 'platforms', measure: 'new', unit: '家', label_zh: '新建省级以上研发平台', label_en: 'New provincial-level R&D platforms', quote: '新建省级以上研发平台{v}家', qualifier: 'exactly', min: 2, max: 50, decimals: 0, scope_zh: '省级以上', scope_en: 'provincial level and above' },
  { category: 'incubators', measure: 'new', unit: '家', label_zh: '新增众创空间、孵化器', label_en: 'New maker spaces and incubators', quote: '新增众创空间、孵化器{v}家以上', qualifier: 'at_least', min: 1, max: 30, decimals: 0, ...WHOLE_CITY },
  { category: 'funding', measure: 'size', unit: '亿元', label_zh: '科技创新基金规模', label_en: 'Size of the innovation fund', quote: '设立科技创新基金,规模不少于{v}亿元', qualifier: 'at_least', min: 1, max: 50, decimals: 0, ...WHOLE_CITY },
  { category: 'projects', measure: 'approved', unit: '项', label_zh: '科技计划项目立项', label_en: 'S&T programme projects approved', quote: '组织实施科技计划项目{v}项', qualifier: 'exactly', min: 10, max: 300, decimals: 0, ...WHOLE_CITY },
  { category: 'achievements', measure: 'registered', unit: '项', label_zh: '登记科技成果', label_en: 'S&T achievements registered', quote: '登记科技成果{v}项以上', qualifier: 'at_least', min: 50, max: 3000, decimals: 0, ...WHOLE_CITY },
  { category: 'enterprises', measure: 'visited', unit: '家', label_zh: '走访企业', label_en: 'Firms visited', quote: '走访企业{v}余家', qualifier: 'more_than', min: 50, max: 1000, decimals: 0, ...WHOLE_CITY },
  { category: 'cooperation', measure: 'events', unit: '场', label_zh: '产学研对接活动', label_en: 'Industry-university matchmaking events', quote: '举办产学研对接活动{v}场', qualifier: 'exactly', min: 2, max: 40, decimals: 0, ...WHOLE_CITY },
  { category: 'other', measure: 'ai_output', unit: '亿元', label_zh: '人工智能产业产值', label_en: 'AI industry output', quote: '人工智能产业产值突破{v}亿元', qualifier: 'more_than', min: 10, max: 500, decimals: 0, ...WHOLE_CITY },
];

const NOT_STATED_QUOTES: Record<string, string> = {
  rd_intensity: '持续加大全社会研发投入',
  high_tech_firms: '加快培育高新技术企业',
  tech_market: '推动技术转移和成果转化',
};
const NOT_STATED_CATEGORIES = Object.keys(NOT_STATED_QUOTES);

// Plans look ahead (two-year totals, 2025 goals); reports look back over part of a year.
const PERIODS: Record<Kind, string[]> = {
  target: ['2021', '2022', '2023', '2023', '2023', '2022-2023', '2022-2023', '2025'],
  guidance: ['2022', '2023'],
  actual: ['2021', '2022', '2022', '2023H1', '2023-01/2023-05'],
  not_stated: ['2021', '2022', '2023'],
};
const KIND_WEIGHTS: [Kind, number][] = [
  ['target', 0.6],
  ['actual', 0.27],
  ['guidance', 0.03],
  ['not_stated', 0.1],
];
const COMMITMENT_WORDS: Record<Commitment, string> = { strive: '力争', assured: '确保', plain: '' };

const NAME_FIRST = ['安', '宝', '长', '东', '丰', '广', '海', '华', '金', '嘉', '临', '龙', '南', '平', '青', '瑞', '松', '泰', '永', '云'];
const PINYIN_FIRST = ['An', 'Bao', 'Chang', 'Dong', 'Feng', 'Guang', 'Hai', 'Hua', 'Jin', 'Jia', 'Lin', 'Long', 'Nan', 'Ping', 'Qing', 'Rui', 'Song', 'Tai', 'Yong', 'Yun'];
const NAME_SECOND = ['阳', '州', '山', '江', '宁', '安', '城', '源', '川', '口', '兴', '德', '丘', '溪', '林', '湖', '河', '庆', '门', '泉'];
const PINYIN_SECOND = ['yang', 'zhou', 'shan', 'jiang', 'ning', "'an", 'cheng', 'yuan', 'chuan', 'kou', 'xing', 'de', 'qiu', 'xi', 'lin', 'hu', 'he', 'qing', 'men', 'quan'];
const PROVINCES: [string, string][] = [
  ['安徽', 'Anhui'],
  ['江苏', 'Jiangsu'],
  ['浙江', 'Zhejiang'],
  ['湖北', 'Hubei'],
  ['山东', 'Shandong'],
  ['广东', 'Guangdong'],
];

/** The id of the synthetic city at `index`, e.g. `c0042`: fixed width, so searching `c0042-f` finds that city alone. */
export const syntheticCityId = (index: number): string => `c${String(index + 1).padStart(4, '0')}`;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function pickKind(random: () => number): Kind {
  let r = random();
  for (const [kind, weight] of KIND_WEIGHTS) if ((r -= weight) < 0) return kind;
  return 'target';
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function syntheticCities(count: number): CityRow[] {
  const names = NAME_FIRST.length * NAME_SECOND.length;
  return Array.from({ length: count }, (_, index) => {
    // Striding by a number coprime with 400 spreads neighbours over different first characters.
    const slot = (index * 7) % names;
    const first = Math.floor(slot / NAME_SECOND.length);
    const second = slot % NAME_SECOND.length;
    const round = Math.floor(index / names);
    const suffix = round === 0 ? '' : String(round + 1);
    const [province_zh, province_en] = PROVINCES[index % PROVINCES.length]!;
    return {
      id: syntheticCityId(index),
      name_zh: NAME_FIRST[first]! + NAME_SECOND[second]! + suffix,
      name_en: PINYIN_FIRST[first]! + PINYIN_SECOND[second]! + suffix,
      province_zh,
      province_en,
      level_zh: '地级市',
      level_en: 'prefecture-level city',
    };
  });
}

function syntheticDocument(city: CityRow, year: number): DocumentRow {
  return {
    id: `${city.id}-plan`,
    city: city.id,
    title_zh: `${city.name_zh}市科学技术局${year}年工作要点`,
    title_en: `${city.name_en} Science and Technology Bureau: key work points for ${year}`,
    issuer_zh: `${city.name_zh}市科学技术局`,
    issuer_en: `${city.name_en} Municipal Science and Technology Bureau`,
    date: `${year}-03-01`,
    kind: 'work_plan',
    period: String(year),
    source_file: `synthetic-${city.id}.txt`,
  };
}

function statedFigure(random: () => number, id: string, city: CityRow, kind: Exclude<Kind, 'not_stated'>): Figure {
  const template = pick(random, TEMPLATES);
  const value = roundTo(template.min + random() * (template.max - template.min), template.decimals);
  const commitment: Commitment = kind === 'target' ? pick(random, ['strive', 'assured', 'plain'] as const) : 'plain';
  return {
    id,
    city: city.id,
    doc: `${city.id}-plan`,
    category: template.category,
    measure: template.measure,
    kind,
    period: pick(random, PERIODS[kind]),
    qualifier: template.qualifier,
    value,
    unit: template.unit,
    scope_zh: template.scope_zh,
    scope_en: template.scope_en,
    label_zh: template.label_zh,
    label_en: template.label_en,
    quote: COMMITMENT_WORDS[commitment] + template.quote.replace('{v}', String(value)),
    commitment,
    note_en: kind === 'guidance' ? 'Quota handed down by the province (synthetic).' : '',
    note_zh: kind === 'guidance' ? '省下达任务（模拟数据）。' : '',
    restates: '',
    part_of: '',
  };
}

function notStatedFigure(random: () => number, id: string, city: CityRow): Figure {
  const category = pick(random, NOT_STATED_CATEGORIES);
  const template = TEMPLATES.find((t) => t.category === category)!;
  return {
    id,
    city: city.id,
    doc: `${city.id}-plan`,
    category,
    measure: template.measure,
    kind: 'not_stated',
    period: pick(random, PERIODS.not_stated),
    qualifier: null,
    value: null,
    unit: template.unit,
    scope_zh: '未说明',
    scope_en: 'not stated',
    label_zh: template.label_zh,
    label_en: `${template.label_en} (not stated)`,
    quote: NOT_STATED_QUOTES[category]!,
    commitment: 'plain',
    note_en: 'The document gives no figure for this topic.',
    note_zh: '文件未给出该项数据。',
    restates: '',
    part_of: '',
  };
}

/** A later mention of an earlier figure, as documents repeat their headline targets. */
function restatement(id: string, original: Figure): Figure {
  return { ...original, id, label_en: `${original.label_en} (restated)`, restates: original.id, part_of: '' };
}

/** A 其中 component: a share of an earlier total, same measure, unit and period. */
function component(random: () => number, id: string, total: Figure & { value: number }): Figure {
  const value = roundTo(total.value * (0.2 + random() * 0.5), total.unit === '万人' ? 1 : 0) || 1;
  return {
    ...total,
    id,
    qualifier: 'exactly',
    value,
    label_zh: `其中${total.label_zh}`,
    label_en: `${total.label_en}, of which in the high-tech zone`,
    quote: `其中高新区${total.label_zh}${value}${total.unit}`,
    restates: '',
    part_of: total.id,
  };
}

/** The typed rows of the synthetic dataset, before they become tables. */
export function syntheticRows(cities = 300, figuresPerCity = 50, seed = 1): TypedDataset {
  const random = seededRandom(seed);
  const cityRows = syntheticCities(cities);
  const documents = cityRows.map((city, index) => syntheticDocument(city, 2021 + (index % 3)));
  const figures: Figure[] = [];
  for (const city of cityRows) {
    const own: Figure[] = [];
    for (let n = 1; n <= figuresPerCity; n++) {
      const id = `${city.id}-f${String(n).padStart(3, '0')}`;
      const earlier = own.filter((f): f is Figure & { value: number } => f.value !== null && !f.restates && !f.part_of);
      // A ratio is not a total, so it never gets 其中 parts (the codebook's rule for part_of).
      const totals = earlier.filter((f) => f.unit !== '%');
      const roll = random();
      let figure: Figure;
      if (roll < 0.04 && earlier.length > 0) figure = restatement(id, pick(random, earlier));
      else if (roll < 0.07 && totals.length > 0) figure = component(random, id, pick(random, totals));
      else {
        const kind = pickKind(random);
        figure = kind === 'not_stated' ? notStatedFigure(random, id, city) : statedFigure(random, id, city, kind);
      }
      own.push(figure);
    }
    figures.push(...own);
  }
  return {
    figures,
    documents,
    cities: cityRows,
    nationalRd: [
      { year: 2021, value: 2.44, unit: '%', source_zh: '全国科技经费投入统计公报', source_en: 'Statistical bulletin', note: '' },
      { year: 2022, value: 2.56, unit: '%', source_zh: '全国科技经费投入统计公报', source_en: 'Statistical bulletin', note: '' },
      { year: 2023, value: 2.65, unit: '%', source_zh: '全国科技经费投入统计公报', source_en: 'Statistical bulletin', note: '' },
    ],
  };
}

/** `cities` × `figuresPerCity` figures (15,000 by default), the same for the same seed. */
export function syntheticDataset(cities = 300, figuresPerCity = 50, seed = 1): Dataset {
  return toTables(syntheticRows(cities, figuresPerCity, seed));
}
