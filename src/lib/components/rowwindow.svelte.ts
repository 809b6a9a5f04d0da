// A window onto a long table: only the rows near the screen are in the DOM, with spacers holding the rest's height.
/**
 * Rows drawn at a time, and how many of them lie above the first visible one: a screen and more either side, at
 * 64 px a row on a wide screen and more on a phone. Drawing and laying out a window of rows with their long
 * Chinese quotes is one task; 240 rows took 130–220 ms (the budget for a task is 100), 100 take about 60.
 */
const SIZE = 100;
const BEFORE = 30;
/** Frames the window may look again on its own after a scroll (each once rows were measured or moved): it always stops. */
const SETTLE_FRAMES = 8;
/** A row's height before any row is measured. */
const FIRST_GUESS = 64;
/** A reader's scroll is over once no scroll event has come for this long (where no scrollend event says so). */
const REST_MS = 150;
/** A scroll this soon after the reader's input is the reader's (a smooth scroll from a key runs about this long). */
const INPUT_MS = 1000;

export class RowWindow<T> {
  /** Index of the first row drawn. */
  start = $state(0);
  /** Bumped when rows are measured anew, so the spacers are sized again. */
  #measuredVersion = $state(0);
  /**
   * Each measured row's height, by its key: rows differ (a long quote wraps), so a spacer holds the rows it stands
   * for at their own heights where known, and at the first measured rows' average elsewhere. Cleared on resize.
   */
  // Not reactive itself: the spacers are sized again when #measuredVersion is bumped, once per measuring.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #heights = new Map<string, number>();
  /** The unmeasured rows' height: the first measured rows' average. */
  #guess: number | null = null;
  readonly #key: (row: T) => string;
  readonly size = SIZE;

  constructor(key: (row: T) => string) {
    this.#key = key;
  }

