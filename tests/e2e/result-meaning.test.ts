/**
 * One meaning per number on the result page, on a phone's screen (390 x 844), with the demo
 * recording (fixtures/demo/case01.csv: a touch-down at 32.89 s) for a person born in 1951:
 * the hold time against the Springer 2007 norm of age 70-79 (21.5 s, eyes open, 45 s limit,
 * firm floor), the sway in one figure with its meaning, the research measures under "Details"
 * with their units in words; with a 10 s limit, no norm and why, and why centroid frequency is
 * missing (it needs 10 s of analysed window, the 10 s limit leaves 9 s).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork, PHONE_VIEWPORT } from './helpers/browser';
import { choose, pressStart } from './helpers/flow';
import { addPerson, viewportScreenshot } from './helpers/history';
import { readResult } from './helpers/result-page';

const app = useBuiltApp();

const field = (page: Page, name: string) => page.locator(`[data-screen="result"] [data-field="${name}"]`);

describe('the result page’s numbers', () => {
  it('holds the hold time against the age norm and says what the sway measures mean', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      expect(page.viewportSize()).toEqual(PHONE_VIEWPORT);
      await page.locator('#setup-notice').getByText('the demo recording is selected').waitFor();
      await addPerson(page, 'Norm person', 1951);
      await page.getByLabel('Demo speed').selectOption('8');
      await pressStart(page);
      // The research measures wait behind "Details" (readResult opens it, as a person would).
      const details = field(page, 'sway-details');
      await details.waitFor({ state: 'attached', timeout: 60_000 });
      await expect.poll(() => details.evaluate((element: HTMLDetailsElement) => element.open)).toBe(false);
      const shown = await readResult(page, 60_000);
      expect(shown.endReason).toBe('touchdown');

      await expect
        .poll(() => field(page, 'hold-norm').innerText())
        .toBe(
          'Age norm (Springer et al. 2007, age 70-79): 21.5 s, the average best of 3 trials of healthy people of that age with a 45 s limit. This trial is above the norm.',
        );
      await expect.poll(() => field(page, 'hold-norm').getAttribute('data-against')).toBe('above');
      await expect
        .poll(() => field(page, 'sway-lead').innerText())
        .toMatch(
          /^Sway: [\d.]+ m\/s², the typical size of the sway \(acceleration of the chest\)\. Less is steadier\.$/,
        );
      // Each measure with its unit in words.
      await expect
        .poll(() => details.getByText('acceleration of the chest, m/s²', { exact: true }).isVisible())
        .toBe(true);
      await expect
        .poll(() =>
          details.getByText('acceleration of the chest, squared, m²/s⁴', { exact: true }).isVisible(),
        )
        .toBe(true);
      await expect.poll(() => details.locator('[data-field^="missing-"]').count()).toBe(0);
      // The person's first trial: nothing earlier to set its sway against (usual-sway.test.ts has the rest).
      await expect.poll(() => field(page, 'sway-usual').getAttribute('data-state')).toBe('done');
      expect(await field(page, 'sway-usual').innerText()).toBe(
        'No earlier trials on this leg under the same conditions to compare with yet.',
      );
      await viewportScreenshot(page, '82-result-norm-and-details', '[data-screen="result"]');

      await page.getByRole('button', { name: 'Change set-up' }).click();
      await page.locator('[data-screen="setup"]').waitFor();
      await choose(page, '10 s');
      await pressStart(page);
      const short = await readResult(page, 60_000);
      expect(short.endReason).toBe('completed');
      expect(short.metrics['centroidFrequency']).toBeNull();
      await expect
        .poll(() => field(page, 'hold-norm').innerText())
        .toBe('No age norm: the norms are for a 45 s cap (this test: 10 s).');
      const windowS = (short.window?.toS ?? NaN) - (short.window?.fromS ?? NaN);
      expect(windowS).toBeLessThan(10);
      await expect
        .poll(() => field(page, 'missing-centroidFrequency').textContent())
        .toBe(`Not computed: it needs 10 s of analysed movement, this trial has ${windowS.toFixed(1)} s.`);
    } finally {
      await page.context().close();
    }
  });
});
