// Browser entry: hydrates the server-rendered page (or mounts fresh in dev, where nothing was prerendered).
import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { bundledDataset } from './lib/data/bundled';
import './app.css';

const target = document.getElementById('app')!;
const props = { data: bundledDataset() };
export default target.firstElementChild ? hydrate(App, { target, props }) : mount(App, { target, props });
