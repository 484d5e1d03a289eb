/**
 * The rendering side of opening a large history: with 5,000 stored trials of 45 s (one person,
 * the worst case), how long the built page takes to show the history list and the progress
 * chart, in headless Chromium (target: under 300 ms). The data side alone (open the store,
 * list, compute the series) is measured by scripts/bench-storage.ts.
 *
 *   npx vite build && npx tsx scripts/bench-history-views.ts [--trials 5000]
 *
 * The history is filled inside the page's own origin by Stork's store code (bundled here with
 * esbuild from scripts/bench-storage-workload.ts: the same trials as the storage benchmark),
 * into the database the app uses, for one person made current the way the set-up page does.
 * Then each figure is the median of REPEATS runs of:
 * - "from load": a fresh page load of #/history (or #/progress), from navigation start to the
 *   frame after the list (or chart) is in the page: page load, store opening, listing, drawing;
 * - "tab tap": the page already open on the set-up, the History (or Progress) tab tapped, from
 *   the tap to the frame after the list (or chart) is in the page.
 * Chromium is Debian's /usr/bin/chromium, headless, over dist/ on a local static server.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/helpers/browser';
import { serveDist } from '../tests/e2e/helpers/static-server';
import { CURRENT_PERSON_KEY } from '../src/ui/history-access';
import { TOTAL_TRIALS } from './bench-storage-workload';

const REPEATS = 7;
const TARGET_MS = 300;
const ROOT = resolve(import.meta.dirname, '..');

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const total = Number(argument('--trials') ?? TOTAL_TRIALS);

/** Marks, on the page's clock, the frame after the history list and the drawn progress chart appear. */
const MARK_VIEWS = `
  window.__views = {};
  const mark = (name) => requestAnimationFrame(() => {
    if (window.__views[name] !== undefined) return;
    window.__views[name] = performance.now();
    console.log('stork-view ' + name + ' ' + window.__views[name]);
  });
  new MutationObserver(() => {
    if (!window.__views.historyAt && !window.__views.historySeen && document.querySelector('[data-field="history-count"]')) {
      window.__views.historySeen = true; mark('historyAt');
    }
    if (!window.__views.progressSeen && document.querySelector('.progress-figure[data-chart="drawn"]')) {
      window.__views.progressSeen = true; mark('progressAt');
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-chart'] });
`;

async function fillerScript(): Promise<string> {
  const bundle = await build({
    stdin: {
      contents: `
        export { populate, scenarios } from './scripts/bench-storage-workload.ts';
        export { openStore } from './src/storage/index.ts';
      `,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: '__storkFill',
    target: 'es2022',
    write: false,
  });
  return bundle.outputFiles[0]?.text ?? '';
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The page's time of the frame after the view appeared, told by the page's console message, so
 * nothing of the harness runs on the page while it is measured (a polling waitForFunction would
 * run its check on every frame). Call it before the navigation or tap it waits for.
 */
function viewShown(page: Page, key: 'historyAt' | 'progressAt'): Promise<number> {
  return page
    .waitForEvent('console', {
      predicate: (message) => message.text().startsWith(`stork-view ${key} `),
      timeout: 60_000,
    })
    .then((message) => Number(message.text().split(' ')[2]));
}

async function main(): Promise<void> {
  const server = await serveDist();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      // The filler is added as an inline script, which the page's CSP rightly refuses.
      bypassCSP: true,
      // Files come from the local server each time, not from the offline cache.
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(server.url);
    const started = Date.now();
    console.log(`Chromium ${browser.version()}; filling ${total} trials of 45 s for one person…`);
    await page.addScriptTag({ content: await fillerScript() });
    const personId = await page.evaluate(async (count) => {
      type Fill = typeof import('./bench-storage-workload') & {
        openStore: typeof import('../src/storage').openStore;
      };
      const fill = (window as unknown as { __storkFill: Fill }).__storkFill;
      const store = await fill.openStore();
      const heavy = fill.scenarios(count).find((s) => s.name === 'heavy');
      if (!heavy) throw new Error('no heavy scenario');
      const { personIds } = await fill.populate(store, heavy);
      store.close();
      return personIds[0] as string;
    }, total);
    await page.evaluate(([key, id]) => localStorage.setItem(key, id), [
      CURRENT_PERSON_KEY,
      personId,
    ] as const);
    console.log(`filled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await context.addInitScript(MARK_VIEWS);

    const fromLoad = { history: [] as number[], progress: [] as number[] };
    const tabTap = { history: [] as number[], progress: [] as number[] };
    type Steps = { data: number; built: number; chart: number; shown: number };
    const steps = { history: [] as Steps[], progress: [] as Steps[] };
    // One load first, so the summary record is built and the files are in the cache, as on any later visit.
    await page.goto('about:blank');
    const first = viewShown(page, 'historyAt');
    await page.goto(`${server.url}#/history`);
    await first;
    for (let k = 0; k < REPEATS; k++) {
      for (const place of ['history', 'progress'] as const) {
        await page.goto('about:blank');
        const shown = viewShown(page, place === 'history' ? 'historyAt' : 'progressAt');
        await page.goto(`${server.url}#/${place}`);
        fromLoad[place].push(await shown);
      }
      for (const place of ['history', 'progress'] as const) {
        await page.goto('about:blank');
        await page.goto(`${server.url}#/`);
        await page.locator('[data-screen="setup"]').waitFor();
        // Settled: the set-up page has loaded what it fetches in the background.
        await page.waitForTimeout(1500);
        const shown = viewShown(page, place === 'history' ? 'historyAt' : 'progressAt');
        const tapAt = await page.evaluate((tab) => {
          const link = document.querySelector<HTMLAnchorElement>(`.app-nav a[data-tab="${tab}"]`);
          const at = performance.now();
          link?.click();
          return at;
        }, place);
        const shownAt = await shown;
        tabTap[place].push(shownAt - tapAt);
        const marks = await page.evaluate(() =>
          Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
        );
        const since = (name: string) => (marks[name] === undefined ? NaN : (marks[name] as number) - tapAt);
        steps[place].push({
          data: since('stork:page-data'),
          built: since('stork:page-built'),
          chart: since('stork:chart-drawn'),
          shown: shownAt - tapAt,
        });
      }
    }
    const row = (what: string, runs: number[]) => {
      const m = median(runs);
      console.log(
        `${what}: ${m.toFixed(0)} ms median (min ${Math.min(...runs).toFixed(0)}, max ${Math.max(...runs).toFixed(0)}; ` +
          `${m < TARGET_MS ? 'under' : 'OVER'} the ${TARGET_MS} ms target)`,
      );
    };
    console.log(`${total} trials, one person; ${REPEATS} runs each:`);
    row('history list, tab tap ', tabTap.history);
    row('progress chart, tab tap', tabTap.progress);
    for (const place of ['history', 'progress'] as const) {
      const m = (pick: (s: Steps) => number) => median(steps[place].map(pick)).toFixed(0);
      console.log(
        `  ${place} after a tap, medians: data read at ${m((s) => s.data)} ms, page built at ${m((s) => s.built)} ms` +
          (place === 'progress' ? `, chart drawn at ${m((s) => s.chart)} ms` : '') +
          `, next frame at ${m((s) => s.shown)} ms`,
      );
    }
    row('history list, from page load ', fromLoad.history);
    row('progress chart, from page load', fromLoad.progress);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
