import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { checkPublicUrl, PUBLIC_URL_ENV } from './src/lib/export/publicUrl.ts';

/**
 * No network, ever: the built page inlines everything, so it may load nothing and connect nowhere — then
 * even a malicious imported file has nowhere to send anything. 'unsafe-eval' is for Arquero's compiled
 * row readers. frame-src 'self' lets the embed dialog preview the page itself in frames, nothing else. Build only: the
 * dev server needs its own scripts and websocket.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'; frame-src 'self'";

const contentSecurityPolicy: Plugin = {
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      /<!--csp:[^>]*-->/,
      `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
    ),
};

/**
 * Code a dependency brings that Tech Targets never runs, replaced by a stub that throws, for that dependency alone:
 * - Arquero's expression parser, acorn (Svelte's compiler needs the real one): the app gives Arquero no expression to
 *   parse (src/lib/data/rows.ts), and the parser was a seventh of the single file;
 * - d3-color, which d3-interpolate imports to blend colours: the scales map numbers to pixels and CSS gives every
 *   colour, and its colour parser and named colours were 4 KB gzip.
 * Tests run the dependency through the stub too, so a call fails there as it would in the page.
 */
const STUBS: { source: string; importer: RegExp; stub: string }[] = [
  { source: 'acorn', importer: /[\\/]node_modules[\\/]arquero[\\/]/, stub: 'src/lib/data/acorn-stub.ts' },
  { source: 'd3-color', importer: /[\\/]node_modules[\\/]d3-interpolate[\\/]/, stub: 'src/lib/charts/d3-color-stub.ts' },
];
/** The packages that import what is stubbed, and d3-scale, which brings d3-interpolate. */
const THROUGH_STUBS = ['arquero', 'd3-scale', 'd3-interpolate'];
const withoutUnusedCode: Plugin = {
  name: 'without-unused-code',
  enforce: 'pre',
  resolveId: (source, importer) => {
    const stub = importer && STUBS.find((s) => s.source === source && s.importer.test(importer));
    return stub ? fileURLToPath(new URL(stub.stub, import.meta.url)) : null;
  },
};

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };
/**
 * Where the built page will be published, e.g. TECH_TARGETS_PUBLIC_URL=https://example.org/tech-targets/ npm run build.
 * Exported images name this address, never the reader's local file. A bad value throws: the build stops.
 */
const publicUrl = checkPublicUrl(process.env[PUBLIC_URL_ENV]);

// One config serves the app build (a single self-contained dist/index.html that works from
// file://), the server-render build used by scripts/prerender.js, and the three test tiers.
export default defineConfig(({ isSsrBuild }) => ({
  base: './',
  // Read by src/lib/version.ts, the one place the app learns them.
  define: { __APP_VERSION__: JSON.stringify(version), __PUBLIC_URL__: JSON.stringify(publicUrl) },
  resolve: {
    alias: { '@uwdata/flechette': fileURLToPath(new URL('src/lib/data/arrow-stub.ts', import.meta.url)) },
  },
  // The stubbed dependencies go through the plugins everywhere — the dev server (not pre-bundled) and the server render
  // (bundled, not external) too — so a stubbed call fails in every mode, never only in the built page.
  optimizeDeps: { exclude: THROUGH_STUBS },
  ssr: { noExternal: THROUGH_STUBS },
  plugins: [withoutUnusedCode, svelte(), ...(isSsrBuild ? [] : [contentSecurityPolicy, viteSingleFile({ removeViteModuleLoader: true })])],
  build: {
    ...(isSsrBuild
      ? { outDir: 'dist-ssr', emptyOutDir: true, ssr: 'src/entry-server.ts' }
      : { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 100_000_000, reportCompressedSize: false }),
    // Compiling Svelte is most of a build's time by nature; on a busy machine Rolldown's timing notice said only that.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  test: {
    // The stubbed dependencies run through this config's plugins in tests too, as in the page: a test reaching a
    // parsed expression or a colour blend fails, as the page would.
    server: { deps: { inline: THROUGH_STUBS } },
    projects: [
      {
        extends: true,
        // The property tests and the near-limit import run for seconds on a busy 2-core machine: time is the bench's
        // business, so a slow run is not a failure here.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.ts'],
          testTimeout: 30_000,
          environment: 'jsdom',
          setupFiles: ['tests/components/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
