// Attachment factory: scrolls an element fully into view when it opens (a card tapped near the bottom of a phone screen).
import type { Attachment } from 'svelte/attachments';

export function keepInView(active: boolean): Attachment<HTMLElement> {
  return (element) => {
    // jsdom and old browsers lack scrollIntoView; the card is then merely partly visible.
    if (active) element.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  };
}
