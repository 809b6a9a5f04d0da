// What readers of #15 notice: names in their language's order, reference lines that never strike text out, value
// sorts that never run two measures together, and text that says each thing once.
import { describe, expect, test } from 'vitest';
import { collatedPositions, compareText, orderCities } from '../../src/lib/data/collate';
import { BOLD, LABEL_SIZE, layoutRows, openSegments, rowTextBoxes, textWidth, valueLabelAt, VALUE_SIZE } from '../../src/lib/charts/layout';
import { bundledDataset } from '../../src/lib/data/bundled';
import { buildView, VIEW_IDS } from '../../src/lib/data/views/headline';
import { valueRunStarts } from '../../src/lib/data/views/explorer';
import type { Mark } from '../../src/lib/data/views/marks';
import { describeView, sourceLine } from '../../src/lib/i18n/describe';
import { catalogues } from '../../src/lib/i18n';
import { toChartRows } from '../../src/views/chartRows';

const data = bundledDataset();
const cityRows = data.cities.objects() as { id: string; name_zh: string; name_en: string }[];

describe('collation', () => {
  test('the five cities in pinyin order for Chinese readers and alphabetically for English ones', () => {
    const expected = ['changzhou', 'huaibei', 'huangshi', 'tongxiang', 'wuhu'];
    expect(orderCities(cityRows, 'zh')).toEqual(expected);
    expect(orderCities(cityRows, 'en')).toEqual(expected);
    expect(['芜湖', '黄石', '常州', '桐乡', '淮北'].sort(compareText('zh'))).toEqual(['常州', '淮北', '黄石', '桐乡', '芜湖']);
  });

  test('English ignores case and reads numbers as numbers; Chinese is not code-point order', () => {
    expect(['b', 'A', 'a'].sort(compareText('en'))).toEqual(['A', 'a', 'b']);
    expect(['No. 10', 'No. 2'].sort(compareText('en'))).toEqual(['No. 2', 'No. 10']);
    // 入 (rù, U+5165) comes before 备 (bèi, U+5907) by code point, after it in pinyin.
    expect(['入库', '备案'].sort(compareText('zh'))).toEqual(['备案', '入库']);
  });

  test('positions order rows by text, ties by the given order, either way round', () => {
    const texts = ['b', 'a', 'b', 'c'];
    const tie = [0, 1, 2, 3];
    expect(Array.from(collatedPositions(texts, tie, 'en'))).toEqual([1, 0, 2, 3]);
    expect(Array.from(collatedPositions(texts, tie, 'en', true))).toEqual([1, 3, 2, 0]);
  });
});

describe('reference lines break around text', () => {
  test('a line is cut where a label or value lies across it, and left whole elsewhere', () => {
    const boxes = [
      { x0: 0, x1: 100, y0: 10, y1: 27 },
      { x0: 0, x1: 40, y0: 40, y1: 57 },
    ];
    expect(openSegments(50, 0, 100, boxes)).toEqual([
      [0, 8],
      [29, 100],
    ]);
    expect(openSegments(200, 0, 100, boxes)).toEqual([[0, 100]]);
  });

  test('no national line of the R&D view crosses a row label or value, at a phone’s width and a desktop’s', () => {
    const view = buildView(data, 'rd', { cities: orderCities(cityRows, 'en'), sort: 'name' });
    const panel = view.panels[0]!;
    const rows = toChartRows(panel.group, panel.figures, view.sort, panel.sectioned, 'en', catalogues.en);
    for (const width of [290, 900]) {
      const boxes = layoutRows(rows, width, 70).flatMap((box, i) =>
        rowTextBoxes(box, { ...rows[i]!, hasValue: rows[i]!.value !== null }, rows[i]!.value === null ? 0 : (rows[i]!.value! / 4) * width, 1),
      );
      for (const reference of view.references) {
        const x = (reference.value / 4) * width;
        for (const [top, bottom] of openSegments(x, 60, 2000, boxes))
          for (const b of boxes) if (x >= b.x0 && x <= b.x1) expect(bottom <= b.y0 || top >= b.y1).toBe(true);
      }
    }
  });
});

