// City colours: Okabe–Ito hues, one shade per theme so every outline keeps 3:1 against its background (app.css).
const CITIES = ['wuhu', 'huangshi', 'changzhou', 'tongxiang', 'huaibei'];

/** A CSS colour for a city's marks; any imported city takes the one colour no bundled city uses. */
export function cityColour(city: string): string {
  return CITIES.includes(city) ? `var(--city-${city})` : 'var(--city-imported)';
}
