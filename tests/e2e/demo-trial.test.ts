/**
 * The demo: on a computer without a motion sensor the page picks the bundled recording by
 * itself (fixtures/demo/case01.csv, a simulated 35.4 s trial that ends in a touch-down at
 * 32.89 s), plays it through exactly the same trial pipeline, and shows the result that
 * `stork analyze` gives for the same file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './helpers/built-app';
import { openStork, screenshot } from './helpers/browser';
import { pressStart, waitForPhase } from './helpers/flow';
import { readRecording } from './helpers/motion-feed';
import { downloadSamples, readResult } from './helpers/result-page';
import { storkAnalyze } from './helpers/stork-cli';

const DEMO_CSV = resolve(import.meta.dirname, '../../fixtures/demo/case01.csv');
const DEMO = readRecording(DEMO_CSV);
/** truth.touchdown and the numpy/scipy reference metrics of the recording (fixtures/demo/case01.json). */
const DEMO_FACTS = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../fixtures/demo/case01.json'), 'utf8'),
) as {
  truth: { touchdown: number };
  expected: { metrics: Record<string, number> };
};
const KEY_METRICS = ['rms', 'meanVelocity', 'ellipseArea', 'centroidFrequency', 'jerk'] as const;

function relativeDifference(value: unknown, reference: unknown): number {
  if (typeof value !== 'number' || typeof reference !== 'number') return Infinity;
  return Math.abs(value / reference - 1);
}

const app = useBuiltApp();

describe('the demo recording', () => {
  it('plays through the same pipeline, and the result equals `stork analyze` on the recording', async () => {
    const { page } = await openStork(app.browser, app.server.url, { sensors: 'absent' });
    await page
      .locator('#setup-notice')
      .getByText('the demo recording is selected')
      .waitFor({ timeout: 5_000 });
    // The default 45 s cap is longer than the recording; the fastest speed keeps the test short.
    // The replay counts from the trial's "go" (src/sensors/demo.ts), so a late timer shifts the
    // stored times by its own lateness, not by that times the speed.
    await page.getByLabel('Demo speed').selectOption('8');
    await pressStart(page);
    await waitForPhase(page, 'running');
    await expect.poll(() => page.locator('.trial-title .badge').innerText()).toBe('Demo recording');
    await screenshot(page, '20-demo-running');

    const shown = await readResult(page, 60_000);
    expect(shown.title).toBe('Result');
    expect(shown.endReason).toBe('touchdown');
    await expect.poll(() => page.getByText(/demo recording$/).isVisible()).toBe(true);
    // The detector's target (SPEC section 5): within 0.25 s of the true touch-down.
    expect(Math.abs(shown.holdTimeS - DEMO_FACTS.truth.touchdown)).toBeLessThan(0.25);

    // The trial stored the recording's own rows: same values (accelerations with the sign the
    // trial decided: the recording has iOS's flipped sign), times shifted by one constant (when
    // "go" fell between two timer ticks), and none left out up to the end of the trial.
    const stored = (await downloadSamples(page)).recording;
    expect(stored.tS.length).toBe(shown.samples);
    const sign = Math.sign((stored.ay[0] as number) / (DEMO.ay[0] as number));
    const offsetS = (stored.tS[0] as number) - (DEMO.tS[0] as number);
    // The shift is how late the replay's first timer fired after "go": a few ms of real time
    // (on a loaded two-core machine tens of ms at worst), not multiplied by the speed.
    console.log(`demo at 8x: stored times ${(offsetS * 1000).toFixed(1)} ms after the recording's`);
    expect(offsetS).toBeGreaterThanOrEqual(0);
    expect(offsetS).toBeLessThan(0.1);
    for (let k = 0; k < stored.tS.length; k++) {
      expect((stored.tS[k] as number) - offsetS).toBeCloseTo(DEMO.tS[k] as number, 9);
      expect(stored.ax[k]).toBe(sign * (DEMO.ax[k] as number));
      expect(stored.ay[k]).toBe(sign * (DEMO.ay[k] as number));
      expect(stored.az[k]).toBe(sign * (DEMO.az[k] as number));
      expect(stored.gx?.[k]).toBe(DEMO.gx?.[k]);
    }
    // The recording reads y = -9.65 upright (iOS sign); trials store the W3C sign (+9.8 up).
    expect(DEMO.ay[0]).toBeLessThan(-9);
    expect(sign).toBe(-1);

    // The page shows what `stork analyze` computes for the recording itself, over the same
    // stretch of it: the page's analysed window moved back by the constant shift. Equal to
    // nine significant digits (the times differ only by that shift's rounding).
    expect(shown.window).not.toBeNull();
    const fromS = (shown.window?.fromS ?? NaN) - offsetS;
    const toS = (shown.window?.toS ?? NaN) - offsetS;
    const sameStretch = await storkAnalyze(DEMO_CSV, ['--from', String(fromS), '--to', String(toS)]);
    for (const key of KEY_METRICS) {
      expect(relativeDifference(shown.metrics[key], sameStretch.metrics[key]), key).toBeLessThan(1e-9);
    }
    // With its own automatic window (from 1 s of the recording's time, not of the shifted one),
    // `stork analyze` finds the same touch-down and agrees to 0.5 %; and so does the numpy/scipy
    // reference for the recording (window ending 0.5 s before the true touch-down), to 1 %.
    const automatic = await storkAnalyze(DEMO_CSV);
    expect(shown.holdTimeS - offsetS).toBeCloseTo(automatic.touchdownS as number, 6);
    for (const key of KEY_METRICS) {
      expect(relativeDifference(shown.metrics[key], automatic.metrics[key]), key).toBeLessThan(5e-3);
      expect(relativeDifference(shown.metrics[key], DEMO_FACTS.expected.metrics[key]), key).toBeLessThan(
        1e-2,
      );
    }
    await screenshot(page, '21-demo-result');
    await page.context().close();
  });
});
