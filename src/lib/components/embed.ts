// Attachment factory for an embedded page: tells the parent page its height on load, on every resize, and while a
// figure's card hangs below the content (the card floats, so the page's own height does not count it).
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
      const box = element.getBoundingClientRect();
      const cards = [...element.querySelectorAll('[data-card]')].map((card) => card.getBoundingClientRect().bottom - box.top + 8);
      const height = Math.ceil(Math.max(box.height, ...cards));
      if (height === last || window.parent === window) return;
      last = height;
      const message: HeightMessage = { type: HEIGHT_MESSAGE, view: view(), height };
      // The article's origin is unknown and the height is not secret, hence "*".
      window.parent.postMessage(message, '*');
    };
    const observer = new ResizeObserver(send);
    observer.observe(element);
    // A card opening or closing adds or removes nodes, and a card grows with the frame it is in (its height is capped
    // by the viewport's): each card is watched for size too, so the frame grows until the card fits.
    const watched = new Set<Element>();
    const cards = new MutationObserver(() => {
      // A closed card is let go, so a page where cards open on every hover holds none it no longer shows.
      for (const card of watched)
        if (!card.isConnected) {
          observer.unobserve(card);
          watched.delete(card);
        }
      for (const card of element.querySelectorAll('[data-card]')) {
        observer.observe(card);
        watched.add(card);
      }
      requestAnimationFrame(send);
    });
    cards.observe(element, { childList: true, subtree: true });
    send();
    return () => {
      observer.disconnect();
      cards.disconnect();
    };
  };
}
