/**
 * The bundle budget: the JavaScript that the built index.html loads before the page can run
 * (its module scripts and their modulepreloads), gzip-compressed, must stay under
 * INITIAL_JS_BUDGET_BYTES. Chunks loaded later (Chart.js, the demo recording, the CSV writer,
 * workbox-window) are listed but not counted. Run after `vite build`:
 *
 *   node scripts/check-bundle.mjs [dist]
 *
 * Exits 1 over the budget, or when index.html loads no script.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * 110 KB (110,000 bytes) gzip: the budget. A mid-range phone parses and compiles about
 * 1 MB of JavaScript a second, and this is about 400 KB uncompressed.
 */
export const INITIAL_JS_BUDGET_BYTES = 110_000;

const dist = resolve(process.argv[2] ?? 'dist');
const html = readFileSync(resolve(dist, 'index.html'), 'utf8');

/** Every src/href of the tags that load JavaScript at start: module scripts and modulepreloads. */
function initialScripts(page) {
  const urls = [];
  for (const tag of page.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script') && /\bsrc=/.test(tag);
    const isPreload = tag.startsWith('<link') && /\brel=["']?modulepreload\b/.test(tag);
    if (!isScript && !isPreload) continue;
    const url = /\b(?:src|href)=["']?([^"' >]+)/.exec(tag)?.[1];
    if (url !== undefined) urls.push(url);
  }
  return urls;
}

/** Inline scripts would break the Content-Security-Policy (script-src 'self'). */
const inline = (html.match(/<script\b(?![^>]*\bsrc=)[^>]*>/g) ?? []).filter(
  (tag) => !/type=["']?application\/ld\+json/.test(tag),
);
if (inline.length > 0) {
  console.error(`index.html has ${inline.length} inline script(s), refused by the CSP: ${inline.join(' ')}`);
  process.exit(1);
}

const urls = initialScripts(html);
if (urls.length === 0) {
  console.error(`${dist}/index.html loads no script: is this a Vite build?`);
  process.exit(1);
}
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
let total = 0;
console.log('Initial JavaScript (gzip):');
for (const url of urls) {
  const code = readFileSync(resolve(dist, url.replace(/^\.?\//, '')));
  const gzipped = gzipSync(code, { level: 9 }).length;
  total += gzipped;
  console.log(`  ${kb(gzipped).padStart(9)}  ${url}  (${kb(code.length)} raw)`);
}
console.log(`  ${kb(total).padStart(9)}  total, budget ${kb(INITIAL_JS_BUDGET_BYTES)}`);
if (total > INITIAL_JS_BUDGET_BYTES) {
  console.error(
    `Over the budget by ${kb(total - INITIAL_JS_BUDGET_BYTES)}: import less at start (see STYLE.md).`,
  );
  process.exit(1);
}
