// @ts-check
// Server-renders the default page at build time and writes it into dist/index.html, so the headline,
// the charts and their tables are there before any script runs; main.ts then hydrates them.
import { build } from 'vite';
import { readFile, writeFile, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({ root, logLevel: 'warn', build: { ssr: 'src/entry-server.ts', outDir: 'dist-ssr', emptyOutDir: true } });
const { renderPage, renderNoScript } = await import(pathToFileURL(`${root}/dist-ssr/entry-server.js`).href);
const { head, body } = renderPage();
const file = `${root}/dist/index.html`;
const html = await readFile(file, 'utf8');
if (!html.includes('<!--app-html-->')) throw new Error('dist/index.html has no <!--app-html--> placeholder to fill.');
// The prerendered page is the default link's first frame: English (or the reader's browser says nothing of
// Chinese), the R&D view, no query, no kept imports. For it, the app's code is parked inert after the markup and
// started two frames later, when the first paint has surely happened: compiling 400 kB of JavaScript never delays
// it. Any other link must not flash the default page first, so an inline script in <head> (before any markup)
// tells the two apart: for another state it blocks rendering until the document is parsed (`rel=expect`,
// honoured by Chromium 124+ and Safari 18.2+) and hides the prerender meanwhile (for browsers without it: a blank
// frame, never a wrong one), and the boot script runs the app synchronously during parsing, so the first frame
// painted is the requested state.
const match = /<script type="module"[^>]*>([\s\S]*?)<\/script>/.exec(html);
if (!match) throw new Error('dist/index.html has no inlined module script.');
const pick = `<script>(function () {
  var d = document.documentElement, stored = false, langs = navigator.languages || [navigator.language || 'en'];
  try { for (var i = 0; i < localStorage.length; i++) if (/^tech-targets:(city:|imports:v1)/.test(localStorage.key(i) || '')) stored = true; } catch (e) {}
  var lang = 'en';
  for (var j = 0; j < langs.length; j++) if (/^(zh|en)\\b/i.test(langs[j])) { lang = langs[j].slice(0, 2).toLowerCase(); break; }
  if (location.search.length > 1 || lang !== 'en' || stored) {
    d.setAttribute('data-boot', 'now');
    var l = document.createElement('link'); l.rel = 'expect'; l.href = '#app-started'; l.setAttribute('blocking', 'render');
    document.head.appendChild(l);
  }
})();</script>
<style>html[data-boot='now'] #app { visibility: hidden; }</style>`;
// The bundle runs as a classic script, which runs the moment it is inserted (a module script always waits for a task): the
// bundle imports nothing, so it needs only its own strict scope, lest its top-level names become globals.
const boot = `<script type="text/plain" id="app-code">(function () {'use strict';${match[1]}\n})();</script>
<script>(function () {
  function start() {
    var code = document.getElementById('app-code'), s = document.createElement('script');
    s.textContent = code.textContent; code.remove(); document.body.appendChild(s);
  }
  if (document.documentElement.getAttribute('data-boot') === 'now') start();
  else requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(start); }); });
})();</script>`;
const page = html
  .replace(match[0], '')
  .replace('<!--app-head-->', () => pick + head)
  .replace('<!--app-html-->', () => body)
  // Without script the app's markup (one view, controls that do nothing) gives way to the no-script page.
  // Nothing hydrates it, so Svelte's hydration markers go.
  .replace('</div>\n    <!--app-noscript-->', () => `</div>\n<noscript><style>#app{display:none}</style>${renderNoScript().replace(/<!--[^>]*?-->/g, '')}</noscript>`)
  // The element the render-blocking link waits for: parsed right after the boot script has run the app, so the first
  // frame is the app's, and the browser finds what it was told to expect (no console warning).
  .replace('</body>', () => `${boot}\n<template id="app-started"></template>\n</body>`);
await writeFile(file, page);
await rm(`${root}/dist-ssr`, { recursive: true, force: true });
console.log(`prerendered dist/index.html (${Buffer.byteLength(body)} bytes of markup)`);
