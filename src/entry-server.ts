// Server entry used at build time only: renders the default page, and the page read without script, for scripts/prerender.js.
import { render } from 'svelte/server';
import App from './App.svelte';
import { bundledDataset, bundledRows } from './lib/data/bundled';
import { CITY_IDS } from './lib/data/schema';
import { defaultState } from './lib/state/url';
import { buildView, VIEW_IDS } from './lib/data/views/headline';
import NoScriptPage from './views/NoScriptPage.svelte';
import { orderCities } from './lib/data/collate';

export function renderPage(): { head: string; body: string } {
  return render(App, { props: { base: bundledRows(), bundled: bundledDataset(), initial: defaultState(CITY_IDS), lang: 'en', href: '' } });
}

/** The bundled cities in an English reader's order, as App orders them. */
function citiesInOrder(): string[] {
  return orderCities(bundledDataset().cities.objects() as { id: string; name_zh: string; name_en: string }[], 'en');
}

/** Chart layout widths of the no-script page: one for phones, one for wider columns (app.css switches at 500 px). */
const NO_SCRIPT_WIDTHS: [number, number] = [360, 640];

/** The page shown when JavaScript is off: every headline view, each laid out for a phone and for a wide column. */
export function renderNoScript(): string {
  const models = VIEW_IDS.map((id) => buildView(bundledDataset(), id, { cities: citiesInOrder(), sort: defaultState(CITY_IDS).sort }));
  return render(NoScriptPage, { props: { models, widths: NO_SCRIPT_WIDTHS } }).body;
}
