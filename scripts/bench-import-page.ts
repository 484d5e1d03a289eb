/**
 * How long the built page takes to import a 50 MB Stork samples file (the "CSV export and
 * import" issue: a 50 MB file must not freeze the page), in headless Chromium.
 *
 *   npx vite build && npx tsx scripts/bench-import-page.ts [--mb 50] [--runs 5]
 *
 * The file (every column, 100 Hz, each value a full double: tests/e2e/helpers/large-samples-file.ts)
 * is chosen with the import page's file input; each run is a fresh page, timed on the page's
 * clock from the input's change event to the frame after the preview of what was found is in
 * the page: reading in the Web Worker (streamed, with the progress bar), the analysis of the
 * trial, the report's transfer and the preview. Also printed: the longest main-thread task
 * (Long Tasks API, over 50 ms) of each run after the change event (not the page's load). Prints the median of the runs. Chromium is Debian's
 * /usr/bin/chromium over dist/ on a local static server.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { writeLargeSamplesFile } from '../tests/e2e/helpers/large-samples-file';
import { serveDist } from '../tests/e2e/helpers/static-server';

const CHROMIUM_PATH = process.env['STORK_CHROMIUM'] ?? '/usr/bin/chromium';

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const megabytes = Number(argument('--mb') ?? 50);
const runs = Number(argument('--runs') ?? 5);

/** On the page: the change event's time, the frame after the preview appears, the long tasks. */
const WATCH = `
  window.__import = { longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__import.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask' });
  document.addEventListener('change', () => { window.__import.changeAt ??= performance.now(); }, true);
  new MutationObserver(() => {
    if (window.__import.seen || !document.querySelector('[data-field="import-preview"]')) return;
    window.__import.seen = true;
    requestAnimationFrame(() => { window.__import.previewAt = performance.now(); });
  }).observe(document, { subtree: true, childList: true });
`;

interface Seen {
  changeAt: number;
  previewAt: number;
  /** [start, duration], ms. */
  longTasks: [number, number][];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(resolve(tmpdir(), 'stork-bench-import-'));
  const server = await serveDist();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const { path, rows } = writeLargeSamplesFile(resolve(dir, 'large.csv'), megabytes * 1024 * 1024);
    const size = statSync(path).size;
    console.log(`file: ${(size / 1024 / 1024).toFixed(1)} MB, ${rows} rows; ${runs} runs`);
    const times: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.addInitScript(WATCH);
      await page.goto(`${server.url}#/import`);
      await page.locator('[data-screen="import"]').waitFor();
      await page.locator('#import-files').setInputFiles(path);
      await page.waitForFunction(
        () => (window as unknown as { __import: Partial<Seen> }).__import.previewAt,
        null,
        {
          timeout: 600_000,
        },
      );
      const seen = await page.evaluate(() => (window as unknown as { __import: Seen }).__import);
      const ms = seen.previewAt - seen.changeAt;
      times.push(ms);
      const during = seen.longTasks
        .filter(([start]) => start >= seen.changeAt)
        .map(([, duration]) => duration);
      const longest = during.length === 0 ? 0 : Math.max(...during);
      console.log(
        `run ${run}: ${(ms / 1000).toFixed(2)} s to the preview; longest main-thread task during the import ${longest.toFixed(0)} ms (${during.length} over 50 ms)`,
      );
      await context.close();
    }
    console.log(`median: ${(median(times) / 1000).toFixed(2)} s for ${(size / 1024 / 1024).toFixed(1)} MB`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
