/**
 * Import and export on the built page in real headless Chromium (SPEC section 7): two trials
 * imported from samples files, exported as the summary and samples CSV (downloaded, and shared
 * where a Web Share API with files is there), imported into an empty history, where they come
 * back with the same ids, hold times and metrics; a malformed file names its line and changes
 * nothing; a phyphox export says what was converted. Screenshots in test-output/screenshots.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork } from './helpers/browser';
import { historyRows, viewportScreenshot, type HistoryRowShown } from './helpers/history';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const SEED_FILES = [resolve(FIXTURES, 'e2e/case00.csv'), resolve(FIXTURES, 'demo/case01.csv')];
const MALFORMED = resolve(FIXTURES, 'formats/text-in-number.csv');
/** One phyphox recording: accelerometer and gyroscope (rad/s), with its meta files. */
const PHYPHOX = [
  'kartof0nix_Accelerometer_semicolon.csv',
  'kartof0nix_Gyroscope_semicolon.csv',
  'kartof0nix_meta_device.csv',
  'kartof0nix_meta_time.csv',
].map((name) => resolve(FIXTURES, 'phyphox', name));
const DOWNLOADS = resolve(import.meta.dirname, '../../test-output/downloads');
const PERSON = 'P-017 Zoë';

const app = useBuiltApp();

async function openPlace(page: Page, place: 'import' | 'export' | 'history'): Promise<void> {
  await page.goto(`${app.server.url}#/${place}`);
  await page.locator(`[data-screen="${place}"]`).waitFor();
}

/** Chooses the files on the import page and waits for what was found (or the error). */
async function chooseFiles(page: Page, files: string[]): Promise<void> {
  await page.locator('#import-files').setInputFiles(files);
  await page
    .locator('[data-field="import-preview"], [data-field="import-message"]:not(:empty)')
    .first()
    .waitFor();
}

async function saveImport(page: Page): Promise<number> {
  await page.getByRole('button', { name: /^Save \d+ trials?$/ }).click();
  const saved = page.locator('[data-field="import-saved"]');
  await saved.waitFor();
  return Number(await saved.getAttribute('data-value'));
}

/** The history rows with the stored trials' metric line, for comparing two histories. */
async function shownHistory(page: Page): Promise<HistoryRowShown[]> {
  await openPlace(page, 'history');
  return historyRows(page);
}

