// Bringing a sixth city: a real file input, persistence across reloads, removal, and hostile files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, importFile, openApp, useBrowser } from './page';
import { gbkOf } from '../fixtures/import/gbk';

const VALID = new URL('../fixtures/import/valid-city.csv', import.meta.url).pathname;
const HEADER = readFileSync(VALID, 'utf8').split('\n')[0]!;

const browser = useBrowser();

const view = async (page: Page, tab: string) => {
  await page.getByRole('tab', { name: tab }).click();
  return page.locator('#view-panel').textContent();
};

describe('importing a sixth city', () => {
  test('a valid file shows the city in the three views and the explorer, survives a reload, and removal restores the five', async () => {
    const { page, errors } = await openApp(browser());
    const before = await page.locator('[data-mark]').count();
    await importFile(page, VALID);
    await expect(page.locator('[data-import-ok]').textContent()).resolves.toContain("Ma'anshan added");
    expect(await view(page, 'R&D intensity')).toContain("◆ Ma'anshan");
    expect(await view(page, 'High-tech firms')).toContain("◆ Ma'anshan");
    expect(await view(page, 'Technology market')).toContain("◆ Ma'anshan");
    await page.getByRole('tab', { name: 'All figures' }).click();
    await page.getByLabel('Search labels, quotes and notes').fill('马鞍山');
    await expect(page.locator('#view-panel tr[data-row^="maanshan-"]').count()).resolves.toBe(6);
    await expect.poll(() => new URL(page.url()).searchParams.get('imported')).toBe('1');

    await page.reload();
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('tab', { name: 'R&D intensity' }).click();
    await expect(page.locator('[data-mark="maanshan-2023-rd-intensity"]').count()).resolves.toBe(1);
    await page.focus('[data-mark="maanshan-2023-rd-intensity"]');
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain('imported by you');

    await page.click('[data-import] summary');
    await page.getByRole('button', { name: "Remove Ma'anshan" }).click();
    await expect(page.locator('[data-mark^="maanshan"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-mark]').count()).resolves.toBe(before);
    await expect(page.evaluate(() => localStorage.getItem('tech-targets:imports:v1'))).resolves.toBeNull();
    await expect.poll(() => new URL(page.url()).searchParams.get('imported')).toBeNull();
    expect(errors).toEqual([]);
  });

  test('an explorer link filtering on a category and a period only the import has keeps them on reload', async () => {
    const { page, errors } = await openApp(browser(), { query: '?view=explorer' });
    const rows = readFileSync(VALID, 'utf8').trimEnd().split('\n').slice(1, 3);
    const custom = rows.map((row, i) => row.replace(/^[^,]+,/, `maanshan-custom-${i},`).replace(',rd_intensity,share_of_gdp,', ',zz_custom,share_of_gdp,').replace(',high_tech_firms,new,', ',zz_custom,new,'));
    await importFile(page, fixture('custom.csv', [HEADER, ...custom.map((row) => row.replace(',2023,', ',2031,'))].join('\n')));
    await page.locator('[data-import-ok]').waitFor();
    const query = '?view=explorer&cat=zz_custom&period=2031&imported=1';
    await page.goto(page.url().split('?')[0] + query);
    await page.waitForSelector('html[data-hydrated]');
    await expect(page.locator('#view-panel tr[data-row]').count()).resolves.toBe(2);
    await expect.poll(() => new URL(page.url()).searchParams.get('cat')).toBe('zz_custom');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2031');
    expect(errors).toEqual([]);
  });

  test('a shared link made with an import says the import is missing and shows the five', async () => {
    const { page } = await openApp(browser(), { query: '?imported=1' });
    await expect(page.getByRole('status').filter({ hasText: 'imported from a local file' }).count()).resolves.toBe(1);
    await expect(page.locator('[data-city]').count()).resolves.toBe(5);
  });

  test('an embed made with an import names only bundled cities and says, in the article, that a local import is missing', async () => {
    const { page, errors } = await openApp(browser());
    await importFile(page, VALID);
    await page.waitForSelector('[data-import-ok]');
    await page.goto(`${page.url().split('?')[0]}?cities=maanshan,wuhu&focus=maanshan,wuhu&imported=1`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('button', { name: 'Embed' }).click();
    const code = await page.getByRole('dialog').locator('textarea').inputValue();
    const src = new URL(/<iframe src="([^"]+)"/.exec(code)![1]!.replace(/&#38;|&amp;/g, '&'));
    expect(src.searchParams.get('imported')).toBe('1');
    expect(code).not.toContain('maanshan');
    const embed = await page.context().newPage();
    await embed.goto(src.href);
    await embed.waitForSelector('html[data-hydrated]');
    await expect(embed.locator('[data-embed-import-missing]').textContent()).resolves.toContain('imported from a local file');
    expect(errors).toEqual([]);
  });

  test('a hostile but valid file is shown as text, runs nothing, and its formula is neutralised in the CSV', async () => {
    const { page, errors } = await openApp(browser());
    const cells: Record<string, string> = {
      id: 'evil-2023-rd-intensity', city: 'evil', doc: 'evil-2023-plan', category: 'rd_intensity', measure: 'share_of_gdp',
      kind: 'target', period: '2023', qualifier: 'about', value: '2.5', unit: '%', scope_class: 'economy_wide',
      scope_zh: '全社会', scope_en: 'economy-wide', label_zh: '<img src=x onerror="window.__pwned=1">',
      label_en: '<script>window.__pwned=1</script>', quote: '=HYPERLINK("http://evil.example","click")', commitment: 'plain',
      city_zh: '恶意市', city_en: 'Evil <b>City</b>', doc_title_zh: '恶意文件', doc_title_en: 'Evil doc', doc_date: '2023-01-01',
    };
    const row = HEADER.split(',').map((column) => cells[column] ?? '');
    await importFile(page, fixture('evil.csv', `${HEADER}\n${Papa.unparse([row])}\n`));
    await expect(page.locator('[data-import-ok]').textContent()).resolves.toContain('added');
    await expect(page.locator('[data-mark="evil-2023-rd-intensity"]').textContent()).resolves.toContain(
      '<script>window.__pwned=1</script>',
    );
    await expect(page.locator('#view-panel img, #view-panel script').count()).resolves.toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="csv"]')]);
    const csv = readFileSync(await download.path(), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    const evil = parsed.data.find((r) => r.id === 'evil-2023-rd-intensity')!;
    expect(evil.Quote).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(evil.Origin).toBe('imported by you');
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    expect(errors).toEqual([]);
  });

  test('a file with errors changes nothing and the error panel names row, column and value', async () => {
    const { page } = await openApp(browser());
    const before = await page.locator('[data-mark]').count();
    const good = readFileSync(VALID, 'utf8').split('\n')[1]!;
    const bad = good.replace(',target,', ',<img src=x onerror="window.__pwned=1">,');
    await importFile(page, fixture('bad.csv', `${HEADER}\n${good.replace('maanshan-2023-rd', 'maanshan-2022-rd')}\n${bad}\n`));
    const panel = page.locator('[data-import-errors]');
    await expect(panel.textContent()).resolves.toContain('bad.csv was not imported');
    const item = panel.locator('li[data-code="not_in_vocabulary"]');
    await expect(item.getAttribute('data-row')).resolves.toBe('3');
    await expect(item.textContent()).resolves.toContain('Row 3, column “kind”');
    await expect(item.textContent()).resolves.toContain('<img src=x onerror="window.__pwned=1">');
    await expect(page.locator('[data-mark]').count()).resolves.toBe(before);
    await expect(page.locator('[data-city]').count()).resolves.toBe(5);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  });

  test('the error panel speaks the interface language', async () => {
    const { page } = await openApp(browser(), { query: '?lang=zh' });
    await page.click('[data-import] summary');
    await page.setInputFiles('[data-import] input[type=file]', fixture('empty.csv', ''));
    await expect(page.locator('[data-import-errors]').textContent()).resolves.toContain('文件为空');
  });
});

