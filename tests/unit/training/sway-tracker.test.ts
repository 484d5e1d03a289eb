import { describe, expect, it } from 'vitest';
import { STANDARD_GRAVITY_MS2 } from '../../../src/training/feedback';
import { createSwayTracker, FEEDBACK_FILTER_DELAY_S, REFERENCE_S } from '../../../src/training/sway-tracker';

const g = STANDARD_GRAVITY_MS2;
/** The reading of a phone upright at the chest (x to the person's left, z forward) leaning `right` and `forward` radians. */
function reading(right: number, forward: number): [number, number, number] {
  // a lean towards an axis takes g sin(lean) off that axis' reading; right is -x, forward is +z
  return [g * Math.sin(right), g * Math.cos(right) * Math.cos(forward), -g * Math.sin(forward)];
}

describe('feedback sway tracker', () => {
  it('is null during the reference second, then about 0 for a still phone whatever its tilt', () => {
    const tracker = createSwayTracker();
    const tilt = (15 * Math.PI) / 180;
    const still: [number, number, number] = [0.4, g * Math.cos(tilt), g * Math.sin(tilt)];
    for (let k = 0; k < 50; k++) expect(tracker.push(k / 50, ...still)).toBeNull();
    expect(tracker.push(1.0, ...still)).toBeNull(); // this reading completes the reference second
    const point = tracker.push(1.02, ...still)!;
    expect(point.ml).toBeCloseTo(0, 9);
    expect(point.ap).toBeCloseTo(0, 9);
  });

  it('hears a lean to the right as ML > 0 and forward as AP > 0, as g sin(lean)', () => {
    const tracker = createSwayTracker();
    let t = 0;
    // whole steps: the reference second ends at exactly 1.0 s, before the lean
    for (let k = 0; k <= REFERENCE_S * 50; k++) tracker.push((t = k / 50), ...reading(0, 0));
    t += 0.02;
    let point = null;
    const lean = (2 * Math.PI) / 180;
    for (let k = 0; k < 200; k++, t += 0.02) point = tracker.push(t, ...reading(lean, 0));
    expect(point!.ml).toBeCloseTo(g * Math.sin(lean), 6); // 0.3422 m/s^2, the filter has settled
    expect(point!.ap).toBeCloseTo(0, 6);
    for (let k = 0; k < 200; k++, t += 0.02) point = tracker.push(t, ...reading(0, lean));
    expect(point!.ap).toBeCloseTo(g * Math.sin(lean), 6);
    expect(point!.ml).toBeCloseTo(0, 6);
  });

  it('gives the same sway for a sign-flipped (iOS) device', () => {
    const a = createSwayTracker();
    const b = createSwayTracker();
    let pa = null;
    let pb = null;
    for (let k = 0; k < 300; k++) {
      const lean = k < 60 ? 0 : 0.03 * Math.sin(k / 10);
      const [x, y, z] = reading(lean, lean / 2);
      pa = a.push(k / 60, x, y, z);
      pb = b.push(k / 60, -x, -y, -z);
    }
    expect(pb!.ml).toBeCloseTo(pa!.ml, 12);
    expect(pb!.ap).toBeCloseTo(pa!.ap, 12);
  });

  it('turns round at the lower back (screen facing back)', () => {
    const chest = createSwayTracker();
    const back = createSwayTracker({ placement: 'lumbar' });
    let pc = null;
    let pl = null;
    for (let k = 0; k < 200; k++) {
      const r = reading(k < 60 ? 0 : 0.02, k < 60 ? 0 : 0.01);
      pc = chest.push(k / 50, ...r);
      pl = back.push(k / 50, ...r);
    }
    expect(pl!.ml).toBeCloseTo(-pc!.ml, 12);
    expect(pl!.ap).toBeCloseTo(-pc!.ap, 12);
  });

  it('delays a slow sway by about 1 / (2 pi 3.5 Hz) = 45 ms (a causal one-pole filter)', () => {
    expect(FEEDBACK_FILTER_DELAY_S).toBeCloseTo(0.04547, 5);
    // a ramp in ML: after settling, the output lags the input by the filter's time constant
    const tracker = createSwayTracker();
    const rate = 1000;
    let point = null;
    let t = 0;
    for (let k = 0; k <= 3 * rate; k++) {
      t = k / rate;
      const lean = t < 1.5 ? 0 : (t - 1.5) * 0.01; // rad, 0.01 rad/s
      point = tracker.push(t, ...reading(lean, 0));
    }
    const slope = g * 0.01; // m/s^2 per s, small angles
    const lagS = (g * Math.sin((t - 1.5) * 0.01) - point!.ml) / slope;
    expect(lagS).toBeCloseTo(FEEDBACK_FILTER_DELAY_S, 2);
  });

  it('skips non-finite rows and rows not later than the last', () => {
    const tracker = createSwayTracker();
    for (let k = 0; k < 60; k++) tracker.push(k / 50, ...reading(0, 0));
    expect(tracker.push(Number.NaN, 0, g, 0)).toBeNull();
    expect(tracker.push(2, Number.NaN, g, 0)).toBeNull();
    expect(tracker.push(2, ...reading(0, 0))).not.toBeNull();
    expect(tracker.push(2, ...reading(0, 0))).toBeNull();
  });
});
