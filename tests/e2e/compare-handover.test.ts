/**
 * Compare's advice hands over to the test on a phone's screen (390 x 844): with trials of one
 * leg only, "Test the right leg" opens the set-up with the missing leg and the tested leg's
 * conditions chosen (here a 30 s limit, not the remembered 45 s), ready for Start.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork, PHONE_VIEWPORT } from './helpers/browser';
import { chosenSetup } from './helpers/flow';
import { goTo, viewportScreenshot } from './helpers/history';
import { seedTrials } from './helpers/seed-trials';

const OUT = resolve(import.meta.dirname, '../../test-output/compare-handover');

const app = useBuiltApp();

describe('Compare with one leg tested', () => {
  it('opens the test of the missing leg under the same conditions', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      expect(page.viewportSize()).toEqual(PHONE_VIEWPORT);
      // The left leg only, with a 30 s limit; the set-up remembers the left leg and 45 s.
      await seedTrials(
        page,
        app.server.url,
        'One leg',
        1950,
        [['2026-12-07T10:01:00.000+01:00', 'left', 21.0, 30]],
        OUT,
      );

      await goTo(page, 'Compare');
      const oneSide = page.locator('[data-empty="one-side"]');
      await expect.poll(() => oneSide.locator('h2').innerText()).toBe('Only the left leg so far');
      const test = oneSide.getByRole('link', { name: 'Test the right leg' });
      await test.waitFor();
      await viewportScreenshot(page, '82-compare-one-side-handover', '[data-empty="one-side"]');
      await test.click();

      await page.locator('[data-screen="setup"]').waitFor();
      await expect.poll(chosenSetup(page)).toEqual(['right', 'open', 'firm', 'chest', '30']);
      await expect
        .poll(() => page.locator('[data-part="setup-line"]').innerText())
        // No motion sensor here (sensors: 'absent'), so the demo recording is the source.
        .toBe('Right leg · eyes open · firm floor · chest · 30 s · demo recording — Change');
      // The address forgets the advised set-up: a reload keeps what the person then changes.
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/');
      await expect
        .poll(() => page.getByRole('button', { name: 'Start', exact: true }).isVisible())
        .toBe(true);
    } finally {
      await page.context().close();
    }
  });
});
