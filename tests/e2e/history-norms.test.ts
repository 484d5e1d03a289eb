/**
 * The progress chart's norm band: with the default protocol (eyes open, firm floor, 45 s cap)
 * and a birth year, hold time is drawn against the Springer 2007 age-group norm, cited on the
 * chart. Trials: the bundled demo recording at 8x (no sensor on this page), one per leg.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork, screenshot } from './helpers/browser';
import { choose, pressStart } from './helpers/flow';
import { addPerson, goTo, viewportScreenshot } from './helpers/history';
import { readResult } from './helpers/result-page';

const app = useBuiltApp();

describe('the progress chart against the norms', () => {
  it('draws the Springer 2007 hold-time band for the person’s age group and cites it', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      // Born 75 years before this year: 74 or 75 today, the 70-79 group either way.
      const birthYear = new Date().getFullYear() - 75;
      await addPerson(page, 'Older adult', birthYear);
      await page
        .locator('#setup-notice')
        .getByText('the demo recording is selected')
        .waitFor({ timeout: 5_000 });
      await choose(page, '45 s');
      await choose(page, 'Left leg');
      await page.getByLabel('Demo speed').selectOption('8');
      await pressStart(page);
      const left = await readResult(page, 60_000);
      await page.getByRole('button', { name: /^Next: / }).click();
      const right = await readResult(page, 60_000);
      expect(left.endReason).toBe('touchdown');
      expect(right.endReason).toBe('touchdown');

      await goTo(page, 'Progress');
      const figure = page.locator('.progress-figure[data-chart="drawn"]');
      await figure.waitFor();
      await expect.poll(() => figure.getAttribute('data-points-left')).toBe('1');
      await expect.poll(() => figure.getAttribute('data-points-right')).toBe('1');
      // SPEC section 1, Springer et al. 2007, eyes open, 70-79: 21.5 s.
      await expect.poll(() => figure.getAttribute('data-norm-low-s')).toBe('21.5');
      await expect.poll(() => figure.getAttribute('data-norm-high-s')).toBe('21.5');
      const caption = await page.locator('[data-field="norm"]').innerText();
      expect(caption).toContain('Springer et al. 2007, age 70-79, eyes open: 21.5 s');
      // The paper, and what the norm is, in a "Sources" disclosure under the chart.
      const sources = page.locator('[data-field="norm-sources"]');
      await sources.locator('summary').click();
      await expect.poll(() => sources.innerText()).toContain('J Geriatr Phys Ther. 2007;30(1):8-15');
      expect(await sources.innerText()).toContain(
        'their best time counted, with a 45 s limit on a firm floor',
      );
      await viewportScreenshot(page, '54-progress-norm', '.progress-figure');

      // Another measure has no norm: no band, no citation.
      await page.getByLabel('Measure').selectOption('rms');
      await page.locator('.progress-figure[data-metric="rms"][data-chart="drawn"]').waitFor();
      await expect.poll(() => page.locator('[data-field="norm"]').count()).toBe(0);
      await expect.poll(() => page.locator('[data-field="norm-sources"]').count()).toBe(0);
      await screenshot(page, '55-progress-rms');
    } finally {
      await page.context().close();
    }
  });
});
