// Browser entry: reads the URL, then hydrates the server-rendered page when it shows the same state, or renders afresh.
import { flushSync, hydrate, mount } from 'svelte';
import App from './App.svelte';
import { bundledDataset, bundledRows } from './lib/data/bundled';
import { hasStoredImports } from './lib/state/imports.svelte';
import { CITY_IDS } from './lib/data/schema';
import { preferredLang } from './lib/state/app.svelte';
import { defaultState, knownFilters, parseQuery, toQuery, withQuery } from './lib/state/url';
import './app.css';

const target = document.getElementById('app')!;
const base = bundledRows();
const initial = parseQuery(location.search, CITY_IDS, knownFilters(base.figures));
const lang = initial.lang ?? preferredLang(navigator.languages);
const href = withQuery(location.href, '');
const props = { base, bundled: bundledDataset(), initial, lang, href, search: location.search };
// The prerendered markup is the default English page without imports; anything else is rendered fresh, not
// patched. `data-boot="now"` (set by the page's first script, scripts/prerender.js) means the prerender is hidden
// and this runs during parsing, before the first frame: the first frame painted is this state.
const root = document.documentElement;
const isDefault =
  toQuery(initial, CITY_IDS) === toQuery(defaultState(CITY_IDS), CITY_IDS) && lang === 'en' && (initial.embed || !hasStoredImports());
if (target.firstElementChild && isDefault && root.dataset.boot !== 'now') hydrate(App, { target, props });
else {
  target.replaceChildren();
  mount(App, { target, props });
  flushSync();
}
delete root.dataset.boot;
// Tests and the benchmark wait on this mark: the page is interactive from here on.
root.dataset.hydrated = String(Math.round(performance.now()));
