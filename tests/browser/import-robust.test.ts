// Imports that people really make, in real Chromium from file://: hand-filled sheets, many cities, a file that breaks
// a view, two tabs, a 5 MB file — and the page always keeps its five bundled cities and a way back.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { APP_URL, openApp, useBrowser } from './page';
import { oneLargeCity } from '../../scripts/large-import.js';

const browser = useBrowser();

function file(name: string, body: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'import-')), name);
  writeFileSync(path, body);
  return path;
}

async function importFiles(page: Page, paths: string[]) {
  const details = page.locator('[data-import]');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await page.click('[data-import] > summary');
  await page.setInputFiles('[data-import] input[type=file]', paths);
}

const BUNDLED = ['wuhu', 'huangshi', 'changzhou', 'tongxiang', 'huaibei'];
const shownCities = (page: Page) =>
  page.locator('#view-panel [data-mark]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-mark')!.split('-')[0]))]);

/** A journalist's hand-filled sheet: blank scopes, ids, docs and labels, capitals, "at least", 2023年, 2022年上半年. */
const HAND_FILLED = `city,category,measure,kind,period,qualifier,value,unit,scope_zh,scope_en,label_zh,label_en,quote,commitment,city_zh,city_en
bengbu,rd_intensity,share_of_gdp,Target,2023年,about,2.8,%,,,,R&D intensity,研发投入强度达到2.8%左右,,蚌埠,Bengbu
bengbu,high_tech_firms,new,Target,2023年,at least,150,家,,,,New high-tech firms,新增高新技术企业150家以上,Strive,蚌埠,Bengbu
bengbu,high_tech_firms,new,target,2022年上半年,At-Least,60,家,,,,New high-tech firms,上半年新增高新技术企业60家,,蚌埠,Bengbu
bengbu,tech_market,turnover,Actual,2022年,,120,亿元,,,技术合同成交额,,技术合同成交额120亿元,,蚌埠,Bengbu
`;

const TWO_CITIES = `city,category,measure,kind,period,value,unit,quote,city_zh,city_en,scope_class
hefei,rd_intensity,share_of_gdp,target,2023,3.8,%,全社会研发投入强度达到3.8%,合肥,Hefei,economy_wide
hefei,high_tech_firms,new,target,2023,800,家,新增高新技术企业800家,合肥,Hefei,
anqing,rd_intensity,share_of_gdp,target,2023,2.1,%,全社会研发投入强度达到2.1%,安庆,Anqing,economy_wide
anqing,tech_market,turnover,target,2023,40,亿元,技术合同成交额达到40亿元,安庆,Anqing,
`;

describe('imports that people make', () => {
  test('a hand-filled sheet with blanks and capitals imports with warnings naming row and column, and every view draws it', async () => {
    const { page, errors } = await openApp(browser());
    await importFiles(page, [file('bengbu.csv', HAND_FILLED)]);
    await expect(page.locator('[data-import-ok]').textContent()).resolves.toContain('Bengbu added, 4 figures');
    const warnings = page.locator('[data-issues="warning"] li');
    await expect(warnings.first().textContent()).resolves.toMatch(/^Row 2, column “kind”, value “Target”/);
    await expect(page.locator('[data-issues="warning"] li[data-code="defaulted"][data-column="id"]').count()).resolves.toBeGreaterThan(0);
    for (const [view, tab] of [
      ['rd', 'R&D intensity'],
      ['firms', 'High-tech firms'],
      ['market', 'Technology market'],
    ]) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await shownCities(page), view).toContain('bengbu');
    }
    await page.getByRole('tab', { name: 'All figures' }).click();
    await page.getByLabel('Search labels, quotes and notes').fill('bengbu');
    await page.waitForFunction(() => document.querySelector('[data-count]')?.getAttribute('data-count') === '4');
    await expect(page.locator('#view-panel tbody').textContent()).resolves.toContain('◆ Bengbu');
    expect(errors).toEqual([]);
  });

  test('one file of two cities shows both, each with its own Remove', async () => {
    const { page, errors } = await openApp(browser());
    await importFiles(page, [file('two.csv', TWO_CITIES)]);
    await expect(page.locator('[data-import-ok]').textContent()).resolves.toContain('Hefei and Anqing added');
    expect(await shownCities(page)).toEqual(expect.arrayContaining(['hefei', 'anqing', ...BUNDLED]));
    await page.getByRole('button', { name: 'Remove Hefei' }).click();
    expect(await shownCities(page)).not.toContain('hefei');
    expect(await shownCities(page)).toContain('anqing');
    expect(errors).toEqual([]);
  });
});

