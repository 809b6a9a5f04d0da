// A value that follows its source a painted frame late, so an interaction draws what the reader looks at first.
import { untrack } from 'svelte';
import { afterNextPaint } from '../schedule';

/** A value made on demand, and what it is of: values of one key may follow a frame late, of another never. */
export interface Lazy<T> {
  key: string;
  make: () => T;
}

/**
 * What `source()` makes: made at once when created, and after each later change once the next frame is painted,
 * as long as the key stays the same (a city toggle). The hidden table twin and the words under a chart (notes,
 * summary) follow a toggle among hundreds of cities a frame after its chart, instead of making the toggle wait for
 * them. A value of another key (another view, another language) is never given: `current` makes the new one at once,
 * `heldOr` gives a stand-in until it follows.
 * `source` returns a new Lazy whenever what it makes changes (a `$derived`). Create it while a component is being
 * initialised: the following is an effect, stopped with the component.
 */
export class Lagging<T> {
  readonly #source: () => Lazy<T>;
  #shown: { key: string; value: T } = $state.raw() as { key: string; value: T };

  constructor(source: () => Lazy<T>) {
    this.#source = source;
    const initial = untrack(source);
    this.#shown = { key: initial.key, value: initial.make() };
    $effect(() => {
      const next = source();
      // The one made above: following it again would make it twice. Any other, even one come before this first
      // run, is followed.
      if (next === initial) return;
      let live = true;
      afterNextPaint(() => live && (this.#shown = { key: next.key, value: next.make() }));
      return () => {
        live = false;
      };
    });
  }

  get current(): T {
    const next = this.#source();
    return next.key === this.#shown.key ? this.#shown.value : next.make();
  }

  /** The value held if it is of the source's key, else `instead` until the new key's value follows, a frame later. */
  heldOr(instead: T): T {
    const next = this.#source();
    return next.key === this.#shown.key ? this.#shown.value : instead;
  }
}
