// @ts-check
// Run before browser tests and the benchmark: finds Chromium, or installs Debian's chromium and fonts-noto-cjk.
import { ensureChromium } from './browser.js';

try {
  console.log(`Chromium: ${ensureChromium()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
