import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { fileURLToPath } from 'node:url';

// One config serves the app build (a single self-contained dist/index.html that works from
// file://), the server-render build used by scripts/prerender.js, and the three test tiers.
export default defineConfig(({ isSsrBuild }) => ({
  base: './',
  resolve: {
    alias: { '@uwdata/flechette': fileURLToPath(new URL('src/lib/data/arrow-stub.ts', import.meta.url)) },
  },
  plugins: [svelte(), ...(isSsrBuild ? [] : [viteSingleFile({ removeViteModuleLoader: true })])],
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
