// How a mark's kind fills it, one rule for bars and dots: a solid actual, a hollow target, a hatched quota, a tinted expectation.
import type { BarFill } from './types';

export function markFill(fill: BarFill, color: string, uid: string): string {
  if (fill === 'filled') return color;
  if (fill === 'hatched') return `url(#${uid}-hatch)`;
  // An expected figure: the city's colour, lightened, so it reads as neither a promise nor a result.
  if (fill === 'tinted') return `color-mix(in srgb, ${color} 35%, var(--surface, #fff))`;
  return 'var(--surface, #fff)';
}
