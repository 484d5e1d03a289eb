/**
 * When the history cannot be kept: storage unavailable (private mode: IndexedDB refuses to
 * open) or full (the quota is used up while saving). The result is still shown and its
 * samples can still be downloaded; the page says clearly why nothing was kept, with the
 * store's own fixed message (src/storage/errors.ts), and nothing already stored is harmed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { STORAGE_MESSAGES } from '../../src/storage/errors';
import { openStork, screenshot } from './helpers/browser';
import { choose, pressStart } from './helpers/flow';
import { addPerson, goTo, historyRows } from './helpers/history';
import { downloadSamples, readResult } from './helpers/result-page';

/** Firefox's private mode and sandboxed pages refuse to open IndexedDB; here every open throws. */
const REFUSE_INDEXEDDB = `
  IDBFactory.prototype.open = function () {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
`;

/** Once window.__diskFull is set, every write throws the standard quota error. */
const FULL_DISK_SWITCH = `
  window.__diskFull = false;
  for (const method of ['put', 'add']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      if (window.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  }
`;

const app = useBuiltApp();

/** A 10 s demo trial at 8x (the bundled recording; no sensor on this page). */
async function demoTrial(page: Page): Promise<Awaited<ReturnType<typeof readResult>>> {
  await page.locator('#setup-notice').getByText('the demo recording is selected').waitFor({ timeout: 5_000 });
  await choose(page, '10 s');
  await page.getByLabel('Demo speed').selectOption('8');
  await pressStart(page);
  return readResult(page, 60_000);
}

describe('when the history cannot be kept', () => {
  it('storage unavailable: a banner says so, the result is shown and its samples download', async () => {
    const { page } = await openStork(app.browser, app.server.url, {
      sensors: 'absent',
      initScripts: [REFUSE_INDEXEDDB],
    });
    try {
      const banner = page.locator('[data-field="storage-banner"]');
      await expect.poll(() => banner.isVisible()).toBe(true);
      await expect.poll(() => banner.innerText()).toBe(STORAGE_MESSAGES.unavailable);
      // No person to choose where nothing can be kept.
      await expect.poll(() => page.locator('[data-part="people-picker"]').isVisible()).toBe(false);
      await screenshot(page, '50-storage-unavailable-setup');

      const shown = await demoTrial(page);
      expect(shown.title).toBe('Result');
      expect(shown.holdTimeS).toBe(10);
      await expect
        .poll(() => page.locator('[data-field="save-status"]').textContent())
        .toBe(STORAGE_MESSAGES.unavailable);
      await expect
        .poll(() => page.locator('[data-field="save-status"]').getAttribute('data-state'))
        .toBe('not-saved');
      const file = await downloadSamples(page);
      expect(file.recording.tS.length).toBe(shown.samples);
      await screenshot(page, '51-storage-unavailable-result');

      await goTo(page, 'History');
      await expect
        .poll(() => page.locator('[data-empty="storage-unavailable"] h2').innerText())
        .toBe('No history in this browser');
      await screenshot(page, '52-storage-unavailable-history');
    } finally {
      await page.context().close();
    }
  });

  it('storage full: the result says this trial was not saved, keeps the download, and the history keeps what it had', async () => {
    const { page } = await openStork(app.browser, app.server.url, {
      sensors: 'absent',
      initScripts: [FULL_DISK_SWITCH],
    });
    try {
      await addPerson(page, 'Anna', null);
      const first = await demoTrial(page);
      await expect
        .poll(() => page.locator('[data-field="save-status"]').textContent())
        .toBe('Saved in Anna’s history.');

      await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true));
      await page.getByRole('button', { name: /^Next: / }).click();
      const second = await readResult(page, 60_000);
      expect(second.title).toBe('Result');
      await expect
        .poll(() => page.locator('[data-field="save-status"]').textContent())
        .toBe(STORAGE_MESSAGES.full);
      const file = await downloadSamples(page);
      expect(file.recording.tS.length).toBe(second.samples);
      await screenshot(page, '53-storage-full-result');

      // The first trial is still there, alone.
      await goTo(page, 'History');
      const rows = await historyRows(page);
      expect(rows.map((row) => row.holdTimeS)).toEqual([first.holdTimeS]);
    } finally {
      await page.context().close();
    }
  });
});
