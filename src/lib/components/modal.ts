// Attachment factory: opens a native <dialog> as modal while `open()` is true, and reports Escape or backdrop closes.
import type { Attachment } from 'svelte/attachments';

export function modal(open: () => boolean, onclose: () => void): Attachment<HTMLDialogElement> {
  return (dialog) => {
    if (open() && !dialog.open) {
      dialog.showModal();
      // Focus the dialog itself, not its first text box: the reader hears its title and sees the text from the top.
      dialog.focus();
    }
    else if (!open() && dialog.open) dialog.close();
    const closed = () => onclose();
    const backdrop = (event: MouseEvent) => {
      if (event.target === dialog) dialog.close();
    };
    dialog.addEventListener('close', closed);
    dialog.addEventListener('click', backdrop);
    return () => {
      dialog.removeEventListener('close', closed);
      dialog.removeEventListener('click', backdrop);
    };
  };
}
