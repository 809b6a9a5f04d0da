// The explorer, both interface languages and both themes, as an analyst and a reader meet them.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { manyRows } from '../../scripts/large-import.js';
import { axeViolations, fixture, importFile, openApp, useBrowser } from './page';

const browser = useBrowser();
const BUNDLED_ROWS = Papa.parse(readFileSync(new URL('../../data/targets.csv', import.meta.url), 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data.length;

const rowIds = (page: Page) =>
  page.locator('#view-panel tbody tr[data-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));

describe('explorer', () => {
  test('finds a row by a Chinese substring of its quote, and keeps the search in the URL', async () => {
    const { page, errors } = await openApp(browser(), { query: '?view=explorer' });
    await expect(page.locator('[data-count]').getAttribute('data-count')).resolves.toBe(String(BUNDLED_ROWS));
    await page.getByLabel('Search labels, quotes and notes').fill('入库科技型中小企业');
    await page.waitForFunction(() => document.querySelector('[data-count]')?.getAttribute('data-count') === '1');
    expect(await rowIds(page)).toEqual(['huangshi-2021-tech-smes-registered']);
    await expect(page.locator('tr[data-row="huangshi-2021-tech-smes-registered"] .quote').textContent()).resolves.toContain(
      '入库科技型中小企业450家以上',
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('入库科技型中小企业');
    expect(errors).toEqual([]);
  });

  test('answers "which cities set a target for 科技型中小企业, and how do they compare?" in either language', async () => {
    for (const [lang, category, target, apart] of [
      ['en', 'Category', 'Target', 'a different scope in Tongxiang'],
      ['zh', '类别', '目标', '桐乡的口径不同'],
    ] as const) {
      const { page } = await openApp(browser(), { query: `?view=explorer&lang=${lang}` });
      await page.getByLabel(category, { exact: true }).selectOption('tech_smes');
      await page.getByRole('checkbox', { name: new RegExp(`^${target}`) }).check();
      await page.waitForFunction(() => Number(document.querySelector('[data-count]')?.getAttribute('data-count')) >= 6);
      const cities = await page.locator('#view-panel tbody th[scope="row"]').allTextContents();
      expect(new Set(cities).size).toBe(5);
      // Wuhu's 分别…300 new SMEs are charted beside Tongxiang's 400, which counts Zhejiang's own register and is set apart.
      const comparison = page.locator('[data-comparison="tech_smes"]');
      await expect(comparison.locator('svg[data-chart] [data-mark]').evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')))).resolves.toEqual([
        'wuhu-2023-tech-smes-new',
        'tongxiang-2022-2023-tech-smes-new',
      ]);
      await expect(comparison.textContent()).resolves.toContain(apart);
      await expect.poll(() => new URL(page.url()).searchParams.get('cat')).toBe('tech_smes');
    }
  });

  test('columns sort, with not-stated values last', async () => {
    const { page } = await openApp(browser(), { query: '?view=explorer&cat=rd_intensity' });
    await page.click('[data-sort="value"]');
    await page.click('[data-sort="value"]');
    const ids = await rowIds(page);
    expect(ids[0]).toMatch(/rd-intensity/);
    expect(ids.at(-1)).toBe('huaibei-2023-rd-intensity-not-stated');
    await expect(page.locator('th[aria-sort="descending"]').count()).resolves.toBe(1);
    await expect.poll(() => new URL(page.url()).searchParams.get('order')).toBe('-value');
  });
});

describe('bilingual interface', () => {
  test('lang=en and lang=zh draw the same marks with translated labels', async () => {
    for (const view of ['rd', 'firms', 'market']) {
      const en = await openApp(browser(), { query: `?view=${view}&lang=en` });
      const zh = await openApp(browser(), { query: `?view=${view}&lang=zh` });
      const marks = (page: Page) => page.locator('[data-mark]').evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')));
      expect(await marks(zh.page)).toEqual(await marks(en.page));
      const heading = await zh.page.locator('h2').first().textContent();
      expect(heading).toMatch(/[\u4e00-\u9fff]/);
      expect(heading).not.toEqual(await en.page.locator('h2').first().textContent());
      const zhText = (await zh.page.locator('#app').innerText())!;
      for (const english of ['Read with care', 'Show table', 'Source:', 'Target (hollow)', 'Copy link']) expect(zhText).not.toContain(english);
      await expect(zh.page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
      if (view === 'market') {
        expect(zhText).toContain('亿元');
        expect(await en.page.locator('#view-panel').textContent()).toContain('CNY 5.8 bn');
      }
    }
  });

  test('"Show all" on 3,000 rows of unlike heights: focus goes to the table, and wherever the reader jumps, rows fill the screen and settle', async () => {
    // Sorted by category, bands of 375 rows: short quotes, then quotes that wrap to several lines, and so on.
    const long = '力争全社会研发投入强度达到百分之三点五以上，高新技术企业数量持续增长，技术合同成交额稳步提高。'.repeat(4);
    const file = fixture('long-table.csv', manyRows(3000, (n) => (n % 2 ? `${long}${n}` : `新增${n}`)));
    const { page, errors } = await openApp(browser(), { query: '?view=explorer&order=category' });
    await importFile(page, file);
    await page.waitForSelector('[data-import-ok]');
    await page.getByRole('button', { name: /^Show all/ }).click();
    await page.getByRole('button', { name: /^Show all/ }).waitFor({ state: 'detached' });
    // Focus was on the button that went: it is on the table, not lost to the page.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Matching figures');
    for (const at of [0.5, 0.1, 0.9, 0.3, 0.7, 0.05, 0.6, 0.2, 0.95, 0.4, 0.8]) {
      await page.evaluate((share) => {
        const table = document.querySelector('#view-panel table')!;
        const top = table.getBoundingClientRect().top + scrollY;
        window.scrollTo(0, top + (table.getBoundingClientRect().height - innerHeight) * share);
      }, at);
      // Settled: the table has not changed for half a second (the window stops moving), with a row mid-screen.
      await page.waitForFunction(
        () =>
          new Promise<boolean>((resolve) => {
            let changes = 0;
            const observer = new MutationObserver(() => changes++);
            observer.observe(document.querySelector('#view-panel tbody')!, { childList: true, subtree: true, attributes: true });
            setTimeout(() => (observer.disconnect(), resolve(changes === 0)), 500);
          }),
        null,
        { timeout: 10_000 },
      );
      const middle = await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('tr')?.hasAttribute('data-row'));
      expect(middle, `a row mid-screen at ${at}`).toBe(true);
      await expect(page.locator('#view-panel tbody tr[data-row]').count()).resolves.toBeLessThanOrEqual(150);
    }
    // At the end, the table's last row is drawn.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('#view-panel tbody tr[data-row]');
      return rows[rows.length - 1] && !rows[rows.length - 1]!.nextElementSibling;
    });
    expect(errors).toEqual([]);
  });

  test('the default follows the browser language, and the toggle switches and records it', async () => {
    const { page } = await openApp(browser(), { locale: 'zh-CN' });
    await expect(page.locator('h1').textContent()).resolves.toBe('科技目标');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Tech Targets');
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
  });
});

describe('dark mode', () => {
  test.each(['rd', 'firms', 'explorer&cat=tech_smes'])('follows the system theme and passes axe-core: %s', async (view) => {
    const { page } = await openApp(browser(), { query: `?view=${view}`, colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(20, 20, 22)');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  test('the theme toggle overrides the system and is kept in the URL; light passes axe-core in the explorer too', async () => {
    const { page } = await openApp(browser(), { query: '?view=explorer&cat=tech_smes' });
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.selectOption('[data-control="theme"]', 'dark');
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBe('dark');
    await page.focus('[data-mark]');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});
