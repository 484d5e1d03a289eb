/**
 * Privacy in real headless Chromium over the built page: what a person types (a name, notes)
 * is shown as text and never becomes markup, and "Delete all my data" on the privacy page
 * (reached from the set-up page) removes the history and the remembered settings after a
 * confirm step, says what it removed, and leaves the app's own offline files.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork, screenshot } from './helpers/browser';
import { pressStart, waitForPhase } from './helpers/flow';
import { openPersonForm } from './helpers/history';

/** A name and notes that would run a script or add markup if they were ever put in as HTML. */
const HOSTILE_NAME = '<img src=x onerror="window.__injected=1">Zoë';
const HOSTILE_NOTES = '<b>not bold</b><script>window.__injected=2</script>';

const app = useBuiltApp();

/** What this origin keeps: IndexedDB database names, localStorage and sessionStorage keys, Cache Storage names. */
async function kept(
  page: Page,
): Promise<{ databases: string[]; keys: string[]; tabKeys: string[]; caches: string[] }> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((info) => info.name ?? '').sort(),
    keys: Object.keys(localStorage).sort(),
    tabKeys: Object.keys(sessionStorage).sort(),
    caches: (await caches.keys()).sort(),
  }));
}

/** A short demo trial, stopped once it runs, saved for the current person. */
async function stoppedTrial(page: Page, personName: string): Promise<void> {
  await page.locator('#setup-notice').getByText('the demo recording is selected').waitFor({ timeout: 5_000 });
  await pressStart(page);
  await waitForPhase(page, 'running');
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.locator('[data-screen="result"]').waitFor();
  await page.locator('[data-field="save-status"]').getByText(personName).waitFor();
}

async function injected(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __injected?: unknown }).__injected ?? null);
}

describe('privacy', () => {
  it('shows names and notes as text, never as markup', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await openPersonForm(page);
    await page.getByLabel('Name or code').fill(HOSTILE_NAME);
    await page.getByLabel(/^Notes/).fill(HOSTILE_NOTES);
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByText(`Results are kept in ${HOSTILE_NAME}’s history on this device.`).waitFor();
    await stoppedTrial(page, HOSTILE_NAME);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'History' }).click();
    const notes = page.locator('[data-field="person-notes"]');
    await expect.poll(() => notes.innerText()).toBe(HOSTILE_NOTES);
    await expect.poll(() => notes.locator('b, script').count()).toBe(0);
    await expect.poll(() => page.locator('img[src="x"]').count()).toBe(0);
    await expect.poll(() => injected(page)).toBeNull();
    await page.context().close();
  });

  it('deletes all data after a confirm step, says what it deleted, and keeps the app’s own offline files', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await openPersonForm(page);
    await page.getByLabel('Name or code').fill('P-017');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByText('Results are kept in P-017’s history on this device.').waitFor();
    // A trial, so there is a history and a remembered set-up.
    await stoppedTrial(page, 'P-017');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const before = await kept(page);
    expect(before.databases).toEqual(['stork-history']);
    expect(before.keys).toEqual(['stork.order.v1', 'stork.person.v1', 'stork.setup.v1']);
    expect(before.tabKeys).toEqual(['stork.guided.v1']);
    expect(before.caches).toHaveLength(1);
    expect(before.caches[0]).toMatch(/^workbox-precache-v2-/);

    await page.getByRole('button', { name: 'Change set-up' }).click();
    await page.getByRole('button', { name: 'Privacy and your data' }).click();
    const privacy = page.locator('[data-screen="privacy"]');
    await expect
      .poll(() => privacy.getByRole('heading', { level: 1 }).innerText())
      .toBe('Privacy and your data');
    await expect
      .poll(() => privacy.getByText(/No recording, result, name or note is sent anywhere/).isVisible())
      .toBe(true);
    await screenshot(page, '50-privacy');

    // The first tap only asks; Cancel leaves everything as it was.
    await privacy.getByRole('button', { name: 'Delete all my data' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Delete everything Stork keeps on this device? This cannot be undone.');
    await screenshot(page, '51-privacy-confirm');
    await privacy.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => kept(page)).toEqual(before);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Delete all my data');

    await privacy.getByRole('button', { name: 'Delete all my data' }).click();
    await privacy.getByRole('button', { name: 'Yes, delete everything' }).click();
    const report = privacy.locator('[data-field="deletion-report"]');
    await report.waitFor();
    await expect.poll(() => report.locator('p').first().innerText()).toBe('Deleted from this device:');
    await expect
      .poll(async () => (await report.locator('li').allInnerTexts()).sort())
      .toEqual([
        'The last set-up choices',
        'The order of the legs chosen last',
        'The test session under way in this tab',
        'The trial history: people, notes, trials and their recordings',
        'Who was being tested last',
      ]);
    await expect.poll(() => privacy.getByRole('button', { name: 'Back to set-up' }).isHidden()).toBe(true);
    await screenshot(page, '52-privacy-deleted');
    // Gone, except the app's own files.
    await expect
      .poll(() => kept(page))
      .toEqual({ databases: [], keys: [], tabKeys: [], caches: before.caches });

    await privacy.getByRole('button', { name: 'Start again' }).click();
    await page.getByRole('heading', { name: 'Single-leg balance test' }).waitFor();
    // A fresh start: nobody in the history, the add form opens from the picker's one button.
    await page.getByRole('button', { name: 'Add the person tested' }).waitFor();
    await expect.poll(() => page.locator('#person-select').isVisible()).toBe(false);
    await expect.poll(() => page.getByText('No person chosen').isVisible()).toBe(true);
    await page.context().close();
  });
});