describe('nothing an import does can leave the page without its five cities', () => {
  /** A drawing bug that only this city's value hits: the number formatter throws on 666.6. */
  async function withBrokenFormatter(context: BrowserContext) {
    await context.addInitScript(() => {
      const { get } = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format')!;
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', {
        get() {
          const format = get!.call(this) as (value: number) => string;
          return (value: number) => {
            if (value === 666.6) throw new Error('formatter broke on 666.6');
            return format(value);
          };
        },
      });
    });
  }
  const BREAKS = `city,category,measure,kind,period,value,unit,quote,city_zh,city_en,scope_class
badtown,rd_intensity,share_of_gdp,target,2023,666.6,%,研发投入强度达到666.6%,坏镇,Badtown,economy_wide
`;

  test('a city that makes a view throw is set aside with Try again and Remove; the rest of the page keeps working', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    await withBrokenFormatter(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(APP_URL);
    await page.waitForSelector('html[data-hydrated]');
    await importFiles(page, [file('bad.csv', BREAKS)]);
    const notice = page.locator('[data-set-aside]');
    await expect(notice.textContent()).resolves.toContain('badtown (from bad.csv) made a view fail to draw');
    expect((await shownCities(page)).sort()).toEqual([...BUNDLED].sort());
    await expect(page.locator('[data-failed]').count()).resolves.toBe(0);

    // At the next start the kept city fails again: it is set aside at once, and the five are drawn.
    await page.reload();
    await page.waitForSelector('html[data-hydrated]');
    await expect(page.locator('[data-set-aside]').textContent()).resolves.toContain('badtown');
    expect((await shownCities(page)).sort()).toEqual([...BUNDLED].sort());

    await page.getByRole('button', { name: 'Remove badtown' }).click();
    await expect(page.locator('[data-set-aside]').count()).resolves.toBe(0);
    await page.reload();
    await page.waitForSelector('html[data-hydrated]');
    await expect(page.locator('[data-set-aside]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('whatever a hostile page writes to localStorage, the five cities show and a bad entry is reported, not run', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(APP_URL);
    await page.evaluate(() => {
      localStorage.setItem('tech-targets:city:v2:constructor', '{"text":"city,category\\nconstructor,__proto__","fileName":"x","encoding":"utf-8"}');
      localStorage.setItem('tech-targets:city:v2:junk', 'not json at all');
      localStorage.setItem('tech-targets:imports:v1', '[{"text":42}]');
    });
    await page.reload();
    await page.waitForSelector('html[data-hydrated]');
    expect((await shownCities(page)).sort()).toEqual([...BUNDLED].sort());
    await expect(page.locator('[data-set-aside] li').count()).resolves.toBe(2);
    await context.close();
  });

  test('two pages sharing storage keep both imported cities, and Remove in one removes it in both', async () => {
    const context = await browser().newContext();
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const page of [a, b]) {
      await page.goto(APP_URL);
      await page.waitForSelector('html[data-hydrated]');
    }
    await importFiles(a, [file('bengbu.csv', HAND_FILLED)]);
    await a.locator('[data-import-ok]').waitFor();
    await importFiles(b, [file('two.csv', TWO_CITIES)]);
    await b.locator('[data-import-ok]').waitFor();
    // Each page hears the other's change through the storage event.
    await a.waitForFunction(() => document.querySelectorAll('[data-imported-city]').length === 3);
    await b.waitForFunction(() => document.querySelectorAll('[data-imported-city]').length === 3);
    await b.getByRole('button', { name: 'Remove Bengbu' }).click();
    await a.waitForFunction(() => !document.querySelector('[data-imported-city="bengbu"]'));
    await a.reload();
    await a.waitForSelector('html[data-hydrated]');
    await expect(a.locator('[data-imported-city]').evaluateAll((els) => els.map((e) => e.getAttribute('data-imported-city')))).resolves.toEqual([
      'hefei',
      'anqing',
    ]);
    await context.close();
  });
});

describe('a 5 MB file', () => {
  // The 100 ms budget is measured by `npm run bench` (longest task of every run), never by a timed assertion: on a
  // busy two-core machine one garbage-collection pause can cross it. This test guards what a reader sees — a
  // progress bar, a finished import — and that the import is sliced at all: a file read in one go blocks for seconds.
  test('imports in slices, with a progress bar, and never blocks the page for long', async () => {
    const { page, errors } = await openApp(browser());
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: 'longtask' });
    });
    // Whether a progress bar showed, and how long the import took, seen from the page itself.
    await page.evaluate(() => {
      const w = window as unknown as { progressSeen: boolean; started: number; took: number };
      w.progressSeen = false;
      document.querySelector('[data-import] input[type=file]')!.addEventListener('change', () => (w.started = performance.now()));
      new MutationObserver(() => {
        if (document.querySelector('[data-import-progress] progress')) w.progressSeen = true;
        if (document.querySelector('[data-import-ok]') && !w.took) w.took = performance.now() - w.started;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await importFiles(page, [file('big.csv', oneLargeCity())]);
    await page.locator('[data-import-ok]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await expect(page.locator('[data-import-ok]').textContent()).resolves.toContain('Big City added');
    const seen = await page.evaluate(() => {
      const w = window as unknown as { progressSeen: boolean; took: number; longest: number };
      return { progressSeen: w.progressSeen, took: w.took, longest: w.longest };
    });
    // A progress bar with Cancel for anything over half a second; no task anywhere near a read in one go.
    if (seen.took > 700) expect(seen.progressSeen).toBe(true);
    expect(seen.longest).toBeLessThan(500);
    expect(errors).toEqual([]);
  });

  test('a file over the limit is refused with its real size', async () => {
    const { page } = await openApp(browser());
    await importFiles(page, [file('huge.csv', 'x'.repeat(6 * 1024 * 1024))]);
    await expect(page.locator('[data-import-errors]').textContent()).resolves.toContain('6.00 MB (6,291,456 bytes)');
  });
});
