// @ts-check
// Finds (or, as root on Debian, installs) a system Chromium, and launches it headless for tests,
// the benchmark and the README screenshot. Browser downloads are impossible here, so no Playwright build.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** @returns {string | undefined} */
export function findChromium() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

function hasCjkFont() {
  const out = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return out.status === 0 && out.stdout.trim() !== '';
}

const canApt = () => process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;

/** Makes sure a Chromium and a CJK font are present; installs Debian's packages when it can. */
export function ensureChromium() {
  const missing = [];
  if (!findChromium()) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return /** @type {string} */ (findChromium());
  if (!canApt()) {
    if (missing.includes('chromium'))
      throw new Error('No Chromium found: install it (e.g. `sudo apt-get install chromium fonts-noto-cjk`) or set CHROME_PATH.');
    console.warn('No CJK font found: Chinese text will render as boxes (apt-get install fonts-noto-cjk).');
    return /** @type {string} */ (findChromium());
  }
  console.log(`Installing ${missing.join(' ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  const path = findChromium();
  if (!path) throw new Error('apt-get ran but no Chromium was found afterwards.');
  return path;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the system Chromium headless; Playwright gives every launch a fresh, empty profile directory. */
export async function launchBrowser() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.js` first.');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
