// The app's highlights as a context, so a figure's card can highlight its city without every view passing it on.
import { getContext, setContext } from 'svelte';

/** Reads and toggles the highlighted cities (the URL's focus=). */
export interface Highlighter {
  isOn(city: string): boolean;
  /** False once MAX_HIGHLIGHTS cities are highlighted: a highlight must be taken away first. */
  canAdd(): boolean;
  toggle(city: string): void;
}

const KEY = Symbol('highlighter');

export function setHighlighter(highlighter: Highlighter): void {
  setContext(KEY, highlighter);
}

/** The app's highlighter; none where a card is drawn outside the app (a component test, an image). */
export function getHighlighter(): Highlighter | undefined {
  return getContext<Highlighter | undefined>(KEY);
}
