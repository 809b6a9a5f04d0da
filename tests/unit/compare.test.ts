// The comparability core, table-driven: each reason from a minimal pair, restatements and parts, sort order and sections.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  compare,
  inValueOrder,
  needsSections,
  pairReasons,
  resolve,
  scopeKey,
  sortGroup,
  type ReasonCode,
  type SortedFigure,
} from '../../src/lib/data/compare';
import { comparePeriods, parsePeriod } from '../../src/lib/data/period';
import { documentsOf } from '../../src/lib/i18n/describe';
import { en } from '../../src/lib/i18n/en';
import type { Mark } from '../../src/lib/data/views/marks';
import { figure, type FigureInput } from '../fixtures/figures';

let order = 0;
/** A mark as selectMarks gives it, with city order taken from the call order of distinct cities. */
function mark(row: Partial<FigureInput> & { id: string }, cityOrder = 0): Mark {
  const base = figure({ city: 'a', category: 'high_tech_firms', measure: 'new', value: 100, ...row });
  return {
    ...base,
    span: parsePeriod(base.period)!,
    city_zh: base.city,
    city_en: base.city,
    city_homonym: false,
    doc_title_zh: '',
    doc_title_en: '',
    doc_date: '',
    doc_date_signed: '',
    doc_date_published: '',
    doc_issuer_zh: '',
    doc_issuer_en: '',
    doc_issuer_inferred: false,
    doc_kind: 'work_plan',
    doc_period: base.period,
    imported: false,
    order: cityOrder || ++order,
  };
}

describe('what a group is called where it is shown', () => {
  test('an explorer group (no spec) has a readable key with no NUL: it ends up in attributes and exported SVG', () => {
    const groups = compare([mark({ id: 'x', unit: '家' }), mark({ id: 'y', category: 'tech_market', measure: 'turnover', unit: '亿元' })]);
    expect(groups.map((g) => g.key)).toEqual(['["high_tech_firms","new","家"]', '["tech_market","turnover","亿元"]']);
    for (const g of groups) expect(g.key).not.toContain('\u0000');
  });
});

describe('the documents behind some marks', () => {
  test('each once, in city order; a city’s own documents in the order its marks give them, one shared with a later city included', () => {
    const marks = [
      mark({ id: 'b1', city: 'b', doc: 'shared' }, 2),
      mark({ id: 'a1', city: 'a', doc: 'alpha' }, 1),
      mark({ id: 'a2', city: 'a', doc: 'shared' }, 1),
    ].map((x) => ({ ...x, doc_title_en: x.doc }));
    expect(documentsOf(marks, 'en', en)).toEqual(['alpha', 'shared']);
  });
});

describe('pairReasons: each reason code from a minimal pair', () => {
  const a = { id: 'a', city: 'a' };
  const b = { id: 'b', city: 'b' };
  const cases: [string, Partial<FigureInput>, Partial<FigureInput>, ReasonCode[]][] = [
    ['the same measure, unit, period, kind and scope', {}, {}, []],
    ['a different unit', {}, { unit: '%' }, ['unit']],
    ['a different measure (新增 vs 净增)', {}, { measure: 'net_increase' }, ['measure']],
    ['a combined figure', { combined: true }, {}, ['combined']],
    ['a different stated scope', { scope_class: 'economy_wide' }, { scope_class: 'above_size_industry' }, ['scope']],
    ['a named group is only ever itself', { scope_class: 'named_group' }, { scope_class: 'named_group' }, ['scope']],
    ['a two-year and a one-year period', { period: '2022-2023' }, { period: '2023' }, ['period_length']],
    ['two different years of the same length', { period: '2021' }, { period: '2023' }, ['years']],
    ['a half and five months', { period: '2023H1' }, { period: '2023-01/2023-05' }, ['period_length']],
    ['a target and a reported actual', {}, { kind: 'actual' }, ['kind']],
    ['a target and an expected figure', {}, { kind: 'expected' }, ['kind']],
    ['a target and a quota handed down', {}, { kind: 'guidance' }, ['kind']],
  ];
  test.each(cases)('%s', (_name, left, right, reasons) => {
    expect(pairReasons(mark({ ...a, ...left }), mark({ ...b, ...right }))).toEqual(reasons);
  });

  test('an unstated scope sets apart a figure whose measure is defined by scope (R&D intensity), not a count of firms', () => {
    const rd = { category: 'rd_intensity', measure: 'share_of_gdp', unit: '%' };
    expect(pairReasons(mark({ ...a, ...rd, scope_class: 'economy_wide' }), mark({ ...b, ...rd }))).toEqual(['scope_unstated']);
    // A count of firms named without a scope is the city's own count, like one that says 全市.
    expect(pairReasons(mark({ ...a, scope_class: 'city_wide' }), mark({ ...b }))).toEqual([]);
    expect(scopeKey(mark({ ...a, ...rd }))).toBeNull();
  });

  test('is symmetric', () => {
    const x = mark({ id: 'x', city: 'x', period: '2022-2023', kind: 'actual' });
    const y = mark({ id: 'y', city: 'y', combined: true });
    expect(pairReasons(x, y)).toEqual(pairReasons(y, x));
  });
});

