// Committed SVG snapshots of the three headline views (Observable Plot's habit): a reviewer sees what a data change does to a chart.
import { describe, expect, test } from 'vitest';
import { render } from '@testing-library/svelte';
import HeadlineView from '../../src/views/HeadlineView.svelte';
import { bundledDataset } from '../../src/lib/data/bundled';
import { orderCities } from '../../src/lib/data/collate';
import { VIEW_IDS, buildView } from '../../src/lib/data/views/headline';
import { en } from '../../src/lib/i18n/en';

/**
 * The panels' SVG as markup, one chart after another. Svelte's generated ids and scoped class hashes and its
 * empty anchor comments are left out, and coordinates rounded, so the file changes only when the drawing does.
 */
function chartsOf(container: HTMLElement): string {
  const ids = new Map<string, string>();
  const stable = (id: string) => ids.get(id) ?? ids.set(id, `chart${ids.size + 1}`).get(id)!;
  return [...container.querySelectorAll('svg[data-chart]')]
    .map((svg) =>
      svg.outerHTML
        .replace(/\b(c\d+)(?=-(?:title|hatch|summary)\b)/g, (id) => stable(id))
        .replace(/ ?\bsvelte-[a-z0-9]+\b/g, '')
        .replace(/ class=""/g, '')
        .replace(/<!---->/g, '')
        .replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
        .replace(/></g, '>\n<'),
    )
    .join('\n\n');
}

describe('SVG snapshots of the headline views (English, all five cities, 640 px)', () => {
  for (const view of VIEW_IDS)
    for (const sort of ['name', 'value'] as const)
      test(`${view}, by ${sort}`, async () => {
        // In the order the app draws them for an English reader.
        const cities = orderCities(bundledDataset().cities.objects() as { id: string; name_zh: string; name_en: string }[], 'en');
        const model = buildView(bundledDataset(), view, { cities, sort });
        const { container } = render(HeadlineView, { model, lang: 'en', messages: en, showTable: false, emptyMessage: '' });
        await expect(chartsOf(container)).toMatchFileSnapshot(`__snapshots__/${view}-${sort}.svg`);
      });
});
