// Pure parse/serialise of the query string: every reader-visible choice lives in the URL, garbage falls back to defaults.
import { parsePeriod } from '../data/period';
import { CITY_IDS, KINDS, type Kind } from '../data/schema';
import { EXPLORER_SORT_KEYS, type ExplorerSortKey } from '../data/views/explorer';
import type { UiLang } from '../i18n';

export const VIEWS = ['rd', 'firms', 'market', 'explorer'] as const;

/** The most cities highlighted at once: one for each city hue of the palette (the five cities' and the imported one), so none repeats. */
export const MAX_HIGHLIGHTS = CITY_IDS.length + 1;
export type View = (typeof VIEWS)[number];
export const SORTS = ['name', 'value'] as const;
export type Sort = (typeof SORTS)[number];
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export type ExplorerSort = ExplorerSortKey;

export interface ExplorerFilters {
  categories: string[];
  kinds: Kind[];
  periods: string[];
  search: string;
  sort: ExplorerSort;
  descending: boolean;
}

export interface UrlState {
  view: View;
  /** Selected city ids in canonical order. */
  cities: string[];
  /** Highlighted city ids (`focus=`), a subset of `cities` in canonical order: they keep their colour, the rest turn grey. */
  focus: string[];
  /** null: not chosen in the URL, so the browser's language decides. */
  lang: UiLang | null;
  sort: Sort;
  table: boolean;
  embed: boolean;
  /** What an embedded chart shows besides the chart: the city buttons, and its comparability notes. */
  embedOptions: EmbedOptions;
  theme: Theme;
  explorer: ExplorerFilters;
  /** A local import was active when the link was made: only a flag, never its content. */
  imported: boolean;
}

export interface EmbedOptions {
  controls: boolean;
  notes: boolean;
}

/** The ids of `order` that are in `ids`, in `order`'s order: a selection kept canonical, in linear time. */
export function inOrder(order: readonly string[], ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  return order.filter((id) => wanted.has(id));
}

/** Whether any explorer filter but the category (and the cities) hides rows. */
export function isFiltered(filters: ExplorerFilters): boolean {
  return filters.search.trim() !== '' || filters.kinds.length > 0 || filters.periods.length > 0;
}

export function defaultState(cities: readonly string[]): UrlState {
  return {
    view: 'rd',
    cities: [...cities],
    focus: [],
    lang: null,
    sort: 'name',
    table: false,
    embed: false,
    embedOptions: { controls: false, notes: true },
    theme: 'auto',
    explorer: { categories: [], kinds: [], periods: [], search: '', sort: 'city', descending: false },
    imported: false,
  };
}

const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const MAX_SEARCH = 200;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function list(value: string | null): string[] {
  return value === null ? [] : [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))];
}

/**
 * Reads a query string against the cities that exist. Anything unknown or malformed is dropped
 * silently: a mistyped or tampered link still opens a working page.
 */
/** The explorer filter values a link may name; unset, any well-formed one. */
export interface KnownFilters {
  categories?: readonly string[];
  periods?: readonly string[];
}

/** The categories and periods some figures have: what a link's explorer filters are read against. */
export const knownFilters = (figures: readonly { category: string; period: string }[]): KnownFilters => ({
  categories: figures.map((f) => f.category),
  periods: figures.map((f) => f.period),
});

