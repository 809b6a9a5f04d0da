// The reader's choices, as runes state: view, cities, order, chart or table, language, theme, embed and explorer filters.
import { CITY_IDS } from '../data/schema';
import type { UiLang } from '../i18n';
import { inOrder, MAX_HIGHLIGHTS, type EmbedOptions, type ExplorerFilters, type Sort, type Theme, type UrlState, type View } from './url';

export class AppState {
  view = $state<View>('rd');
  // The city lists are raw state, replaced whole and never changed in place: a proxied list of hundreds of cities
  // made every reader depend on each of its items, and every toggle notify them all.
  /** Every city the reader can pick: the five bundled ones, then any imported by the reader. */
  known = $state.raw<string[]>([...CITY_IDS]);
  cities = $state.raw<string[]>([...CITY_IDS]);
  /** Highlighted cities, always among the selected ones: they keep their colour, every other city turns grey. */
  focus = $state.raw<string[]>([]);
  sort = $state<Sort>('name');
  table = $state(false);
  lang = $state<UiLang>('en');
  /** Whether the language was chosen (URL or toggle) rather than taken from the browser; only then is it in the URL. */
  langChosen = $state(false);
  theme = $state<Theme>('auto');
  embed = $state(false);
  embedOptions = $state<EmbedOptions>({ controls: false, notes: true });
  explorer = $state<ExplorerFilters>({ categories: [], kinds: [], periods: [], search: '', sort: 'city', descending: false });
  /** The link said a local import was shown; set until the reader imports or dismisses. */
  importMissing = $state(false);

  constructor(initial: UrlState, lang: UiLang) {
    this.view = initial.view;
    this.cities = initial.cities;
    this.focus = initial.focus;
    this.sort = initial.sort;
    this.table = initial.table;
    this.lang = initial.lang ?? lang;
    this.langChosen = initial.lang !== null;
    this.theme = initial.theme;
    this.embed = initial.embed;
    this.embedOptions = initial.embedOptions;
    this.explorer = initial.explorer;
    this.importMissing = initial.imported;
  }

  /** Toggles one city, keeping the canonical order so views and URLs stay stable. */
  toggleCity(city: string): void {
    const next = this.cities.includes(city) ? this.cities.filter((c) => c !== city) : [...this.cities, city];
    this.setCities(next);
  }

  setAll(on: boolean): void {
    this.setCities(on ? this.known : []);
  }

  /** A new selection, kept in canonical order; a city that leaves it leaves the highlights too. */
  setCities(ids: readonly string[]): void {
    this.cities = inOrder(this.known, ids);
    this.setFocus(this.focus);
  }

  /**
   * New highlights, kept in canonical order and among the selected cities; at most MAX_HIGHLIGHTS, the ones already
   * highlighted kept first, so each keeps a hue of its own.
   */
  setFocus(ids: readonly string[]): void {
    const selected = inOrder(this.cities, ids);
    const kept = selected.filter((id) => this.focus.includes(id));
    const added = selected.filter((id) => !this.focus.includes(id));
    const next = inOrder(this.cities, [...kept, ...added].slice(0, MAX_HIGHLIGHTS));
    if (next.join() !== this.focus.join()) this.focus = next;
  }

  /** Whether another city may be highlighted. */
  get canHighlightMore(): boolean {
    return this.focus.length < MAX_HIGHLIGHTS;
  }

  /** Highlights a city, or takes its highlight away; highlighting an unselected city selects it. */
  toggleFocus(city: string): void {
    if (this.focus.includes(city)) this.setFocus(this.focus.filter((c) => c !== city));
    else if (this.canHighlightMore) {
      if (!this.cities.includes(city)) this.setCities([...this.cities, city]);
      this.setFocus([...this.focus, city]);
    }
  }

  setLang(lang: UiLang): void {
    this.lang = lang;
    this.langChosen = true;
  }

  /** Adds or removes imported cities; a newly imported city starts selected. */
  setImported(ids: string[]): void {
    const added = ids.filter((id) => !this.known.includes(id));
    this.known = [...CITY_IDS, ...ids];
    this.setCities([...this.cities, ...added]);
  }

  toUrlState(importActive: boolean): UrlState {
    return {
      view: this.view,
      cities: this.cities,
      focus: this.focus,
      lang: this.langChosen ? this.lang : null,
      sort: this.sort,
      table: this.table,
      embed: this.embed,
      embedOptions: this.embedOptions,
      theme: this.theme,
      explorer: this.explorer,
      imported: importActive || this.importMissing,
    };
  }
}

/** The interface language a browser asks for: Chinese for any zh locale, English otherwise. */
export function preferredLang(languages: readonly string[]): UiLang {
  const first = languages.find((l) => /^(zh|en)\b/i.test(l)) ?? 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
