import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * No network, ever: the built page inlines everything, so it may load nothing and connect nowhere — then
 * even a malicious imported file has nowhere to send anything. 'unsafe-eval' is for Arquero's compiled
 * expressions. frame-src 'self' lets the embed dialog preview the page itself in frames, nothing else. Build only: the
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

/** The app's version, from package.json: the data package and its citations carry it (src/lib/version.ts). */
const APP_VERSION: string = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')).version;

// One config serves the app build (a single self-contained dist/index.html that works from
// file://), the server-render build used by scripts/prerender.js, and the three test tiers.
export default defineConfig(({ isSsrBuild }) => ({
  base: './',
  define: { __APP_VERSION__: JSON.stringify(APP_VERSION) },
  resolve: {
    alias: { '@uwdata/flechette': fileURLToPath(new URL('src/lib/data/arrow-stub.ts', import.meta.url)) },
  },
  plugins: [svelte(), ...(isSsrBuild ? [] : [contentSecurityPolicy, viteSingleFile({ removeViteModuleLoader: true })])],
  build: isSsrBuild
    ? { outDir: 'dist-ssr', emptyOutDir: true, ssr: 'src/entry-server.ts' }
    : { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 100_000_000, reportCompressedSize: false },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.ts'],
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
