/**
 * Exporting chosen trials from the page (SPEC section 7), in real headless Chromium over the
 * built app: three trials imported for one person; two of them chosen with the history list's
 * check boxes (the choice survives a reload: sessionStorage); "Export chosen" downloads their
 * summary and samples CSV, named after the person, the count and the days; the files hold
 * exactly those two trials (read with the project's own reader, src/formats/trial-import.ts);
 * imported into an empty history they come back, and exported again they give the same bytes:
 * the same trials, every number to the last bit (numbers are written as their shortest
 * round-trip text). A stored trial's "Export this trial's samples" downloads that trial alone.
 * The Web Share path runs against a stub of navigator.share / canShare (headless Chromium has
 * no file sharing): the page hands it File objects with the right names and type.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importStorkFiles } from '../../src/formats/trial-import';
import { chosenExportFileName } from '../../src/ui/export-files';
import { axeScan, FAILING_IMPACTS } from './helpers/axe';
import { useBuiltApp } from './helpers/built-app';
import { openStork } from './helpers/browser';
import { historyRows, viewportScreenshot } from './helpers/history';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
/** Three recordings (Stork samples files without a summary), imported as right, left, right. */
const SEEDS = [
  { file: resolve(FIXTURES, 'e2e/case00.csv'), side: 'Right leg' },
  { file: resolve(FIXTURES, 'demo/case01.csv'), side: 'Left leg' },
  { file: resolve(FIXTURES, 'sim/case02.csv'), side: 'Right leg' },
] as const;
const DOWNLOADS = resolve(import.meta.dirname, '../../test-output/downloads/chosen');
const PERSON = 'P-017 Zoë';

const app = useBuiltApp();

async function openPlace(page: Page, place: 'import' | 'export' | 'history'): Promise<void> {
  await page.goto(`${app.server.url}#/${place}`);
  await page.locator(`[data-screen="${place}"]`).waitFor();
}

/** Imports one samples file for `PERSON` on the import page (the person is added with the first). */
async function importSeed(page: Page, file: string, side: string, first: boolean): Promise<void> {
  await openPlace(page, 'import');
  await page.locator('#import-files').setInputFiles([file]);
  await page.locator('[data-field="import-preview"]').waitFor();
  if (first) await page.getByLabel('Name or code of the new person').fill(PERSON);
  await page.locator('[data-group="import-side"]').getByRole('radio', { name: side }).check();
  await page.locator('[data-group="import-cap"]').getByRole('radio', { name: '60 s' }).check();
  await page.getByRole('button', { name: /^Save 1 trial$/ }).click();
  await page.locator('[data-field="import-saved"]').waitFor();
}

/** Clicks the button and waits for `count` downloads, saved under DOWNLOADS; returns their paths. */
async function downloadsOf(page: Page, click: () => Promise<void>, count: number): Promise<string[]> {
  const downloads: Download[] = [];
  const listener = (download: Download): void => void downloads.push(download);
  page.on('download', listener);
  await click();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(count);
  page.off('download', listener);
  mkdirSync(DOWNLOADS, { recursive: true });
  return Promise.all(
    downloads.map(async (download) => {
      const path = resolve(DOWNLOADS, download.suggestedFilename());
      await download.saveAs(path);
      return path;
    }),
  );
}

async function expectNoSeriousFindings(page: Page, screen: string): Promise<void> {
  const serious = (await axeScan(page)).filter((finding) => FAILING_IMPACTS.includes(finding.impact));
  expect(serious, screen).toEqual([]);
}

const choiceCount = (page: Page): Promise<string> => page.locator('[data-field="choice-count"]').innerText();

