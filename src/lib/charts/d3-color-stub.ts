// Stands in for d3-color, for d3-interpolate alone (vite.config.ts says why): the charts' scales map numbers to
// pixels, never to colours (CSS gives every colour), so nothing here is ever called. A call fails loudly.
const unused = (): never => {
  throw new Error('d3 interpolates no colours in Tech Targets: colours come from CSS (src/lib/components/palette.ts).');
};
export const color = unused;
export const rgb = unused;
export const hsl = unused;
export const lab = unused;
export const hcl = unused;
export const cubehelix = unused;
