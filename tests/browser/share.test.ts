// Sharing as a journalist does it: URL state, embed mode and its height messages, exports, and a real article page.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { APP_URL, axeViolations, openApp, type OpenOptions, useBrowser } from './page';

const browser = useBrowser();
const open = (options: OpenOptions = {}) => openApp(browser(), options);

/** A plain article page on disk, next to nothing: the embed code must bring everything it needs. */
function articlePage(embed: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'article-')), 'article.html');
  writeFileSync(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body style="margin:0">
<main style="max-width:620px;margin:0 auto;padding:0 10px"><h1>Tech targets in two cities</h1><p>Lead paragraph.</p>
${embed}
<p>After the chart.</p></main></body></html>`,
  );
  return pathToFileURL(path).href;
}

async function download(page: Page, action: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-action="${action}"]`)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

const cityIds = (page: Pick<Page, 'locator'>) =>
  page.locator('[data-view] [data-mark]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-mark')!.split('-')[0]))]);

describe('URL state', () => {
  test('?view=market&cities=huaibei,huangshi shows exactly those cities in that view', async () => {
    const { page, errors } = await open({ query: '?view=market&cities=huaibei,huangshi' });
    await expect(page.locator('[data-view]').getAttribute('data-view')).resolves.toBe('market');
    expect((await cityIds(page)).sort()).toEqual(['huaibei', 'huangshi']);
    await expect(page.getByRole('tab', { selected: true }).textContent()).resolves.toContain('Technology market');
    expect(errors).toEqual([]);
  });

  test('changing the state rewrites the URL, and opening that URL restores it', async () => {
    const { page } = await open();
    await page.getByRole('tab', { name: 'High-tech firms' }).click();
    await page.click('[data-city="wuhu"]');
    await page.getByRole('button', { name: 'Show table' }).click();
    // The address bar follows once the clicks pause.
    await expect.poll(() => new URL(page.url()).search).toBe('?view=firms&cities=all,-wuhu&table=1');
    const url = page.url();
    const again = await open({ query: new URL(url).search });
    await expect(again.page.locator('[data-view="firms"] table').isVisible()).resolves.toBe(true);
    await expect(again.page.locator('[data-city="wuhu"]').getAttribute('aria-pressed')).resolves.toBe('false');
  });

  test('a garbage query renders the defaults with no error', async () => {
    const { page, errors } = await open({ query: '?view=<script>&cities=,,x&lang=xx&table=maybe&embed=2&order=%00' });
    await expect(page.locator('[data-view]').getAttribute('data-view')).resolves.toBe('rd');
    expect((await cityIds(page)).sort()).toEqual(['changzhou', 'huaibei', 'huangshi', 'tongxiang', 'wuhu']);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('embed mode', () => {
  test('?embed=1 hides the site chrome and posts its height to the parent; controls=1 brings the city buttons', async () => {
    const article = await browser().newPage();
    await article.goto(
      articlePage(
        `<script>window.received = []; addEventListener('message', (e) => received.push(e.data));</script>` +
          `<iframe src="${APP_URL}?view=rd&embed=1&controls=1" title="chart" style="width:600px;height:300px"></iframe>`,
      ),
    );
    const received = await article.waitForFunction(() => (window as unknown as { received: unknown[] }).received[0]);
    const message = (await received.jsonValue()) as { type: string; view: string; height: number };
    expect(message.type).toBe('tech-targets:height');
    expect(message.view).toBe('rd');
    expect(message.height).toBeGreaterThan(400);
    const frame = article.frames()[1]!;
    await expect(frame.locator('h1').count()).resolves.toBe(0);
    await expect(frame.locator('[role="tablist"], [role="toolbar"], footer').count()).resolves.toBe(0);
    await expect(frame.locator('[data-city]').count()).resolves.toBe(5);
    await expect(frame.getByRole('link', { name: /open the full comparison/i }).getAttribute('href')).resolves.not.toContain('embed=1');
    await article.close();
  });

  test('a journalist copies the embed code into a plain article page and gets a sized, accessible, resizing chart', async () => {
    const { page } = await open({ query: '?view=market&cities=huaibei,huangshi' });
    await page.getByRole('button', { name: 'Embed' }).click();
    const code = await page.getByRole('dialog').locator('textarea').inputValue();
    expect(code).toContain('title="Tech Targets — Technology market"');
    const fixed = Number(/height="(\d+)"/.exec(code)![1]);
    const article = await browser().newPage({ viewport: { width: 1000, height: 900 } });
    await article.goto(articlePage(code));
    const iframe = article.locator('iframe');
    await expect(iframe.getAttribute('height')).resolves.toBe(String(fixed));
    const frame = article.frames()[1]!;
    await frame.waitForSelector('html[data-hydrated]');
    expect((await cityIds(frame)).sort()).toEqual(['huaibei', 'huangshi']);
    const contentHeight = () => frame.evaluate(() => Math.ceil(document.getElementById('app')!.getBoundingClientRect().height));
    const frameHeight = () => iframe.evaluate((el) => Math.round(el.getBoundingClientRect().height));
    await article.waitForFunction(
      async ([h]) => Math.abs(document.querySelector('iframe')!.getBoundingClientRect().height - h!) <= 1,
      [await contentHeight()],
    );
    const wide = await frameHeight();
    // Without the script the fixed height must already show the whole chart.
    expect(fixed).toBeGreaterThanOrEqual(wide);
    await article.setViewportSize({ width: 360, height: 900 });
    await article.waitForFunction((h) => document.querySelector('iframe')!.getBoundingClientRect().height > h + 40, wide);
    expect(Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(1);
    await expect(axeViolations(frame as unknown as Page)).resolves.toEqual([]);
    await article.close();
  });
});

describe('citation', () => {
  test('names the app, the view, the date and the documents shown, in GB/T 7714 and APA; from a file, no local path and a warning', async () => {
    const { page } = await open({ query: '?view=rd&cities=wuhu' });
    await page.getByRole('button', { name: 'Cite' }).click();
    const [gbt, apa] = await page.getByRole('dialog').locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    const today = new Date().toISOString().slice(0, 10);
    expect(gbt).toContain('Tech Targets. R&D intensity: how much of its economy each city aims to spend on research[EB/OL]');
    expect(gbt).toContain(`[EB/OL]. [${today}]`);
    expect(gbt).toContain('Wuhu Science and Technology Bureau');
    expect(apa).toMatch(/Tech Targets\. \(n\.d\.\)\. R&D intensity: .*\[Data visualization\]\. Data from /);
    // The page is a file on this computer and the build names no published address: a path would open nowhere else.
    for (const text of [gbt, apa]) expect(text).not.toMatch(/file:|\/dist\/index\.html/);
    await expect(page.locator('[data-warning="file-citation"]').textContent()).resolves.toContain('web server');
  });

  test('names the statistical bulletins in the view that draws national figures, and in no other; in Chinese throughout', async () => {
    const cite = async (query: string) => {
      const { page } = await open({ query });
      await page.click('[data-action="cite"]');
      return page.getByRole('dialog').locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    };
    for (const text of await cite('?view=rd')) {
      expect(text).toContain('National figures: NBS, MOST and MOF, 2021 Statistical Bulletin');
      expect(text).toContain('2023 Statistical Bulletin on National Expenditure on Science and Technology.');
    }
    for (const text of await cite('?view=firms')) expect(text).not.toMatch(/National figures|Bulletin/);
    const [gbt, apa] = await cite('?view=rd&lang=zh');
    expect(gbt).toContain('全国数据：国家统计局、科学技术部、财政部《2021年全国科技经费投入统计公报》');
    expect(apa).toContain('[数据可视化]');
    expect(apa).not.toContain('Data visualization');
  });

  test('Copy link from a file on disk warns that the link opens only on this computer', async () => {
    const { page } = await open({ query: '?view=market' });
    await page.click('[data-action="copy-link"]');
    await page.locator('[data-warning="file-link"]').waitFor();
    await expect(page.locator('[data-warning="file-link"]').textContent()).resolves.toContain('web server');
  });
});

describe('exports', () => {
  test('images come in the sizes a newsroom needs, from a file on disk with no local path, with the title the editor typed', async () => {
    const { page, errors } = await open({ query: '?view=firms&lang=zh', width: 900 });
    await page.click('[data-action="image"]');
    const dialog = page.getByRole('dialog');
    await dialog.locator('img[data-preview]').waitFor();
    await dialog.locator('[data-control="image-title"]').fill('常州领跑高企认定');
    await dialog.locator('[data-control="image-subtitle"]').fill('各市口径不同，不能直接排名');
    const svg = await download(page, 'svg');
    const png = await download(page, 'png');
    const wide = await download(page, 'png-wide');
    const square = await download(page, 'png-square');
    const today = new Date().toISOString().slice(0, 10);
    expect([svg.name, png.name, wide.name, square.name]).toEqual([
      `tech-targets-firms-${today}.svg`,
      `tech-targets-firms-${today}.png`,
      `tech-targets-firms-wide-${today}.png`,
      `tech-targets-firms-square-${today}.png`,
    ]);
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('常州领跑高企认定');
    expect(text).toContain('各市口径不同，不能直接排名');
    expect(text).not.toContain('高新技术企业：各市统计什么，哪些数据可比');
    expect(text).toContain('阅读提示');
    expect(text).toContain('省下达任务（斜线）');
    expect(text).toContain('来源：');
    expect(text).toContain('新增高新技术企业');
    // The page is a file: the footer names the app and data versions, never the reader's path.
    expect(text).not.toMatch(/file:/);
    expect(text).toMatch(/科技目标 \d+\.\d+\.\d+ · 数据版本\d{4}-\d{2}-\d{2}/);
    const size = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    const [, width, height] = /<svg[^>]*width="(\d+)" height="(\d+)"/.exec(text)!.map(Number) as [number, number, number];
    // Laid out for the default 620 px column; the article PNG at twice that, the others at their own sizes.
    expect(width).toBe(620);
    for (const file of [png, wide, square]) expect(file.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(size(png.bytes)).toEqual([width * 2, height * 2]);
    expect(size(wide.bytes)[0]).toBe(1200);
    expect(size(square.bytes)).toEqual([1080, 1080]);
    // The SVG renders on its own, in a page with no stylesheet: one chart per panel of the firms view, as on the page.
    const viewer = await browser().newPage();
    await viewer.setContent(text);
    await expect(viewer.locator('svg svg[data-chart]').count()).resolves.toBe(await page.locator('[data-view] svg[data-chart]').count());
    await expect(viewer.locator('svg svg[data-chart]').first().evaluate((el) => el.getAttribute('width'))).resolves.toBe('580');
    await viewer.close();
    expect(errors).toEqual([]);
  });

  test('the table view and the explorer comparison save images too, laid out at the width asked for', async () => {
    const { page } = await open({ query: '?view=rd&table=1', width: 1280 });
    await page.click('[data-action="image"]');
    await page.getByRole('dialog').locator('[data-control="image-width"]').fill('400');
    await page.getByRole('dialog').locator('[data-action="svg"]', { hasText: '400' }).waitFor();
    const svg = (await download(page, 'svg')).bytes.toString('utf8');
    expect(/<svg[^>]*width="(\d+)"/.exec(svg)![1]).toBe('400');
    expect(svg).toContain('data-chart');
    const explorer = await open({ query: '?view=explorer&cat=tech_smes' });
    await explorer.page.click('[data-action="image"]');
    const comparison = (await download(explorer.page, 'png-square')).bytes;
    expect([comparison.readUInt32BE(16), comparison.readUInt32BE(20)]).toEqual([1080, 1080]);
  });

  test('CSV has a BOM and parses back to the rows shown, numbers as numbers', async () => {
    const { page } = await open({ query: '?view=market&cities=huaibei,huangshi' });
    const csv = await download(page, 'csv');
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    const shown = await page.locator('#view-panel tr[data-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row')));
    expect(parsed.data.map((r) => r.id)).toEqual(shown);
    expect(parsed.data.map((r) => r.Value)).toContain('50.61');
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(['City', 'Value', 'Unit code', 'As the chart shows it', 'Period', 'Kind', 'Quote', 'Document']));
  });
});

describe('offline by construction', () => {
  test('the page carries a CSP that refuses every network connection', async () => {
    const { page } = await open();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'none'");
    const outcome = await page.evaluate(() =>
      fetch('https://example.com/collect', { method: 'POST', body: 'secret' }).then(
        () => 'sent',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
    const image = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const img = new Image();
          img.onload = () => resolve('loaded');
          img.onerror = () => resolve('blocked');
          img.src = 'https://example.com/pixel.png';
        }),
    );
    expect(image).toBe('blocked');
  });
});

/** The embed code the dialog gives for a state, once it has measured its preview at the 620 px column. */
async function embedCodeFor(query: string, button: RegExp = /^Embed$/): Promise<string> {
  const { page } = await open({ query });
  await page.getByRole('button', { name: button }).click();
  const code = await page.getByRole('dialog').locator('textarea').inputValue();
  await page.context().close();
  return code;
}

/** The article page of a 620 px column (620 px main inside 10 px padding) with the code, optionally without its script. */
async function inArticle(code: string, script: boolean) {
  const article = await browser().newPage({ viewport: { width: 1000, height: 900 } });
  await article.goto(articlePage(script ? code : code.replace(/<script[^>]*><\/script>/, '')));
  const iframe = article.locator('iframe');
  const frame = article.frames()[1]!;
  await frame.waitForSelector('html[data-hydrated]');
  const content = () => frame.evaluate(() => Math.ceil(document.getElementById('app')!.getBoundingClientRect().height));
  const frameHeight = () => iframe.evaluate((el) => Math.round(el.getBoundingClientRect().height));
  const frameWidth = () => iframe.evaluate((el) => Math.round(el.getBoundingClientRect().width));
  return { article, frame, content, frameHeight, frameWidth };
}

describe('compact embeds in a 620 px column', () => {
  test.each(['rd', 'firms', 'market'])('%s: without the script the fixed height shows it all, in at most 800 px', async (view) => {
    const code = await embedCodeFor(`?view=${view}`);
    const { article, frame, content, frameHeight, frameWidth } = await inArticle(code, false);
    expect(await frameWidth()).toBe(620);
    const shown = await content();
    expect(shown).toBeLessThanOrEqual(800);
    expect(await frameHeight()).toBeGreaterThanOrEqual(shown);
    // …without a tall empty band under the chart.
    expect((await frameHeight()) - shown).toBeLessThan(40);
    // Everything a reader needs is inside: headline, chart, legend, source line and the way to the full comparison.
    await expect(frame.locator('h2').first().isVisible()).resolves.toBe(true);
    await expect(frame.locator('svg[data-chart]').first().isVisible()).resolves.toBe(true);
    await expect(frame.locator('.source').first().isVisible()).resolves.toBe(true);
    await expect(frame.getByRole('link', { name: /open the full comparison/i }).isVisible()).resolves.toBe(true);
    // A story's chart is read, not re-picked: no city buttons unless the journalist asks for them.
    await expect(frame.locator('[data-city]').count()).resolves.toBe(0);
    await article.close();
  });

  test.each(['rd', 'firms', 'market'])('%s: with the script the frame follows the notes disclosure', async (view) => {
    const code = await embedCodeFor(`?view=${view}`);
    const { article, frame, content, frameHeight } = await inArticle(code, true);
    const more = frame.locator('details summary');
    await expect(more.count()).resolves.toBe(1);
    await expect(more.textContent()).resolves.toMatch(/Read with care/);
    await article.waitForFunction(async (h) => Math.abs(document.querySelector('iframe')!.getBoundingClientRect().height - h) <= 1, await content());
    const closed = await frameHeight();
    await more.click();
    await article.waitForFunction((h) => document.querySelector('iframe')!.getBoundingClientRect().height > h + 20, closed);
    expect(Math.abs((await frameHeight()) - (await content()))).toBeLessThanOrEqual(1);
    await article.close();
  });

  test('the explorer comparison of tech SMEs embeds as a compact chart with its reasons', async () => {
    const code = await embedCodeFor('?view=explorer&cat=tech_smes', /Embed this comparison/);
    expect(code).toContain('cat=tech_smes');
    // The frame is named after the comparison, not the explorer.
    expect(code).toContain('title="Tech Targets — Compare: Tech-based SMEs (科技型中小企业)"');
    const { article, frame, content, frameHeight } = await inArticle(code, false);
    await expect(frame.locator('[data-view="comparison"] svg[data-chart]').count()).resolves.toBeGreaterThan(0);
    await expect(frame.locator('table, input[type="search"]').count()).resolves.toBe(0);
    const shown = await content();
    expect(shown).toBeLessThanOrEqual(800);
    expect(await frameHeight()).toBeGreaterThanOrEqual(shown);
    await article.close();
  });

  test('every category’s comparison embeds at 620 px in at most 800 px, with its source line, in both languages', async () => {
    const targets = Papa.parse<{ category: string }>(readFileSync(new URL('../../data/targets.csv', import.meta.url), 'utf8'), { header: true, skipEmptyLines: true });
    const categories = [...new Set(targets.data.map((row) => row.category))];
    const page = await browser().newPage({ viewport: { width: 620, height: 900 } });
    const heights: string[] = [];
    for (const lang of ['en', 'zh'])
      for (const category of categories) {
        await page.goto(`${APP_URL}?view=explorer&cat=${category}&embed=1&lang=${lang}`);
        await page.waitForSelector('html[data-hydrated]');
        const height = await page.evaluate(() => Math.ceil(document.getElementById('app')!.getBoundingClientRect().height));
        if (height > 800) heights.push(`${lang} ${category}: ${height} px`);
        await expect(page.locator('.source').isVisible(), `${lang} ${category}`).resolves.toBe(true);
      }
    expect(heights).toEqual([]);
    await page.close();
  });

  test('a tall comparison folds what it must, never leaving one city to compare, and with the script the frame follows when a fold opens', async () => {
    const code = await embedCodeFor('?view=explorer&cat=platforms', /Embed this comparison/);
    const { article, frame, content, frameHeight } = await inArticle(code, true);
    const folded = frame.locator('[data-folded] summary');
    expect(await folded.count()).toBeGreaterThan(0);
    for (const text of await folded.allTextContents())
      expect(text).toMatch(/^(Set apart — not comparable with the figures above: \d+ figures? \(.+\)|Show its (\d+ figures|figure) \(.+\))$/);
    // A group that folds only its set-apart figures still shows two cities or more: it never "compares" one city.
    const citiesShown = await frame.locator('.group:has([data-folded="apart"])').evaluateAll((groups) =>
      groups.map((g) => new Set([...g.querySelectorAll('[data-mark]')].filter((el) => !el.closest('details')).map((el) => el.getAttribute('data-mark')!.split('-')[0])).size),
    );
    for (const count of citiesShown) expect(count).toBeGreaterThanOrEqual(2);
    await article.waitForFunction(async (h) => Math.abs(document.querySelector('iframe')!.getBoundingClientRect().height - h) <= 1, await content());
    const closed = await frameHeight();
    expect(closed).toBeLessThanOrEqual(800);
    await folded.first().click();
    // Opened, its figures are marks like any other: keyboard-reachable, each with its card.
    await expect(frame.locator('[data-folded][open] [data-mark]').first().isVisible()).resolves.toBe(true);
    await article.waitForFunction((h) => document.querySelector('iframe')!.getBoundingClientRect().height > h + 40, closed);
    expect(Math.abs((await frameHeight()) - (await content()))).toBeLessThanOrEqual(1);
    await article.close();
  });

  test('on a touch screen an embed is as tall as on the desktop its code was measured on', async () => {
    const heightIn = async (touch: boolean) => {
      const context = await browser().newContext({ viewport: { width: 620, height: 900 }, hasTouch: touch, isMobile: touch });
      const page = await context.newPage();
      await page.goto(`${APP_URL}?view=explorer&cat=platforms&embed=1&lang=en`);
      await page.waitForSelector('html[data-hydrated]');
      const coarse = await page.evaluate(() => matchMedia('(pointer: coarse)').matches);
      const height = await page.evaluate(() => Math.ceil(document.getElementById('app')!.getBoundingClientRect().height));
      await context.close();
      return { coarse, height };
    };
    const desktop = await heightIn(false);
    const tablet = await heightIn(true);
    expect(tablet.coarse).toBe(true);
    expect(Math.abs(tablet.height - desktop.height)).toBeLessThanOrEqual(2);
  });

  test('a card opened near the bottom of an embed grows the frame while it is open', async () => {
    const code = await embedCodeFor('?view=explorer&cat=funding', /Embed this comparison/);
    const { article, frame, frameHeight } = await inArticle(code, true);
    const before = await frameHeight();
    await frame.locator('[data-mark]').last().focus();
    const card = frame.locator('[data-card]');
    await expect(card.count()).resolves.toBe(1);
    // The card grows with the frame (its height is capped by the frame's): the frame grows until the card fits.
    await expect
      .poll(async () => (await frameHeight()) - (await card.evaluate((el) => Math.ceil(el.getBoundingClientRect().bottom + scrollY))))
      .toBeGreaterThanOrEqual(0);
    await frame.locator('[data-mark]').last().blur();
    await article.waitForFunction((h) => Math.abs(document.querySelector('iframe')!.getBoundingClientRect().height - h) <= 1, before);
    await article.close();
  });

  test('the dialog measures at the width asked for, and its options reach the code', async () => {
    const { page } = await open({ query: '?view=firms' });
    await page.getByRole('button', { name: /^Embed$/ }).click();
    const dialog = page.getByRole('dialog');
    const at620 = Number(/height="(\d+)"/.exec(await dialog.locator('textarea').inputValue())![1]);
    await expect(dialog.locator('figcaption').first().textContent()).resolves.toMatch(/620 px wide: \d+ px tall/);
    await expect(dialog.locator('figcaption').nth(1).textContent()).resolves.toMatch(/375 px wide/);
    await dialog.getByLabel('Article column width').fill('400');
    await expect.poll(async () => Number(/height="(\d+)"/.exec(await dialog.locator('textarea').inputValue())?.[1] ?? 0)).toBeGreaterThan(at620);
    await dialog.getByLabel('City buttons').check();
    await dialog.getByLabel('Comparability notes').uncheck();
    await dialog.locator('[data-control="embed-lang"]').selectOption('zh');
    await dialog.locator('[data-control="embed-theme"]').selectOption('dark');
    await expect.poll(() => dialog.locator('textarea').inputValue()).toMatch(/controls=1.*notes=0|notes=0.*controls=1/);
    const code = await dialog.locator('textarea').inputValue();
    expect(code).toContain('lang=zh');
    // The frame's title is in the embed's language, not the page's.
    expect(code).toContain('title="科技目标——高新技术企业"');
    expect(code).toContain('theme=dark');
    await page.context().close();
  });
});
