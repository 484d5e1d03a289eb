/**
 * Words for people: every page of the built app, with data present, is read as a person reads
 * it (innerText, every disclosure opened) and must hold none of the notes meant for the
 * developers (spec sections, "to be checked", a secondary source to check). The running screen
 * says what to do and how long is left, never a sample count. Real headless Chromium at a
 * phone's size; the trials are the bundled demo recording (a touch-down at 32.9 s) with the
 * norms' protocol (45 s limit, firm floor) and a birth year, so the age norm is on the pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork } from './helpers/browser';
import { choose, pressStart, waitForElapsed, waitForPhase } from './helpers/flow';
import { addPerson, goTo } from './helpers/history';
import { readResult } from './helpers/result-page';

/**
 * What no page may say: the notes of issue 14 ("values from a secondary source (SPEC section
 * 1), to be checked against the paper", "(SPEC section 6)") and their kin.
 */
export const DEVELOPER_NOTES: readonly RegExp[] = [
  /\bSPEC\b/,
  /\bsection \d/i,
  /to be checked/i,
  /check(ed)? (them |it )?against the (primary )?paper/i,
  /secondary source/i,
  /\bTODO\b/,
  /\bFIXME\b/,
  /\bXXX\b/,
  /\bdevelopers?\b/i,
];

/** The page's text as a person can read it, with every disclosure opened first. */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    return document.body.innerText;
  });
}

async function expectPlainWords(page: Page, where: string): Promise<string> {
  const text = await readableText(page);
  expect(text.trim().length, `${where}: some text`).toBeGreaterThan(20);
  for (const pattern of DEVELOPER_NOTES) expect(text, `${where}: ${String(pattern)}`).not.toMatch(pattern);
  return text;
}

const app = useBuiltApp();

