// @ts-check
// `npm run bench`: size of the single file, time to paint all chart marks from file:// relative to a static
// page holding the same finished markup, the time for a city toggle to reach the DOM, and the explorer's update
// time on the real data (in the page) and on a synthetic 300 × 50 table, the time to import a 5 MB file and the
// longest main-thread task meanwhile, and the time to list all rows of a 40,000-row table. Prints one JSON object.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from 'vite';
import { launchBrowser } from './browser.js';
import { manyRows, oneLargeCity } from './large-import.js';
import { manyCitiesCsv, varyFigureCounts } from './many-cities.js';

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

/**
 * Keystroke → filtered rows in the DOM, styled and laid out: types `term` into the explorer's search box.
 * @param {import('playwright-core').Page} page @param {string} term @returns {Promise<number>}
 */
const keystrokeToRows = (page, term) =>
  page.evaluate(async (value) => {
    const input = /** @type {HTMLInputElement} */ (document.querySelector('input[type="search"]'));
    // Let the previous update's frame render first, so it is not counted in this one.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const start = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Svelte applies the update in a microtask; then style and layout are forced, as the next frame would.
    for (let k = 0; k < 3; k++) await Promise.resolve();
    void document.body.offsetHeight;
    return performance.now() - start;
  }, term);

/**
 * One click → the first DOM change under <main>, timed inside the page.
 * @param {import('playwright-core').Page} page @param {string} selector @returns {Promise<number>}
 */
const clickToDom = (page, selector) =>
  page.evaluate(async (sel) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return new Promise((resolve) => {
      const target = /** @type {HTMLElement} */ (document.querySelector(sel));
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(performance.now() - start);
      });
      observer.observe(/** @type {Element} */ (document.querySelector('main')), { childList: true, subtree: true, attributes: true, characterData: true });
      const start = performance.now();
      target.click();
    });
  }, selector);

/**
 * One click → the page settled: the first frame painted after it, and the task after that, by when what follows a
 * change a frame late (the words under a chart, the hidden table twin) is written too. Timed inside the page.
 * @param {import('playwright-core').Page} page @param {string} selector @returns {Promise<number>}
 */
const clickToSettled = (page, selector) =>
  page.evaluate(async (sel) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const start = performance.now();
    /** @type {HTMLElement} */ (document.querySelector(sel)).click();
    // The app's after-paint tasks are timers set in the frame after the click; a timer set from one of this frame's
    // timers runs after them, once they have written what follows the chart.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve))));
    return performance.now() - start;
  }, selector);

