// Saving files and rasterising SVG in the browser: blobs and object URLs only, so the page's no-network policy holds.

/** Offers a blob as a download under a file name; the object URL is revoked once the click is handled. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Draws SVG text onto a canvas at `density` × its size and returns a PNG. */
export async function svgToPng(svg: string, width: number, height: number, density = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * density);
    canvas.height = Math.round(height * density);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Canvas 2D is unavailable.');
    context.scale(density, density);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Today's date as yyyy-mm-dd, for file names, credits and citations. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** File names carry the view and the export date, e.g. tech-targets-rd-2026-11-25.png. */
export function exportFileName(view: string, date: string, extension: string): string {
  return `tech-targets-${view}-${date}.${extension}`;
}

/** Copies text; false where the async clipboard is refused (some file:// pages and iframes), so the caller can ask for Ctrl+C. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
