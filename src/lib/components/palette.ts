// City colours: Okabe–Ito hues, one shade per theme so every outline keeps 3:1 against its background (app.css).
import { CITY_IDS } from '../data/schema';

const CITIES: readonly string[] = CITY_IDS;

/**
 * A CSS colour for a city's marks. Colour goes only to the highlighted cities when there are some (every other city
 * shares one grey), else to the bundled five; any imported city takes the one colour no bundled city uses, so the
 * palette never runs out however many cities there are. Highlighted imported cities each take a hue of their own:
 * the imported one first, then those of bundled cities that are grey at the time; at most MAX_HIGHLIGHTS cities are
 * highlighted (state/url.ts), so no two share a hue.
 */
export function cityColour(city: string, focus: ReadonlySet<string> = NO_FOCUS): string {
  if (focus.size > 0 && !focus.has(city)) return 'var(--city-context)';
  if (CITIES.includes(city)) return `var(--city-${city})`;
  if (focus.size === 0) return 'var(--city-imported)';
  const free = ['imported', ...CITIES.filter((c) => !focus.has(c))];
  const position = [...focus].filter((c) => !CITIES.includes(c)).indexOf(city);
  return `var(--city-${free[position % free.length]})`;
}

export const NO_FOCUS: ReadonlySet<string> = new Set();
