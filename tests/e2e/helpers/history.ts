/** Steps on the history pages, as a person takes them: add a person, go to a page, read the list. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './browser';

/** Adds a person with the set-up page's form and waits until they are the current person. */
export async function addPerson(page: Page, name: string, birthYear: number | null): Promise<void> {
  const picker = page.locator('[data-part="people-picker"]');
  await picker.waitFor();
  await openPersonForm(page);
  await page.getByLabel('Name or code').fill(name);
  if (birthYear !== null) await page.getByLabel('Birth year').fill(String(birthYear));
  await page.getByRole('button', { name: 'Add person' }).click();
  await picker.getByText(`Results are kept in ${name}’s history on this device.`).waitFor();
}

/**
 * Opens the set-up page's "add a person" form: "Add the person tested" when nobody is in the
 * history yet, else "Add a person…" in the picker.
 */
export async function openPersonForm(page: Page): Promise<void> {
  const picker = page.locator('[data-part="people-picker"]');
  await picker.waitFor();
  if (await page.getByLabel('Name or code').isVisible()) return;
  if (await page.locator('#person-select').isVisible()) {
    await page.getByLabel('Person tested').selectOption({ label: 'Add a person…' });
  } else {
    await picker.getByRole('button', { name: 'Add the person tested' }).click();
  }
  await page.getByLabel('Name or code').waitFor();
}

export type Tab = 'Test' | 'History' | 'Compare' | 'Progress';

/** Taps a tab of the navigation and waits for its page. */
export async function goTo(page: Page, tab: Tab): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: tab, exact: true }).click();
  const screen = { Test: 'setup', History: 'history', Compare: 'compare', Progress: 'progress' }[tab];
  await page.locator(`[data-screen="${screen}"]`).waitFor();
}

export interface HistoryRowShown {
  trialId: string;
  side: string;
  holdTimeS: number;
  holdTimeText: string;
  text: string;
}

/** The rows of the history list, top to bottom. */
export async function historyRows(page: Page): Promise<HistoryRowShown[]> {
  await page.locator('[data-field="history-count"]').waitFor();
  return page.locator('.history-row').evaluateAll((rows) =>
    rows.map((row) => {
      const element = row as HTMLElement;
      return {
        trialId: element.dataset['trialId'] ?? '',
        side: element.dataset['side'] ?? '',
        holdTimeS: Number(element.dataset['holdTime']),
        holdTimeText: element.querySelector('[data-field="hold-time"]')?.textContent ?? '',
        text: element.innerText.replace(/\s+/g, ' ').trim(),
      };
    }),
  );
}

/** A number behind a table cell or field (data-value). */
export async function dataValue(page: Page, selector: string): Promise<number> {
  const value = await page.locator(selector).first().getAttribute('data-value');
  if (value === null || value === '') throw new Error(`${selector}: no value`);
  return Number(value);
}

/**
 * Saves what a phone shows now (the viewport only, not the whole page) as
 * test-output/screenshots/<name>.png, with `selector` scrolled to the top first.
 */
export async function viewportScreenshot(page: Page, name: string, selector?: string): Promise<void> {
  if (selector !== undefined) {
    await page
      .locator(selector)
      .first()
      .evaluate((element) => element.scrollIntoView({ block: 'start' }));
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`) });
}
