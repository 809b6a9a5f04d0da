// Attachment factory for an embedded page: tells the parent page its height on load and on every resize.
import type { Attachment } from 'svelte/attachments';

export const HEIGHT_MESSAGE = 'tech-targets:height';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  view: string;
  height: number;
}

export function reportHeight(view: () => string): Attachment<HTMLElement> {
  return (element) => {
    let last = -1;
    const send = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last || window.parent === window) return;
      last = height;
      const message: HeightMessage = { type: HEIGHT_MESSAGE, view: view(), height };
      // The article's origin is unknown and the height is not secret, hence "*".
      window.parent.postMessage(message, '*');
    };
    const observer = new ResizeObserver(send);
    observer.observe(element);
    send();
    return () => observer.disconnect();
  };
}
