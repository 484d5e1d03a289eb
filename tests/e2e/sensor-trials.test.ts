/**
 * Whole trials in real headless Chromium over the built page, with motion fed through the
 * DevTools protocol's sensor emulation from the fixture recordings (fixtures/e2e, fixtures/demo;
 * provenance in fixtures/PROVENANCE.md). Each test asserts what a person sees, that every
 * delivered devicemotion event was stored, and that the page's numbers are the analysis of
 * the samples it stored.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import type { MotionRecording } from '../../src/core/types';
import {
  COUNT_DELIVERED_EVENTS,
  deliveredEvents,
  MOTION_SENSORS,
  openStork,
  screenshot,
  stubVisibility,
} from './helpers/browser';
import { pairEvents } from './helpers/delivery';
import {
  announcement,
  choose,
  pressStart,
  shownElapsedS,
  waitForElapsed,
  waitForPhase,
} from './helpers/flow';
import { feedRecording, readRecording, type MotionFeed } from './helpers/motion-feed';
import { downloadSamples, readResult, type DownloadedSamples, type ShownResult } from './helpers/result-page';
import { storkAnalyze } from './helpers/stork-cli';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
/** 30 s of quiet one-leg sway on the chest, no touch-down, quantized like Chromium (fixtures/e2e/case00.json). */
const QUIET = readRecording(resolve(FIXTURES, 'e2e/case00.csv'));
/** 35.4 s ending in a touch-down jolt at 32.89 s (fixtures/demo/case01.json truth.touchdown). */
const TOUCHDOWN = readRecording(resolve(FIXTURES, 'demo/case01.csv'));
const TOUCHDOWN_AT_S = 32.890795272418075;

/** Trials here run with the shortest cap, so the suite stays within a few minutes. */
const CAP_S = 10;
/** Chromium fires devicemotion at about 60 Hz. */
const CHROMIUM_RATE_HZ = 60;

const app = useBuiltApp();

async function openWithSensor(): Promise<{
  page: Page;
  feed: (recording: MotionRecording, startS?: number) => MotionFeed;
}> {
  const { page, cdp } = await openStork(app.browser, app.server.url, {
    sensors: 'present',
    initScripts: [COUNT_DELIVERED_EVENTS],
  });
  await choose(page, `${CAP_S} s`);
  await choose(page, 'Phone sensor');
  return { page, feed: (recording, startS = 0) => feedRecording(cdp, recording, { startS, bounce: true }) };
}

/**
 * Every devicemotion event Chromium delivered while the trial ran (dispatched between the page
 * turning to "running" and the result appearing) is a stored sample, one for one, and the page's
 * count is the stored count. Returns "go" on the event clock.
 */
async function expectEveryEventStored(
  page: Page,
  shown: ShownResult,
  stored: MotionRecording,
): Promise<number> {
  const pairing = pairEvents(await deliveredEvents(page), stored.tS);
  expect(stored.tS.length).toBe(shown.samples);
  expect(pairing.storedEventsMs.length).toBe(shown.samples);
  // All of the events dispatched while the trial ran (plus at most the one at the instant of "go").
  expect(shown.samples - pairing.dispatchedDuringTrial).toBeGreaterThanOrEqual(0);
  expect(shown.samples - pairing.dispatchedDuringTrial).toBeLessThanOrEqual(1);
  return pairing.goMs;
}

/** The page's metrics are what `stork analyze` computes for the samples file the page gives. */
async function expectMetricsOf(shown: ShownResult, stored: DownloadedSamples): Promise<void> {
  const offline = await storkAnalyze(stored.path);
  for (const key of ['rms', 'meanVelocity', 'ellipseArea', 'centroidFrequency', 'jerk'] as const) {
    const value = shown.metrics[key];
    const expected = offline.metrics[key];
    if (expected === null) {
      // Spectral metrics need 10 s of window (SPEC section 4): shown as a dash.
      expect(value, key).toBeNull();
      expect(shown.metricTexts[key]).toBe('–');
    } else {
      expect(value, key).toBeCloseTo(expected as number, 10);
    }
  }
  expect(shown.metricTexts['rms']).toMatch(/^\d+(\.\d+)? m\/s²$/);
}

function expectSamplesLine(shown: ShownResult): void {
  const match = /^(\d+) samples at (\d+\.\d) Hz$/.exec(shown.samplesText);
  expect(match, shown.samplesText).not.toBeNull();
  expect(Number(match?.[1])).toBe(shown.samples);
  expect(Number(match?.[2])).toBeGreaterThan(CHROMIUM_RATE_HZ * 0.9);
  expect(Number(match?.[2])).toBeLessThan(CHROMIUM_RATE_HZ * 1.1);
}

