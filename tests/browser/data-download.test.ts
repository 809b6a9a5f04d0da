// "Download all data" and the view's CSV as a reader gets them: the zip read back, every bundled row intact, imports only when asked.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useBrowser } from './page';

const browser = useBrowser();
const VALID = new URL('../fixtures/import/valid-city.csv', import.meta.url).pathname;
const FILES = ['README.md', 'datapackage.json', 'targets.csv', 'documents.csv', 'cities.csv', 'national_rd_intensity.csv'];

type Row = Record<string, string>;
const parse = (text: string) => {
  const result = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return { header: result.meta.fields ?? [], rows: result.data };
};
const SOURCE = parse(readFileSync(new URL('../../data/targets.csv', import.meta.url), 'utf8'));

async function download(page: Page, action: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-action="${action}"]`)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** The zip the button gives, unpacked: each file's text by name. */
async function allData(page: Page): Promise<{ name: string; files: Map<string, string> }> {
  const { name, bytes } = await download(page, 'all-data');
  const entries = unzipSync(new Uint8Array(bytes));
  return { name, files: new Map(Object.entries(entries).map(([path, content]) => [path, strFromU8(content)])) };
}

describe('Download all data', () => {
  test('gives a dated zip of the package, whose targets.csv holds every bundled row with the same values', async () => {
    const { page, errors } = await openApp(browser());
    // Nothing was imported, so there is nothing to include.
    await expect(page.locator('[data-control="include-imported"]').count()).resolves.toBe(0);
    const { name, files } = await allData(page);
    expect(name).toMatch(/^tech-targets-data-\d{4}-\d{2}-\d{2}\.zip$/);
    expect([...files.keys()]).toEqual(FILES);
    const targets = parse(files.get('targets.csv')!);
    expect(targets.rows).toHaveLength(SOURCE.rows.length);
    expect(targets.rows.map((r) => r.id)).toEqual(SOURCE.rows.map((r) => r.id));
    for (const [i, source] of SOURCE.rows.entries())
      for (const column of SOURCE.header) expect(targets.rows[i]![column], `${source.id} ${column}`).toBe(source[column]);
    expect(targets.header).not.toContain('imported');
    const readme = files.get('README.md')!;
    for (const part of ['## Terms', 'CC BY 4.0', 'GB/T 7714', 'APA 7', 'How ambiguous cases were decided', '### kind', '### Columns'])
      expect(readme, part).toContain(part);
    const descriptor = JSON.parse(files.get('datapackage.json')!);
    expect(descriptor.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(readme).toContain(`version ${descriptor.version}`);
    // Opened from a file, the package names no address nobody else can open.
    expect(readme).not.toMatch(/file:/);
    expect(errors).toEqual([]);
  });

  test('is in the explorer’s share bar too, in Chinese as well', async () => {
    const { page } = await openApp(browser(), { query: '?view=explorer&lang=zh' });
    await expect(page.locator('[data-action="all-data"]').textContent()).resolves.toBe('全部数据（zip）');
    const { files } = await allData(page);
    expect(parse(files.get('targets.csv')!).rows).toHaveLength(SOURCE.rows.length);
  });

  test('with an imported city: the box is unchecked and leaves it out; checked, its rows come in marked imported', async () => {
    const { page } = await openApp(browser());
    await page.click('[data-import] summary');
    await page.setInputFiles('[data-import] input[type=file]', VALID);
    await expect(page.locator('[data-import-ok]').textContent()).resolves.toContain("Ma'anshan added");
    const box = page.getByLabel('Include cities I imported');
    await expect(box.isChecked()).resolves.toBe(false);
    const without = parse((await allData(page)).files.get('targets.csv')!);
    expect(without.rows).toHaveLength(SOURCE.rows.length);
    expect(without.rows.some((r) => r.city === 'maanshan')).toBe(false);
    await box.check();
    const { files } = await allData(page);
    const targets = parse(files.get('targets.csv')!);
    const imported = targets.rows.filter((r) => r.imported === 'yes');
    expect(imported.length).toBeGreaterThan(0);
    expect(new Set(imported.map((r) => r.city))).toEqual(new Set(['maanshan']));
    expect(targets.rows.filter((r) => r.imported === 'no').map((r) => r.id)).toEqual(SOURCE.rows.map((r) => r.id));
    expect(parse(files.get('cities.csv')!).rows.find((r) => r.id === 'maanshan')!.imported).toBe('yes');
    expect(files.get('README.md')).toContain('One city was imported');
    // The import panel is still open: removing the city takes the box away again.
    await page.getByRole('button', { name: "Remove Ma'anshan" }).click();
    await expect(page.locator('[data-control="include-imported"]').count()).resolves.toBe(0);
  });
});

describe('the R&D view’s CSV', () => {
  test('has the chart’s columns, its figures in order, and the national reference line marked with its bulletin', async () => {
    const { page } = await openApp(browser(), { query: '?view=rd' });
    const { name, bytes } = await download(page, 'csv');
    expect(name).toMatch(/^tech-targets-rd-\d{4}-\d{2}-\d{2}\.csv$/);
    const { header, rows } = parse(bytes.toString('utf8'));
    expect(header).toEqual([
      'Panel', 'City', 'Figure', 'Qualifier', 'Value', 'Unit code', 'As the chart shows it', 'Period', 'Period start', 'Period end',
      'Kind', 'Commitment', 'Scope', 'Comparable', 'Comparability', 'Reason codes', 'Also stated as', 'Of which', 'Note', 'Quote',
      'Document', 'Document date', 'Origin', 'id',
    ]);
    const shown = await page.locator('#view-panel [data-mark]').evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')));
    const figures = rows.filter((r) => r.Origin !== 'national reference');
    expect(figures.map((r) => r.id)).toEqual(shown);
    for (const row of figures.filter((r) => r.Value)) {
      // The value as the chart labels its bar.
      const label = await page.locator(`#view-panel [data-mark="${row.id}"]`).textContent();
      expect(label, row.id).toContain(row['As the chart shows it']);
      expect(row['Period start']).toMatch(/^\d{4}-\d{2}$/);
    }
    const national = rows.filter((r) => r.Origin === 'national reference');
    expect(national.map((r) => [r.City, r.Value, r['Period start'], r['Period end']])).toEqual([
      ['China (national reference)', '2.44', '2021-01', '2021-12'],
      ['China (national reference)', '2.54', '2022-01', '2022-12'],
      ['China (national reference)', '2.65', '2023-01', '2023-12'],
    ]);
    for (const row of national) expect(row.Document).toMatch(/^NBS, MOST and MOF, \d{4} Statistical Bulletin/);
    expect(rows.find((r) => r.id === 'tongxiang-2023-rd-intensity-share-of-gdp')).toMatchObject({ Comparable: 'no', 'Reason codes': 'scope' });
  });
});
