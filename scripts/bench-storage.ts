/**
 * Storage at scale: with 5,000 stored trials of 45 s at 60 Hz, how long opening one person's
 * history and progress chart takes (target: under 300 ms in desktop Chromium), and how many
 * bytes a trial takes.
 *
 *   npx tsx scripts/bench-storage.ts                  # Node (fake-indexeddb) and Chromium
 *   npx tsx scripts/bench-storage.ts --only chromium  # or --only node; --scenario heavy|spread;
 *                                                     # --trials 500 for a quick run
 *
 * Two histories of 5,000 trials each: 'spread' (100 people x 50 trials) and 'heavy' (one
 * person with all 5,000, the worst case for one person). "Opening" = openStore (connection,
 * schema check, purge) + listByPerson (every trial of the person, without samples) + the
 * progress series of every main metric and the left/right comparison of the last session.
 * The first listing after filling builds the person's summary (src/storage/summaries.ts);
 * the median is of runs with it current, as in daily use, where every save keeps it current
 * ("into the listed history": the cost of a save that patches the summary).
 * Each figure is the median of REPEATS runs; in Chromium every run starts from a freshly
 * loaded page. Node runs on fake-indexeddb, an in-memory IndexedDB in JavaScript: its figures
 * show the code's own cost, not a browser's. Chromium is Debian's /usr/bin/chromium, headless,
 * on the Vite dev server (modules unbundled; IndexedDB on the disk of a fresh profile).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { serialize } from 'node:v8';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/helpers/browser';
import { createServer, type Plugin } from 'vite';
import { openStore } from '../src/storage';
import { encodeSamples } from '../src/storage/sample-codec';
import { encodeSummaries } from '../src/storage/summaries';
import { toStoredForm } from '../src/storage/trials';
import {
  benchRecord,
  benchSamples,
  openHistoryAndChart,
  populate,
  ROWS_PER_TRIAL,
  saveIntoListedHistory,
  scenarios,
  storedSampleBytes,
  TOTAL_TRIALS,
  type OpenTiming,
  type Scenario,
} from './bench-storage-workload';

const REPEATS = 9;
const TARGET_MS = 300;

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const only = argument('--only');
const total = Number(argument('--trials') ?? TOTAL_TRIALS);
const onlyScenario = argument('--scenario');
const chosen = (): Scenario[] => scenarios(total).filter((s) => !onlyScenario || s.name === onlyScenario);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function report(
  where: string,
  scenario: Scenario,
  runs: OpenTiming[],
  saveMs: number[],
  listedSaveMs: number[],
): void {
  const totals = runs.map((r) => r.openMs + r.listMs + r.chartMs);
  const m = (pick: (r: OpenTiming) => number) => median(runs.map(pick)).toFixed(1);
  const verdict =
    median(totals) < TARGET_MS ? `under the ${TARGET_MS} ms target` : `OVER the ${TARGET_MS} ms target`;
  console.log(
    `${where} | ${scenario.name} (${scenario.people} people x ${scenario.trialsPerPerson} trials): ` +
      `one person's ${runs[0]?.trialsListed} trials, ${runs[0]?.sessions} sessions | ` +
      `open ${m((r) => r.openMs)} ms + list ${m((r) => r.listMs)} ms + chart ${m((r) => r.chartMs)} ms = ` +
      `${median(totals).toFixed(1)} ms median (min ${Math.min(...totals).toFixed(1)}, max ${Math.max(...totals).toFixed(1)}; ${verdict}) | ` +
      `save one trial: ${median(saveMs).toFixed(1)} ms median while filling, ` +
      `${median(listedSaveMs).toFixed(1)} ms into the listed history (summary patched)`,
  );
}

function sizes(): void {
  const samples = benchSamples(1);
  const encoded = encodeSamples(samples);
  const float64 = ROWS_PER_TRIAL * 8 * 10;
  const kinds = Object.entries(encoded.columns)
    .map(
      ([name, column]) =>
        `${name} ${column.encoding}${'values' in column ? `/${column.values.constructor.name}` : ''}`,
    )
    .join(', ');
  console.log(
    `Samples of one 45 s trial at 60 Hz (${ROWS_PER_TRIAL} rows x 10 columns): ${float64} B as Float64; stored: ${kinds}`,
  );
}

async function inNode(scenario: Scenario): Promise<void> {
  const factory = new IDBFactory();
  const open = () => openStore({ factory, name: 'bench', storageManager: null });
  const store = await open();
  const started = performance.now();
  const { personIds, saveMs } = await populate(store, scenario);
  const person = personIds[0] as string;
  const { trials, sampleBytes } = await storedSampleBytes(store, personIds);
  const summaries = await store.trials.listByPerson(person);
  store.close();
  const metadata = toStoredForm(benchRecord(0, 0, scenario.trialsPerPerson), person).trial;
  const summaryBytes = serialize(encodeSummaries(person, 0, summaries)).length / summaries.length;
  console.log(
    `node   | ${scenario.name}: filled in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `per trial: samples ${(sampleBytes / trials).toFixed(0)} B + metadata ${serialize(metadata).length} B ` +
      `+ summary row ${summaryBytes.toFixed(0)} B (V8 structured clone sizes)`,
  );
  const runs: OpenTiming[] = [];
  for (let k = 0; k < REPEATS; k++) runs.push(await openHistoryAndChart(open, person));
  report('node  ', scenario, runs, saveMs, await saveIntoListedHistory(open, person, REPEATS));
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>Stork storage bench</title>
<script type="module">
  import * as workload from '/scripts/bench-storage-workload.ts';
  import { openStore } from '/src/storage/index.ts';
  window.__bench = { ...workload, openStore };
</script>`;

const benchPage: Plugin = {
  name: 'stork-storage-bench-page',
  configureServer(server) {
    server.middlewares.use((request, response, next) => {
      if (request.url !== '/bench-storage.html') return next();
      response.setHeader('content-type', 'text/html');
      response.end(PAGE);
    });
  },
};

type BenchWindow = Window & {
  __bench: typeof import('./bench-storage-workload') & { openStore: typeof openStore };
};

async function loadPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => '__bench' in window, undefined, { timeout: 60_000 });
}

async function inChromium(page: Page, url: string, scenario: Scenario): Promise<void> {
  await loadPage(page, url);
  const filled = await page.evaluate(async (s) => {
    const bench = (window as unknown as BenchWindow).__bench;
    await new Promise<void>((done) => {
      const request = indexedDB.deleteDatabase('bench');
      request.onsuccess = request.onerror = () => done();
    });
    const before = (await navigator.storage.estimate()).usage ?? 0;
    const started = performance.now();
    const store = await bench.openStore({ name: 'bench' });
    const { personIds, saveMs } = await bench.populate(store, s, (saved) => console.log(`  saved ${saved}`));
    const { trials, sampleBytes } = await bench.storedSampleBytes(store, personIds);
    store.close();
    const after = (await navigator.storage.estimate()).usage ?? 0;
    return {
      personIds,
      saveMs,
      trials,
      sampleBytes,
      usageBytes: after - before,
      fillMs: performance.now() - started,
    };
  }, scenario);
  console.log(
    `chrome | ${scenario.name}: filled in ${(filled.fillMs / 1000).toFixed(1)} s; per trial: samples ` +
      `${(filled.sampleBytes / filled.trials).toFixed(0)} B, on disk (navigator.storage.estimate) ` +
      `${(filled.usageBytes / filled.trials).toFixed(0)} B; whole history ${(filled.usageBytes / 1e6).toFixed(0)} MB`,
  );
  const runs: OpenTiming[] = [];
  for (let k = 0; k < REPEATS; k++) {
    await loadPage(page, url); // every run from a freshly loaded page
    runs.push(
      await page.evaluate(async (personId) => {
        const bench = (window as unknown as BenchWindow).__bench;
        return bench.openHistoryAndChart(() => bench.openStore({ name: 'bench' }), personId);
      }, filled.personIds[0] as string),
    );
  }
  const listedSaveMs = await page.evaluate(
    async ([personId, count]) => {
      const bench = (window as unknown as BenchWindow).__bench;
      return bench.saveIntoListedHistory(() => bench.openStore({ name: 'bench' }), personId, count);
    },
    [filled.personIds[0] as string, REPEATS] as const,
  );
  report('chrome', scenario, runs, filled.saveMs, listedSaveMs);
}

async function main(): Promise<void> {
  sizes();
  if (only !== 'chromium') for (const scenario of chosen()) await inNode(scenario);
  if (only === 'node') return;
  const server = await createServer({
    root: resolve(import.meta.dirname, '..'),
    logLevel: 'warn',
    server: { port: 0, host: 'localhost' },
    plugins: [benchPage],
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the Vite dev server has no local URL');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('console', (message) => console.log(`chrome |${message.text()}`));
    page.on('pageerror', (error) => console.error(`chrome | page error: ${error.message}`));
    const url = new URL('bench-storage.html', base).href;
    console.log(`chrome | ${browser.version()} at ${url}`);
    for (const scenario of chosen()) await inChromium(page, url, scenario);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
