// Browser entry: hydrates the server-rendered page (or mounts fresh in dev, where nothing was prerendered).
import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { bundledDataset } from './lib/data/bundled';
import './app.css';

const target = document.getElementById('app')!;
const props = { data: bundledDataset() };
if (target.firstElementChild) hydrate(App, { target, props });
else mount(App, { target, props });
// Tests and the benchmark wait on this mark: the page is interactive from here on.
document.documentElement.dataset.hydrated = String(Math.round(performance.now()));
