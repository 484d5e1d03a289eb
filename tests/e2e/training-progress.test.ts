/**
 * Training progress in real headless Chromium (390x844): training sets and a test trial made
 * here and written with the app's own export code (src/formats), imported through the import
 * page; the training progress page's tables give the day means worked by hand below; the
 * charts are drawn, in forced colours too; the export of the history, imported into an empty
 * history and exported again, gives the sets back bit for bit; a summary with a time in zone
 * of 140 % names its line and column and leaves the history as it was.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportTrialsCsv } from '../../src/formats/trial-export';
import { importStorkFiles } from '../../src/formats/trial-import';
import type { StorkTrialRecord, StorkTrainingInfo } from '../../src/formats/trial-record';
import { makeRecord } from '../unit/storage/trial-factory';
import { useBuiltApp } from './helpers/built-app';
import { openStork } from './helpers/browser';
import { chooseFiles, historyCount, openImport, saveImport } from './helpers/import-page';

const OUT = resolve(import.meta.dirname, '../../test-output/training-progress');
const PERSON = 'T-042';

const app = useBuiltApp();

const TRAINING: StorkTrainingInfo = {
  sessionId: 'session-20',
  exercise: 'single-leg',
  leg: 'left',
  setNumber: 1,
  setsPlanned: 3,
  feedback: 'continuous',
  difficulty: 'normal',
  deadZoneMs2: 0.17106176181548843,
  timeInZone: 0.5,
  endedEarly: false,
};

/** A set of single-leg stance on the left leg, eyes open, firm floor. */
function set(
  id: string,
  startedAt: string,
  hold: number,
  rms: number,
  training: Partial<StorkTrainingInfo>,
): StorkTrialRecord {
  const record = makeRecord({
    id,
    startedAt,
    holdTimeS: hold,
    rms,
    rows: 240,
    seed: id.length + hold,
    rounded: false,
    endReason: training.endedEarly ? 'touchdown' : 'completed',
  });
  return { ...record, training: { ...TRAINING, ...training } };
}

/**
 * 20 Nov: with feedback 30 s and 20 s (ended early), RMS 0.2 and 0.3, in zone 50 % and 70 %;
 * without feedback 30 s, RMS 0.25, 40 %. 21 Nov: with feedback 30 s, RMS 0.1, 90 %. And a test trial.
 */
const RECORDS: StorkTrialRecord[] = [
  set('set-1', '2026-11-20T09:00:00.000+01:00', 30, 0.2, { setNumber: 1 }),
  set('set-2', '2026-11-20T09:02:00.000+01:00', 20, 0.3, { setNumber: 2, timeInZone: 0.7, endedEarly: true }),
  set('set-3', '2026-11-20T09:04:00.000+01:00', 30, 0.25, { setNumber: 3, timeInZone: 0.4, feedback: 'off' }),
  set('set-4', '2026-11-21T10:00:00.000+01:00', 30, 0.1, {
    sessionId: 'session-21',
    setsPlanned: 1,
    timeInZone: 0.9,
  }),
  makeRecord({ id: 'test-1', startedAt: '2026-11-21T10:10:00.000+01:00', holdTimeS: 12, rows: 240 }),
];

/** Bits of each double (NaN as one value). */
function bitsOf(values: Float64Array): string[] {
  const bits = new BigUint64Array(Float64Array.from(values).buffer);
  return Array.from(values, (value, i) => (Number.isNaN(value) ? 'NaN' : (bits[i] as bigint).toString(16)));
}

function writeFiles(name: string, summaryCsv: string, samplesCsv: string): string[] {
  mkdirSync(OUT, { recursive: true });
  const paths = [resolve(OUT, `${name}-summary.csv`), resolve(OUT, `${name}-samples.csv`)];
  writeFileSync(paths[0]!, summaryCsv);
  writeFileSync(paths[1]!, samplesCsv);
  return paths;
}

