// The reader's choices, as runes state: which cities, which order, chart or table.
import { CITY_IDS } from '../data/schema';
import type { SortOrder } from '../data/views/headline';
import type { UiLang } from '../i18n';

export class AppState {
  cities = $state<string[]>([...CITY_IDS]);
  sort = $state<SortOrder>('name');
  table = $state(false);
  lang = $state<UiLang>('en');

  /** Toggles one city, keeping the canonical order so views and URLs stay stable. */
  toggleCity(city: string): void {
    const next = this.cities.includes(city) ? this.cities.filter((c) => c !== city) : [...this.cities, city];
    this.cities = CITY_IDS.filter((c) => next.includes(c));
  }

  setAll(on: boolean): void {
    this.cities = on ? [...CITY_IDS] : [];
  }
}
