// @ts-check
// `npm run bench`: size of the single file, time to paint all chart marks from file:// relative to a static
// page holding the same finished markup, and the time for a city toggle to reach the DOM. Prints one JSON object.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from './browser.js';

const RUNS = 7;
const root = fileURLToPath(new URL('..', import.meta.url));
const appFile = `${root}dist/index.html`;
const staticFile = `${root}.bench/static.html`;

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const round = (/** @type {number} */ n, digits = 2) => Number(n.toFixed(digits));

// Resolves, in the page, when all `expected` chart marks are in the DOM and a frame has been painted since.
/** @param {number} expected */
const watchMarks = (expected) => `window.__marksPainted = new Promise((resolve) => {
  const check = () => {
    const marks = document.querySelectorAll('[data-mark]').length;
    if (marks >= ${expected}) requestAnimationFrame(() => setTimeout(() => resolve({ t: performance.now(), marks })));
    else requestAnimationFrame(check);
  };
  check();
});`;

const html = await readFile(appFile);
const browser = await launchBrowser();
try {
  // Build the static twin from the app's own rendered DOM, without any script.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(appFile).href);
  await page.waitForSelector('html[data-hydrated]');
  const expectedMarks = await page.locator('[data-mark]').count();
  const staticHtml = await page.evaluate(() => {
    const doc = /** @type {Document} */ (document.cloneNode(true));
    doc.querySelectorAll('script').forEach((s) => s.remove());
    return '<!doctype html>\n' + doc.documentElement.outerHTML;
  });
  await page.close();
  await mkdir(`${root}.bench`, { recursive: true });
  await writeFile(staticFile, staticHtml);

  /** @param {string} file */
  async function paintTimes(file) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await p.addInitScript(watchMarks(expectedMarks));
      await p.goto(pathToFileURL(file).href);
      const { t } = await p.evaluate(() => /** @type {any} */ (window).__marksPainted);
      times.push(t);
      await p.close();
    }
    return median(times);
  }
  const appPaint = await paintTimes(appFile);
  const staticPaint = await paintTimes(staticFile);

  // Hydration: when the page becomes interactive.
  const hydrated = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await p.goto(pathToFileURL(appFile).href);
    await p.waitForSelector('html[data-hydrated]');
    hydrated.push(await p.evaluate(() => Number(document.documentElement.dataset.hydrated)));
    await p.close();
  }

  // City toggle: click → DOM mutated, timed inside the page.
  const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await p.goto(pathToFileURL(appFile).href);
  await p.waitForSelector('html[data-hydrated]');
  const toggles = [];
  for (let i = 0; i < RUNS * 2; i++) {
    toggles.push(
      await p.evaluate(
        () =>
          new Promise((resolve) => {
            const main = /** @type {Element} */ (document.querySelector('main'));
            const button = /** @type {HTMLButtonElement} */ (document.querySelector('[data-city="changzhou"]'));
            const observer = new MutationObserver(() => {
              observer.disconnect();
              resolve(performance.now() - start);
            });
            observer.observe(main, { childList: true, subtree: true, attributes: true, characterData: true });
            const start = performance.now();
            button.click();
          }),
      ),
    );
  }
  await p.close();

  const gzipBytes = gzipSync(html, { level: 9 }).length;
  const result = {
    file: 'dist/index.html',
    size_bytes: html.length,
    size_gzip_bytes: gzipBytes,
    size_gzip_kb: round(gzipBytes / 1024, 1),
    runs: RUNS,
    chart_marks: expectedMarks,
    marks_painted_ms: round(appPaint),
    static_marks_painted_ms: round(staticPaint),
    paint_ratio: round(appPaint / staticPaint),
    hydrated_ms: round(median(hydrated)),
    city_toggle_ms: round(median(toggles)),
    budget: { size_gzip_kb: 130, paint_ratio: 1.5, city_toggle_ms: 16 },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
}
