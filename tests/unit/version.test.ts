import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { APP_VERSION, DATA_FINGERPRINT, DATA_VERSION, PUBLIC_URL } from '../../src/lib/version';
import { checkPublicUrl } from '../../src/lib/export/publicUrl';

const DATA_FILES = ['targets.csv', 'documents.csv', 'cities.csv', 'national_rd_intensity.csv'];

test('the data version moves with the data: a changed data file fails here until DATA_VERSION and DATA_FINGERPRINT are set', () => {
  const hash = createHash('sha256');
  for (const name of DATA_FILES) hash.update(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8').replace(/\r\n/g, '\n'));
  const fingerprint = hash.digest('hex').slice(0, 16);
  expect(
    DATA_FINGERPRINT,
    `data/*.csv changed: set DATA_VERSION in src/lib/version.ts to the date of this revision and DATA_FINGERPRINT to '${fingerprint}'`,
  ).toBe(fingerprint);
  expect(DATA_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('the build names the package version and, unless TECH_TARGETS_PUBLIC_URL is set, no published address', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(APP_VERSION).toBe(pkg.version);
  expect(PUBLIC_URL).toBe(checkPublicUrl(process.env.TECH_TARGETS_PUBLIC_URL));
});

test('a published address must be a plain web address; a wrong one stops the build with the variable and value', () => {
  expect(checkPublicUrl(undefined)).toBe('');
  expect(checkPublicUrl('  ')).toBe('');
  expect(checkPublicUrl('https://example.org/tech-targets')).toBe('https://example.org/tech-targets');
  expect(checkPublicUrl(' http://example.org/ ')).toBe('http://example.org/');
  for (const bad of ['file:///home/me/dist/index.html', 'example.org/tech', 'https://u:p@example.org/', 'https://example.org/?view=rd', 'https://example.org/#x']) {
    expect(() => checkPublicUrl(bad)).toThrow(/TECH_TARGETS_PUBLIC_URL=/);
  }
});