describe('exporting chosen trials', () => {
  it('exports exactly the two trials chosen in the history, and importing them into an empty history restores them bit for bit', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent', bypassCSP: true });
    for (const [k, seed] of SEEDS.entries()) await importSeed(page, seed.file, seed.side, k === 0);
    await openPlace(page, 'history');
    const all = await historyRows(page);
    expect(all).toHaveLength(3);
    await expect.poll(() => choiceCount(page)).toBe('No trials chosen');
    await expect
      .poll(() => page.getByRole('button', { name: 'Export chosen' }).getAttribute('aria-disabled'))
      .toBe('true');

    // Choose the newest and the oldest (rows 1 and 3) with their labelled check boxes.
    const chosen = [all[0]!, all[2]!];
    const boxes = page.getByRole('checkbox', { name: /^Choose for export: / });
    await expect.poll(() => boxes.count()).toBe(3);
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    await expect.poll(() => choiceCount(page)).toBe('2 trials chosen');
    await expectNoSeriousFindings(page, 'history with 2 of 3 chosen');
    await viewportScreenshot(page, '90-history-chosen', '.choice-bar');

    // "Choose all" and "Clear choice" work on the list; the keyboard reaches every box.
    await page.getByRole('button', { name: 'Choose all 3 shown' }).click();
    await expect.poll(() => choiceCount(page)).toBe('3 trials chosen');
    // By keyboard: Enter on "Clear choice" clears, and the focus stays on the button.
    await page.getByRole('button', { name: 'Clear choice' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => choiceCount(page)).toBe('No trials chosen');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset['action']))
      .toBe('clear-choice');
    await boxes.nth(0).focus();
    await page.keyboard.press('Space');
    await boxes.nth(2).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => choiceCount(page)).toBe('2 trials chosen');

    // A reload keeps the choice (sessionStorage of this tab).
    await page.reload();
    await page.locator('[data-field="choice-count"]').waitFor();
    await expect.poll(() => choiceCount(page)).toBe('2 trials chosen');
    const checked = await page
      .locator('input[data-choose-trial]')
      .evaluateAll((inputs) =>
        inputs
          .filter((input) => (input as HTMLInputElement).checked)
          .map((input) => (input as HTMLElement).dataset['chooseTrial']),
      );
    expect(checked).toEqual(chosen.map((row) => row.trialId));

    // "Export chosen": the export page with the chosen trials as its scope.
    await page.getByRole('button', { name: 'Export chosen' }).click();
    await page.locator('[data-screen="export"]').waitFor();
    const scope = page.getByRole('radio', { name: 'The 2 trials chosen in the history' });
    await expect.poll(() => scope.isChecked()).toBe(true);
    await expectNoSeriousFindings(page, 'export of 2 chosen trials');
    await viewportScreenshot(page, '91-export-chosen');
    const [summaryPath, samplesPath] = await downloadsOf(
      page,
      () => page.getByRole('button', { name: 'Export', exact: true }).click(),
      2,
    );
    await expect
      .poll(() => page.locator('[data-field="export-status"]').getAttribute('data-outcome'))
      .toBe('downloaded');

    // The files hold exactly the two chosen trials, complete, read with the project's reader.
    const summaryText = readFileSync(summaryPath!, 'utf8');
    const samplesText = readFileSync(samplesPath!, 'utf8');
    const exported = importStorkFiles(samplesText, summaryText);
    expect(exported.skippedCount).toBe(0);
    expect(exported.trials.map((trial) => trial.record.id).sort()).toEqual(
      chosen.map((row) => row.trialId).sort(),
    );
    for (const trial of exported.trials) {
      expect(trial.subject).toBe(PERSON);
      const row = chosen.find((shown) => shown.trialId === trial.record.id)!;
      expect(trial.record.setup?.stanceSide).toBe(row.side);
      expect(trial.record.holdTimeS).toBe(row.holdTimeS);
    }
    // Named after the person, the count and the days of the trials (as the summary dates them).
    const named = exported.trials.map((trial) => ({
      who: PERSON,
      stanceSide: trial.record.setup!.stanceSide,
      startedAt: trial.record.startedAt!,
    }));
    expect(summaryPath!.endsWith(`/${chosenExportFileName(named, 'summary')}`)).toBe(true);
    expect(samplesPath!.endsWith(`/${chosenExportFileName(named, 'samples')}`)).toBe(true);
    expect(chosenExportFileName(named, 'samples')).toMatch(
      /^stork-P-017-Zoë-2-trials-samples-\d{4}-\d\d-\d\d(-to-\d{4}-\d\d-\d\d)?\.csv$/,
    );
    await page.context().close();

    // An empty history (a fresh browser context): import the two files.
    const fresh = (await openStork(app.browser, app.server.url, { sensors: 'absent' })).page;
    await openPlace(fresh, 'import');
    await fresh.locator('#import-files').setInputFiles([summaryPath!, samplesPath!]);
    await fresh.locator('[data-field="import-preview"]').waitFor();
    await expect.poll(() => fresh.locator('[data-field="import-trials"] li').count()).toBe(2);
    await expect.poll(() => fresh.getByLabel('Name or code of the new person').inputValue()).toBe(PERSON);
    await fresh.getByRole('button', { name: 'Save 2 trials' }).click();
    await fresh.locator('[data-field="import-saved"]').waitFor();
    await openPlace(fresh, 'history');
    await expect.poll(() => historyRows(fresh)).toEqual(chosen);

    // Exported again from there: the same bytes, so the same trials to the last bit.
    await fresh.getByRole('button', { name: 'Choose all 2 shown' }).click();
    await fresh.getByRole('button', { name: 'Export chosen' }).click();
    await fresh.locator('[data-screen="export"]').waitFor();
    const again = await downloadsOf(
      fresh,
      () => fresh.getByRole('button', { name: 'Export', exact: true }).click(),
      2,
    );
    expect(readFileSync(again[1]!, 'utf8')).toBe(samplesText);
    expect(readFileSync(again[0]!, 'utf8')).toBe(summaryText);
    await fresh.context().close();
  });

  it('exports a stored trial’s samples alone from its result page (a real download)', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await importSeed(page, SEEDS[0].file, SEEDS[0].side, true);
    await openPlace(page, 'history');
    const [row] = await historyRows(page);
    await page.locator('a.history-row').first().click();
    await page.locator('[data-screen="result"]').waitFor();
    const samplesShown = Number(await page.locator('[data-field="samples"]').getAttribute('data-value'));
    const caption = await page.locator('[data-field="stored-caption"]').innerText();
    const [path] = await downloadsOf(
      page,
      () => page.getByRole('button', { name: 'Export this trial’s samples' }).click(),
      1,
    );
    await expect
      .poll(() => page.locator('[data-field="trial-export-status"]').getAttribute('data-outcome'))
      .toBe('downloaded');
    await viewportScreenshot(page, '92-stored-trial-exported', '[data-field="trial-export-status"]');
    // Who, which leg, and the local date-time it was started (the caption shows it to the minute).
    const name = path!.slice(path!.lastIndexOf('/') + 1);
    const stamp = /^stork-P-017-Zoë-right-(\d{4})-(\d\d)-(\d\d)T(\d\d)-(\d\d)-\d\d-samples\.csv$/.exec(name);
    expect(stamp, name).not.toBeNull();
    expect(caption).toContain(`${stamp![4]}:${stamp![5]}`);
    // That one trial, with its id (so the import page takes it back) and every sample.
    const read = importStorkFiles(readFileSync(path!, 'utf8'));
    expect(read.trials).toHaveLength(1);
    expect(read.trials[0]!.record.id).toBe(row!.trialId);
    expect(read.trials[0]!.record.samples.tS.length).toBe(samplesShown);
    await page.context().close();
  });

  it('hands File objects with the right names and type to the Web Share API where files can be shared', async () => {
    // A stub of the browser's Web Share API (headless Chromium cannot share files): canShare
    // says yes for files, share keeps what it was given. The download path is tested above for real.
    const shareStub = `
      window.__shared = [];
      window.__canShareAsked = 0;
      navigator.canShare = (data) => {
        window.__canShareAsked++;
        return Array.isArray(data.files) && data.files.length > 0 && data.files.every((f) => f instanceof File);
      };
      navigator.share = async (data) => {
        const files = [];
        for (const file of data.files)
          files.push({ name: file.name, type: file.type, isFile: file instanceof File, text: await file.text() });
        window.__shared.push({ title: data.title, files });
      };
    `;
    const { page } = await openStork(app.browser, app.server.url, {
      sensors: 'absent',
      initScripts: [shareStub],
    });
    await importSeed(page, SEEDS[0].file, SEEDS[0].side, true);
    await importSeed(page, SEEDS[1].file, SEEDS[1].side, false);
    await openPlace(page, 'history');
    const rows = await historyRows(page);
    await page.getByRole('button', { name: 'Choose all 2 shown' }).click();
    await page.getByRole('button', { name: 'Export chosen' }).click();
    await page.locator('[data-screen="export"]').waitFor();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect
      .poll(() => page.locator('[data-field="export-status"]').getAttribute('data-outcome'))
      .toBe('shared');
    interface Shared {
      title: string;
      files: { name: string; type: string; isFile: boolean; text: string }[];
    }
    const shared = await page.evaluate(() => (window as unknown as { __shared: Shared[] }).__shared);
    expect(shared).toHaveLength(1);
    const files = shared[0]!.files;
    expect(files.map((file) => [file.type, file.isFile])).toEqual([
      ['text/csv', true],
      ['text/csv', true],
    ]);
    expect(files[0]!.name).toMatch(
      /^stork-P-017-Zoë-2-trials-summary-\d{4}-\d\d-\d\d(-to-\d{4}-\d\d-\d\d)?\.csv$/,
    );
    expect(files[1]!.name).toBe(files[0]!.name.replace('-summary-', '-samples-'));
    expect(shared[0]!.title).toBe(`${files[0]!.name}, ${files[1]!.name}`);
    const read = importStorkFiles(files[1]!.text, files[0]!.text);
    expect(read.trials.map((trial) => trial.record.id).sort()).toEqual(rows.map((row) => row.trialId).sort());

    // The stored trial's own export goes to the share sheet too: one file.
    await page.goto(`${app.server.url}#/trial/${encodeURIComponent(rows[1]!.trialId)}`);
    await page.locator('[data-screen="result"]').waitFor();
    await page.getByRole('button', { name: 'Export this trial’s samples' }).click();
    await expect
      .poll(() => page.locator('[data-field="trial-export-status"]').getAttribute('data-outcome'))
      .toBe('shared');
    const single = await page.evaluate(() => (window as unknown as { __shared: Shared[] }).__shared);
    expect(single).toHaveLength(2);
    expect(single[1]!.files).toHaveLength(1);
    expect(single[1]!.files[0]!.name).toMatch(
      new RegExp(
        `^stork-P-017-Zoë-${rows[1]!.side}-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-samples\\.csv$`,
      ),
    );
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __canShareAsked: number }).__canShareAsked))
      .toBe(2);
    await page.context().close();
  });

  it('leaves out a chosen trial deleted since, says so, and forgets it', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await importSeed(page, SEEDS[0].file, SEEDS[0].side, true);
    await importSeed(page, SEEDS[1].file, SEEDS[1].side, false);
    await openPlace(page, 'history');
    const [kept, deleted] = await historyRows(page);
    await page.getByRole('button', { name: 'Choose all 2 shown' }).click();
    await page.locator('a.history-row').nth(1).click();
    await page.locator('[data-screen="result"]').waitFor();
    await page.getByRole('button', { name: 'Delete trial' }).click();
    await page.locator('[data-screen="history"]').waitFor();
    await expect.poll(() => historyRows(page)).toEqual([kept]);
    // Still chosen until an export finds it gone (an undo would bring it back).
    await expect.poll(() => choiceCount(page)).toBe('2 trials chosen, 1 of them not in this list');
    await page.getByRole('button', { name: 'Export chosen' }).click();
    await page.locator('[data-screen="export"]').waitFor();
    await page.locator('#export-summary').uncheck();
    const [path] = await downloadsOf(
      page,
      () => page.getByRole('button', { name: 'Export', exact: true }).click(),
      1,
    );
    await expect
      .poll(() => page.locator('[data-field="export-status"]').innerText())
      .toMatch(/\(1 trial\)\. 1 chosen trial is no longer in the history\.$/);
    const read = importStorkFiles(readFileSync(path!, 'utf8'));
    expect(read.trials.map((trial) => trial.record.id)).toEqual([kept!.trialId]);
    expect(read.trials.map((trial) => trial.record.id)).not.toContain(deleted!.trialId);
    await openPlace(page, 'history');
    await expect.poll(() => choiceCount(page)).toBe('1 trial chosen');
    await page.context().close();
  });
});
