/**
 * "Is this change real?" on a phone's screen (390 x 844): the Progress page's hold-time chart
 * has an outlined band of the minimal detectable change around each leg's first value and says
 * in words whether each leg's change exceeds it; the Left vs right page says whether the legs'
 * difference does. Trials imported through the page (helpers/seed-trials.ts): left 10.0 ->
 * 40.0 s, right 18.2 -> 31.5 s, eyes open, firm floor, 45 s cap. Worked by hand in
 * tests/unit/core/detectable-change.test.ts: Goldberg et al. 2011 (Gait Posture
 * 33(4):737-739), SEM 8.7 s, MDC95 = 1.96 * sqrt(2) * 8.7 = 24.1 s for adults aged 60-89.
 * For a person born in 2000 no published value fits, and the pages say so instead of a number.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork, PHONE_VIEWPORT } from './helpers/browser';
import { goTo, viewportScreenshot } from './helpers/history';
import { REPORT_SEED, seedTrials } from './helpers/seed-trials';

const OUT = resolve(import.meta.dirname, '../../test-output/detectable-change');

const app = useBuiltApp();

const text = (page: Page, selector: string) => () => page.locator(selector).innerText();

describe('the minimal detectable change on the history pages', () => {
  it('draws the band and words each leg’s change and the legs’ difference against 24.1 s', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      expect(page.viewportSize()).toEqual(PHONE_VIEWPORT);
      await seedTrials(page, app.server.url, 'Older adult', 1950, REPORT_SEED, OUT);
      await goTo(page, 'Progress');
      const figure = page.locator('.progress-figure[data-metric="holdTimeS"][data-chart="drawn"]');
      await figure.waitFor();
      await expect.poll(() => figure.getAttribute('data-mdc-s')).toBe('24.1');
      // Left: 10.0 - 24.1 is under 0 s, cut to 0; 10.0 + 24.1 = 34.1 s. Right: 18.2 + 24.1 = 42.3 s.
      await expect.poll(() => figure.getAttribute('data-mdc-left-low-s')).toBe('0.0');
      await expect.poll(() => figure.getAttribute('data-mdc-left-high-s')).toBe('34.1');
      await expect.poll(() => figure.getAttribute('data-mdc-right-low-s')).toBe('0.0');
      await expect.poll(() => figure.getAttribute('data-mdc-right-high-s')).toBe('42.3');
      await expect
        .poll(text(page, '[data-field="mdc"]'))
        .toContain('the minimal detectable change (± 24.1 s, Goldberg et al. 2011)');
      await expect
        .poll(text(page, '[data-field="change-left"]'))
        .toBe('Left leg: 10.0 s -> 40.0 s since 2 Nov 2026, beyond the minimal detectable change of 24.1 s.');
      await expect
        .poll(text(page, '[data-field="change-right"]'))
        .toBe(
          'Right leg: 18.2 s -> 31.5 s since 2 Nov 2026, within measurement error (minimal detectable change 24.1 s).',
        );
      await viewportScreenshot(page, '70-progress-mdc', '.progress-figure');

      await goTo(page, 'Compare');
      // The latest day with both legs, 29 Nov: best 40.0 against 31.5 s, 8.5 s apart.
      const difference = page.locator('[data-metric="holdTimeS"] [data-field="hold-difference"]');
      await expect
        .poll(() => difference.innerText())
        .toBe(
          "The legs' best hold times differ by 8.5 s: within measurement error (minimal detectable change 24.1 s).",
        );
      await expect.poll(() => difference.getAttribute('data-beyond')).toBe('false');
      await expect.poll(() => difference.getAttribute('data-difference-s')).toBe('8.5');
      await viewportScreenshot(page, '71-compare-mdc', '[data-metric="holdTimeS"]');
    } finally {
      await page.context().close();
    }
  });

  it('says why there is no number for a young adult, with no band', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    try {
      await seedTrials(page, app.server.url, 'Young adult', 2000, REPORT_SEED, OUT);
      await goTo(page, 'Progress');
      const figure = page.locator('.progress-figure[data-metric="holdTimeS"][data-chart="drawn"]');
      await figure.waitFor();
      await expect
        .poll(text(page, '[data-field="mdc"]'))
        .toBe('No minimal detectable change: the published value (Goldberg et al. 2011) is for ages 60-89.');
      await expect
        .poll(text(page, '[data-field="change-left"]'))
        .toBe('Left leg: 10.0 s -> 40.0 s since 2 Nov 2026.');
      await expect.poll(() => figure.getAttribute('data-mdc-s')).toBeNull();
      await expect.poll(() => figure.getAttribute('data-mdc-left-high-s')).toBeNull();

      await goTo(page, 'Compare');
      const difference = page.locator('[data-metric="holdTimeS"] [data-field="hold-difference"]');
      await expect
        .poll(() => difference.innerText())
        .toBe(
          "The legs' best hold times differ by 8.5 s; no minimal detectable change: the published value (Goldberg et al. 2011) is for ages 60-89.",
        );
      await expect.poll(() => difference.getAttribute('data-beyond')).toBe('');
    } finally {
      await page.context().close();
    }
  });
});