const html = await readFile(appFile);
const browser = await launchBrowser();
/** A new browser context (no storage kept) with the app open at `query` and hydrated. */
const freshApp = async (query = '') => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(appFile).href + query);
  await page.waitForSelector('html[data-hydrated]');
  return { context, page };
};
try {
  /**
   * The static twin of a link: the app's own rendered DOM for that query, saved without any script, so the time
   * to paint it is the floor any page could reach.
   * @param {string} query @param {string} file
   */
  async function staticTwin(query, file) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(appFile).href + query);
    await page.waitForSelector('html[data-hydrated]');
    const marks = await page.locator('[data-mark]').count();
    const staticHtml = await page.evaluate(() => {
      const doc = /** @type {Document} */ (document.cloneNode(true));
      doc.querySelectorAll('script').forEach((s) => s.remove());
      return '<!doctype html>\n' + doc.documentElement.outerHTML;
    });
    await page.close();
    await writeFile(file, staticHtml);
    return marks;
  }
  await mkdir(`${root}.bench`, { recursive: true });
  const expectedMarks = await staticTwin('', staticFile);
  // A link to another state than the prerendered one: the app renders it during parsing, before the first frame.
  const otherQuery = '?lang=zh&view=firms';
  const otherStaticFile = `${root}.bench/static-zh-firms.html`;
  const otherMarks = await staticTwin(otherQuery, otherStaticFile);

  /** @param {string} file @param {string} [query] @param {number} [expected] */
  async function paintTimes(file, query = '', expected = expectedMarks) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await p.addInitScript(watchMarks(expected));
      await p.goto(pathToFileURL(file).href + query);
      const { t } = await p.evaluate(() => /** @type {any} */ (window).__marksPainted);
      times.push(t);
      await p.close();
    }
    return median(times);
  }
  const appPaint = await paintTimes(appFile);
  const staticPaint = await paintTimes(staticFile);
  const otherPaint = await paintTimes(appFile, otherQuery, otherMarks);
  const otherStaticPaint = await paintTimes(otherStaticFile, '', otherMarks);

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
  for (let i = 0; i < RUNS * 2; i++) toggles.push(await clickToDom(p, '[data-city="changzhou"]'));
  await p.close();

  // Explorer search on the real data, in the page: keystroke → filtered rows in the DOM, styled and laid out.
  const e = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await e.goto(`${pathToFileURL(appFile).href}?view=explorer`);
  await e.waitForSelector('html[data-hydrated]');
  const searches = [];
  for (let i = 0; i < RUNS * 2; i++) searches.push(await keystrokeToRows(e, i % 2 ? '科技型' : '企业'));
  await e.close();

  // A 5 MB file through the real file input: time from choosing it to "added", and the longest task meanwhile.
  const largeFile = `${root}.bench/large-city.csv`;
  await writeFile(largeFile, oneLargeCity());
  const longTaskWatch = () => {
    const w = /** @type {any} */ (window);
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask' });
  };
  const imports = [];
  const importLongest = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page: ip } = await freshApp();
    await ip.evaluate(longTaskWatch);
    await ip.click('[data-import] > summary');
    const start = await ip.evaluate(() => performance.now());
    await ip.setInputFiles('[data-import] input[type=file]', largeFile);
    await ip.waitForSelector('[data-import-ok]', { timeout: 60_000 });
    imports.push((await ip.evaluate(() => performance.now())) - start);
    await ip.waitForTimeout(200);
    importLongest.push(await ip.evaluate(() => /** @type {any} */ (window).__longest));
    await context.close();
  }

  // "Show all" on a 40,000-row explorer table: time until the rows on screen are drawn, then until the last row is
  // drawn after a jump to the end of the page, and the longest task meanwhile. The table draws a window that
  // follows the scroll, so about a hundred rows are in the DOM at a time.
  const longFile = `${root}.bench/long-table.csv`;
  await writeFile(longFile, manyRows(40_000));
  const showAll = [];
  const showAllEnd = [];
  const showAllLongest = [];
  let showAllDomRows = 0;
  for (let i = 0; i < 3; i++) {
    const { context, page: sp } = await freshApp('?view=explorer');
    await sp.click('[data-import] > summary');
    await sp.setInputFiles('[data-import] input[type=file]', longFile);
    await sp.waitForSelector('[data-import-ok]', { timeout: 60_000 });
    await sp.evaluate(longTaskWatch);
    const start = await sp.evaluate(() => performance.now());
    await sp.getByRole('button', { name: /^Show all/ }).click();
    // Drawn: the buttons under the first page gone, and rows past it filling the screen.
    await sp.waitForFunction(
      () => {
        const rows = document.querySelectorAll('#view-panel tbody tr[data-row]');
        const last = rows[rows.length - 1];
        return !document.querySelector('#view-panel .more') && rows.length > 15 && !!last && last.getBoundingClientRect().bottom > innerHeight;
      },
      null,
      { timeout: 60_000 },
    );
    showAll.push((await sp.evaluate(() => performance.now())) - start);
    const end = await sp.evaluate(() => performance.now());
    await sp.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await sp.waitForFunction(() => {
      const rows = document.querySelectorAll('#view-panel tbody tr[data-row]');
      const last = rows[rows.length - 1];
      return last && last.getBoundingClientRect().top < window.innerHeight && !last.nextElementSibling;
    }, null, { timeout: 60_000 });
    showAllEnd.push((await sp.evaluate(() => performance.now())) - end);
    showAllDomRows = Math.max(showAllDomRows, await sp.locator('#view-panel tbody tr[data-row]').count());
    showAllLongest.push(await sp.evaluate(() => /** @type {any} */ (window).__longest));
    await context.close();
  }

  // The explorer's query on a synthetic 300 cities × 50 figures table, in Node's V8 (the engine Chromium runs).
  const vite = await createServer({ root, logLevel: 'silent', server: { middlewareMode: true }, appType: 'custom' });
  /** @type {Record<string, number>} */
  const synthetic = {};
  try {
    const { syntheticDataset } = await vite.ssrLoadModule('/tests/fixtures/synthetic.ts');
    const { queryExplorer } = await vite.ssrLoadModule('/src/lib/data/views/explorer.ts');
    const data = syntheticDataset(300, 50, 1);
    const cities = data.cities.array('id');
    const base = { cities, categories: [], kinds: [], periods: [], search: '', sort: 'city', descending: false };
    const queries = {
      all_rows: base,
      search_zh: { ...base, search: '企业' },
      search_two_terms: { ...base, search: '新增 家' },
      filter_and_search_sorted_by_value: {
        ...base,
        cities: cities.slice(0, 200),
        kinds: ['target'],
        search: '企业',
        sort: 'value',
        descending: true,
      },
    };
    queryExplorer(data, base);
    for (const [name, query] of Object.entries(queries)) {
      const times = [];
      for (let i = 0; i < 21; i++) {
        const start = performance.now();
        queryExplorer(data, query);
        times.push(performance.now() - start);
      }
      synthetic[name] = round(median(times));
    }
    synthetic.rows = data.figures.numRows();
  } finally {
    await vite.close();
  }

  // Many cities (issue 13): 0, 50 and 300 synthetic cities of 4–50 figures each, imported through the real file
  // input beside the bundled five. Per scale, medians of RUNS: the import, a city toggle and a highlight in the
  // picker (the buttons for five) → DOM, a view switch → its marks painted, an explorer keystroke → rows, and the
  // page's JS heap after a garbage collection.
  /** @type {Record<string, Record<string, number | null>>} */
  const manyCities = {};
  {
    const vite2 = await createServer({ root, logLevel: 'silent', server: { middlewareMode: true }, appType: 'custom' });
    /** @type {Map<number, string>} */
    const files = new Map();
    try {
      const { syntheticRows } = await vite2.ssrLoadModule('/tests/fixtures/synthetic.ts');
      for (const count of [50, 300]) {
        const file = `${root}.bench/cities-${count}.csv`;
        await writeFile(file, manyCitiesCsv(varyFigureCounts(syntheticRows(count, 50, 1))));
        files.set(count, file);
      }
    } finally {
      await vite2.close();
    }
    for (const imported of [0, 50, 300]) {
      const file = files.get(imported);
      const importMs = [];
      const toggleMs = [];
      const warmToggleMs = [];
      const settledToggleMs = [];
      const fullListMs = [];
      const highlightMs = [];
      const switchMs = [];
      const settledMs = [];
      const keystrokeMs = [];
      const heap = [];
      for (let run = 0; run < RUNS; run++) {
        const { context, page: mp } = await freshApp();
        if (file) {
          await mp.click('[data-import] > summary');
          // Timed in the page, from the file input's change event (the reader has chosen the file) to the success
          // message in the DOM with a frame painted since (it comes in the same update as the redrawn views). Timing
          // from outside would add Playwright's polling, which checks a pending selector only every 500 ms.
          await mp.evaluate(() => {
            const timing = /** @type {any} */ (window);
            timing.__importMs = new Promise((resolve) => {
              let start = 0;
              document.querySelector('[data-import] input[type=file]')?.addEventListener('change', () => (start = performance.now()), { capture: true, once: true });
              const observer = new MutationObserver(() => {
                if (!document.querySelector('[data-import-ok]')) return;
                observer.disconnect();
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
              });
              observer.observe(/** @type {Element} */ (document.querySelector('[data-import]')), { childList: true, subtree: true });
            });
          });
          await mp.setInputFiles('[data-import] input[type=file]', file);
          await mp.waitForSelector('[data-import-ok]', { timeout: 60_000 });
          importMs.push(await mp.evaluate(() => /** @type {any} */ (window).__importMs));
          await mp.click('[data-import] > summary');
          // With the picker, its list must be open for an option to be clicked: filter it to the one city.
          await mp.locator('input[role=combobox]').fill('常州');
        }
        // Twice per run, so the state returns.
        const option = file ? '[role=option][data-city="changzhou"]' : '[data-city="changzhou"]';
        toggleMs.push(await clickToDom(mp, option), await clickToDom(mp, option));
        // The same toggle once the page has run it a few times (V8 has compiled its code by then): what an analyst
        // clicking through cities meets after the first clicks. Reported beside the first two, never instead.
        for (let i = 0; i < 6; i++) {
          const ms = await clickToDom(mp, option);
          if (i >= 2) warmToggleMs.push(ms);
        }
        // And until the words under the chart and the table twin have followed it (the page settled).
        settledToggleMs.push(await clickToSettled(mp, option), await clickToSettled(mp, option));
        if (file) {
          highlightMs.push(await clickToDom(mp, `${option} [data-star]`), await clickToDom(mp, `${option} [data-star]`));
          // The list cleared, so it shows every city (a window of them): a toggle from there redraws the open list's
          // options too, as an analyst clicking down the list meets it. After the toggles above, so not the first.
          await mp.locator('input[role=combobox]').fill('');
          const first = `[role=option][data-city="${await mp.locator('[role=option]').first().getAttribute('data-city')}"]`;
          for (let i = 0; i < 4; i++) fullListMs.push(await clickToDom(mp, first));
        } else {
          // Five cities have no picker: a pinned card's Highlight button does it.
          await mp.locator('[data-view="rd"] g.row[data-mark] .hit').first().click();
          highlightMs.push(await clickToDom(mp, '[data-card] [data-highlight]'), await clickToDom(mp, '[data-card] [data-highlight]'));
          await mp.keyboard.press('Escape');
        }
        // A view switch: click → every mark of the new view in the DOM and painted: the first frame that has them
        // (its animation-frame callback sees them; a task queued there runs once that frame is painted). Settled: one
        // frame more, by when the hidden table twin, which follows a frame later, is laid out too.
        for (const view of ['firms', 'market', 'rd']) {
          const { painted, settled } = await mp.evaluate(
            (id) =>
              /** @type {Promise<{ painted: number; settled: number }>} */ (
                new Promise((resolve) => {
                  const start = performance.now();
                  /** @type {HTMLElement} */ (document.querySelector(`[data-tab="${id}"]`)).click();
                  const check = () => {
                    if (!document.querySelector(`[data-view="${id}"] [data-mark]`)) return requestAnimationFrame(check);
                    setTimeout(() => {
                      const painted = performance.now() - start;
                      requestAnimationFrame(() => setTimeout(() => resolve({ painted, settled: performance.now() - start })));
                    });
                  };
                  requestAnimationFrame(check);
                })
              ),
            view,
          );
          switchMs.push(painted);
          settledMs.push(settled);
        }
        await mp.click('[data-tab="explorer"]');
        await mp.waitForSelector('[data-view="explorer"] input[type="search"]');
        for (const term of ['企业', '科技型']) keystrokeMs.push(await keystrokeToRows(mp, term));
        const cdp = await context.newCDPSession(mp);
        await cdp.send('HeapProfiler.collectGarbage');
        heap.push((await cdp.send('Runtime.getHeapUsage')).usedSize);
        await context.close();
      }
      manyCities[`${5 + imported}_cities`] = {
        import_ms: importMs.length ? round(median(importMs)) : null,
        city_toggle_ms: round(median(toggleMs)),
        city_toggle_warm_ms: round(median(warmToggleMs)),
        city_toggle_settled_ms: round(median(settledToggleMs)),
        city_toggle_full_list_ms: fullListMs.length ? round(median(fullListMs)) : null,
        highlight_ms: round(median(highlightMs)),
        view_switch_ms: round(median(switchMs)),
        view_switch_settled_ms: round(median(settledMs)),
        explorer_keystroke_ms: round(median(keystrokeMs)),
        heap_mb: round(median(heap) / 1024 / 1024, 1),
      };
    }
  }

  const gzipBytes = gzipSync(html, { level: 9 }).length;
  const firstChartEnd = html.indexOf('</svg>', html.indexOf('<div id="app">')) + '</svg>'.length;
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
    // The bytes a reader must receive before the first chart is complete: the head and the markup to its </svg>.
    first_chart_within_gzip_kb: round(gzipSync(html.subarray(0, firstChartEnd), { level: 9 }).length / 1024, 1),
    other_link: {
      query: otherQuery,
      marks_painted_ms: round(otherPaint),
      static_marks_painted_ms: round(otherStaticPaint),
      paint_ratio: round(otherPaint / otherStaticPaint),
    },
    hydrated_ms: round(median(hydrated)),
    city_toggle_ms: round(median(toggles)),
    explorer_search_dom_ms: round(median(searches)),
    explorer_synthetic_query_ms: synthetic,
    import_5mb: {
      bytes: Buffer.byteLength(oneLargeCity()),
      ms: round(median(imports)),
      longest_task_ms_median: round(median(importLongest)),
      longest_task_ms_each_run: importLongest.map((t) => round(t)),
    },
    show_all_40k_rows: {
      first_rows_ms: round(median(showAll)),
      jump_to_end_ms: round(median(showAllEnd)),
      rows_in_dom: showAllDomRows,
      longest_task_ms: round(Math.max(...showAllLongest)),
    },
    many_cities: manyCities,
    budget: { size_gzip_kb: 130, first_chart_within_gzip_kb: 16, paint_ratio: 1.5, city_toggle_ms: 16, explorer_update_ms: 16, longest_task_ms: 100, highlight_ms: 16, view_switch_ms: 100, import_300_cities_ms: 1000 },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
}
