/**
 * The history in real headless Chromium over the built page: trials of both legs run with
 * motion fed through the DevTools sensor emulation (fixtures/e2e/case00.csv, quiet stance, no
 * touch-down), saved for a person, still there after a reload, listed in the history, compared
 * left vs right with the LSI and SI of SPEC section 6, drawn on the progress chart, and
 * deleted with undo. Screenshots of each page go to test-output/screenshots.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork, screenshot } from './helpers/browser';
import { choose, pressStart, waitForElapsed, waitForPhase } from './helpers/flow';
import { addPerson, dataValue, goTo, historyRows, viewportScreenshot } from './helpers/history';
import { feedRecording, readRecording, type MotionFeed } from './helpers/motion-feed';
import { readResult, type ShownResult } from './helpers/result-page';

const QUIET = readRecording(resolve(import.meta.dirname, '../../fixtures/e2e/case00.csv'));
/** The shortest cap keeps three trials within a minute. */
const CAP_S = 10;
const PERSON = 'P-017';

const app = useBuiltApp();

/** Waits for the result of the trial running now and for its save to be reported. */
async function resultSaved(page: Page): Promise<ShownResult> {
  const shown = await readResult(page);
  await expect
    .poll(() => page.locator('[data-field="save-status"]').textContent())
    .toBe(`Saved in ${PERSON}’s history.`);
  return shown;
}

/** Stops the running trial once the page's timer shows `atS`. */
async function stopAt(page: Page, atS: number): Promise<ShownResult> {
  await waitForPhase(page, 'running');
  await waitForElapsed(page, atS);
  await page.getByRole('button', { name: 'Stop' }).click();
  return resultSaved(page);
}

