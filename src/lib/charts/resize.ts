// Attachment factory: reports an element's content width on every resize, and disconnects on teardown.
import type { Attachment } from 'svelte/attachments';

export function observeWidth(onWidth: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width;
      if (width) onWidth(Math.round(width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  };
}

/** Reports an element's height (border box) on every resize: what an embed shows above its chart, for instance. */
export function observeHeight(onHeight: (height: number) => void): Attachment<HTMLElement> {
  return (element) => {
    const observer = new ResizeObserver(() => onHeight(Math.ceil(element.getBoundingClientRect().height)));
    observer.observe(element);
    return () => observer.disconnect();
  };
}
