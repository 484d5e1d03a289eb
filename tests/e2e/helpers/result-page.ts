/**
 * What a person reads on the result page, taken from the page itself (text and the exact
 * numbers behind it), and the samples file the page offers for download.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { MotionRecording } from '../../../src/core/types';
import { readSamplesCsv } from '../../../src/formats/samples-csv';

export interface ShownResult {
  title: string;
  holdTimeText: string;
  holdTimeS: number;
  endReason: string;
  endReasonText: string;
  samplesText: string;
  samples: number;
  interrupted: boolean;
  /** The analysed window as the page states it, s since "go" (null without an analysis). */
  window: { fromS: number; toS: number } | null;
  /** Metric key -> the exact value behind the shown text (null when shown as "–"). */
  metrics: Record<string, number | null>;
  /** Metric key -> the text shown (value and unit). */
  metricTexts: Record<string, string>;
}

export async function readResult(page: Page, timeoutMs = 30_000): Promise<ShownResult> {
  const result = page.locator('[data-screen="result"]');
  await result.waitFor({ timeout: timeoutMs });
  // A result's charts come with Chart.js, loaded on demand; an interrupted trial has none.
  if ((await result.getAttribute('data-interrupted')) === 'false') {
    await page.locator('[data-screen="result"][data-charts="drawn"]').waitFor({ timeout: timeoutMs });
  }
  const field = (name: string) => result.locator(`[data-field="${name}"]`);
  // The measures sit under "Details": opened as a person would, to read them as shown.
  const details = field('sway-details');
  if ((await details.count()) > 0 && !(await details.evaluate((element: HTMLDetailsElement) => element.open)))
    await details.locator('summary').click();
  const metrics: Record<string, number | null> = {};
  const metricTexts: Record<string, string> = {};
  for (const dd of await result.locator('dd[data-metric]').all()) {
    const key = (await dd.getAttribute('data-metric')) ?? '';
    const value = (await dd.getAttribute('data-value')) ?? '';
    metrics[key] = value === '' ? null : Number(value);
    metricTexts[key] = (await dd.innerText()).trim();
  }
  return {
    title: (await result.locator('h1').innerText()).trim(),
    holdTimeText: (await field('hold-time').locator('.hold-time-value').innerText()).trim(),
    holdTimeS: Number(await field('hold-time').getAttribute('data-value')),
    endReason: (await field('end-reason').getAttribute('data-value')) ?? '',
    endReasonText: (await field('end-reason').innerText()).trim(),
    samplesText: (await field('samples').innerText()).trim(),
    samples: Number(await field('samples').getAttribute('data-value')),
    interrupted: (await result.getAttribute('data-interrupted')) === 'true',
    window:
      (await field('window').count()) === 0
        ? null
        : {
            fromS: Number(await field('window').getAttribute('data-from')),
            toS: Number(await field('window').getAttribute('data-to')),
          },
    metrics,
    metricTexts,
  };
}

export interface DownloadedSamples {
  path: string;
  text: string;
  recording: MotionRecording;
}

/** Presses "Download samples (CSV)" and reads the file back with Stork's own reader. */
export async function downloadSamples(page: Page): Promise<DownloadedSamples> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download samples (CSV)' }).click(),
  ]);
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  const trial = readSamplesCsv(text)[0];
  if (trial === undefined) throw new Error('downloaded samples: no trial');
  return { path, text, recording: trial.recording };
}
