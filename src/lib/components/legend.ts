// The keys of the shared legend, exactly the encodings a figure shows: the page's Legend and exported images both draw these.
import type { ComparedFigure } from '../data/compare';
import type { Swatch } from '../export/svg';
import type { Messages } from '../i18n/en';

export interface LegendItem {
  swatch: Swatch;
  label: string;
}

const KIND_SWATCH = { target: 'target', actual: 'actual', expected: 'expected', guidance: 'guidance' } as const;
const ORDER: Swatch[] = ['target', 'actual', 'expected', 'guidance', 'scope', 'missing', 'reference', 'imported'];

/** Which encodings the figures use: one swatch per kind drawn, dashed if any is set apart, the empty slot if any is missing. */
export function encodingsOf(figures: readonly Pick<ComparedFigure, 'mark' | 'status'>[], withReference: boolean): Swatch[] {
  const used = new Set<Swatch>();
  for (const { mark, status } of figures) {
    if (status === 'missing') used.add('missing');
    else if (mark.kind !== 'not_stated') used.add(KIND_SWATCH[mark.kind]);
    if (status === 'set_apart') used.add('scope');
    if (mark.imported) used.add('imported');
  }
  if (withReference) used.add('reference');
  return ORDER.filter((swatch) => used.has(swatch));
}

export function legendItems(m: Messages, swatches: readonly Swatch[], short = false): LegendItem[] {
  const words = short ? m.legendShort : m.legend;
  const labels: Record<Swatch, string> = {
    target: words.target,
    actual: words.actual,
    expected: words.expected,
    guidance: words.guidance,
    scope: words.scope,
    missing: words.notStated,
    reference: words.reference,
    imported: words.imported,
  };
  return swatches.map((swatch) => ({ swatch, label: labels[swatch] }));
}
