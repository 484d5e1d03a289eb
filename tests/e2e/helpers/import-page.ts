/** The import page in end-to-end tests: choose files, read what was found, save it, count the history. */
import type { Page } from 'playwright-core';
import { historyRows } from './history';

/** Opens the import page of the app at `url`, afresh (from another page when it is shown already). */
export async function openImport(page: Page, url: string): Promise<void> {
  if (page.url().endsWith('#/import')) await page.goto(`${url}#/history`);
  await page.goto(`${url}#/import`);
  await page.locator('[data-screen="import"]').waitFor();
}

/** Chooses the files on the import page and waits for what was found (or the message). */
export async function chooseFiles(page: Page, files: string[], timeout = 60_000): Promise<void> {
  await page.locator('#import-files').setInputFiles(files);
  await page
    .locator('[data-field="import-preview"], [data-field="import-message"]:not(:empty)')
    .first()
    .waitFor({ timeout });
}

/** The lines of what was found, one per trial. */
export async function trialLines(page: Page): Promise<string[]> {
  return page.locator('[data-field="import-trials"] li').allInnerTexts();
}

/** Saves what was found (naming a new person when asked); the number of trials saved. */
export async function saveImport(page: Page, name: string): Promise<number> {
  if (await page.getByLabel('Name or code of the new person').isVisible())
    await page.getByLabel('Name or code of the new person').fill(name);
  await page.getByRole('button', { name: /^Save \d+ trials?$/ }).click();
  const saved = page.locator('[data-field="import-saved"]');
  await saved.waitFor();
  return Number(await saved.getAttribute('data-value'));
}

/** The trials in the current person's history (0 when there is no person yet). */
export async function historyCount(page: Page, url: string): Promise<number> {
  await page.goto(`${url}#/history`);
  await page.locator('[data-screen="history"]').waitFor();
  await page.locator('[data-field="history-count"], [data-empty="no-person"]').first().waitFor();
  if ((await page.locator('[data-empty="no-person"]').count()) > 0) return 0;
  return (await historyRows(page)).length;
}