describe('a trial fed through Chromium sensor emulation', () => {
  it('runs to the cap: completed, hold time = cap, every event stored, metrics = the analysis of the stored samples', async () => {
    const { page, feed } = await openWithSensor();
    const playback = feed(QUIET);
    await pressStart(page);
    await waitForPhase(page, 'countdown');
    await expect.poll(() => announcement(page)).toBe('Get ready');
    await expect.poll(() => page.locator('.big-number').innerText()).toMatch(/^[1-5]$/);
    await screenshot(page, '10-countdown');
    await waitForPhase(page, 'running');
    await expect.poll(() => announcement(page)).toBe('Go: lift your foot');
    await waitForElapsed(page, 3);
    await expect.poll(() => page.getByRole('button', { name: 'Stop' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('img', { name: /Live sway trace/ }).isVisible()).toBe(true);
    await screenshot(page, '11-running');

    const shown = await readResult(page);
    await playback.stop();
    expect(shown.title).toBe('Result');
    expect(shown.endReason).toBe('completed');
    expect(shown.endReasonText).toBe(`Completed: held for the full ${CAP_S} s`);
    expect(shown.holdTimeS).toBe(CAP_S);
    expect(shown.holdTimeText).toBe('10.0 s');
    expect(shown.interrupted).toBe(false);
    await expect.poll(() => page.getByText('Left leg: trial 1 of 3').isVisible()).toBe(true);
    // The guided session's next step (legs in turn, the default), and a way to end it early.
    await expect
      .poll(() => page.getByRole('button', { name: 'Next: right leg, trial 1 of 3' }).isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByRole('button', { name: 'End the session here' }).isVisible())
      .toBe(true);
    // The charts come with Chart.js, loaded on demand.
    await page.getByRole('img', { name: /Sway path/ }).waitFor();
    await page.getByRole('img', { name: /over time/ }).waitFor();
    await expect.poll(() => announcement(page)).toBe(`Completed: held for the full ${CAP_S} s`);
    expectSamplesLine(shown);
    // About 60 events a second for the 10 s of the trial. The median interval stays at 1/60 s
    // (checked above), but on a loaded machine Chromium delays some events (seen: 524 in 10 s
    // with two cores busy), so the count is held to three quarters of the nominal 600.
    expect(shown.samples).toBeGreaterThan(CAP_S * CHROMIUM_RATE_HZ * 0.75);

    const stored = await downloadSamples(page);
    await expectEveryEventStored(page, shown, stored.recording);
    // Nothing after the cap is part of the trial.
    expect(stored.recording.tS[stored.recording.tS.length - 1]).toBeLessThanOrEqual(CAP_S);
    await expectMetricsOf(shown, stored);
    await screenshot(page, '12-result-completed');

    // "Next: right leg" starts the next trial on the right leg straight away.
    await page.getByRole('button', { name: /^Next: / }).click();
    await waitForPhase(page, 'countdown');
    await expect.poll(() => page.locator('.trial-title').innerText()).toMatch(/^Right leg/);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.context().close();
  });

  it('ends at a touch-down jolt, with the hold time within 0.5 s of the jolt', async () => {
    const { page, feed } = await openWithSensor();
    // Start the recording 10.9 s before its jolt: with the 5 s countdown, the jolt comes about
    // 5.9 s after "go", inside the 10 s cap.
    const playback = feed(TOUCHDOWN, TOUCHDOWN_AT_S - 10.9);
    await pressStart(page);
    const shown = await readResult(page);
    await playback.stop();
    expect(shown.title).toBe('Result');
    expect(shown.endReason).toBe('touchdown');
    expect(shown.endReasonText).toBe(`Ended by foot touch-down at ${shown.holdTimeText}`);

    const stored = await downloadSamples(page);
    const goMs = await expectEveryEventStored(page, shown, stored.recording);
    // The jolt as Chromium delivered it: the first event after "go" whose acceleration
    // magnitude leaves 1 g by more than 2 m/s^2 (the recording's jolt peaks at 18 m/s^2; its
    // sway stays within 0.2 m/s^2 of 9.8).
    const delivered = await deliveredEvents(page);
    const joltIndex = delivered.timeStampsMs.findIndex(
      (t, k) => t > goMs && Math.abs((delivered.magnitudes[k] ?? 0) - 9.81) > 2,
    );
    expect(joltIndex).toBeGreaterThanOrEqual(0);
    const joltS = ((delivered.timeStampsMs[joltIndex] ?? NaN) - goMs) / 1000;
    expect(joltS).toBeGreaterThan(4);
    expect(joltS).toBeLessThan(CAP_S - 1);
    expect(Math.abs(shown.holdTimeS - joltS)).toBeLessThan(0.5);
    await expectMetricsOf(shown, stored);
    // `stork analyze` finds the same touch-down in the stored samples, offline.
    expect((await storkAnalyze(stored.path)).touchdownS).toBeCloseTo(shown.holdTimeS, 6);
    await screenshot(page, '13-result-touchdown');
    await page.context().close();
  });

  it('ends with the Stop button at the time it was pressed', async () => {
    const { page, feed } = await openWithSensor();
    const playback = feed(QUIET);
    await pressStart(page);
    // 3.5 s, not 3: the analysis needs a 2 s window from 1 s after "go", and the timer reads
    // up to 0.05 s ahead, so a press as it turns 3.0 once left 1.997 s ("window shorter than 2 s").
    await waitForElapsed(page, 3.5);
    const shownAtPressS = await shownElapsedS(page);
    await page.getByRole('button', { name: 'Stop' }).click();
    const shown = await readResult(page);
    await playback.stop();
    expect(shown.title).toBe('Result');
    expect(shown.endReason).toBe('stopped');
    expect(shown.endReasonText).toBe('Stopped with the Stop button');
    expect(shown.interrupted).toBe(false);
    // The timer updates at 10 Hz: the press is at most a few tenths after the reading.
    // The timer shows one decimal (so it reads up to 0.05 s ahead) and updates at 10 Hz: the
    // press comes at most a few tenths after the reading.
    expect(shown.holdTimeS).toBeGreaterThanOrEqual(shownAtPressS - 0.05);
    expect(shown.holdTimeS).toBeLessThan(shownAtPressS + 0.5);
    const stored = await downloadSamples(page);
    await expectEveryEventStored(page, shown, stored.recording);
    await expectMetricsOf(shown, stored);
    await screenshot(page, '14-result-stopped');
    await page.context().close();
  });

  it('is interrupted, never a result, when the page is hidden', async () => {
    const { page, feed } = await openWithSensor();
    const playback = feed(QUIET);
    await pressStart(page);
    await waitForElapsed(page, 2.5);
    await stubVisibility(page, 'hidden');
    await stubVisibility(page, 'visible');
    const shown = await readResult(page);
    await playback.stop();
    expect(shown.title).toBe('Trial interrupted');
    expect(shown.endReason).toBe('hidden');
    expect(shown.interrupted).toBe(true);
    expect(shown.endReasonText).toBe('Interrupted: the page was hidden');
    await expect.poll(() => page.getByText('Not counted as a result.').isVisible()).toBe(true);
    // No metrics and no "Left leg: trial k of 3" line: it does not count.
    expect(Object.keys(shown.metrics)).toEqual([]);
    await expect.poll(() => page.getByText(/^Left leg: trial \d of 3$/).count()).toBe(0);
    // The timer shows one decimal: "2.5" is at least 2.45 s.
    expect(shown.holdTimeS).toBeGreaterThanOrEqual(2.45);
    expect(shown.holdTimeS).toBeLessThan(4);
    // It did not count, so the session runs the same trial again.
    await expect
      .poll(() => page.getByRole('button', { name: 'Repeat: left leg, trial 1 of 3' }).isVisible())
      .toBe(true);
    await screenshot(page, '15-interrupted-hidden');
    await page.context().close();
  });

  it('is interrupted when the sensor stops delivering', async () => {
    const { page, cdp } = await openStork(app.browser, app.server.url, { sensors: 'present' });
    await choose(page, `${CAP_S} s`);
    const playback = feedRecording(cdp, QUIET, { bounce: true });
    await pressStart(page);
    await waitForElapsed(page, 2);
    await playback.stop();
    // The sensor goes away: Chromium stops firing devicemotion with readings.
    for (const type of MOTION_SENSORS)
      await cdp.send('Emulation.setSensorOverrideEnabled', { enabled: false, type });
    const shown = await readResult(page);
    expect(shown.title).toBe('Trial interrupted');
    expect(shown.endReason).toBe('sensor-silent');
    expect(shown.endReasonText).toBe('Interrupted: the motion sensor stopped sending data');
    expect(shown.interrupted).toBe(true);
    await screenshot(page, '16-interrupted-sensor-silent');
    await page.context().close();
  });
});
