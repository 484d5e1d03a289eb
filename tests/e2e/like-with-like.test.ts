/**
 * Like with like, said plainly, on a phone's screen (390 x 844): one day's trials with
 * different time limits (left leg 45 s, right leg 10 s, imported through the page:
 * helpers/seed-trials.ts). Compare and Progress say how the trials differ, their selectors
 * count the trials the page then speaks of, and the offered test opens the set-up with exactly
 * that leg and those conditions.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeScan, FAILING_IMPACTS } from './helpers/axe';
import { useBuiltApp } from './helpers/built-app';
import { openStork, PHONE_VIEWPORT } from './helpers/browser';
import { chosenSetup } from './helpers/flow';
import { goTo, viewportScreenshot } from './helpers/history';
import { seedTrials, type SeedTrial } from './helpers/seed-trials';

const OUT = resolve(import.meta.dirname, '../../test-output/like-with-like');

const app = useBuiltApp();

/** 7 Dec 2026: the left leg with a 45 s limit, the right leg with 10 s. */
const MIXED_LIMITS: readonly SeedTrial[] = [
  ['2026-12-07T10:01:00.000+01:00', 'left', 30.0, 45],
  ['2026-12-07T10:05:00.000+01:00', 'right', 8.0, 10],
];

/** The axe-core findings (./helpers/axe.ts) that fail a screen: serious or critical. */
async function failingFindings(page: Page): Promise<string[]> {
  return (await axeScan(page))
    .filter((finding) => FAILING_IMPACTS.includes(finding.impact))
    .map((finding) => `${finding.rule}: ${finding.targets.join(', ')}`);
}

const DIFFER = 'left leg with a 45 s limit, right leg with 10 s.';

/** The text of the chosen option of a select. */
const chosenText = (page: Page, id: string) => () =>
  page.locator(`#${id}`).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text ?? '');

describe('trials of a day under different time limits', () => {
  it('are said to differ on Compare and Progress, with matching counts and the test that makes them comparable', async () => {
    const { page } = await openStork(app.browser, app.server.url, {
      sensors: 'absent',
      // Only so that axe-core can be injected: the page's security is not looked at here.
      bypassCSP: true,
    });
    try {
      expect(page.viewportSize()).toEqual(PHONE_VIEWPORT);
      await seedTrials(page, app.server.url, 'Mixed limits', 1950, MIXED_LIMITS, OUT);

      await goTo(page, 'Compare');
      const differ = page.locator('[data-empty="conditions-differ"]');
      await expect
        .poll(() => differ.locator('h2').innerText())
        .toBe('The legs were tested under different conditions');
      await expect
        .poll(() => differ.locator('p').first().innerText())
        .toContain(`In this session: ${DIFFER}`);
      // The session counts both trials and says they differ; the conditions shown hold the
      // right leg's one trial, as the page's words say.
      await expect
        .poll(chosenText(page, 'compare-session'))
        .toBe('7 Dec 2026 (left 1, right 1, under different conditions)');
      await expect
        .poll(chosenText(page, 'compare-conditions'))
        .toBe('Eyes open, firm, chest, 10 s (left 0, right 1)');
      const tests = differ.locator('[data-field="comparable-tests"] a');
      await expect
        .poll(() => tests.allInnerTexts())
        .toEqual(['Test the left leg with a 10 s limit', 'Test the right leg with a 45 s limit']);
      expect(await failingFindings(page)).toEqual([]);
      await viewportScreenshot(page, '80-compare-conditions-differ', '[data-empty="conditions-differ"]');

      // The other conditions: the left leg's trial, and the other leg first in the offer.
      await page
        .locator('#compare-conditions')
        .selectOption({ label: 'Eyes open, firm, chest, 45 s (left 1, right 0)' });
      await expect
        .poll(chosenText(page, 'compare-conditions'))
        .toBe('Eyes open, firm, chest, 45 s (left 1, right 0)');
      await expect
        .poll(() => tests.allInnerTexts())
        .toEqual(['Test the right leg with a 45 s limit', 'Test the left leg with a 10 s limit']);

      await goTo(page, 'Progress');
      const one = page.locator('[data-empty="one-trial"]');
      await expect.poll(() => one.locator('h2').innerText()).toBe('One trial under these conditions');
      await expect
        .poll(() => one.locator('p').first().innerText())
        .toContain(`The trials differ in conditions: ${DIFFER}`);
      await expect
        .poll(chosenText(page, 'progress-conditions'))
        .toBe('Eyes open, firm, chest, 10 s (left 0, right 1)');
      expect(await failingFindings(page)).toEqual([]);
      await viewportScreenshot(page, '81-progress-conditions-differ', '[data-empty="one-trial"]');

      // The offered test opens the set-up with that leg and those conditions, and the address
      // forgets it, so a later reload keeps what is changed on the set-up.
      await one.getByRole('link', { name: 'Test the left leg with a 10 s limit' }).click();
      await page.locator('[data-screen="setup"]').waitFor();
      await expect.poll(chosenSetup(page)).toEqual(['left', 'open', 'firm', 'chest', '10']);
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/');
    } finally {
      await page.context().close();
    }
  });
});
