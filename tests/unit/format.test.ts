import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { formatFigure, formatPeriod, headingUnit } from '../../src/lib/i18n/format';
import { charWidth, textWidth, urlPieces, widestUnbreakable, wrapText } from '../../src/lib/charts/layout';

test('figures carry their qualifier and unit in both languages', () => {
  expect(formatFigure(300, '家', 'at_least', 'zh')).toBe('≥300家');
  expect(formatFigure(30, '%', 'about', 'en')).toBe('~30%');
  expect(formatFigure(58, '亿元', 'exactly', 'en')).toBe('CNY 5.8 bn');
  expect(formatFigure(45, '亿元', 'more_than', 'zh')).toBe('>45亿元');
  // Every count says what it counts in English too: 家 are firms among firms, organisations elsewhere.
  expect(formatFigure(3000, '家', 'at_least', 'en', 'high_tech_firms')).toBe('≥3,000 firms');
  expect(formatFigure(1, '家', null, 'en', 'tech_smes')).toBe('1 firm');
  expect(formatFigure(12, '家', 'at_least', 'en', 'platforms')).toBe('≥12 organisations');
  expect(formatFigure(5, '项', null, 'en')).toBe('5 items');
  expect(formatFigure(2, '人', null, 'en')).toBe('2 people');
  // A unit the app does not know (an imported file's own) is shown as written, never dropped.
  expect(formatFigure(7, '座', null, 'en')).toBe('7 座');
});

test('a number is written the same however often it is written; 0 and −0 (one key to a Map) each as Intl writes it', () => {
  const first = [0, -0, 0, 12.5, -12.5].map((v) => formatFigure(v, '%', null, 'en'));
  expect([0, -0, 0, 12.5, -12.5].map((v) => formatFigure(v, '%', null, 'en'))).toEqual(first);
  expect(first).toEqual(['0%', '\u22120%', '0%', '12.5%', '\u221212.5%']);
});

test('periods read as people write them', () => {
  expect(formatPeriod('2022-2023', 'en')).toBe('2022–23');
  expect(formatPeriod('2023H1', 'en')).toBe('H1 2023');
  expect(formatPeriod('2023-01/2023-05', 'en')).toBe('Jan–May 2023');
  expect(formatPeriod('2023-01/2023-05', 'zh')).toBe('2023年1–5月');
});

test('Chinese wraps between characters, English at spaces', () => {
  const zh = wrapText('规上工业R&D经费支出占GDP比重达到百分之三点五', 100, 13);
  expect(zh.length).toBeGreaterThan(1);
  expect(zh.join('')).toBe('规上工业R&D经费支出占GDP比重达到百分之三点五');
  const en = wrapText('New high-tech enterprises and tech-based SMEs', 120, 13);
  expect(en.length).toBeGreaterThan(1);
  for (const line of en) expect(line).not.toMatch(/^\s|\s$/);
  expect(en.join(' ')).toBe('New high-tech enterprises and tech-based SMEs');
});

test('Chinese characters, full-width forms and general punctuation are a full em wide; Latin, emoji and the rest 0.56 em', () => {
  for (const char of ['中', '，', '。', '（', '—', '“', '…', 'Ａ']) expect(charWidth(char, 10), char).toBe(10);
  for (const char of ['a', 'W', '1', ' ', '-', 'é', '😀', '\u2E7F', '\uA000']) expect(charWidth(char, 10), char).toBeCloseTo(5.6);
  expect(textWidth('R&D占比', 10)).toBeCloseTo(3 * 5.6 + 2 * 10);
});

test('a label wrapped again comes back the same, and its lines, shared between charts, cannot be changed', () => {
  const first = wrapText('Changzhou 常州 — R&D spending as a share of GDP (strive)', 90, 13);
  expect(wrapText('Changzhou 常州 — R&D spending as a share of GDP (strive)', 90, 13)).toEqual(first);
  expect(Object.isFrozen(first)).toBe(true);
  // Another width or size is its own wrapping.
  expect(wrapText('Changzhou 常州 — R&D spending as a share of GDP (strive)', 900, 13)).toHaveLength(1);
  expect(wrapText('Changzhou 常州 — R&D spending as a share of GDP (strive)', 90, 26).length).toBeGreaterThan(first.length);
});