  /**
   * The height a spacer gives a row: its own once measured, else the average of the first rows measured. That guess
   * is kept, not brought up to date as more rows are measured: a new average over 40,000 unmeasured rows would change
   * the page's height by metres at a time, and move the scroll bar and what End reaches.
   */
  #heightOf(row: T): number {
    return this.#heights.get(this.#key(row)) ?? this.#guess ?? FIRST_GUESS;
  }

  #heightOfRange(rows: readonly T[], from: number, to: number): number {
    let height = 0;
    for (let i = from; i < to; i++) height += this.#heightOf(rows[i]!);
    return height;
  }

  /** The rows to draw, and the height the spacers above and below them must keep. */
  slice(rows: readonly T[]): { rows: readonly T[]; above: number; below: number } {
    void this.#measuredVersion;
    const start = this.#firstDrawn(rows.length);
    const end = Math.min(rows.length, start + SIZE);
    return { rows: rows.slice(start, end), above: this.#heightOfRange(rows, 0, start), below: this.#heightOfRange(rows, end, rows.length) };
  }

  #firstDrawn(total: number): number {
    return Math.min(this.start, Math.max(0, total - SIZE));
  }

  /** Records the drawn rows' heights (each from its top to the next one's, so a run heading counts with its row). */
  #measure(drawn: readonly HTMLElement[]): boolean {
    let changed = false;
    let total = 0;
    drawn.forEach((row, i) => {
      const top = row.getBoundingClientRect().top;
      const height = i + 1 < drawn.length ? drawn[i + 1]!.getBoundingClientRect().top - top : row.getBoundingClientRect().height;
      const key = row.dataset.row;
      if (key === undefined || height <= 0) return;
      total += height;
      const before = this.#heights.get(key);
      if (before !== undefined && Math.abs(before - height) < 1) return;
      this.#heights.set(key, height);
      changed = true;
    });
    if (this.#guess === null && drawn.length > 0 && total > 0) this.#guess = total / drawn.length;
    return changed;
  }

  /**
   * An attachment for the table: on scroll and resize (once a frame at most) it finds the row at the top of the
   * screen and moves the window so the rows on screen are drawn, with a margin either side. Moving the window or
   * measuring rows resizes the spacers, which would move what the reader looks at: the next frame scrolls by as much,
   * so the row at the top stays put (after a jump into a spacer, the row the jump landed on comes to the top). A few
   * frames at most, then it waits for the next scroll.
   */
  follow(rows: () => readonly T[]) {
    return (table: HTMLElement) => {
      let frame = 0;
      let settling = 0;
      /** The row to keep at a place on screen once the window is redrawn, and where (px from the top). */
      let anchor: { key: string; top: number } | null = null;
      /** Where the page is after the window's own scroll: that scroll's event is not the reader's. */
      let scrolledTo: number | null = null;
      /**
       * The reader's scroll is under way (a smooth scroll from End or PageDown, a flick): the window's own scroll would
       * stop it halfway, so rows are held in place only once it has come to rest.
       */
      let scrolling = false;
      let restTimer = 0;
      /** When the reader last turned a wheel, touched, pressed a key or a pointer: a scroll soon after is theirs. */
      let lastInput = -Infinity;
      const onInput = () => (lastInput = performance.now());
      const update = () => {
        frame = 0;
        const all = rows();
        const drawn = [...table.querySelectorAll<HTMLElement>('tbody tr[data-row]')];
        if (anchor && !scrolling) {
          const key = anchor.key;
          const row = drawn.find((r) => r.dataset.row === key);
          const delta = row ? row.getBoundingClientRect().top - anchor.top : 0;
          if (Math.abs(delta) >= 1) {
            scrollBy(0, delta);
            scrolledTo = scrollY;
          }
        }
        anchor = null;
        const measured = this.#measure(drawn);
        const drawnStart = this.#firstDrawn(all.length);
        const first = drawn[0];
        const last = drawn[drawn.length - 1];
        let firstVisible = 0;
        let anchorTop = 0;
        // With the table's top on screen, the page above it is what the reader sees: nothing to hold in place.
        let holdable = true;
        if (first && last) {
          const top = first.getBoundingClientRect().top;
          const bottom = last.getBoundingClientRect().bottom;
          if (top > 0) {
            // Above the drawn rows: in the spacer above them (read in proportion), or above the table.
            const tableTop = table.getBoundingClientRect().top;
            const above = top - tableTop;
            holdable = tableTop < 0 && above > 0;
            firstVisible = holdable ? Math.floor(drawnStart * Math.min(1, -tableTop / above)) : 0;
          } else if (bottom <= 0) {
            const below = this.#heightOfRange(all, drawnStart + drawn.length, all.length);
            const after = all.length - drawnStart - drawn.length;
            firstVisible = Math.min(all.length - 1, drawnStart + drawn.length + (below > 0 ? Math.floor(after * Math.min(1, -bottom / below)) : 0));
          } else {
            const onScreen = Math.max(0, drawn.findIndex((row) => row.getBoundingClientRect().bottom > 0));
            firstVisible = drawnStart + onScreen;
            anchorTop = drawn[onScreen]!.getBoundingClientRect().top;
          }
        }
        const start = Math.max(0, Math.min(firstVisible - BEFORE, all.length - SIZE));
        // Move in steps, not on every pixel: a window that shifts by a handful of rows would redraw constantly; at
        // either end of the table, though, the first or last rows must be drawn.
        const atEnd = start === 0 || start === Math.max(0, all.length - SIZE);
        const moved = (Math.abs(start - this.start) >= BEFORE / 2 || atEnd) && start !== this.start;
        if (moved) this.start = start;
        if (measured) this.#measuredVersion++;
        if ((moved || measured) && settling < SETTLE_FRAMES) {
          settling++;
          const row = all[firstVisible];
          if (row !== undefined && first && holdable) anchor = { key: this.#key(row), top: anchorTop };
          frame = requestAnimationFrame(update);
        }
      };
      const onScroll = () => {
        // The window's own scroll is not the reader's: it does not start another round of settling.
        if (scrolledTo !== null && Math.abs(scrollY - scrolledTo) < 1) scrolledTo = null;
        else {
          settling = 0;
          // The page moved by another hand: a row held from before that move would pull it back.
          anchor = null;
          if (performance.now() - lastInput < INPUT_MS) {
            scrolling = true;
            // At rest once no scroll has come for a while (scrollend, where there is one, says so sooner).
            clearTimeout(restTimer);
            restTimer = window.setTimeout(onRest, REST_MS);
          }
        }
        if (!frame) frame = requestAnimationFrame(update);
      };
      const onRest = () => {
        clearTimeout(restTimer);
        if (!scrolling) return;
        scrolling = false;
        settling = 0;
        if (!frame) frame = requestAnimationFrame(update);
      };
      const onResize = () => {
        // Rows wrap anew at another width: every height is measured again.
        this.#heights.clear();
        this.#guess = null;
        onScroll();
      };
      const inputs = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
      for (const type of inputs) addEventListener(type, onInput, { passive: true, capture: true });
      addEventListener('scroll', onScroll, { passive: true });
      addEventListener('scrollend', onRest);
      addEventListener('resize', onResize);
      onScroll();
      return () => {
        for (const type of inputs) removeEventListener(type, onInput, { capture: true });
        removeEventListener('scroll', onScroll);
        removeEventListener('scrollend', onRest);
        removeEventListener('resize', onResize);
        cancelAnimationFrame(frame);
        clearTimeout(restTimer);
      };
    };
  }
}
