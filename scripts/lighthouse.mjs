/**
 * Lighthouse on the built app (dist/), served by `vite preview` on localhost with the same
 * security headers as a host should send, audited in Debian's Chromium with Lighthouse's
 * default mobile profile (a mid-range phone: 4x CPU slowdown, slow 4G, simulated). Prints the
 * median scores of RUNS runs and exits 1 when performance, accessibility or best practices
 * is under MIN_SCORE. Needs no network: the page is on localhost and nothing else is fetched.
 *
 *   npm run build && node scripts/lighthouse.mjs [--json reports.json]
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

/** The issue's bar for each category, 0-100. */
export const MIN_SCORE = 95;
export const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const CHROME_PATH = process.env['CHROME_PATH'] ?? process.env['STORK_CHROMIUM'] ?? '/usr/bin/chromium';

/** A free TCP port on localhost, for Chromium's DevTools endpoint. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const server = await preview({
  logLevel: 'warn',
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
});
const url = server.resolvedUrls?.local[0];
if (url === undefined) throw new Error('vite preview gave no address');
const debuggingPort = await freePort();
const browser = await chromium.launch({
  executablePath: CHROME_PATH,
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    // Nothing but the page may use the network: no updates, sync, field trials or pings.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-default-apps',
    '--disable-domain-reliability',
    `--remote-debugging-port=${debuggingPort}`,
  ],
});

/**
 * Lighthouse's scores vary from run to run; its variability guide recommends the median of 5
 * (https://github.com/GoogleChrome/lighthouse/blob/main/docs/variability.md). With 3, one busy
 * moment of a shared CI machine could decide the median.
 */
export const RUNS = 5;

/** One Lighthouse run: its report (lhr). */
async function audit() {
  const result = await lighthouse(
    url,
    { port: debuggingPort, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
    undefined,
  );
  if (result === undefined) throw new Error('Lighthouse returned no result');
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return lhr;
}

const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

let failed = false;
try {
  const reports = [];
  for (let run = 0; run < RUNS; run++) reports.push(await audit());
  const first = reports[0];
  console.log(
    `Lighthouse ${first.lighthouseVersion}, ${first.configSettings.formFactor}, ${url}, median of ${RUNS} runs`,
  );
  for (const id of CATEGORIES) {
    const scores = reports.map((lhr) => score(lhr, id));
    const middle = median(scores);
    const ok = middle >= MIN_SCORE;
    failed ||= !ok;
    const title = first.categories[id]?.title ?? id;
    console.log(
      `  ${title.padEnd(16)} ${String(middle).padStart(3)}  (${scores.join(', ')})  ${ok ? 'ok' : `under ${MIN_SCORE}`}`,
    );
    if (!ok) {
      // What cost points in the median run: every scored audit of the category under full marks.
      const lhr = reports.find((report) => score(report, id) === middle) ?? first;
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const result = lhr.audits[ref.id];
        if (ref.weight > 0 && result?.score !== null && (result?.score ?? 1) < 1) {
          console.log(
            `      ${result.id}: ${result.title}${result.displayValue ? ` (${result.displayValue})` : ''}`,
          );
        }
      }
    }
  }
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
  ]) {
    const values = reports.map((lhr) => lhr.audits[id]?.displayValue ?? '?');
    console.log(`  ${first.audits[id]?.title ?? id}: ${values.join(', ')}`);
  }
  const at = process.argv.indexOf('--json');
  if (at >= 0 && process.argv[at + 1]) writeFileSync(process.argv[at + 1], JSON.stringify(reports, null, 1));
} finally {
  await browser.close();
  await server.close();
}
if (failed) process.exit(1);
