// Server entry used at build time only: renders the default page to HTML for scripts/prerender.js.
import { render } from 'svelte/server';
import App from './App.svelte';
import { bundledDataset, bundledRows } from './lib/data/bundled';
import { CITY_IDS } from './lib/data/schema';
import { defaultState } from './lib/state/url';

export function renderPage(): { head: string; body: string } {
  return render(App, { props: { base: bundledRows(), bundled: bundledDataset(), initial: defaultState(CITY_IDS), lang: 'en', href: '' } });
}
