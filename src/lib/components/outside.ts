// Attachment factory: calls back when a pointer goes down outside the element (a tap elsewhere dismisses).
import type { Attachment } from 'svelte/attachments';

export function onPointerOutside(callback: () => void): Attachment<HTMLElement> {
  return (element) => {
    const listener = (event: PointerEvent) => {
      if (!element.contains(event.target as Node)) callback();
    };
    document.addEventListener('pointerdown', listener);
    return () => document.removeEventListener('pointerdown', listener);
  };
}
