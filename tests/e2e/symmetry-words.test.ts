/**
 * The symmetry on the Left vs right page, on a phone's screen (390 x 844): the LSI of the best
 * of 3 leads with one sentence, a difference at 90 % or more calls no leg weaker, and a mean
 * that points elsewhere is explained. Seeded trials of one day (helpers/seed-trials.ts): left
 * 30.0 and 20.0 s, right 29.0 s; best 29 / 30 = 96.7 %, about even; means 25.0 against 29.0 s,
 * 25 / 29 = 86.2 %, the left leg weaker.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork, PHONE_VIEWPORT } from './helpers/browser';
import { goTo, viewportScreenshot } from './helpers/history';
import { seedTrials, type SeedTrial } from './helpers/seed-trials';

const OUT = resolve(import.meta.dirname, '../../test-output/symmetry-words');

const app = useBuiltApp();

/** The text of a cell as read, on one line (the page sets the note on a line of its own). */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

const SEED: readonly SeedTrial[] = [
  ['2026-12-07T10:01:00.000+01:00', 'left', 30.0],
  ['2026-12-07T10:03:00.000+01:00', 'right', 29.0],
  ['2026-12-07T10:05:00.000+01:00', 'left', 20.0],
];

describe('the legs’ symmetry in words', () => {
  it('leads with the LSI of the best of 3, calls no leg weaker at 96.7 %, and explains the mean', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      expect(page.viewportSize()).toEqual(PHONE_VIEWPORT);
      await seedTrials(page, app.server.url, 'Even legs', 1960, SEED, OUT);
      await goTo(page, 'Compare');
      const hold = page.locator('[data-metric="holdTimeS"]');
      await expect
        .poll(async () => oneLine(await hold.locator('[data-field="lsi-best"] td').innerText()))
        .toBe('96.7 % 90 % or more: about even.');
      await expect
        .poll(() => hold.locator('[data-field="lsi-best"] td').getAttribute('data-flagged'))
        .toBe('false');
      await expect
        .poll(() => hold.locator('[data-field="symmetry-lead"]').innerText())
        .toBe(
          'The right leg’s best hold time is 96.7 % of the left leg’s (100 % is even; under 90 % one leg is called weaker).',
        );
      await expect
        .poll(() => hold.locator('[data-field="best-mean"]').innerText())
        .toBe(
          'The mean says otherwise (best of 3: about even; mean: left leg weaker): the mean also counts each leg’s weaker trials, so the trials vary. The best of 3 is the figure the norms use.',
        );
      // The other figures are there, behind their disclosure.
      await hold.locator('[data-field="other-figures"] summary').click();
      await expect
        .poll(async () => oneLine(await hold.locator('[data-field="lsi-mean"] td').innerText()))
        .toBe('⚠ 86.2 % Below 90 %: asymmetric. Left leg weaker.');
      await expect.poll(() => page.getByText('Right leg weaker').count()).toBe(0);
      await viewportScreenshot(page, '83-compare-symmetry-words', '[data-metric="holdTimeS"]');
    } finally {
      await page.context().close();
    }
  });
});
