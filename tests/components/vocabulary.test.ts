// The visual vocabulary, rendered: each kind of figure is drawn as the legend says, and the legend lists exactly what is drawn.
import { describe, expect, test } from 'vitest';
import { render } from '@testing-library/svelte';
import HeadlineView from '../../src/views/HeadlineView.svelte';
import { buildView } from '../../src/lib/data/views/headline';
import { en } from '../../src/lib/i18n/en';
import { figure, fixtureDataset } from '../fixtures/figures';

const firm = { category: 'high_tech_firms', measure: 'new' } as const;
const cities = ['t', 'a', 'e', 'g', 's', 'n'];
const data = fixtureDataset(
  [
    figure({ id: 'target', city: 't', ...firm, value: 100 }),
    figure({ id: 'actual', city: 'a', ...firm, kind: 'actual', value: 80 }),
    figure({ id: 'expected', city: 'e', ...firm, kind: 'expected', value: 90 }),
    figure({ id: 'quota', city: 'g', ...firm, kind: 'guidance', value: 120 }),
    figure({ id: 'apart', city: 's', ...firm, value: 300, combined: true }),
    figure({ id: 'missing', city: 'n', ...firm, kind: 'not_stated' }),
  ],
  cities,
);

function draw(only: string[]) {
  const model = buildView(data, 'firms', { cities: only, sort: 'name' });
  const { container } = render(HeadlineView, { model, lang: 'en', messages: en, showTable: false, emptyMessage: '' });
  const bar = (id: string) => container.querySelector(`[data-mark="${id}"] rect.bar`);
  const legend = [...container.querySelectorAll('[data-swatch]')].map((li) => li.getAttribute('data-swatch'));
  return { container, bar, legend };
}

describe('visual vocabulary', () => {
  test('target hollow, actual filled, expected tinted, quota hatched, set apart dashed, not stated an empty slot', () => {
    const { container, bar } = draw(cities);
    expect(bar('target')).toHaveAttribute('data-fill', 'hollow');
    expect(bar('target')).not.toHaveAttribute('data-dashed');
    expect(bar('actual')).toHaveAttribute('data-fill', 'filled');
    expect(bar('expected')).toHaveAttribute('data-fill', 'tinted');
    expect(bar('quota')).toHaveAttribute('data-fill', 'hatched');
    expect(bar('apart')).toHaveAttribute('data-dashed', 'true');
    expect(bar('missing')).toBeNull();
    expect(container.querySelector('[data-mark="missing"] rect.missing')).not.toBeNull();
    // Four kinds and a set-apart figure: each its own look, so no two are confused.
    const looks = ['target', 'actual', 'expected', 'quota', 'apart'].map((id) => `${bar(id)!.getAttribute('data-fill')}${bar(id)!.getAttribute('data-dashed')}`);
    expect(new Set(looks).size).toBe(5);
  });

  test('the legend lists exactly the encodings on screen, in a fixed order', () => {
    expect(draw(cities).legend).toEqual(['target', 'actual', 'expected', 'guidance', 'scope', 'missing']);
    expect(draw(['t', 'a']).legend).toEqual(['target', 'actual']);
    expect(draw(['e', 'n']).legend).toEqual(['expected', 'missing']);
  });

  test('the set-apart section is headed, and says so in the mark’s accessible description', () => {
    const { container } = draw(cities);
    expect(container.querySelector('[data-section-heading]')).toHaveTextContent(en.sections.setApart);
    expect(container.querySelector('[data-mark="apart"] desc')).toHaveTextContent('Why set apart: “Figure” counts several kinds of thing in one number');
    expect(container.querySelector('[data-mark="expected"] desc')).toHaveTextContent('Expected (预计), not yet reported');
  });
});
