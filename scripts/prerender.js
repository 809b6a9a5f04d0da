// @ts-check
// Server-renders the default page at build time and writes it into dist/index.html, so the headline,
// the charts and their tables are there before any script runs; main.ts then hydrates them.
import { build } from 'vite';
import { readFile, writeFile, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({ root, logLevel: 'warn', build: { ssr: 'src/entry-server.ts', outDir: 'dist-ssr', emptyOutDir: true } });
const { renderPage } = await import(pathToFileURL(`${root}/dist-ssr/entry-server.js`).href);
const { head, body } = renderPage();
const file = `${root}/dist/index.html`;
const html = await readFile(file, 'utf8');
if (!html.includes('<!--app-html-->')) throw new Error('dist/index.html has no <!--app-html--> placeholder to fill.');
// The prerendered page is complete without script, so the app's code is parked inert after the markup
// and started two frames later, when the first paint has surely happened: compiling 400 kB of JavaScript never
// delays it.
const match = /<script type="module"[^>]*>([\s\S]*?)<\/script>/.exec(html);
if (!match) throw new Error('dist/index.html has no inlined module script.');
const boot = `<script type="text/plain" id="app-code">${match[1]}</script>
<script>requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(function () {
  var code = document.getElementById('app-code'), s = document.createElement('script');
  s.type = 'module'; s.textContent = code.textContent; code.remove(); document.body.appendChild(s);
}); }); });</script>`;
const page = html
  .replace(match[0], '')
  .replace('<!--app-head-->', () => head)
  .replace('<!--app-html-->', () => body)
  .replace('</body>', () => `${boot}\n</body>`);
await writeFile(file, page);
await rm(`${root}/dist-ssr`, { recursive: true, force: true });
console.log(`prerendered dist/index.html (${Buffer.byteLength(body)} bytes of markup)`);
