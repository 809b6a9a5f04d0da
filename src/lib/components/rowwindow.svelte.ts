// A window onto a long table: only the rows near the screen are in the DOM, with spacers holding the rest's height.
/**
 * Rows drawn at a time, and how many of them lie above the first visible one: a screen and more either side, at
 * 64 px a row on a wide screen and more on a phone. Drawing and laying out a window of rows with their long
 * Chinese quotes is one task; 240 rows took 130–220 ms (the budget for a task is 100), 100 take about 60.
 */
const SIZE = 100;
const BEFORE = 30;

export class RowWindow {
  /** Index of the first row drawn. */
  start = $state(0);
  /** Average height of a drawn row, in px, measured as the reader scrolls (rows wrap, so it is not fixed). */
  rowHeight = $state(64);
  readonly size = SIZE;

  /** The rows to draw, and the height the spacers above and below them must keep. */
  slice<T>(rows: readonly T[]): { rows: readonly T[]; above: number; below: number } {
    const start = Math.min(this.start, Math.max(0, rows.length - SIZE));
    const end = Math.min(rows.length, start + SIZE);
    return { rows: rows.slice(start, end), above: start * this.rowHeight, below: (rows.length - end) * this.rowHeight };
  }

  /**
   * An attachment for the table: on scroll and resize (once a frame at most) it finds the row at the top of the
   * screen and moves the window so the rows on screen are drawn, with a margin either side. Rows differ in height
   * (a long quote wraps), so the spacers are sized by the drawn rows' average, measured each time.
   */
  follow(total: () => number) {
    return (table: HTMLElement) => {
      let frame = 0;
      const update = () => {
        frame = 0;
        const drawn = table.querySelectorAll<HTMLElement>('tbody tr[data-row]');
        const first = drawn[0];
        const last = drawn[drawn.length - 1];
        let firstVisible = Math.floor(Math.max(0, -table.getBoundingClientRect().top) / this.rowHeight);
        if (first && last && drawn.length > 1) {
          // The row at the top of the screen, read from the layout on screen: over the drawn rows by their own
          // height, over a spacer by the height it was sized with.
          const drawnStart = Math.min(this.start, Math.max(0, total() - SIZE));
          const top = first.getBoundingClientRect().top;
          const bottom = last.getBoundingClientRect().bottom;
          const height = (bottom - top) / drawn.length;
          if (top > 0) firstVisible = drawnStart - Math.ceil(top / this.rowHeight);
          else if (bottom < 0) firstVisible = drawnStart + drawn.length + Math.floor(-bottom / this.rowHeight);
          else firstVisible = drawnStart + Math.floor(-top / Math.max(1, height));
          // Spacers sized by another height move the rows once redrawn: look again in the next frame.
          if (height > 0 && Math.abs(height - this.rowHeight) > 1) {
            this.rowHeight = height;
            onScroll();
          }
        }
        const start = Math.max(0, Math.min(firstVisible - BEFORE, total() - SIZE));
        // Move in steps, not on every pixel: a window that shifts by a handful of rows would redraw constantly.
        if (Math.abs(start - this.start) >= BEFORE / 2 || start === 0) this.start = start;
      };
      const onScroll = () => {
        if (!frame) frame = requestAnimationFrame(update);
      };
      addEventListener('scroll', onScroll, { passive: true });
      addEventListener('resize', onScroll);
      onScroll();
      return () => {
        removeEventListener('scroll', onScroll);
        removeEventListener('resize', onScroll);
        cancelAnimationFrame(frame);
      };
    };
  }
}
