// The reader's highlights: among the selected cities, in canonical order, and never more than the palette's hues.
import { describe, expect, test } from 'vitest';
import { AppState } from '../../src/lib/state/app.svelte';
import { defaultState, MAX_HIGHLIGHTS } from '../../src/lib/state/url';

const known = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('highlights', () => {
  const app = () => {
    const state = new AppState({ ...defaultState(known), cities: known }, 'en');
    state.known = known;
    return state;
  };

  test('a seventh highlight is refused until one is taken away; each keeps a hue', () => {
    const state = app();
    for (const city of known.slice(0, MAX_HIGHLIGHTS)) state.toggleFocus(city);
    expect(state.focus).toEqual(known.slice(0, MAX_HIGHLIGHTS));
    expect(state.canHighlightMore).toBe(false);
    state.toggleFocus('h');
    expect(state.focus).not.toContain('h');
    state.toggleFocus('a');
    state.toggleFocus('h');
    expect(state.focus).toEqual(['b', 'c', 'd', 'e', 'f', 'h']);
  });

  test('a new list keeps the cities already highlighted before adding others, up to six, in canonical order', () => {
    const state = app();
    state.setFocus(['g', 'h']);
    state.setFocus(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(state.focus).toEqual(['a', 'b', 'c', 'd', 'g', 'h']);
  });
});