describe('compare: one group per measure and unit', () => {
  test('the comparable core is the largest scope; the others are set apart with their reason', () => {
    const rd = { category: 'rd_intensity', measure: 'share_of_gdp', unit: '%' };
    const [group] = compare([
      mark({ id: 'wide-1', city: 'w1', ...rd, scope_class: 'economy_wide', value: 3.5 }),
      mark({ id: 'wide-2', city: 'w2', ...rd, scope_class: 'economy_wide', value: 3.1 }),
      mark({ id: 'narrow', city: 'n', ...rd, scope_class: 'above_size_industry', value: 3.5 }),
      mark({ id: 'unstated', city: 'u', ...rd, value: 2 }),
      mark({ id: 'missing', city: 'm', ...rd, kind: 'not_stated' }),
    ]);
    const status = Object.fromEntries(group!.figures.map((f) => [f.mark.id, [f.status, f.reasons]]));
    expect(status).toEqual({
      'wide-1': ['comparable', []],
      'wide-2': ['comparable', []],
      narrow: ['set_apart', ['scope']],
      unstated: ['set_apart', ['scope_unstated']],
      missing: ['missing', []],
    });
    expect(group).toMatchObject({ comparable: false, cities: ['w1', 'w2', 'n', 'u'], max: 3.5 });
    expect(group!.reasons).toEqual([
      { code: 'scope', ids: ['narrow'] },
      { code: 'scope_unstated', ids: ['unstated'] },
    ]);
  });

  test('a combined figure is set apart whatever its label says', () => {
    const [group] = compare([
      mark({ id: 'one', city: 'a', value: 300, label_en: 'New firms' , combined: true }),
      mark({ id: 'two', city: 'b', value: 230, label_en: 'New firms (one combined figure)' }),
    ]);
    expect(group!.figures.map((f) => [f.mark.id, f.status])).toEqual([
      ['one', 'set_apart'],
      ['two', 'comparable'],
    ]);
  });

  test('different periods and kinds make rank sets, largest first, then the most recent; nothing is set apart for them', () => {
    const [group] = compare([
      mark({ id: 'a-2023', city: 'a', period: '2023' }),
      mark({ id: 'b-2023', city: 'b', period: '2023' }),
      mark({ id: 'c-2122', city: 'c', period: '2022-2023' }),
      mark({ id: 'd-actual', city: 'd', period: '2023', kind: 'actual' }),
    ]);
    expect(group!.rankSets).toEqual([
      { period: '2023', kind: 'target', ids: ['a-2023', 'b-2023'] },
      { period: '2023', kind: 'actual', ids: ['d-actual'] },
      { period: '2022-2023', kind: 'target', ids: ['c-2122'] },
    ]);
    expect(group!.figures.map((f) => [f.mark.id, f.standing, f.peers])).toEqual([
      ['a-2023', 'ranked', 1],
      ['b-2023', 'ranked', 1],
      ['c-2122', 'unranked', 0],
      ['d-actual', 'unranked', 0],
    ]);
    expect(group!.figures.every((f) => f.status === 'comparable')).toBe(true);
    expect(group!.figures.find((f) => f.mark.id === 'c-2122')!.reasons).toEqual(['period_length']);
    expect(group!.figures.find((f) => f.mark.id === 'd-actual')!.reasons).toEqual(['kind']);
    expect(group!.comparable).toBe(false);
    expect(group!.reasons.map((r) => r.code)).toEqual(['period_length', 'kind']);
  });

  test('with specs, only those groups, in that order, under the spec key', () => {
    const rows = [mark({ id: 'n', city: 'a' }), mark({ id: 's', city: 'a', measure: 'stock' }), mark({ id: 'p', city: 'a', measure: 'stock', unit: '%' })];
    const groups = compare(rows, [
      { key: 'stock', category: 'high_tech_firms', measure: 'stock', unit: '家' },
      { key: 'new', category: 'high_tech_firms', measure: 'new', unit: '家' },
      { key: 'absent', category: 'high_tech_firms', measure: 'certified', unit: '家' },
    ]);
    expect(groups.map((g) => [g.key, g.figures.map((f) => f.mark.id)])).toEqual([
      ['stock', ['s']],
      ['new', ['n']],
    ]);
  });
});