describe('bold labels', () => {
  test('a highlighted (bold) label is wrapped for its bold width, so it never runs into its bar', () => {
    const label = 'Changzhou — new high-tech firms certified in 2023';
    // A column the plain label just fits, one word at a time too narrow for the bold one.
    const column = Math.ceil(textWidth(label, LABEL_SIZE)) + 8 + 1;
    const [plain] = layoutRows([{ label }], 900, 0, column);
    const [bold] = layoutRows([{ label, focused: true }], 900, 0, column);
    expect(plain!.labelLines).toHaveLength(1);
    expect(bold!.labelLines.length).toBeGreaterThan(1);
    for (const line of bold!.labelLines) expect(textWidth(line, LABEL_SIZE) * BOLD).toBeLessThanOrEqual(column - 8);
  });
});

describe('value labels', () => {
  test('a value label sits beside its bar where it fits in the chart, else inside the bar against its end, never past the edge', () => {
    const label = '≥300家 · 2023年';
    const width = textWidth(label, VALUE_SIZE) * BOLD;
    expect(valueLabelAt(100, label, 375)).toEqual({ x: 106, anchor: 'start', inside: false, width });
    // A bar too short to hold it, near the right edge: from the chart's left edge, over the bar — never cut where the
    // number begins; only a label wider than the chart stays beside.
    expect(valueLabelAt(20, label, width + 10)).toEqual({ x: 6, anchor: 'start', inside: true, width });
    expect(valueLabelAt(20, label, 30).inside).toBe(false);
    const inside = valueLabelAt(360, label, 375);
    expect(inside).toEqual({ x: 354, anchor: 'end', inside: true, width });
    expect(inside.x - width).toBeGreaterThan(0);
    // A reference line breaks around the label where it is drawn, inside the bar too.
    const [box] = layoutRows([{ label: 'Wuhu' }], 375, 0);
    const boxes = rowTextBoxes(box!, { valueLabel: label, missingLabel: '', hasValue: true }, 360, 1, 375);
    expect(boxes.at(-1)!.x1).toBeCloseTo(354);
    expect(boxes.at(-1)!.x0).toBeCloseTo(354 - width);
  });
});

describe('value sorts head every measure and unit', () => {
  const mark = (id: string, category: string, measure: string, unit: string, value: number | null) =>
    ({ id, category, measure, unit, value }) as Mark;

  test('a heading starts each run, and a unit change within one measure is a new run', () => {
    const rows = [
      mark('a', 'high_tech_firms', 'new', '家', 300),
      mark('b', 'high_tech_firms', 'new', '家', 40),
      mark('c', 'high_tech_firms', 'new', '%', 5),
      mark('d', 'incubators', 'new', '家', 5),
      mark('e', 'incubators', 'new', '家', null),
    ];
    expect([...valueRunStarts(rows)]).toEqual(['a', 'c', 'd', 'e']);
  });
});

describe('text that is right once', () => {
  test('no chart label in any view, in either language, carries the same bracketed suffix twice', () => {
    for (const lang of ['en', 'zh'] as const)
      for (const id of VIEW_IDS) {
        const view = buildView(data, id, { cities: orderCities(cityRows, lang), sort: 'name' });
        for (const panel of view.panels)
          for (const row of toChartRows(panel.group, panel.figures, view.sort, panel.sectioned, lang, catalogues[lang])) {
            const asides = row.label.match(/[(（][^()（）]+[)）]/g) ?? [];
            expect(asides, row.label).toEqual([...new Set(asides)]);
          }
      }
  });

  test('a view credits the national statistical bulletins exactly when it draws national figures', () => {
    for (const id of VIEW_IDS) {
      const view = buildView(data, id, { cities: orderCities(cityRows, 'en'), sort: 'name' });
      const line = sourceLine(describeView(view, 'en', catalogues.en).documents, view.references.length > 0, catalogues.en);
      expect(line.includes('NBS'), id).toBe(id === 'rd');
    }
  });
});
