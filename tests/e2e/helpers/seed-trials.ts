/**
 * Stores test trials of one person through the import page, as a person would: a summary and
 * one samples CSV per trial made from fixtures/summary-legacy (its one recording, re-dated and
 * given the seeded leg and hold time). Used by the report's and the minimal detectable
 * change's end-to-end tests; their numbers are worked by hand in tests/unit/report and
 * tests/unit/core/detectable-change.test.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ANALYSIS_VERSION } from '../../../src/core/options';
import { addPerson } from './history';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures');

/**
 * Date and time, leg, hold time (s) of a trial, its time limit (s, 45 when left out) and its
 * stored sway RMS (m/s², the recording's own when left out); eyes open, firm floor.
 */
export type SeedTrial = readonly [string, 'left' | 'right', number, number?, number?];

/** Six trials 2-29 Nov 2026: left 10.0 -> 40.0 s, right 18.2 -> 31.5 s (best of each day). */
export const REPORT_SEED: readonly SeedTrial[] = [
  ['2026-11-02T10:01:00.000+01:00', 'right', 18.2],
  ['2026-11-02T10:05:00.000+01:00', 'left', 10.0],
  ['2026-11-15T10:01:00.000+01:00', 'left', 22.0],
  ['2026-11-29T10:01:00.000+01:00', 'left', 40.0],
  ['2026-11-29T10:05:00.000+01:00', 'left', 33.0],
  ['2026-11-29T10:09:00.000+01:00', 'right', 31.5],
];

/**
 * A full report: more test trials in the period than its table holds (MAX_TABLE_ROWS, 12),
 * each day both legs, for the one-page check at its longest.
 */
export const FULL_REPORT_SEED: readonly SeedTrial[] = Array.from({ length: 14 }, (_, k) => [
  `2026-11-${String(2 + 2 * Math.floor(k / 2)).padStart(2, '0')}T10:0${k % 2}:00.000+01:00`,
  k % 2 === 0 ? 'left' : 'right',
  12 + k,
]);

/** The summary and samples files of the seeded trials, written under `outDir`. */
function seedFiles(person: string, trials: readonly SeedTrial[], outDir: string): string[] {
  const read = (name: string) =>
    readFileSync(resolve(FIXTURES, 'summary-legacy', name), 'utf8')
      .trimEnd()
      .split(/\r?\n/);
  const summary = read('summary.csv');
  const samples = read('samples.csv');
  const head = (summary[0] ?? '').split(',');
  const col = (name: string) => head.indexOf(name);
  const row = (summary[1] ?? '').split(',');
  const summaryRows = [summary[0]];
  mkdirSync(outDir, { recursive: true });
  const files = [resolve(outDir, 'seed-summary.csv')];
  trials.forEach(([when, side, hold, capS = 45, rms], k) => {
    const id = `${person}-${k + 1}`;
    const cells = [...row];
    cells[col('trial_id')] = id;
    cells[col('date_time')] = when;
    cells[col('subject')] = person;
    cells[col('stance_side')] = side;
    cells[col('eyes') >= 0 ? col('eyes') : col('condition')] = 'open';
    cells[col('surface')] = 'firm';
    cells[col('cap_s')] = String(capS);
    cells[col('hold_time_s')] = String(hold);
    cells[col('end_reason')] = 'touchdown';
    // The summary's analysis is read as stored (trial-import.ts): its RMS is the trial's sway.
    // Marked as the current analysis version's (the file says 1), so that the page does not
    // re-analyse the seeded trials and put the recording's own RMS in place of the seeded one.
    if (rms !== undefined) cells[col('rms_m_s2')] = String(rms);
    cells[col('analysis_version')] = String(ANALYSIS_VERSION);
    summaryRows.push(cells.join(','));
    // One samples file per trial: a file's times run forwards.
    const path = resolve(outDir, `seed-samples-${k + 1}.csv`);
    writeFileSync(
      path,
      `${[samples[0], ...samples.slice(1).map((line) => line.replace(/legacy-1$/, id))].join('\n')}\n`,
    );
    files.push(path);
  });
  writeFileSync(files[0]!, `${summaryRows.join('\n')}\n`);
  return files;
}

/** Adds `person` (born `birthYear`) and imports `trials` into their history. */
export async function seedTrials(
  page: Page,
  appUrl: string,
  person: string,
  birthYear: number | null,
  trials: readonly SeedTrial[],
  outDir: string,
): Promise<void> {
  await addPerson(page, person, birthYear);
  await page.goto(`${appUrl}#/import`);
  await page.locator('[data-screen="import"]').waitFor();
  await page.locator('#import-files').setInputFiles(seedFiles(person, trials, outDir));
  await page.locator('[data-field="import-preview"]').waitFor();
  await page
    .getByRole('button', { name: `Save ${trials.length} ${trials.length === 1 ? 'trial' : 'trials'}` })
    .click();
  await expect
    .poll(() => page.locator('[data-field="import-saved"]').getAttribute('data-value'))
    .toBe(String(trials.length));
}