describe('restatements and 其中 parts are resolved once', () => {
  test('a restatement in other words joins its primary as a second wording, even across measures', () => {
    const primary = mark({ id: 'net', city: 'a', measure: 'net_increase', commitment: 'strive', quote: '净增70家' });
    const again = mark({ id: 'new', city: 'a', measure: 'new', quote: '新增70家', restates: 'net' }, primary.order);
    const groups = compare([again, primary]);
    // Drawn once, in the primary's panel: no "new" group is made from the restatement.
    expect(groups.map((g) => g.measure)).toEqual(['net_increase']);
    expect(groups[0]!.figures[0]!.wordings.map((w) => w.quote)).toEqual(['新增70家']);
  });

  test('a restatement whose primary is filtered out stands in for it', () => {
    const { primary } = resolve([mark({ id: 'again', city: 'a', restates: 'hidden' })]);
    expect(primary.map((f) => f.mark.id)).toEqual(['again']);
  });

  test('a 其中 part joins its total and is never a figure of its own; a part without its total is kept aside', () => {
    const total = mark({ id: 'total', city: 'a', value: 100 });
    const part = mark({ id: 'part', city: 'a', value: 30, part_of: 'total' }, total.order);
    const orphan = mark({ id: 'orphan', city: 'b', value: 5, part_of: 'gone' });
    const resolved = resolve([total, part, orphan]);
    expect(resolved.primary.map((f) => [f.mark.id, f.parts.map((p) => p.id)])).toEqual([['total', ['part']]]);
    expect(resolved.orphanParts.map((p) => p.id)).toEqual(['orphan']);
  });

  test('cycles of restatements end', () => {
    const { primary } = resolve([mark({ id: 'x', city: 'a', restates: 'y' }), mark({ id: 'y', city: 'a', restates: 'x' })]);
    expect(primary.length).toBeLessThanOrEqual(2);
  });
});

