/** Steps a person takes on the pages, as Playwright actions on accessible names. */
import type { Page } from 'playwright-core';

/**
 * Opens the set-up's choice groups where the page shows the set-up as one line (a known
 * person): taps its "Change". Does nothing where they are open already.
 */
export async function openSetupChoices(page: Page): Promise<void> {
  const setup = page.locator('[data-screen="setup"]');
  if ((await setup.count()) === 0) return;
  // Hidden while the person picker reads the history; shown as a line or whole after.
  await setup.waitFor();
  const change = setup.getByRole('button', { name: 'Change the set-up' });
  if (await change.isVisible()) await change.click();
}

/** Picks one option of a set-up choice group by its visible label (opening the groups first). */
export async function choose(page: Page, label: string): Promise<void> {
  await openSetupChoices(page);
  await page.getByRole('radio', { name: label, exact: true }).check();
}

export async function pressStart(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
}

/** Waits for the trial page in the given phase ("countdown" or "running"). */
export async function waitForPhase(
  page: Page,
  phase: 'countdown' | 'running',
  timeoutMs = 15_000,
): Promise<void> {
  await page.locator(`[data-screen="trial"][data-phase="${phase}"]`).waitFor({ timeout: timeoutMs });
}

/** The running page's big timer, in seconds. */
export async function shownElapsedS(page: Page): Promise<number> {
  return Number(await page.locator('[data-screen="trial"] .big-number').innerText());
}

/** Waits until the running timer shows at least `seconds`. */
export async function waitForElapsed(page: Page, seconds: number, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    (at) => {
      const timer = document.querySelector('[data-screen="trial"][data-phase="running"] .big-number');
      return timer !== null && Number(timer.textContent) >= at;
    },
    seconds,
    { timeout: timeoutMs, polling: 20 },
  );
}

/** The polite live region's current words. */
export async function announcement(page: Page): Promise<string> {
  return (await page.locator('#announcer').textContent()) ?? '';
}

/**
 * The set-up's chosen value of each choice group, in the order leg, eyes, surface, placement,
 * time limit (read in the DOM: the groups may sit behind Change).
 */
export const chosenSetup = (page: Page) => (): Promise<string[]> =>
  page.evaluate(() =>
    ['stanceSide', 'eyes', 'surface', 'placement', 'capS'].map(
      (name) => document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '',
    ),
  );
