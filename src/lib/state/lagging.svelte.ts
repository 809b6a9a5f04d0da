// A value that follows its source a painted frame late, so an interaction draws what the reader looks at first.
import { untrack } from 'svelte';
import { afterNextPaint } from '../schedule';

/**
 * Holds what `source()` makes, made at once when created, and after each later change once the next frame is
 * painted: the hidden table twin and the words under a chart (notes, summary) follow a city toggle among hundreds
 * of cities a frame after its chart, instead of making the toggle wait for them. `source` returns a new maker
 * whenever what it makes changes (a `$derived` function), so only a change is followed. Create it while a component
 * is being initialised: the following is an effect, stopped with the component.
 */
export class Lagging<T> {
  #current: T = $state.raw() as T;

  constructor(source: () => () => T) {
    this.#current = untrack(source)();
    let first = true;
    $effect(() => {
      const make = source();
      // The maker just used: following it again would make it twice.
      if (first) return void (first = false);
      let live = true;
      afterNextPaint(() => live && (this.#current = make()));
      return () => {
        live = false;
      };
    });
  }

  get current(): T {
    return this.#current;
  }
}
