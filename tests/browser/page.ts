// Shared set-up of the browser tests: the built single file opened from disk, with its errors and requests recorded.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/browser.js';

export const APP_URL = pathToFileURL(new URL('../../dist/index.html', import.meta.url).pathname).href;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

export interface OpenOptions {
  query?: string;
  width?: number;
  javaScriptEnabled?: boolean;
  colorScheme?: 'light' | 'dark';
  locale?: string;
}

export async function openApp(browser: Browser, options: OpenOptions = {}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-GB',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => !request.url().startsWith(APP_URL) && requests.push(request.url()));
  await page.goto(APP_URL + (options.query ?? ''));
  if (options.javaScriptEnabled !== false) await page.waitForSelector('html[data-hydrated]');
  return { page, errors, requests };
}

/** WCAG 2.1 A/AA violations axe-core finds in the page (or frame) as it is now. */
export async function axeViolations(page: Pick<Page, 'addScriptTag' | 'evaluate'>): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

/** One Chromium for the test file, launched before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium has not started yet.');
    return browser;
  };
}

/** A file of that name and text in a fresh temporary folder, for the import's file input. */
export function fixture(name: string, body: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'import-')), name);
  writeFileSync(path, body);
  return path;
}

/** Opens the import panel and gives its file input a file, as a reader choosing one. */
export async function importFile(page: Page, path: string): Promise<void> {
  await page.click('[data-import] summary');
  await page.setInputFiles('[data-import] input[type=file]', path);
}