describe('wrapText edge cases', () => {
  test('closing punctuation never starts a line', () => {
    const lines = wrapText('来源：芜湖市科学技术局2023年工作要点（2023-03-09）。全国数据：国家统计局。', 120, 12);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。、；：）」』》,.;:)]/);
  });

  test('a URL wider than the line breaks only after / ? or &, and nothing of it is lost', () => {
    const url = 'https://news.example.org/graphics/tech-targets/index.html?view=firms&lang=zh&theme=dark';
    const lines = wrapText(`Tech Targets · exported 2026-11-25 · ${url}`, 200, 11.5);
    for (const line of lines) expect(textWidth(line, 11.5)).toBeLessThanOrEqual(200);
    const urlLines = lines.join('\n').slice(lines.join('\n').indexOf('https')).split('\n');
    expect(urlLines.join('')).toBe(url);
    // Every line of the address but the last ends where a printed address may break.
    for (const line of urlLines.slice(0, -1)) expect(line).toMatch(/[/?&]$/);
  });

  test('a URL piece is never cut, however narrow the line', () => {
    const url = 'https://example.org/a-very-long-path-segment-that-cannot-break/?view=rd';
    expect(wrapText(url, 60, 11.5).join('')).toBe(url);
    expect(wrapText(url, 60, 11.5)).toContain('a-very-long-path-segment-that-cannot-break/');
    expect(widestUnbreakable(`see ${url}`, 10)).toBeCloseTo(textWidth('a-very-long-path-segment-that-cannot-break/', 10));
  });

  test('lines are filled greedily: none is too wide, and none could have taken the next word (property)', () => {
    const word = fc.constantFrom('R&D', 'high-tech', 'SMEs', '企', '业', '（', '力争）', '。', '，', 'Wuhu', '2023', '—', 'GDP');
    const space = fc.constantFrom(' ', '  ', ' ');
    fc.assert(
      fc.property(fc.array(fc.oneof(word, space), { maxLength: 40 }), fc.integer({ min: 80, max: 300 }), (parts, maxWidth) => {
        const text = parts.join('').trim();
        const lines = wrapText(text, maxWidth, 13);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        let at = 0;
        lines.forEach((line, i) => {
          at = text.indexOf(line, at) + line.length;
          const gap = /^\s*/.exec(text.slice(at))![0];
          expect(line).toBe(line.trim());
          // Closing punctuation kept with what it closes may run a little past the width.
          expect(textWidth(line, 13), line).toBeLessThanOrEqual(maxWidth + textWidth('）。，', 13));
          const next = lines[i + 1];
          // The next line's first word (with the closing marks that stay with it) would not have fitted: lines are greedy.
          const first = next?.match(/^(?:[^\s\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF]+|.)[，。、；：）」』》]*/u)?.[0];
          if (first && first !== '（') expect(textWidth(`${line}${gap}${first}`, 13)).toBeGreaterThan(maxWidth);
        });
      }),
    );
  });

  test('urlPieces cuts after each / ? & and keeps the scheme whole', () => {
    expect(urlPieces('https://a.org/x/?v=1&w=2')).toEqual(['https://', 'a.org/', 'x/', '?', 'v=1&', 'w=2']);
  });
});

test('a rank ceiling reads as words in both languages', () => {
  expect(formatFigure(12, '位', 'up_to', 'zh')).toBe('第12位以内');
  expect(formatFigure(12, '位', 'up_to', 'en')).toBe('top 12');
  expect(formatFigure(300, '家', 'at_least', 'zh')).toBe('≥300家');
});

describe('headingUnit', () => {
  test('English headings name units in words, never as the Chinese code alone, and keep apart units that read alike', () => {
    expect(headingUnit('场', 'en')).toBe('events');
    expect(headingUnit('亿元', 'en')).toBe('CNY bn');
    expect(headingUnit('人', 'en')).toBe('people · 人');
    expect(headingUnit('万人', 'en')).toBe('people · 万人');
    expect(headingUnit('场', 'zh')).toBe('场');
  });
});

test('a closing bracket of a Chinese document number never starts a line', () => {
  for (let width = 40; width < 200; width += 3) {
    const lines = wrapText('黄石市科技局：黄科技发〔2021〕1号（2021-02-04）', width, 12);
    for (const line of lines.slice(1)) expect(line[0], `at ${width} px`).not.toMatch(/[〕）”]/);
  }
});

test('an opening bracket never ends a line: it goes with what it opens', () => {
  for (let width = 40; width < 260; width += 3) {
    const lines = wrapText('桐乡 — 产学研对接活动（力争）；院士学术活动（力争）', width, 12);
    for (const line of lines) expect(line.at(-1), `at ${width} px`).not.toBe('（');
    expect(lines.join('').replaceAll(' ', '')).toBe('桐乡—产学研对接活动（力争）；院士学术活动（力争）');
  }
});
