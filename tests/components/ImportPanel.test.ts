// The import panel: files go to the callback, problems are listed by row, column and value, the first 50 then a count.
import { expect, test, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import ImportPanel from '../../src/lib/components/ImportPanel.svelte';
import type { CsvIssue } from '../../src/lib/data/csv';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';

const issue = (row: number): CsvIssue => ({
  row,
  column: 'value',
  value: `<img src=x onerror=alert(${row})>`,
  code: 'not_a_number',
  message: 'Expected a plain number such as 3.5 (no unit, no % sign).',
});

const props = (overrides = {}) => ({
  messages: en,
  lang: 'en' as const,
  imported: [],
  outcomes: [],
  progress: null,
  unkept: [],
  onfiles: vi.fn(),
  oncancel: vi.fn(),
  onremove: vi.fn(),
  onremoveall: vi.fn(),
  ...overrides,
});
const failedFile = (fileName: string, errors: CsvIssue[]) => [{ fileName, cities: [], errors, warnings: [] }];

test('lists the first 50 problems with row, column and value as text, then a count', () => {
  const errors = Array.from({ length: 57 }, (_, i) => issue(i + 2));
  const { container } = render(ImportPanel, props({ outcomes: failedFile('city.csv', errors) }));
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('city.csv was not imported. Fix these 57 problems');
  const items = alert.querySelectorAll('li');
  expect(items).toHaveLength(50);
  expect(items[0]).toHaveTextContent('Row 2, column “value”, value “<img src=x onerror=alert(2)>”: Expected a plain number');
  expect(container.querySelector('img')).toBeNull();
  expect(alert).toHaveTextContent('…and 7 more.');
});

test('explains problems in Chinese when the interface is Chinese', () => {
  render(ImportPanel, props({ messages: zh, lang: 'zh', outcomes: failedFile('a.csv', [issue(3)]) }));
  expect(screen.getByRole('alert')).toHaveTextContent('第3行，“value”列');
  expect(screen.getByRole('alert')).toHaveTextContent('应为纯数字');
});

test('chosen files reach the callback together, as bytes with their names', async () => {
  const onfiles = vi.fn();
  const { container } = render(ImportPanel, props({ onfiles }));
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  expect(input.multiple).toBe(true);
  const files = [new File(['id,city\n'], 'mine.csv', { type: 'text/csv' }), new File(['x'], 'two.csv')];
  Object.defineProperty(input, 'files', { value: files });
  await fireEvent.change(input);
  await vi.waitFor(() => expect(onfiles).toHaveBeenCalled());
  const [read] = onfiles.mock.calls[0]! as [{ bytes: Uint8Array; name: string }[]];
  expect(read.map((f) => f.name)).toEqual(['mine.csv', 'two.csv']);
  expect(new TextDecoder().decode(read[0]!.bytes)).toBe('id,city\n');
});

test('before any file, the panel lists the required columns and what each optional one defaults to', () => {
  const { container } = render(ImportPanel, props());
  const format = container.querySelector('.format')!;
  for (const column of ['city', 'category', 'measure', 'kind', 'period', 'value', 'unit', 'quote']) expect(format).toHaveTextContent(column);
  expect(format).toHaveTextContent('commitment');
  expect(format).toHaveTextContent('not_stated');
});

test('a long import shows a progress bar with Cancel after half a second, not before', async () => {
  const oncancel = vi.fn();
  const started = render(ImportPanel, props({ progress: { fileName: 'big.csv', share: 0.1, startedAt: performance.now() } }));
  expect(started.container.querySelector('[data-import-progress]')).toBeNull();
  started.unmount();
  const { container } = render(ImportPanel, props({ oncancel, progress: { fileName: 'big.csv', share: 0.4, startedAt: performance.now() - 600 } }));
  expect(container.querySelector('[data-import-progress]')).toHaveTextContent('Reading big.csv: 40%');
  await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(oncancel).toHaveBeenCalled();
});


test('imported cities can be removed', async () => {
  const onremove = vi.fn();
  render(ImportPanel, props({ onremove, imported: [{ id: 'maanshan', name: "Ma'anshan", figures: 6 }] }));
  await fireEvent.click(screen.getByRole('button', { name: "Remove Ma'anshan" }));
  expect(onremove).toHaveBeenCalledWith('maanshan');
});

test('cities storage refused are counted and named, a few then how many more, as long as they stay unkept', () => {
  const names = Array.from({ length: 11 }, (_, i) => `City ${i + 1}`);
  const { container } = render(ImportPanel, props({ unkept: names }));
  const warning = container.querySelector('[data-warning="unkept"]')!;
  expect(warning).toHaveTextContent('11 cities were not kept (City 1, City 2');
  expect(warning).toHaveTextContent('and 3 more cities) and will be gone after a reload');
  expect(warning.getAttribute('role')).toBe('status');
});