/** The table of a measure: each day's row as [day, feedback on, feedback off] values and sets. */
async function dayRows(page: Page, measure: string): Promise<string[][]> {
  return page
    .locator(`table[data-measure="${measure}"] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => [
        (row as HTMLElement).dataset['date'] ?? '',
        ...[...row.querySelectorAll('td')].map((td) => `${td.dataset['value']}/${td.dataset['sets']}`),
      ]),
    );
}

/** Opens the page afresh (from another place when it is shown already: the same address does not draw again). */
async function openTrainingProgress(page: Page): Promise<void> {
  if (page.url().endsWith('#/training-progress')) await page.goto(`${app.server.url}#/history`);
  await page.goto(`${app.server.url}#/training-progress`);
  await page.locator('[data-screen="training-progress"]').waitFor();
}

/** Exports the current person's history: the summary and samples files, saved under OUT. */
async function exportHistory(page: Page, name: string): Promise<{ summary: string; samples: string }> {
  await page.goto(`${app.server.url}#/export`);
  await page.locator('[data-screen="export"]').waitFor();
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const texts = await Promise.all(
    downloads.map(async (download) => {
      const path = resolve(OUT, `${name}-${download.suggestedFilename()}`);
      await download.saveAs(path);
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
    }),
  );
  return {
    summary: texts.find((t) => t.name.includes('-summary-'))!.text,
    samples: texts.find((t) => t.name.includes('-samples-'))!.text,
  };
}

/** The files read back (as the app reads them) equal the records made here, every sample bit for bit. */
function expectSameRecords(files: { summary: string; samples: string }): void {
  const back = importStorkFiles(files.samples, files.summary).trials.map((t) => t.record);
  const byId = new Map(back.map((record) => [record.id, record]));
  expect([...byId.keys()].sort()).toEqual(RECORDS.map((r) => r.id).sort());
  for (const original of RECORDS) {
    const record = byId.get(original.id)!;
    expect(record.training).toEqual(original.training);
    expect(record).toEqual(original);
    for (const key of Object.keys(original.samples) as (keyof StorkTrialRecord['samples'])[])
      expect(bitsOf(record.samples[key]), `${original.id} ${key}`).toEqual(bitsOf(original.samples[key]));
  }
}

describe('training progress', () => {
  it('charts the imported sets per day, feedback on and off apart, and export then import gives them back exactly', async () => {
    const files = exportTrialsCsv(RECORDS, { appVersion: '0.1.0', subjectOf: () => PERSON });
    const paths = writeFiles('made', files.summaryCsv, files.samplesCsv);
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await openImport(page, app.server.url);
    await chooseFiles(page, paths);
    expect(await saveImport(page, PERSON)).toBe(RECORDS.length);

    // No training set of this exercise is a test trial: the Progress page links here.
    await page.goto(`${app.server.url}#/progress`);
    await page.getByRole('link', { name: 'Training progress' }).click();
    await page.locator('[data-screen="training-progress"]').waitFor();
    await expect
      .poll(() => page.locator('#training-exercise option').allInnerTexts())
      .toEqual(['Standing on one leg, left leg, eyes open, firm floor (4 sets)']);
    // Newest day first: [date, feedback on mean/sets, feedback off mean/sets].
    await expect
      .poll(() => dayRows(page, 'holdTimeS'))
      .toEqual([
        ['2026-11-21', '30/1', '/0'],
        ['2026-11-20', '25/2', '30/1'],
      ]);
    await expect
      .poll(() => dayRows(page, 'rms'))
      .toEqual([
        ['2026-11-21', '0.1/1', '/0'],
        ['2026-11-20', '0.25/2', '0.25/1'],
      ]);
    await expect
      .poll(() => dayRows(page, 'timeInZonePct'))
      .toEqual([
        ['2026-11-21', '90/1', '/0'],
        ['2026-11-20', '60/2', '40/1'],
      ]);
    await expect
      .poll(() => page.locator('table[data-measure="timeInZonePct"] tbody tr').first().innerText())
      .toMatch(/90 % \(1 set\)\s+–/);
    await expect.poll(() => page.locator('figure[data-chart="drawn"]').count()).toBe(3);
    await page.screenshot({ path: resolve(OUT, 'training-progress.png'), fullPage: true });

    // Forced colours: drawn in the system's text colour, which the canvas has many pixels of.
    await page.emulateMedia({ forcedColors: 'active' });
    await openTrainingProgress(page);
    await expect.poll(() => page.locator('figure[data-chart="drawn"]').count()).toBe(3);
    // Chart.js draws on its next animation frame and again after a resize, so the pixels are
    // counted until they settle, not read once.
    const inked = (): Promise<{ ink: number; other: number }> =>
      page.locator('figure[data-measure="holdTimeS"] canvas').evaluate((canvas) => {
        const c = canvas as HTMLCanvasElement;
        const probe = document.createElement('canvas').getContext('2d')!;
        probe.fillStyle = getComputedStyle(c).color;
        probe.fillRect(0, 0, 1, 1);
        const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        let other = 0;
        for (let k = 0; k < data.length; k += 4) {
          if (data[k + 3]! < 250) continue;
          if (data[k] === r && data[k + 1] === g && data[k + 2] === b) ink++;
          else other++;
        }
        return { ink, other };
      });
    await expect
      .poll(async () => {
        const { ink, other } = await inked();
        return { inked: ink > 500, other };
      })
      .toEqual({ inked: true, other: 0 });
    await page.screenshot({ path: resolve(OUT, 'training-progress-forced.png'), fullPage: true });
    await page.emulateMedia({ forcedColors: 'none' });

    // Export, then import into an empty history, then export again: the same sets, bit for bit.
    const first = await exportHistory(page, 'first');
    expectSameRecords(first);
    await page.context().close();
    const fresh = (await openStork(app.browser, app.server.url, { sensors: 'absent' })).page;
    await openImport(fresh, app.server.url);
    await chooseFiles(fresh, writeFiles('first', first.summary, first.samples));
    expect(await saveImport(fresh, PERSON)).toBe(RECORDS.length);
    await openTrainingProgress(fresh);
    await expect
      .poll(() => dayRows(fresh, 'timeInZonePct'))
      .toEqual([
        ['2026-11-21', '90/1', '/0'],
        ['2026-11-20', '60/2', '40/1'],
      ]);
    expectSameRecords(await exportHistory(fresh, 'second'));

    // A time in zone of 140 %: the line and column are named, and the history stays as it was.
    const bad = files.summaryCsv.replace(/,50,false\r\n/, ',140,false\r\n');
    expect(bad).not.toBe(files.summaryCsv);
    await openImport(fresh, app.server.url);
    await chooseFiles(fresh, writeFiles('bad', bad, files.samplesCsv));
    await expect
      .poll(() => fresh.locator('[data-field="import-preview"]').innerText())
      .toContain('line 2: time_in_zone_pct is not a percentage from 0 to 100 ("140")');
    expect(await historyCount(fresh, app.server.url)).toBe(RECORDS.length);
    await openTrainingProgress(fresh);
    await expect
      .poll(() => dayRows(fresh, 'holdTimeS'))
      .toEqual([
        ['2026-11-21', '30/1', '/0'],
        ['2026-11-20', '25/2', '30/1'],
      ]);
    await fresh.context().close();
  });

  it('says in words when there is no training set', async () => {
    const files = exportTrialsCsv([RECORDS[4]!], { appVersion: '0.1.0', subjectOf: () => PERSON });
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await openImport(page, app.server.url);
    await chooseFiles(page, writeFiles('test-only', files.summaryCsv, files.samplesCsv));
    expect(await saveImport(page, PERSON)).toBe(1);
    await openTrainingProgress(page);
    await expect
      .poll(() => page.locator('[data-empty="no-training"]').innerText())
      .toContain('No training sets yet');
    await page.context().close();
  });
});
