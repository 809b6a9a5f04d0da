// Lint: TypeScript and Svelte recommended rules, plus the project's rule that D3 never touches the DOM.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  { ignores: ['dist/', 'dist-ssr/', 'node_modules/', '.bench/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'd3', message: 'Import the d3 module you need (d3-scale, d3-shape …), not the umbrella.' }],
          patterns: [{ group: ['d3-selection', 'd3-transition'], message: 'Svelte owns the DOM; D3 only computes.' }],
        },
      ],
    },
  },
  {
    files: ['src/lib/data/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['svelte', 'svelte/*', '*.svelte'], message: 'lib/data is pure TypeScript: no Svelte.' }] },
      ],
    },
  },
);
