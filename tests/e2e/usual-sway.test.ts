/**
 * One meaning per number, on a phone's screen (390 x 844): the result page sets the trial's
 * sway against the person's earlier test trials under the same conditions (src/core/usual-sway.ts:
 * the median of the last 5, "about as usual" within 1.96 * sqrt(2) * their SD), filled in once
 * the history answers, for a live trial and for a stored one; and the set-up says when the time
 * limit is too short for a measure (10 s leaves 9 s of analysed window, centroid frequency needs
 * 10 s), under the choice and in its one-line view, not for 45 s.
 *
 * The earlier trials are seeded through the import page with their sway RMS; the expected
 * figures are worked out here from those stored values, the live one read off the page.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SPECTRAL_MIN_DURATION_S } from '../../src/core/metrics/spectral';
import { SETTLE_S } from '../../src/core/options';
import { useBuiltApp } from './helpers/built-app';
import { openStork, PHONE_VIEWPORT } from './helpers/browser';
import { choose, openSetupChoices, pressStart } from './helpers/flow';
import { goTo, viewportScreenshot } from './helpers/history';
import { readResult } from './helpers/result-page';
import { seedTrials, type SeedTrial } from './helpers/seed-trials';

const app = useBuiltApp();
const OUT = resolve(import.meta.dirname, '../../test-output/usual-sway');
const PERSON = 'Usual person';

const day = (n: number, hour = 10) => `2026-11-0${n}T${hour}:00:00.000+01:00`;
/** Left leg, 45 s: seven trials, the last five at 0.78-0.86 m/s²; a right-leg and a 10 s one that must not count. */
const SEED: readonly SeedTrial[] = [
  [day(1), 'left', 12, 45, 0.3],
  [day(2), 'left', 12, 45, 0.3],
  [day(3), 'left', 12, 45, 0.78],
  [day(4), 'left', 12, 45, 0.8],
  [day(5), 'left', 12, 45, 0.82],
  [day(6), 'left', 12, 45, 0.84],
  [day(6, 11), 'right', 12, 45, 2],
  [day(6, 12), 'left', 9, 10, 2],
  [day(7), 'left', 12, 45, 0.86],
];

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const medianOf = (values: readonly number[]) => {
  const s = sorted(values);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sdOf = (values: readonly number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, x) => a + (x - mean) ** 2, 0) / (values.length - 1));
};
/** Three significant digits, as the page shows a measure. */
const shown = (x: number) =>
  new Intl.NumberFormat('en', { maximumSignificantDigits: 3, useGrouping: false }).format(x);

/** The RMS of the last 5 seeded left-leg 45 s trials before `index` (all of them: the seed's length). */
function lastFive(before = SEED.length): number[] {
  return SEED.slice(0, before)
    .filter(([, side, , capS = 45]) => side === 'left' && capS === 45)
    .map((trial) => trial[4]!)
    .slice(-5);
}

const usualLine = (page: Page) => page.locator('[data-screen="result"] [data-field="sway-usual"]');

/** The words the page must say for `value` against `earlier` (usual-sway-words.ts). */
function expectedWords(value: number, earlier: readonly number[]): string {
  const median = medianOf(earlier);
  const mdc = 1.96 * Math.SQRT2 * sdOf(earlier);
  const difference = value - median;
  const head =
    Math.abs(difference) <= mdc
      ? 'About as usual'
      : difference < 0
        ? 'Steadier than usual'
        : 'Less steady than usual';
  const verdict =
    Math.abs(difference) <= mdc
      ? `is within measurement error (minimal detectable change ${shown(mdc)} m/s², worked out from those trials’ spread)`
      : `is beyond the minimal detectable change of ${shown(mdc)} m/s² worked out from those trials’ spread`;
  return `${head}: sway ${shown(value)} m/s² in this trial, against ${shown(median)} m/s², the median of the last ${earlier.length} earlier trials on this leg under the same conditions. The difference, ${shown(Math.abs(difference))} m/s², ${verdict}.`;
}

const LIMIT_NOTE = (capS: number) =>
  `With a ${capS} s limit, centroid frequency (the sway’s rhythm) is not computed: it needs ${SPECTRAL_MIN_DURATION_S} s of analysed movement, this limit leaves ${(capS - SETTLE_S).toFixed(1)} s.`;

