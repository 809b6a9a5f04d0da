import { expect, test } from 'vitest';
import { creditAddress, creditLine } from '../../src/lib/export/credit';
import { catalogues } from '../../src/lib/i18n';

const build = { publicUrl: '', appVersion: '1.2.3', dataVersion: '2026-12-01' };
const published = { ...build, publicUrl: 'https://news.example.org/graphics/tech-targets/' };
const onDisk = 'file:///home/reporter/Downloads/dist/index.html?view=firms&lang=zh';

test('from a file on disk with no published address, the footer names the app and data versions, never the path', () => {
  const en = creditLine(catalogues.en, onDisk, '2026-12-02', build);
  expect(en).toBe('Tech Targets 1.2.3 · data of 2026-12-01 · exported 2026-12-02');
  expect(creditLine(catalogues.zh, onDisk, '2026-12-02', build)).toBe('科技目标 1.2.3 · 数据版本2026-12-01 · 2026-12-02导出');
  for (const lang of ['en', 'zh'] as const) expect(creditLine(catalogues[lang], onDisk, '2026-12-02', build)).not.toMatch(/file:|home|reporter/);
});

test('with a published address set at build time, the footer gives it with the view’s own query, wherever the page was opened', () => {
  expect(creditLine(catalogues.en, onDisk, '2026-12-02', published)).toBe(
    'Tech Targets · exported 2026-12-02 · https://news.example.org/graphics/tech-targets/?view=firms&lang=zh',
  );
  expect(creditAddress('https://mirror.example.com/tt/?view=rd#x', published.publicUrl)).toBe('https://news.example.org/graphics/tech-targets/?view=rd');
});

test('a page served on the web names its own address when none was published; any other page names none', () => {
  expect(creditAddress('https://example.com/tt/index.html?view=market', '')).toBe('https://example.com/tt/index.html?view=market');
  expect(creditAddress(onDisk, '')).toBeNull();
  expect(creditAddress('blob:null/1234', '')).toBeNull();
  expect(creditAddress('not a url', '')).toBeNull();
  expect(creditAddress('not a url', published.publicUrl)).toBe(published.publicUrl);
});