export function parseQuery(search: string, knownCities: readonly string[], known: KnownFilters = {}): UrlState {
  const params = new URLSearchParams(search);
  const state = defaultState(knownCities);
  state.view = oneOf(params.get('view'), VIEWS, state.view);
  if (params.has('cities')) {
    const wanted = list(params.get('cities'));
    // "all" is every known city, then "-id" takes one away: hundreds of cities stay a short link.
    const excluded = new Set(wanted.filter((c) => c.startsWith('-')).map((c) => c.slice(1)));
    const included = new Set(wanted);
    const valid = wanted.includes('all') ? knownCities.filter((c) => !excluded.has(c)) : knownCities.filter((c) => included.has(c));
    // An explicit empty list is a choice; a list of nothing but garbage is not.
    if (valid.length > 0 || params.get('cities') === '' || wanted.includes('all')) state.cities = valid;
  }
  const focus = new Set(list(params.get('focus')));
  state.focus = state.cities.filter((c) => focus.has(c)).slice(0, MAX_HIGHLIGHTS);
  const lang = params.get('lang');
  state.lang = lang === 'zh' || lang === 'en' ? lang : null;
  state.sort = oneOf(params.get('sort'), SORTS, state.sort);
  state.table = params.get('table') === '1';
  state.embed = params.get('embed') === '1';
  // An article's chart shows no city buttons unless asked (controls=1): readers of a story read, they rarely re-pick.
  state.embedOptions = { controls: params.get('controls') === '1', notes: params.get('notes') !== '0' };
  state.theme = oneOf(params.get('theme'), THEMES, state.theme);
  state.imported = params.get('imported') === '1';
  const e = state.explorer;
  // Only values the data has: an unknown category or period would filter every row away ("0 of 227 figures").
  e.categories = list(params.get('cat')).filter((c) => SLUG.test(c) && (!known.categories || known.categories.includes(c)));
  e.kinds = list(params.get('kind')).filter((k): k is Kind => (KINDS as readonly string[]).includes(k));
  e.periods = list(params.get('period')).filter((p) => parsePeriod(p) !== null && (!known.periods || known.periods.includes(p)));
  e.search = (params.get('q') ?? '').slice(0, MAX_SEARCH);
  const sort = params.get('order') ?? '';
  e.descending = sort.startsWith('-');
  e.sort = oneOf(sort.replace(/^-/, ''), EXPLORER_SORT_KEYS, e.sort);
  return state;
}

/** The query string for a state, leaving defaults out so links stay short. `?` included unless empty. */
export function toQuery(state: UrlState, knownCities: readonly string[]): string {
  const params = new URLSearchParams();
  const defaults = defaultState(knownCities);
  if (state.view !== defaults.view) params.set('view', state.view);
  const chosen = new Set(state.cities);
  const cities = knownCities.filter((c) => chosen.has(c));
  if (cities.length !== knownCities.length) {
    const left = knownCities.filter((c) => !chosen.has(c));
    // Whichever is shorter: the cities chosen, or all but those left out.
    params.set('cities', left.length < cities.length ? ['all', ...left.map((c) => `-${c}`)].join(',') : cities.join(','));
  }
  const focus = cities.filter((c) => state.focus.includes(c));
  if (focus.length > 0) params.set('focus', focus.join(','));
  if (state.lang) params.set('lang', state.lang);
  if (state.sort !== defaults.sort) params.set('sort', state.sort);
  if (state.table) params.set('table', '1');
  if (state.theme !== 'auto') params.set('theme', state.theme);
  if (state.view === 'explorer') {
    const e = state.explorer;
    if (e.categories.length) params.set('cat', e.categories.join(','));
    if (e.kinds.length) params.set('kind', e.kinds.join(','));
    if (e.periods.length) params.set('period', e.periods.join(','));
    if (e.search) params.set('q', e.search);
    if (e.sort !== 'city' || e.descending) params.set('order', `${e.descending ? '-' : ''}${e.sort}`);
  }
  if (state.imported) params.set('imported', '1');
  if (state.embed) {
    params.set('embed', '1');
    if (state.embedOptions.controls) params.set('controls', '1');
    if (!state.embedOptions.notes) params.set('notes', '0');
  }
  const query = params.toString().replace(/%2C/g, ',');
  return query ? `?${query}` : '';
}

/** The same page with another query: keeps file:// paths and strips any old query or hash. */
export function withQuery(href: string, query: string): string {
  const url = new URL(href);
  url.search = query;
  url.hash = '';
  return url.href;
}
