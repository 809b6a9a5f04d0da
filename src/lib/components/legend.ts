// The keys of the shared legend, in order: the page's Legend component and exported images both draw these.
import type { Swatch } from '../export/svg';
import type { Messages } from '../i18n/en';

export interface LegendItem {
  swatch: Swatch;
  label: string;
}

export function legendItems(m: Messages, withReference: boolean, withImported: boolean): LegendItem[] {
  return [
    { swatch: 'target' as const, label: m.legend.target },
    { swatch: 'actual' as const, label: m.legend.actual },
    { swatch: 'guidance' as const, label: m.legend.guidance },
    { swatch: 'scope' as const, label: m.legend.scope },
    { swatch: 'missing' as const, label: m.legend.notStated },
    ...(withReference ? [{ swatch: 'reference' as const, label: m.legend.reference }] : []),
    ...(withImported ? [{ swatch: 'imported' as const, label: m.legend.imported }] : []),
  ];
}
