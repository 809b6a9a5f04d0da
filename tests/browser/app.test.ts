// The built single file, opened from disk in real Chromium, as a reader would.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/browser.js';

const APP_URL = pathToFileURL(new URL('../../dist/index.html', import.meta.url).pathname).href;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CITIES = ['Wuhu', 'Huangshi', 'Changzhou', 'Tongxiang', 'Huaibei'];

let browser: Browser;

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(options: { width?: number; javaScriptEnabled?: boolean } = {}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => request.url() !== APP_URL && requests.push(request.url()));
  await page.goto(APP_URL);
  if (options.javaScriptEnabled !== false) await page.waitForSelector('html[data-hydrated]');
  return { page, errors, requests };
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('dist/index.html from file://', () => {
  test('renders every view with all five cities, with no console error and no network request', async () => {
    const { page, errors, requests } = await open();
    for (const view of ['rd', 'firms', 'market']) {
      const chartText = await page.locator(`[data-view="${view}"] svg[role="group"]`).allTextContents();
      for (const city of CITIES) expect(chartText.join(' '), `${city} in ${view}`).toContain(city);
    }
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  test('the charts and tables are there without JavaScript (prerendered)', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    await expect(page.locator('[data-mark]').count()).resolves.toBeGreaterThan(15);
    await expect(page.locator('table').count()).resolves.toBe(3);
    await expect(page.locator('h2').first().textContent()).resolves.toContain('R&D intensity');
  });

  test('a keyboard user can Tab to a mark and read its quote', async () => {
    const { page } = await open();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.hasAttribute('data-mark'))) break;
    }
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-mark'));
    expect(focused).toBe('wuhu-2023-rd-intensity');
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain('全社会研发投入强度力争达到3.5%');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain('试验与研发投入占比达到2%');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
  });

  test('de-selecting a city removes it from charts and tables', async () => {
    const { page } = await open();
    await page.click('[data-city="tongxiang"]');
    await expect(page.locator('[data-mark^="tongxiang-"]').count()).resolves.toBe(0);
    await expect(page.locator('tr[data-row^="tongxiang-"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-view="rd"] .notes').textContent()).resolves.not.toContain('Tongxiang');
    await page.click('[data-city="tongxiang"]');
    await expect(page.locator('[data-mark^="tongxiang-"]').count()).resolves.toBeGreaterThan(0);
  });

  test('the table toggle shows the same rows as the chart', async () => {
    const { page } = await open();
    const chartIds = await page.locator('[data-view="market"] [data-mark]').evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')));
    await page.getByRole('button', { name: 'Show table' }).click();
    const rowIds = await page.locator('[data-view="market"] tr[data-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
    expect(rowIds).toEqual(chartIds);
    await expect(page.locator('[data-view="market"] table').isVisible()).resolves.toBe(true);
  });

  test.each([375, 1280])('axe-core finds no WCAG 2 A/AA violation at %i px', async (width) => {
    const { page } = await open({ width });
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });

  test('nothing overflows the page at 320 px', async () => {
    const { page } = await open({ width: 320 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
