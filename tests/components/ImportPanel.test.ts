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
  last: null,
  storageFailed: false,
  onfile: vi.fn(),
  onremove: vi.fn(),
  ...overrides,
});

test('lists the first 50 problems with row, column and value as text, then a count', () => {
  const errors = Array.from({ length: 57 }, (_, i) => issue(i + 2));
  const { container } = render(ImportPanel, props({ last: { fileName: 'city.csv', city: null, errors, warnings: [] } }));
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('city.csv was not imported. Fix these 57 problems');
  const items = alert.querySelectorAll('li');
  expect(items).toHaveLength(50);
  expect(items[0]).toHaveTextContent('Row 2, column “value”, value “<img src=x onerror=alert(2)>”: Expected a plain number');
  expect(container.querySelector('img')).toBeNull();
  expect(alert).toHaveTextContent('…and 7 more.');
});

test('explains problems in Chinese when the interface is Chinese', () => {
  render(ImportPanel, props({ messages: zh, lang: 'zh', last: { fileName: 'a.csv', city: null, errors: [issue(3)], warnings: [] } }));
  expect(screen.getByRole('alert')).toHaveTextContent('第3行，“value”列');
  expect(screen.getByRole('alert')).toHaveTextContent('应为纯数字');
});

test('a chosen file reaches the callback as bytes with its name', async () => {
  const onfile = vi.fn();
  const { container } = render(ImportPanel, props({ onfile }));
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File(['id,city\n'], 'mine.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file] });
  await fireEvent.change(input);
  await vi.waitFor(() => expect(onfile).toHaveBeenCalled());
  const [bytes, name] = onfile.mock.calls[0]!;
  expect(name).toBe('mine.csv');
  expect(new TextDecoder().decode(bytes as Uint8Array)).toBe('id,city\n');
});

test('imported cities can be removed', async () => {
  const onremove = vi.fn();
  render(ImportPanel, props({ onremove, imported: [{ id: 'maanshan', name: "Ma'anshan", figures: 6 }] }));
  await fireEvent.click(screen.getByRole('button', { name: "Remove Ma'anshan" }));
  expect(onremove).toHaveBeenCalledWith('maanshan');
});
