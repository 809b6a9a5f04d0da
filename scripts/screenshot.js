// @ts-check
// Writes docs/screenshot.png from the real build, opened from disk in headless Chromium (used by the README).
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from './browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1100 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(`${root}dist/index.html`).href);
  await page.waitForSelector('html[data-hydrated]');
  await page.focus('[data-mark="wuhu-2023-rd-intensity"]');
  await mkdir(`${root}docs`, { recursive: true });
  await page.screenshot({ path: `${root}docs/screenshot.png` });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
}