describe('the sway against the earlier trials, and a time limit too short for a measure', () => {
  it('compares a new and a stored trial with the trials before it; the set-up names what 10 s leaves out', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      expect(page.viewportSize()).toEqual(PHONE_VIEWPORT);
      await page.locator('#setup-notice').getByText('the demo recording is selected').waitFor();
      await seedTrials(page, app.server.url, PERSON, 1951, SEED, OUT);

      // The set-up: the sentence under the time limit comes with 10 s and goes with 45 s.
      await goTo(page, 'Test');
      const note = page.locator('[data-screen="setup"] [data-field="limit-note"]');
      await choose(page, '10 s');
      await expect.poll(() => note.isVisible()).toBe(true);
      await expect.poll(() => note.innerText()).toBe(LIMIT_NOTE(10));
      await viewportScreenshot(page, '84-setup-limit-note', '[data-group="capS"]');
      await choose(page, '45 s');
      await expect.poll(() => note.isVisible()).toBe(false);
      // In the one-line set-up of a known person too, after the limit.
      await page.goto(`${app.server.url}#/?leg=left&eyes=open&surface=firm&placement=chest&cap=10`);
      await page.locator('[data-part="setup-line"]').waitFor();
      await expect
        .poll(() => page.locator('[data-field="setup-line"]').innerText())
        .toMatch(/ · 10 s \(too short for centroid frequency\)( · demo recording)?$/);
      await expect
        .poll(() => page.locator('[data-part="setup-line"]').innerText())
        .toMatch(/ · 10 s \(too short for centroid frequency\)( · demo recording)? — Change$/);
      await page.goto(`${app.server.url}#/?leg=left&eyes=open&surface=firm&placement=chest&cap=45`);
      await expect
        .poll(() => page.locator('[data-field="setup-line"]').innerText())
        .toMatch(/ · 45 s( · |$)/);
      await expect
        .poll(() => page.locator('[data-part="setup-line"]').innerText())
        .not.toContain('too short');

      // A new trial on the left leg, 45 s: against the last five left-leg 45 s trials.
      await openSetupChoices(page);
      await page.getByLabel('Demo speed').selectOption('8');
      await pressStart(page);
      await readResult(page, 60_000);
      const value = Number(
        await page.locator('[data-screen="result"] [data-field="sway-lead"]').getAttribute('data-value'),
      );
      expect(value).toBeGreaterThan(0);
      const earlier = lastFive();
      expect(earlier).toEqual([0.78, 0.8, 0.82, 0.84, 0.86]);
      await expect.poll(() => usualLine(page).getAttribute('data-state')).toBe('done');
      expect(await usualLine(page).innerText()).toBe(expectedWords(value, earlier));
      // The demo recording (about 0.55 m/s²) sways clearly less than these trials.
      expect(await usualLine(page).getAttribute('data-kind')).toBe('steadier');
      expect(Number(await usualLine(page).getAttribute('data-median'))).toBeCloseTo(medianOf(earlier), 12);
      expect(await usualLine(page).getAttribute('data-count')).toBe('5');
      await viewportScreenshot(page, '85-result-usual-sway', '[data-field="sway-lead"]');

      // The newest seeded trial, opened from the history: against the five before it.
      await goTo(page, 'History');
      await page.locator(`a.history-row[data-trial-id="${PERSON}-${SEED.length}"]`).click();
      await page.locator('[data-screen="result"] [data-field="stored-caption"]').waitFor();
      const storedValue = Number(
        await page.locator('[data-screen="result"] [data-field="sway-lead"]').getAttribute('data-value'),
      );
      expect(storedValue).toBe(SEED[SEED.length - 1]![4]);
      const before = lastFive(SEED.length - 1);
      expect(before).toEqual([0.3, 0.78, 0.8, 0.82, 0.84]);
      await expect.poll(() => usualLine(page).getAttribute('data-state')).toBe('done');
      expect(await usualLine(page).innerText()).toBe(expectedWords(storedValue, before));
      // 0.3 among them spreads them wide: 0.86 is within that spread.
      expect(await usualLine(page).getAttribute('data-kind')).toBe('as-usual');
    } finally {
      await page.context().close();
    }
  });
});
