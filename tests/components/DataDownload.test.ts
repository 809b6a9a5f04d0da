// "Download all data": one button; the include-imported box only when there are imported cities, unchecked, and what it changes.
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, expect, test, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import DataDownload from '../../src/lib/components/DataDownload.svelte';
import { bundledDataset, bundledRows } from '../../src/lib/data/bundled';
import { importCsvText, withImports } from '../../src/lib/data/import';
import { downloadBlob } from '../../src/lib/export/download';
import { en } from '../../src/lib/i18n/en';
import VALID from '../fixtures/import/valid-city.csv?raw';

vi.mock('../../src/lib/export/download', async (original) => ({ ...(await original<object>()), downloadBlob: vi.fn() }));

const withCity = () => withImports(bundledDataset(), bundledRows(), importCsvText(VALID, 'valid-city.csv', bundledRows()).cities);

afterEach(() => vi.mocked(downloadBlob).mockClear());

/** Clicks the button and reads back the zip it offered: its file name and its targets.csv. */
async function saved(): Promise<{ name: string; targets: string }> {
  const spy = vi.mocked(downloadBlob);
  spy.mockClear();
  await fireEvent.click(screen.getByRole('button', { name: en.share.allData }));
  const [blob, name] = spy.mock.calls[0]!;
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  return { name, targets: strFromU8(files['targets.csv']!) };
}

test('without imports there is only the button, and the zip is named by the date', async () => {
  render(DataDownload, { messages: en, data: bundledDataset(), publishedUrl: 'file:///x/index.html' });
  expect(screen.queryByRole('checkbox')).toBeNull();
  const { name, targets } = await saved();
  expect(name).toMatch(/^tech-targets-data-\d{4}-\d{2}-\d{2}\.zip$/);
  expect(targets).not.toContain('maanshan');
});

test('with an imported city the box is offered unchecked; ticking it brings the city in', async () => {
  render(DataDownload, { messages: en, data: withCity(), publishedUrl: '' });
  const box = screen.getByRole('checkbox', { name: en.share.includeImported });
  expect((box as HTMLInputElement).checked).toBe(false);
  expect((await saved()).targets).not.toContain('maanshan');
  await fireEvent.click(box);
  expect((await saved()).targets).toContain('maanshan');
});