describe('words for people', () => {
  it('the forbidden patterns catch the notes the issue found', () => {
    const found = [
      'values from a secondary source (SPEC section 1), to be checked against the paper',
      'under the same conditions (SPEC section 6).',
    ];
    for (const note of found)
      expect(
        DEVELOPER_NOTES.some((pattern) => pattern.test(note)),
        note,
      ).toBe(true);
    expect(DEVELOPER_NOTES.some((pattern) => pattern.test('Hold the position. 7 s to go.'))).toBe(false);
  });

  it('no page shows a developers’ note; the running screen says what to do, not how many samples', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      await page.locator('#setup-notice').getByText('the demo recording is selected').waitFor();
      await expectPlainWords(page, 'test set-up, first visit');
      // 70 to 75 years old this year: the 70-79 norm applies.
      await addPerson(page, 'P-014', new Date().getFullYear() - 75);
      await page.reload();
      await page.locator('[data-part="setup-line"]').waitFor();
      await expectPlainWords(page, 'test set-up as one line');
      await choose(page, '45 s');
      await page.getByLabel('Demo speed').selectOption('4');
      await expectPlainWords(page, 'test set-up');

      await pressStart(page);
      await waitForPhase(page, 'running');
      await waitForElapsed(page, 2);
      const running = await expectPlainWords(page, 'running');
      expect(running).not.toMatch(/\bsamples?\b/i);
      await expect
        .poll(() => page.locator('.trial-detail').innerText())
        .toMatch(/^Stand on your left leg, other foot off the floor, look straight ahead\. \d+ s to go/);
      await readResult(page, 60_000);
      await expect.poll(() => page.locator('[data-field="save-status"]').innerText()).toMatch(/^Saved/);
      await expectPlainWords(page, 'result');

      await page.getByRole('button', { name: /^Next: / }).click();
      await readResult(page, 60_000);
      await expect.poll(() => page.locator('[data-field="save-status"]').innerText()).toMatch(/^Saved/);
      await expectPlainWords(page, 'result, second trial');
      // The set-up with the session under way, and the session's summary.
      await goTo(page, 'Test');
      await page.locator('[data-field="session-under-way"]').waitFor();
      await expectPlainWords(page, 'test set-up, session under way');
      await page.locator('[data-field="session-under-way"]').getByRole('button').click();
      await readResult(page, 60_000);
      await page.getByRole('button', { name: 'End the session here' }).click();
      await page.locator('[data-screen="session-summary"]').waitFor();
      await expectPlainWords(page, 'session summary');

      await goTo(page, 'History');
      await page.locator('.history-row').first().waitFor();
      await expectPlainWords(page, 'history');
      await goTo(page, 'Compare');
      await page.locator('.compare-results [data-field="compare-summary"], [data-empty]').first().waitFor();
      await expectPlainWords(page, 'compare');
      await goTo(page, 'Progress');
      // The age norm and its sources are on the page.
      await page.locator('[data-field="norm-sources"]').waitFor();
      await expectPlainWords(page, 'progress');
      // The clinician's report, its footnotes and sources included.
      await page.goto(`${app.server.url}#/report`);
      await page.locator('[data-screen="report"] [data-field="summary"] li').first().waitFor();
      await expectPlainWords(page, 'report');
      await page.goto(`${app.server.url}#/export`);
      await page.locator('[data-screen="export"]').waitFor();
      await expectPlainWords(page, 'export');
      await page.goto(`${app.server.url}#/import`);
      await page.locator('[data-screen="import"]').waitFor();
      await expectPlainWords(page, 'import');
      await goTo(page, 'History');
      await page.locator('a.history-row').first().click();
      await page.locator('[data-screen="result"] [data-field="stored-caption"]').waitFor();
      await expectPlainWords(page, 'a stored trial');
      await goTo(page, 'Test');
      await page.getByRole('button', { name: 'Privacy and your data' }).click();
      await page.locator('[data-screen="privacy"]').waitFor();
      await expectPlainWords(page, 'privacy');
    } finally {
      await page.context().close();
    }
  });
  it('training mode says what to do in words: the page, plan, week, a set, a rest, the summary, today’s plan', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      await page.goto(`${app.server.url}#/training`);
      await page.getByText('so the demo recording is selected').waitFor({ timeout: 5_000 });
      await addPerson(page, 'Trainee', 1950);
      await choose(page, 'Feet together');
      await page.getByLabel('Sets', { exact: true }).selectOption('2');
      await choose(page, '10 s');
      await page.getByLabel('Rest between sets').selectOption('3');
      await page.getByRole('button', { name: 'Add these settings to the plan' }).click();
      await page.locator('[data-field="plan-status"]').getByText('Added to the plan.').waitFor();
      await expectPlainWords(page, 'training page with its plan and week');
      await page.getByRole('button', { name: 'Start training' }).click();
      await page.locator('[data-screen="training-run"][data-phase="running"]').waitFor({ timeout: 10_000 });
      const running = await expectPlainWords(page, 'a training set running');
      expect(running).toMatch(/Stand with your feet together/);
      expect(running).toMatch(/seconds left of 10/);
      expect(running).not.toMatch(/samples?\b/i);
      await page.locator('[data-screen="training-run"][data-phase="rest"]').waitFor({ timeout: 15_000 });
      expect(await expectPlainWords(page, 'a rest')).toMatch(/Next: set 2 of 2/);
      await page.locator('[data-screen="training-summary"]').waitFor({ timeout: 30_000 });
      await page.locator('[data-field="save-status"]').getByText('Saved').waitFor();
      await expectPlainWords(page, 'the session’s summary');
      await page.getByRole('button', { name: 'Back to the test' }).click();
      await page.locator('[data-field="today-plan"]').getByText('Done: 2 of 2 sets').waitFor();
      await expectPlainWords(page, 'test set-up with today’s plan');
      await page.goto(`${app.server.url}#/training-progress`);
      await page.locator('[data-screen="training-progress"] figure[data-chart="drawn"]').first().waitFor();
      await expectPlainWords(page, 'training progress');
    } finally {
      await page.context().close();
    }
  }, 90_000);
});
