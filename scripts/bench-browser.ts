/**
 * Main-thread cost of a live trial in desktop headless Chromium, over the built page: the
 * handling of one devicemotion event while a trial runs (median and 99th percentile), and the
 * end-of-trial analysis of a 45 s trial. Targets: under 0.1 ms per event, under 20 ms for the
 * analysis.
 *
 * Run after a build:  npm run build && npx tsx scripts/bench-browser.ts
 *
 * A real 45 s trial (plus the 5 s countdown) runs on emulated sensors fed from
 * fixtures/e2e/case00.csv (played back and forth so there is no jump that looks like a
 * touch-down). The page is opened with `?bench` (src/ui/bench-hook.ts) and served
 * cross-origin isolated, so performance.now() ticks in 5 us.
 */
import { resolve } from 'node:path';
import {
  COUNT_DELIVERED_EVENTS,
  deliveredEvents,
  launchChromium,
  openStork,
} from '../tests/e2e/helpers/browser';
import { pairEvents } from '../tests/e2e/helpers/delivery';
import { choose, pressStart } from '../tests/e2e/helpers/flow';
import { feedRecording, readRecording } from '../tests/e2e/helpers/motion-feed';
import { downloadSamples, readResult } from '../tests/e2e/helpers/result-page';
import { CROSS_ORIGIN_ISOLATION, serveDist } from '../tests/e2e/helpers/static-server';
import type { BenchReport, StorkBenchWindow } from '../src/ui/bench-hook';

const CAP_S = 45;
const EVENT_TARGET_MS = 0.1;
const ANALYSIS_TARGET_MS = 20;
const REANALYSIS_RUNS = 30;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const ms = (value: number | null): string =>
  value === null || !Number.isFinite(value) ? '-' : value.toFixed(3);
const verdict = (value: number | null, target: number): string =>
  value !== null && value < target ? `ok (< ${target} ms)` : `OVER the ${target} ms target`;

async function main(): Promise<void> {
  const server = await serveDist(undefined, CROSS_ORIGIN_ISOLATION);
  const browser = await launchChromium();
  try {
    const { page, cdp } = await openStork(browser, `${server.url}?bench`, {
      sensors: 'present',
      initScripts: [COUNT_DELIVERED_EVENTS],
    });
    await choose(page, `${CAP_S} s`);
    await choose(page, 'Phone sensor');
    const playback = feedRecording(
      cdp,
      readRecording(resolve(import.meta.dirname, '../fixtures/e2e/case00.csv')),
      {
        bounce: true,
      },
    );
    console.log(`Running a ${CAP_S} s trial on emulated sensors (about ${CAP_S + 6} s)...`);
    await pressStart(page);
    const shown = await readResult(page, (CAP_S + 30) * 1000);
    await playback.stop();
    const report = await page.evaluate(() => (window as StorkBenchWindow).__storkBench?.report() ?? null);
    const costs = await page.evaluate(() => (window as StorkBenchWindow).__storkBench?.costs() ?? null);
    const reanalysis = await page.evaluate(
      (runs) => (window as StorkBenchWindow).__storkBench?.reanalyze(runs) ?? [],
      REANALYSIS_RUNS,
    );
    const delivered = pairEvents(await deliveredEvents(page), (await downloadSamples(page)).recording.tS)
      .storedEventsMs.length;
    if (report === null) throw new Error('the page has no window.__storkBench: was it opened with ?bench?');
    print(
      report,
      costs?.pipeline ?? [],
      reanalysis,
      shown.endReason,
      shown.holdTimeS,
      shown.samples,
      delivered,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

function print(
  report: BenchReport,
  pipelineCosts: readonly number[],
  reanalysis: number[],
  endReason: string,
  holdTimeS: number,
  samples: number,
  delivered: number,
): void {
  const { session, pipeline } = report;
  console.log(`Chromium, cross-origin isolated (5 us timer): ${report.crossOriginIsolated}`);
  console.log(
    `Trial: ${endReason}, hold ${holdTimeS} s, ${samples} samples stored, every one a delivered event (${delivered} paired)`,
  );
  console.log('');
  console.log('Per devicemotion event while running, ms:   median   p99      max      events');
  console.log(
    `  trial handling (session meter)             ${ms(session.medianEventMs).padEnd(8)} ${ms(session.p99EventMs).padEnd(8)} ${ms(session.maxEventMs).padEnd(8)} ${session.events}`,
  );
  console.log(
    `  whole page pipeline (event -> state)       ${ms(pipeline.medianEventMs).padEnd(8)} ${ms(pipeline.p99EventMs).padEnd(8)} ${ms(pipeline.maxEventMs).padEnd(8)} ${pipeline.events}`,
  );
  const over = pipelineCosts.filter((cost) => cost >= EVENT_TARGET_MS).length;
  console.log(
    `  events at or over ${EVENT_TARGET_MS} ms (whole pipeline): ${over} of ${pipelineCosts.length} (${((100 * over) / Math.max(1, pipelineCosts.length)).toFixed(1)} %)`,
  );
  console.log('End-of-trial analysis of this trial, ms:');
  console.log(`  in the trial (what the person waits for)   ${ms(session.analysisMs)}`);
  console.log(`  again, median of ${REANALYSIS_RUNS} runs (warm)          ${ms(median(reanalysis))}`);
  console.log('');
  console.log(`Per event, p99 of the whole pipeline: ${verdict(pipeline.p99EventMs, EVENT_TARGET_MS)}`);
  console.log(`End-of-trial analysis in the trial: ${verdict(session.analysisMs, ANALYSIS_TARGET_MS)}`);
}

await main();
