// The built single file, opened from disk in real Chromium, as a reader would.
import { describe, expect, test } from 'vitest';
import { axeViolations, openApp, type OpenOptions, useBrowser } from './page';

const CITIES = ['Wuhu', 'Huangshi', 'Changzhou', 'Tongxiang', 'Huaibei'];

const browser = useBrowser();
const open = (options: OpenOptions = {}) => openApp(browser(), options);

describe('dist/index.html from file://', () => {
  test('renders every view with all five cities, with no console error and no network request', async () => {
    const { page, errors, requests } = await open();
    for (const view of ['rd', 'firms', 'market']) {
      await page.getByRole('tab', { name: { rd: 'R&D intensity', firms: 'High-tech firms', market: 'Technology market' }[view] }).click();
      const chartText = await page.locator(`[data-view="${view}"] svg[role="group"]`).allTextContents();
      for (const city of CITIES) expect(chartText.join(' '), `${city} in ${view}`).toContain(city);
    }
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  test('the charts and tables are there without JavaScript (prerendered)', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    // Each chart is laid out twice (phone and wide) and CSS shows one: count what a reader sees.
    await expect(page.locator('[data-view="rd"] [data-mark]:visible').count()).resolves.toBe(5);
    await expect(page.locator('table:visible').count()).resolves.toBe(3);
    await expect(page.locator('h2:visible').first().textContent()).resolves.toContain('R&D intensity');
  });

  test('a keyboard user can Tab to a mark and read its quote', async () => {
    const { page } = await open();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.hasAttribute('data-mark'))) break;
    }
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-mark'));
    // Cities by name: Changzhou first.
    expect(focused).toBe('changzhou-2021-rd-intensity');
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain('全社会研发经费占地区生产总值比重达3.1%');
    // The next mark down is Wuhu's: the set-apart figures (Huangshi, Tongxiang) come after the comparable ones.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain('全社会研发投入强度力争达到3.5%');
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-card][data-pinned="true"]').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-card]').count()).resolves.toBe(0);
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
    const { page } = await open({ query: '?view=market' });
    const chartIds = await page.locator('[data-view="market"] [data-mark]').evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')));
    await page.getByRole('button', { name: 'Show table' }).click();
    const rowIds = await page.locator('[data-view="market"] tr[data-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
    expect(rowIds).toEqual(chartIds);
    await expect(page.locator('[data-view="market"] table').isVisible()).resolves.toBe(true);
  });

  test.each([375, 1280])('axe-core finds no WCAG 2 A/AA violation at %i px', async (width) => {
    const { page } = await open({ width });
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  test('nothing overflows the page at 320 px', async () => {
    const { page } = await open({ width: 320 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