describe('files as spreadsheets save them', () => {
  test.each([
    ['Excel “CSV UTF-8” (BOM, CRLF)', () => Buffer.from('\uFEFF' + readFileSync(VALID, 'utf8').replace(/\n/g, '\r\n'), 'utf8')],
    ['GBK (Excel on Chinese Windows)', () => Buffer.from(gbkOf(readFileSync(VALID, 'utf8')))],
  ])('%s imports through the file input', async (_, bytes) => {
    const { page } = await openApp(browser());
    const path = join(mkdtempSync(join(tmpdir(), 'import-')), 'maanshan.csv');
    writeFileSync(path, bytes());
    await importFile(page, path);
    await expect(page.locator('[data-import-ok]').textContent()).resolves.toContain("Ma'anshan added, 6 figures");
    // The Chinese name decodes correctly, not as mojibake.
    await expect(page.locator('[data-city="maanshan"]').textContent()).resolves.toContain('马鞍山');
    await expect(page.locator('[data-mark="maanshan-2023-rd-intensity"]').count()).resolves.toBe(1);
  });

  test('a file dropped on the drop zone is imported like a chosen one', async () => {
    const { page } = await openApp(browser());
    await page.click('[data-import] summary');
    const text = readFileSync(VALID, 'utf8');
    await page.evaluate((csv) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
      const zone = document.querySelector('[data-import] .drop')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    await expect(page.locator('[data-import-ok]').textContent()).resolves.toContain("Ma'anshan added");
  });
});
