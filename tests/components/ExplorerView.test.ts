// The explorer component on the bundled data: filters call back, counts and comparisons say what the rows allow.
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import ExplorerView from '../../src/views/ExplorerView.svelte';
import { bundledDataset } from '../../src/lib/data/bundled';
import { CITY_IDS } from '../../src/lib/data/schema';
import { buildExplorer } from '../../src/lib/data/views/explorer';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import { defaultState, type ExplorerFilters } from '../../src/lib/state/url';

const filters = (patch: Partial<ExplorerFilters> = {}): ExplorerFilters => ({ ...defaultState(CITY_IDS).explorer, ...patch });

function renderExplorer(patch: Partial<ExplorerFilters> = {}, lang: 'en' | 'zh' = 'en') {
  const f = filters(patch);
  const model = buildExplorer(bundledDataset(), { ...f, cities: [...CITY_IDS], lang });
  const onchange = vi.fn();
  const result = render(ExplorerView, { model, filters: f, lang, messages: lang === 'zh' ? zh : en, onchange });
  return { ...result, onchange, model };
}

describe('ExplorerView', () => {
  test('shows the count of matching rows and the first page of them', () => {
    const { container, model } = renderExplorer();
    expect(model.total).toBeGreaterThan(200);
    expect(screen.getByRole('status')).toHaveTextContent(`${model.total} of ${model.total} figures`);
    // Fifteen rows a page, like a newsroom table: a keystroke among hundreds of cities lays out only those.
    expect(container.querySelectorAll('tbody tr')).toHaveLength(15);
    expect(screen.getByRole('button', { name: 'Show 15 more' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Show all ${model.total}` })).toBeInTheDocument();
  });

  test('"Show all" moves focus to the table before its buttons go, so focus is never lost to the page; "Show more" keeps it', async () => {
    renderExplorer();
    const more = screen.getByRole('button', { name: 'Show 15 more' });
    more.focus();
    await fireEvent.click(more);
    expect(document.activeElement).toBe(more);
    const all = screen.getByRole('button', { name: /^Show all/ });
    all.focus();
    await fireEvent.click(all);
    expect(document.activeElement).toBe(screen.getByRole('region', { name: en.explorer.tableCaption }));
  });

  test('typing a search, choosing a category or a kind reports new filters', async () => {
    const { onchange } = renderExplorer();
    await fireEvent.input(screen.getByLabelText(en.explorer.search), { target: { value: '科技型' } });
    expect(onchange).toHaveBeenLastCalledWith(expect.objectContaining({ search: '科技型' }));
    await fireEvent.change(screen.getByLabelText(en.explorer.category), { target: { value: 'tech_smes' } });
    expect(onchange).toHaveBeenLastCalledWith(expect.objectContaining({ categories: ['tech_smes'] }));
    await fireEvent.click(screen.getByRole('checkbox', { name: /^Target/ }));
    expect(onchange).toHaveBeenLastCalledWith(expect.objectContaining({ kinds: ['target'] }));
  });

  test('a column header sorts, and a second click reverses', async () => {
    const { onchange, unmount } = renderExplorer();
    await fireEvent.click(screen.getByRole('button', { name: /Value/ }));
    expect(onchange).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'value', descending: false }));
    unmount();
    const again = renderExplorer({ sort: 'value' });
    expect(screen.getByRole('columnheader', { name: /Value/ })).toHaveAttribute('aria-sort', 'ascending');
    await fireEvent.click(screen.getByRole('button', { name: /Value/ }));
    expect(again.onchange).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'value', descending: true }));
  });

  test('one category: a comparison chart with the reasons it is not comparable, and what is left out', () => {
    const { container } = renderExplorer({ categories: ['tech_smes'] });
    const comparison = container.querySelector('[data-comparison="tech_smes"]') as HTMLElement;
    // Wuhu's 300 new tech SMEs (分别…) beside Tongxiang's 400 of Zhejiang's own register, which is set apart.
    expect([...comparison.querySelectorAll('[data-mark]')].map((x) => x.getAttribute('data-mark'))).toEqual([
      'wuhu-2023-tech-smes-new',
      'tongxiang-2022-2023-tech-smes-new',
    ]);
    expect(within(comparison).getByText(/a different scope in Tongxiang/)).toBeInTheDocument();
    expect(comparison.querySelector('[data-section-heading]')).toHaveTextContent(en.sections.setApart);
    // The heading names only what every figure in it shares: category, measure, unit — no scope.
    expect(comparison.querySelector('h4')).toHaveTextContent('Tech-based SMEs');
    expect(comparison.querySelector('h4')).not.toHaveTextContent('economy-wide');
    expect(comparison).toHaveTextContent('Not in a comparison');
    expect(comparison).toHaveTextContent('Huangshi');
  });

  test('reported actuals only: says that each city counts something different, in Chinese too', () => {
    const { container } = renderExplorer({ categories: ['high_tech_firms'], kinds: ['actual'] }, 'zh');
    const comparison = container.querySelector('[data-comparison="high_tech_firms"]') as HTMLElement;
    expect(comparison).toHaveTextContent('此类别中只有淮北给出了数据');
    const targets = renderExplorer({ categories: ['tech_smes'], kinds: ['target'] }, 'zh').container;
    expect(targets.querySelector('[data-comparison="tech_smes"]')).toHaveTextContent('桐乡的口径不同');
  });

  test('restated rows are listed and flagged', () => {
    const { container } = renderExplorer({ categories: ['tech_smes'] });
    expect(container.querySelector('tr[data-row="huaibei-2023h1-tech-smes-registered-2"]')).toHaveTextContent(en.explorer.restated);
    expect(container.querySelector('tr[data-row="huaibei-2023h1-tech-smes-registered"]')).not.toHaveTextContent(en.explorer.restated);
  });
});
