// The city picker's words (typed, English default) and the window of options it draws when the list is long.
import type { MatchableCity } from '../data/cityMatch';

/** A city as the picker shows it. */
export interface PickerCity extends MatchableCity {
  /** Imported by the reader from a CSV file (marked ◆, and the "Imported" shortcut selects these). */
  imported?: boolean;
  /** Shipped with the app (the "Bundled" shortcut selects these). */
  bundled?: boolean;
}

/** Every word the picker shows or announces; the app passes its catalogue's, in the reader's language. */
export interface CityPickerLabels {
  /** The visible label of the text field; it names the list too. */
  label: string;
  placeholder: string;
  /** Read with the field: the keys, since Enter toggling and Shift+Enter highlighting are not guessable. */
  keys: string;
  /** The button that opens and closes the list (out of the Tab order, for pointers). */
  showList: string;
  /** Names the group of shortcut buttons. */
  shortcuts: string;
  all: string;
  none: string;
  bundled: string;
  imported: string;
  /** Between an option's details (other name, id, imported): ", " in English, "，" in Chinese. */
  separator: string;
  /** Beside an imported city's name. */
  importedMark: string;
  /** Read with an option whose city is highlighted. */
  highlightedMark: string;
  /** Names the list of selected-city chips. */
  selectedCities: string;
  /** Names the chips of the highlighted cities, the only chips shown once too many cities are selected for one each. */
  highlightedCities: string;
  /** The highlight toggle of a chip, and the tooltip of an option's star; its pressed state says whether it is on. */
  highlight: (city: string) => string;
  remove: (city: string) => string;
  count: (selected: number, total: number) => string;
  /** Said once MAX_HIGHLIGHTS cities are highlighted: why no other can be, and how to highlight another. */
  highlightsFull: (most: number) => string;
  /** Under a long list drawn in part: which matches are drawn. */
  more: (first: number, last: number, total: number) => string;
  noMatch: (query: string) => string;
}

export const cityPickerLabelsEn: CityPickerLabels = {
  label: 'Cities',
  placeholder: 'Type a city’s name in Chinese or English, or its id',
  keys: 'Type to filter. Up and Down arrows move through the list (Home and End jump to its ends), Enter selects or deselects a city, Shift+Enter highlights it, Escape closes the list.',
  showList: 'Show the list of cities',
  shortcuts: 'Select',
  all: 'All',
  none: 'None',
  bundled: 'Bundled cities',
  imported: 'Imported',
  separator: ', ',
  importedMark: 'imported by you',
  highlightedMark: 'highlighted',
  selectedCities: 'Selected cities',
  highlightedCities: 'Highlighted cities',
  highlight: (city) => `Highlight ${city}`,
  remove: (city) => `Remove ${city}`,
  count: (selected, total) => `${selected} of ${total} ${total === 1 ? 'city' : 'cities'} selected`,
  highlightsFull: (most) =>
    `${most} cities are highlighted, the most at once: each keeps a colour of its own. Take a highlight away to give another city one.`,
  more: (first, last, total) => `Showing ${first}–${last} of ${total} matches. Type to narrow the list.`,
  noMatch: (query) => `No city matches “${query}”.`,
};

/** From this many matches on, only a window of them is drawn: hundreds of option nodes slow every keystroke. */
export const WINDOW_FROM = 300;
/** Options drawn at a time in a long list. */
export const WINDOW_SIZE = 100;

/**
 * The matches to draw, [start, end): all of a short list; of a long one, a window that keeps `start` if the
 * active option lies inside it and otherwise moves just enough to hold it, so Arrow keys, Home and End reach
 * every match and `aria-activedescendant` always names an option in the DOM.
 */
export function optionWindow(start: number, active: number, total: number): { start: number; end: number } {
  if (total < WINDOW_FROM) return { start: 0, end: total };
  let first = Math.min(Math.max(0, start), total - WINDOW_SIZE);
  if (active >= 0 && active < first) first = active;
  else if (active >= first + WINDOW_SIZE) first = active - WINDOW_SIZE + 1;
  return { start: first, end: first + WINDOW_SIZE };
}