describe('sortGroup: value never ranks what is not comparable', () => {
  const rows = () => [
    mark({ id: 'small', city: 'a', value: 50 }, 1),
    mark({ id: 'apart', city: 'b', value: 999, combined: true }, 2),
    mark({ id: 'big', city: 'c', value: 300 }, 3),
    mark({ id: 'other-year', city: 'd', value: 500, period: '2021' }, 4),
    mark({ id: 'none', city: 'e', kind: 'not_stated' }, 5),
  ];

  test('by value: the first rank set by value, then the next rank set, then set apart, then missing', () => {
    const [group] = compare(rows());
    const sorted = sortGroup(group!, 'value');
    expect(sorted.map((f) => f.mark.id)).toEqual(['big', 'small', 'other-year', 'apart', 'none']);
    expect(sorted.map((f) => f.section.code)).toEqual(['rank_set', 'rank_set', 'rank_set', 'set_apart', 'missing']);
    expect(needsSections(sorted, 'value')).toBe(true);
  });

  test('by name: city order among the comparable, set apart still after them', () => {
    const [group] = compare(rows());
    expect(sortGroup(group!, 'name').map((f) => f.mark.id)).toEqual(['small', 'big', 'other-year', 'apart', 'none']);
  });

  test('either order is what one stable sort gives: status, then (by value) rank set and value high to low, then city and period', () => {
    const statusRank = { comparable: 0, set_apart: 1, missing: 2 } as const;
    const cities = ['a', 'b', 'c', 'd', 'e', 'f'];
    const row = fc.record({
      city: fc.integer({ min: 0, max: 5 }),
      period: fc.constantFrom('2021', '2022', '2023H1', '2021-2025'),
      kind: fc.constantFrom('target', 'actual', 'not_stated'),
      value: fc.constantFrom(0, -0, 1, 2.5, 2.5, 300, -4),
      scope_class: fc.constantFrom('city_wide', 'not_stated', 'above_size_industry'),
      combined: fc.boolean(),
      // A restatement of, or a 其中 part of, an earlier row (by its index): resolve() folds them into cards.
      restates: fc.option(fc.nat(39), { nil: undefined }),
      part_of: fc.option(fc.nat(39), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom('value', 'name'), (rows, sort) => {
        const marks = rows.map((r, i) =>
          mark(
            {
              id: `m${i}`,
              city: cities[r.city]!,
              period: r.period,
              kind: r.kind,
              value: r.kind === 'not_stated' ? null : r.value,
              qualifier: r.kind === 'not_stated' ? '' : 'exactly',
              scope_class: r.scope_class,
              combined: r.combined,
              restates: r.restates !== undefined && r.restates < i ? `m${r.restates}` : '',
              part_of: r.part_of !== undefined && r.part_of < i && r.restates === undefined ? `m${r.part_of}` : '',
            } as Partial<FigureInput> & { id: string },
            r.city + 1,
          ),
        );
        for (const group of compare(marks)) {
          const expected = [...group.figures].sort(
            (a, b) =>
              statusRank[a.status] - statusRank[b.status] ||
              (sort === 'value' && a.status === 'comparable' && b.status === 'comparable' ? a.rankSet - b.rankSet || b.mark.value! - a.mark.value! : 0) ||
              a.mark.order - b.mark.order ||
              comparePeriods(a.mark.period, b.mark.period),
          );
          expect(sortGroup(group, sort).map((f) => f.mark.id)).toEqual(expected.map((f) => f.mark.id));
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('a figure alone in its group stands alone: nothing to rank it against', () => {
    const [group] = compare([mark({ id: 'only', city: 'a' }), mark({ id: 'none', city: 'b', kind: 'not_stated' })]);
    expect(group!.figures.map((f) => f.standing)).toEqual(['alone', 'missing']);
  });

  test('a group of one rank set and nothing set apart needs no section headings', () => {
    const [group] = compare([mark({ id: 'p', city: 'a' }), mark({ id: 'q', city: 'b' }), mark({ id: 'r', city: 'c', kind: 'not_stated' })]);
    expect(needsSections(sortGroup(group!, 'value'), 'value')).toBe(false);
  });
});

describe('inValueOrder', () => {
  test('lowest value first, figures of one value in the order given: what a stable sort by value gives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(-2.5, -0, 0, 1, 1.5, 3, 1e6), { maxLength: 60 }), (values) => {
        const figures = values.map((value, i) => ({ mark: { id: String(i), value } }) as unknown as SortedFigure);
        const expected = [...figures].sort((a, b) => a.mark.value! - b.mark.value!);
        expect(inValueOrder(figures).map((f) => f.mark.id)).toEqual(expected.map((f) => f.mark.id));
        const highestFirst = [...figures].sort((a, b) => b.mark.value! - a.mark.value!);
        expect(inValueOrder(figures, 'descending').map((f) => f.mark.id)).toEqual(highestFirst.map((f) => f.mark.id));
      }),
    );
  });
});
