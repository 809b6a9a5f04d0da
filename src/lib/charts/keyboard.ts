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
      // In the order they sit on the page, top to bottom: a chart draws its strips before its bars, yet a city's bar
      // may sit between two strips.
      const found = [...element.querySelectorAll<HTMLElement | SVGElement>(selector)];
      const tops = new Map(found.map((mark) => [mark, mark.getBoundingClientRect().top]));
      const marks = found.sort((a, b) => tops.get(a)! - tops.get(b)!);
      const index = marks.indexOf(document.activeElement as HTMLElement);
      if (index < 0) return;
      event.preventDefault();
      marks[Math.min(marks.length - 1, Math.max(0, index + step))]?.focus();
    };
    element.addEventListener('keydown', onKeydown);
    return () => element.removeEventListener('keydown', onKeydown);
  };
}