describe('history, comparison and progress', () => {
  it('keeps the trials of both legs over a reload, lists them, compares the legs and charts them; delete can be undone', async () => {
    const { page, cdp } = await openStork(app.browser, app.server.url, { sensors: 'present' });
    const feed: MotionFeed = feedRecording(cdp, QUIET, { bounce: true });
    try {
      // Nobody yet: the history pages say what to do instead of drawing anything.
      await goTo(page, 'History');
      await expect
        .poll(() => page.locator('[data-empty="no-person"] h2').innerText())
        .toBe('Nobody in the history yet');
      await screenshot(page, '40-history-nobody');
      await goTo(page, 'Test');
      await addPerson(page, PERSON, 1950);
      await choose(page, `${CAP_S} s`);
      await choose(page, 'Phone sensor');
      await choose(page, 'Left leg');
      await screenshot(page, '41-setup-person');

      // 1. Left leg to the cap.
      await pressStart(page);
      await waitForPhase(page, 'countdown');
      await expect.poll(() => page.getByRole('navigation', { name: 'Pages' }).isVisible()).toBe(false);
      const left1 = await resultSaved(page);
      expect(left1.endReason).toBe('completed');
      expect(left1.holdTimeS).toBe(CAP_S);
      await screenshot(page, '42-result-saved');

      // With one trial: the comparison lacks a leg, the progress chart a second point.
      await goTo(page, 'Compare');
      await expect
        .poll(() => page.locator('[data-empty="one-side"] h2').innerText())
        .toBe('Only the left leg so far');
      await screenshot(page, '43-compare-one-side');
      await goTo(page, 'Progress');
      await expect
        .poll(() => page.locator('[data-empty="one-trial"] h2').innerText())
        .toBe('One trial so far');
      await expect
        .poll(() => page.locator('[data-empty="one-trial"]').innerText())
        .toContain('hold time 10.0 s');
      await screenshot(page, '44-progress-one-trial');

      // 2. Right leg, stopped at about 4 s; 3. left leg again, stopped at about 6 s.
      await goTo(page, 'Test');
      await choose(page, 'Right leg');
      await pressStart(page);
      const right = await stopAt(page, 4);
      await page.getByRole('button', { name: /^Next: / }).click();
      const left2 = await stopAt(page, 6);
      expect(right.endReason).toBe('stopped');
      expect(left2.endReason).toBe('stopped');
      expect(right.holdTimeS).toBeGreaterThanOrEqual(4);
      expect(right.holdTimeS).toBeLessThan(left2.holdTimeS);
      expect(left2.holdTimeS).toBeLessThan(CAP_S);

      // A reload (or a crash) keeps every finished trial.
      await page.reload();
      await goTo(page, 'History');
      const rows = await historyRows(page);
      // Newest first, with the hold times the result pages showed.
      expect(rows.map((row) => row.side)).toEqual(['left', 'right', 'left']);
      expect(rows.map((row) => row.holdTimeS)).toEqual([left2.holdTimeS, right.holdTimeS, left1.holdTimeS]);
      expect(rows.map((row) => row.holdTimeText)).toEqual([
        left2.holdTimeText,
        right.holdTimeText,
        left1.holdTimeText,
      ]);
      expect(rows[2]?.text).toContain('Completed');
      expect(rows[0]?.text).toContain('Stopped');
      expect(rows[0]?.text).toContain(`Eyes open · Firm floor · ${CAP_S} s`);
      expect(rows[0]?.text).toMatch(/RMS \d+(\.\d+)? m\/s²/);
      await screenshot(page, '45-history');
      // The side filter keeps the left leg's two.
      await page.getByRole('group', { name: 'Leg' }).getByRole('radio', { name: 'Right' }).check();
      expect((await historyRows(page)).map((row) => row.holdTimeS)).toEqual([right.holdTimeS]);
      await page.getByRole('group', { name: 'Leg' }).getByRole('radio', { name: 'Both' }).check();

      // Left vs right, today, like with like: best of each leg's last 3 trials (SPEC section 6).
      await goTo(page, 'Compare');
      await page.locator('.compare-results[data-charts="drawn"]').waitFor();
      const hold = '[data-metric="holdTimeS"]';
      const leftBest = Math.max(left1.holdTimeS, left2.holdTimeS);
      const rightBest = right.holdTimeS;
      await expect
        .poll(() => dataValue(page, `${hold} [data-field="best"] td:nth-of-type(1)`))
        .toBe(leftBest);
      await expect
        .poll(() => dataValue(page, `${hold} [data-field="best"] td:nth-of-type(2)`))
        .toBe(rightBest);
      await expect
        .poll(() => dataValue(page, `${hold} [data-field="mean"] td:nth-of-type(1)`))
        .toBeCloseTo((left1.holdTimeS + left2.holdTimeS) / 2, 9);
      // LSI = shorter / longer x 100 % for hold time (SPEC section 6), from the shown hold times.
      const lsi = (Math.min(leftBest, rightBest) / Math.max(leftBest, rightBest)) * 100;
      // SI = (R - L) / (0.5 (R + L)) x 100 % (Herzog 1989).
      const si = ((rightBest - leftBest) / (0.5 * (rightBest + leftBest))) * 100;
      expect(lsi).toBeLessThan(90);
      const lsiCell = page.locator(`${hold} [data-field="lsi-best"] td`);
      expect(Number(await lsiCell.getAttribute('data-value'))).toBeCloseTo(lsi, 9);
      await expect.poll(() => lsiCell.getAttribute('data-flagged')).toBe('true');
      await expect.poll(() => lsiCell.innerText()).toContain(`${lsi.toFixed(1)} %`);
      await expect.poll(() => lsiCell.innerText()).toContain('Below 90 %: asymmetric. Right leg weaker.');
      // The other figures wait under their disclosure, opened as a person would.
      await page.locator(`${hold} [data-field="other-figures"] summary`).click();
      const siCell = page.locator(`${hold} [data-field="si-best"] td`);
      expect(Number(await siCell.getAttribute('data-value'))).toBeCloseTo(si, 9);
      await expect.poll(() => siCell.innerText()).toBe(`${si.toFixed(1)} %`);
      await expect
        .poll(() => page.locator('[data-field="compare-summary"]').innerText())
        .toContain('LSI below 90 % for hold time');
      // Both conventions are named on the page.
      await page.getByText('How the legs are compared').click();
      await expect
        .poll(() => page.getByText('Limb symmetry index (LSI = weaker / stronger)').isVisible())
        .toBe(true);
      await expect
        .poll(() => page.getByText('Symmetry index (SI, Herzog et al. 1989)').isVisible())
        .toBe(true);
      // One grouped bar chart per measure: hold time and the three main sway metrics.
      await expect.poll(() => page.locator('.compare-card canvas').count()).toBe(4);
      await screenshot(page, '46-compare');
      await viewportScreenshot(page, '46-compare-hold-time', hold);

      // Progress: every trial a point (2 left, 1 right), one session (today) per leg.
      await goTo(page, 'Progress');
      const figure = page.locator('.progress-figure[data-chart="drawn"]');
      await figure.waitFor();
      await expect.poll(() => figure.getAttribute('data-points-left')).toBe('2');
      await expect.poll(() => figure.getAttribute('data-points-right')).toBe('1');
      await expect.poll(() => figure.getAttribute('data-sessions-left')).toBe('1');
      await expect.poll(() => figure.getAttribute('data-sessions-right')).toBe('1');
      // The table beside the chart: today's best of each leg.
      await page.getByText('The numbers as a table').click();
      const today = page.locator('.data-table tbody tr');
      await expect.poll(() => today.count()).toBe(1);
      await expect.poll(() => dataValue(page, '.data-table tbody tr td:nth-of-type(1)')).toBe(leftBest);
      await expect.poll(() => dataValue(page, '.data-table tbody tr td:nth-of-type(2)')).toBe(rightBest);
      // Springer 2007 norms are for a 45 s cap: with 10 s the chart says why there is no band.
      await expect
        .poll(() =>
          page
            .locator('[data-field="norm"]')
            .innerText()
            .then((text) => text.trim()),
        )
        .toBe('No norm band: the norms are for a 45 s cap (this test: 10 s).');
      await screenshot(page, '47-progress');
      await viewportScreenshot(page, '47-progress-chart', '.progress-figure');

      // A stored trial opens its result page; delete, then undo from the toast.
      await goTo(page, 'History');
      await page.locator('.history-row').first().click();
      const stored = await readResult(page);
      expect(stored.holdTimeS).toBe(left2.holdTimeS);
      expect(stored.samples).toBe(left2.samples);
      await expect
        .poll(() => page.locator('[data-field="stored-caption"]').innerText())
        .toMatch(new RegExp(`^${PERSON} · \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}$`));
      await expect.poll(() => page.getByRole('button', { name: 'Back to history' }).isVisible()).toBe(true);
      await screenshot(page, '48-stored-trial');
      await page.getByRole('button', { name: 'Delete trial' }).click();
      await page.locator('[data-screen="history"]').waitFor();
      await expect.poll(async () => (await historyRows(page)).length).toBe(2);
      const toast = page.locator('.toast');
      await expect.poll(() => toast.innerText()).toContain('Trial deleted.');
      await screenshot(page, '49-history-undo');
      await toast.getByRole('button', { name: 'Undo' }).click();
      await expect
        .poll(async () => (await historyRows(page)).map((row) => row.holdTimeS))
        .toEqual([left2.holdTimeS, right.holdTimeS, left1.holdTimeS]);
      // The undo is stored: a reload still lists all three.
      await page.reload();
      await page.locator('[data-screen="history"]').waitFor();
      await expect.poll(async () => (await historyRows(page)).length).toBe(3);
    } finally {
      await feed.stop();
      await page.context().close();
    }
  }, 180_000);
});