describe('import and export from the page', () => {
  it('exports the summary and samples, and importing them into an empty history restores the trials', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    // 1. Two trials through the page's own import: Stork samples files without a summary.
    await openPlace(page, 'import');
    await viewportScreenshot(page, '80-import-empty');
    await chooseFiles(page, [SEED_FILES[0]!]);
    await expect.poll(() => page.locator('[data-field="import-trials"] li').count()).toBe(1);
    await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    // No summary: the person and the condition are asked for.
    await expect.poll(() => page.locator('#import-person').inputValue()).toBe('');
    await page.getByLabel('Name or code of the new person').fill(PERSON);
    await page.locator('[data-group="import-side"]').getByRole('radio', { name: 'Right leg' }).check();
    await page.locator('[data-group="import-cap"]').getByRole('radio', { name: '60 s' }).check();
    await viewportScreenshot(page, '81-import-preview', '[data-field="import-preview"]');
    expect(await saveImport(page)).toBe(1);
    await viewportScreenshot(page, '82-import-saved');
    // The second for the same person (now the current one), on the left leg.
    await openPlace(page, 'import');
    await chooseFiles(page, [SEED_FILES[1]!]);
    await expect.poll(() => page.locator('#import-person option:checked').innerText()).toBe(PERSON);
    await page.locator('[data-group="import-cap"]').getByRole('radio', { name: '60 s' }).check();
    expect(await saveImport(page)).toBe(1);

    const before = await shownHistory(page);
    expect(before).toHaveLength(2);
    expect(before.map((row) => row.side).sort()).toEqual(['left', 'right']);
    for (const row of before) expect(row.holdTimeS).toBeGreaterThan(5);

    // 2. Export both files of the person: downloads (headless Chromium has no file sharing).
    await openPlace(page, 'export');
    await viewportScreenshot(page, '83-export');
    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    // For Excel: the summary starts with a UTF-8 byte-order mark (so "Zoë" opens as written); it imports all the same below.
    await page.getByLabel(/^For Excel/).check();
    const first = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await first;
    await expect.poll(() => downloads.length).toBe(2);
    await expect
      .poll(() => page.locator('[data-field="export-status"]').getAttribute('data-outcome'))
      .toBe('downloaded');
    await viewportScreenshot(page, '84-export-downloaded');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(downloads.map((d) => d.suggestedFilename())).toEqual([
      `stork-P-017-Zoë-summary-${today}.csv`,
      `stork-P-017-Zoë-samples-${today}.csv`,
    ]);
    mkdirSync(DOWNLOADS, { recursive: true });
    const saved = await Promise.all(
      downloads.map(async (download) => {
        const path = resolve(DOWNLOADS, download.suggestedFilename());
        await download.saveAs(path);
        return path;
      }),
    );
    expect([...readFileSync(saved[0]!).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(saved[1]!).subarray(0, 4).toString('latin1')).toBe('t_ms');
    const summary = readFileSync(saved[0]!, 'utf8').split(/\r?\n/).filter(Boolean);
    expect(summary).toHaveLength(3); // header + two trials
    expect(summary[1]).toContain(PERSON);
    expect(summary[1]).toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d/);
    await page.context().close();

    // 3. A fresh browser (an empty history): import the two exported files.
    const fresh = (await openStork(app.browser, app.server.url, { sensors: 'absent' })).page;
    await openPlace(fresh, 'history');
    await expect.poll(() => fresh.locator('[data-empty="no-person"]').count()).toBe(1);
    await openPlace(fresh, 'import');
    await chooseFiles(fresh, saved);
    await expect.poll(() => fresh.locator('[data-field="import-trials"] li').count()).toBe(2);
    // The summary says who and which condition: prefilled, the condition kept per trial.
    await expect.poll(() => fresh.getByLabel('Name or code of the new person').inputValue()).toBe(PERSON);
    await expect.poll(() => fresh.locator('[data-field="import-setup-note"]').count()).toBe(1);
    await viewportScreenshot(fresh, '85-import-roundtrip-preview', '[data-field="import-preview"]');
    expect(await saveImport(fresh)).toBe(2);
    const after = await shownHistory(fresh);
    expect(after).toEqual(before);
    await viewportScreenshot(fresh, '86-history-after-roundtrip');

    // 4. A malformed file: the message names the line; the history is unchanged.
    await openPlace(fresh, 'import');
    await chooseFiles(fresh, [MALFORMED]);
    await expect
      .poll(() => fresh.locator('[data-field="import-message"]').innerText())
      .toMatch(/^Nothing was imported\. text-in-number\.csv: line \d+: /);
    await expect.poll(() => fresh.locator('[data-field="import-preview"]').count()).toBe(0);
    await viewportScreenshot(fresh, '87-import-malformed');
    await expect.poll(() => shownHistory(fresh)).toEqual(before);

    // 5. A phyphox export: what was converted is said before saving.
    await openPlace(fresh, 'import');
    await chooseFiles(fresh, PHYPHOX);
    const conversions = () => fresh.locator('[data-field="import-conversions"] li').allInnerTexts();
    await expect.poll(conversions).toContain('kartof0nix_Gyroscope_semicolon.csv: gyroscope rad/s -> deg/s');
    await expect
      .poll(conversions)
      .toContain(
        'kartof0nix_Gyroscope_semicolon.csv: interpolated onto the times of kartof0nix_Accelerometer_semicolon.csv (linear)',
      );
    await expect
      .poll(() => fresh.locator('[data-field="import-trials"] li').first().innerText())
      .toMatch(/phyphox/i);
    await viewportScreenshot(fresh, '88-import-phyphox', '[data-field="import-preview"]');
    await fresh.context().close();
  });

  it('shares the files where the browser can share files', async () => {
    const fakeShare = `
      window.__shared = [];
      navigator.canShare = (data) => Array.isArray(data.files) && data.files.length > 0;
      navigator.share = async (data) => {
        for (const file of data.files) window.__shared.push({ name: file.name, text: await file.text() });
      };
    `;
    const { page } = await openStork(app.browser, app.server.url, {
      sensors: 'absent',
      initScripts: [fakeShare],
    });
    await openPlace(page, 'import');
    await chooseFiles(page, [SEED_FILES[0]!]);
    await page.getByLabel('Name or code of the new person').fill('A/B');
    expect(await saveImport(page)).toBe(1);
    await openPlace(page, 'export');
    await page.locator('#export-samples').uncheck();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect
      .poll(() => page.locator('[data-field="export-status"]').getAttribute('data-outcome'))
      .toBe('shared');
    const shared = await page.evaluate(
      () => (window as unknown as { __shared: { name: string; text: string }[] }).__shared,
    );
    expect(shared).toHaveLength(1);
    expect(shared[0]!.name).toMatch(/^stork-A-B-summary-\d{4}-\d\d-\d\d\.csv$/);
    expect(shared[0]!.text.split(/\r?\n/).filter(Boolean)).toHaveLength(2);
    await viewportScreenshot(page, '89-export-shared');
    await page.context().close();
  });
});
