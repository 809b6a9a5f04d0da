// Attachment factory: arrow keys move focus between a chart's focusable marks; Escape calls back.
import type { Attachment } from 'svelte/attachments';

export function arrowNavigation(selector: string, onEscape: () => void): Attachment<HTMLElement> {
  return (element) => {
    const onKeydown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        onEscape();
        return;
      }
      const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      // Document order is page order: a chart draws each strip and then the bars under it (MarkChart).
      const marks = [...element.querySelectorAll<HTMLElement | SVGElement>(selector)];
      const index = marks.indexOf(document.activeElement as HTMLElement);
      if (index < 0) return;
      event.preventDefault();
      marks[Math.min(marks.length - 1, Math.max(0, index + step))]?.focus();
    };
    element.addEventListener('keydown', onKeydown);
    return () => element.removeEventListener('keydown', onKeydown);
  };
}
