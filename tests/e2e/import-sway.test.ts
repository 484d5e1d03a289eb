/**
 * A force plate's 2-D sway CSV on the import page, end to end in headless Chromium (SPEC
 * section 7, the "CSV export and import" issue): the file is a trial to save (rows, rate, a
 * 2-D sway signal in its own unit), the person gives whose it is, the side and the unit; the
 * history lists it with its placement; its result screen shows the metrics `stork analyze`
 * prints for the same file (same pipeline, same automatic window) in the signal's unit; and
 * its exported samples are a 2-D sway CSV that imports again as the same trial.
 * Screenshots in test-output/screenshots.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/formats/import-files';
import { readSwayCsv } from '../../src/formats/sway-csv';
import { useBuiltApp } from './helpers/built-app';
import { openStork } from './helpers/browser';
import { historyRows, viewportScreenshot } from './helpers/history';
import { readResult } from './helpers/result-page';
import { storkAnalyze } from './helpers/stork-cli';

/** A real force-plate recording (fixtures/PROVENANCE.md: t_s, ap, ml in cm, 100 Hz, 6000 rows). */
const FORCE_PLATE = resolve(import.meta.dirname, '../../fixtures/cop/BDS00031.csv');

const app = useBuiltApp();

/** Bits of each double; NaN as one value. */
function bitsOf(values: ArrayLike<number>): string[] {
  const copy = Float64Array.from(values);
  const bits = new BigUint64Array(copy.buffer);
  return Array.from(copy, (value, i) => (Number.isNaN(value) ? 'NaN' : (bits[i] as bigint).toString(16)));
}

async function historyList(page: Page) {
  await page.goto(`${app.server.url}#/history`);
  await page.locator('[data-screen="history"]').waitFor();
  return historyRows(page);
}

describe('importing a force plate’s 2-D sway CSV on the page', () => {
  it('saves it as a trial whose result screen shows stork analyze’s metrics, and exports it back', async () => {
    // What the command line says of the same file (default window: a sway CSV has no "go", so all of it).
    const cli = await storkAnalyze(FORCE_PLATE);
    expect(cli.metrics['signal']).toBe('sway');
    const text = readFileSync(FORCE_PLATE, 'utf8');
    const [fileTrial] = readSwayCsv(text);
    const rows = fileTrial!.recording.tS.length;

    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await page.goto(`${app.server.url}#/import`);
    await page.locator('[data-screen="import"]').waitFor();
    await page.locator('#import-files').setInputFiles([FORCE_PLATE]);
    await page.locator('[data-field="import-preview"]').waitFor({ timeout: 120_000 });
    const lines = await page.locator('[data-field="import-trials"] li').allInnerTexts();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${basename(FORCE_PLATE)}, force plate / 2-D sway CSV`);
    expect(lines[0]).toContain(` ${rows} rows`);
    expect(lines[0]).toContain(` ${Number(cli.metrics['inputRateHz']).toFixed(1)} Hz`);
    expect(lines[0]).toContain('2-D sway signal (AP, ML) in its own unit');
    await expect.poll(() => page.locator('[data-field="import-ignored"]').count()).toBe(0);
    // A force plate is not offered as a phone placement; every trial here is a sway trial.
    await expect.poll(() => page.locator('[data-group="import-placement"]').isHidden()).toBe(true);

    // Whose, which leg, which unit.
    await page.getByLabel('Name or code of the new person').fill('FP-31');
    await page.locator('[data-group="import-side"]').getByLabel('Right leg').check();
    await page.getByLabel(/^Unit of the 2-D sway signal/).fill('cm');
    await viewportScreenshot(page, '96-import-sway', '[data-field="import-preview"]');
    await page.getByRole('button', { name: 'Save 1 trial' }).click();
    await page.locator('[data-field="import-saved"]').waitFor({ timeout: 60_000 });

    // The history lists it, with its placement.
    const listed = await historyList(page);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.side).toBe('right');
    expect(listed[0]!.text).toContain('Force plate');

    // Its result screen: the metrics stork analyze prints, exactly, in cm.
    await page.goto(`${app.server.url}#/trial/${encodeURIComponent(listed[0]!.trialId)}`);
    const shown = await readResult(page, 60_000);
    expect(shown.window).toEqual(cli.window);
    expect(shown.holdTimeS).toBe(cli.holdTimeS);
    expect(shown.samples).toBe(rows);
    // A 60 s recording is held for its whole length: the 60 s cap, not the form's default 45 s.
    expect(shown.endReasonText).toBe('Completed: held for the full 60 s');
    expect(shown.samplesText).toContain('2-D sway signal (AP, ML) in cm');
    for (const key of ['rms', 'meanVelocity', 'ellipseArea', 'centroidFrequency', 'jerk'])
      expect(shown.metrics[key], key).toBe(cli.metrics[key]);
    expect(shown.metricTexts['rms']).toMatch(/ cm$/);
    expect(shown.metricTexts['meanVelocity']).toMatch(/ cm\/s$/);
    expect(shown.metricTexts['ellipseArea']).toMatch(/ cm²$/);
    await expect
      .poll(() => page.locator('.setup-summary').innerText())
      .toMatch(/^Right leg · .* · force plate · .* · imported from force plate \/ 2-D sway CSV$/);
    await viewportScreenshot(page, '97-stored-sway-trial', '[data-screen="result"]');

    // Its samples, exported: a 2-D sway CSV that imports again as the same trial.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Export this trial’s samples' }).click(),
    ]);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported.slice(0, exported.indexOf('\r\n'))).toBe('t_ms,ap,ml,trial_id');
    const [again, ...more] = importFiles([{ name: download.suggestedFilename(), text: exported }]).trials;
    expect(more).toHaveLength(0);
    expect(again!.record.id).toBe(listed[0]!.trialId);
    expect(bitsOf(again!.record.samples.tS)).toEqual(bitsOf(fileTrial!.recording.tS));
    expect(bitsOf(again!.record.sway!.ap)).toEqual(bitsOf(fileTrial!.recording.ap));
    expect(bitsOf(again!.record.sway!.ml)).toEqual(bitsOf(fileTrial!.recording.ml));
    for (const key of ['rms', 'meanVelocity', 'ellipseArea', 'centroidFrequency', 'jerk'] as const)
      expect(again!.record.analysis!.metrics[key], key).toBe(shown.metrics[key]);
    await page.context().close();
  }, 300_000);
});
