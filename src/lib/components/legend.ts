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

export function legendItems(m: Messages, swatches: readonly Swatch[]): LegendItem[] {
  const labels: Record<Swatch, string> = {
    target: m.legend.target,
    actual: m.legend.actual,
    expected: m.legend.expected,
    guidance: m.legend.guidance,
    scope: m.legend.scope,
    missing: m.legend.notStated,
    reference: m.legend.reference,
    imported: m.legend.imported,
  };
  return swatches.map((swatch) => ({ swatch, label: labels[swatch] }));
}
