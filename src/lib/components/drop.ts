// Attachment factory: makes an element a drop target for files, reporting hover state and the dropped files.
import type { Attachment } from 'svelte/attachments';

export function dropFiles(onfiles: (files: File[]) => void, onhover: (hovering: boolean) => void): Attachment<HTMLElement> {
  return (element) => {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      onhover(true);
    };
    const leave = () => onhover(false);
    const drop = (event: DragEvent) => {
      event.preventDefault();
      onhover(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) onfiles(files);
    };
    element.addEventListener('dragover', over);
    element.addEventListener('dragleave', leave);
    element.addEventListener('drop', drop);
    return () => {
      element.removeEventListener('dragover', over);
      element.removeEventListener('dragleave', leave);
      element.removeEventListener('drop', drop);
    };
  };
}
