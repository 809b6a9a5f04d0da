// A window onto a long table: only the rows near the screen are in the DOM, with spacers holding the rest's height.
/** Rows drawn at a time, and how many of them lie above the first visible one. */
const SIZE = 240;
const BEFORE = 80;

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
   * An attachment for the table: on scroll and resize (once a frame at most) it measures the drawn rows and moves
   * the window so the rows on screen are drawn, with a margin either side.
   */
  follow(total: () => number) {
    return (table: HTMLElement) => {
      let frame = 0;
      const update = () => {
        frame = 0;
        const drawn = table.querySelectorAll<HTMLElement>('tbody tr[data-row]');
        const first = drawn[0];
        const last = drawn[drawn.length - 1];
        if (first && last && drawn.length > 1) {
          const height = (last.getBoundingClientRect().bottom - first.getBoundingClientRect().top) / drawn.length;
          if (height > 0 && Math.abs(height - this.rowHeight) > 1) this.rowHeight = height;
        }
        const top = table.getBoundingClientRect().top;
        const firstVisible = Math.floor(Math.max(0, -top) / this.rowHeight);
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
