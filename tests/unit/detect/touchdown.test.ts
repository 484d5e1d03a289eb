import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createTouchdownDetector,
  DEFAULT_TOUCHDOWN_OPTIONS,
  detectTouchdown,
  resolveTouchdownOptions,
  traceTouchdown,
} from '../../../src/core/detect/touchdown';
import { AnalysisError } from '../../../src/core/errors';
import type { MotionRecording } from '../../../src/core/types';
import { simulateTrial } from '../../sim/simulate';
import { runTrial } from '../../sim/evaluate';

const G = 9.80665;

/**
 * A synthetic recording: `rateHz` samples from 0 to `durationS` of a phone pitched by
 * `pitchDeg` (gravity in its y-z plane), plus `vertical(t)` m/s^2 along gravity's direction.
 */
function synthetic(
  durationS: number,
  rateHz: number,
  vertical: (t: number) => number,
  pitchDeg = 0,
): MotionRecording {
  const n = Math.floor(durationS * rateHz) + 1;
  const tS = new Float64Array(n);
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  const az = new Float64Array(n);
  const c = Math.cos((pitchDeg * Math.PI) / 180);
  const s = Math.sin((pitchDeg * Math.PI) / 180);
  for (let k = 0; k < n; k++) {
    const t = k / rateHz;
    const up = G + vertical(t);
    tS[k] = t;
    ax[k] = 0;
    ay[k] = up * c;
    az[k] = up * s;
  }
  return { kind: 'motion', tS, ax, ay, az };
}

/** A half-sine pulse of `peak` m/s^2 lasting `lengthS` from `startS`. */
const halfSine =
  (startS: number, lengthS: number, peak: number) =>
  (t: number): number => {
    const u = (t - startS) / lengthS;
    return u > 0 && u < 1 ? peak * Math.sin(Math.PI * u) : 0;
  };

const flipped = (r: MotionRecording): MotionRecording => ({
  ...r,
  ax: Array.from(r.ax, (v) => -v),
  ay: Array.from(r.ay, (v) => -v),
  az: Array.from(r.az, (v) => -v),
});

describe('detectTouchdown on synthetic signals', () => {
  // 60 Hz, a 4 m/s^2 half-sine of 80 ms from 5.0 s. The kernel's sides (0.06-0.16 s away)
  // are clear of the pulse at its first samples, so a sample's jolt is the pulse itself:
  // 5.0 s gives 0, 5.01667 s gives 4 sin(pi * 0.01667 / 0.08) = 2.435 >= 2.0 (the floor).
  const jolt = synthetic(10, 60, halfSine(5.0, 0.08, 4));

  it('finds a 4 m/s^2, 80 ms jolt at the first sample above the 2 m/s^2 floor', () => {
    expect(detectTouchdown(jolt)).toBeCloseTo(301 / 60, 12);
  });

  it('confirms it while streaming when the sample 0.16 s later has arrived (+1 sample for the glitch filter)', () => {
    const d = createTouchdownDetector();
    let confirmedAt: number | null = null;
    for (let k = 0; k < jolt.tS.length; k++) {
      if (d.push(jolt.tS[k]!, jolt.ax[k]!, jolt.ay[k]!, jolt.az[k]!) !== null) {
        confirmedAt = jolt.tS[k]!;
        break;
      }
    }
    // Scored sample 301/60 s; its after-window ends 0.16 s later at 5.1767 s; the first
    // sample at or past it is 311/60 = 5.1833 s, committed when 312/60 = 5.2 s arrives.
    expect(confirmedAt).toBeCloseTo(312 / 60, 12);
    expect(d.touchdownS).toBeCloseTo(301 / 60, 12);
  });

  it('reports the jolt size of each scored sample (trace)', () => {
    const trace = traceTouchdown(jolt);
    const last = trace.tS.length - 1;
    expect(trace.tS[last]).toBeCloseTo(301 / 60, 12);
    expect(trace.joltMs2[last]).toBeCloseTo(4 * Math.sin((Math.PI * (1 / 60)) / 0.08), 9);
    expect(trace.verticalMs2[last]).toBeCloseTo(4 * Math.sin((Math.PI * (1 / 60)) / 0.08), 9);
    expect(trace.horizontalMs2[last]).toBeCloseTo(0, 9);
    // Before the jolt the signal is constant: every jolt is 0 (to the rounding of the running
    // sums, which the square root of the horizontal part lifts to about 1e-8), so the
    // threshold is the floor.
    expect(Math.max(...trace.joltMs2.slice(0, -5))).toBeCloseTo(0, 6);
    expect(trace.thresholdMs2[0]).toBe(DEFAULT_TOUCHDOWN_OPTIONS.minJoltMs2);
  });

  it('does not care about the phone tilt or the iOS sign', () => {
    const tilted = synthetic(10, 60, halfSine(5.0, 0.08, 4), 25);
    expect(detectTouchdown(tilted)).toBeCloseTo(301 / 60, 12);
    expect(detectTouchdown(flipped(tilted))).toBe(detectTouchdown(tilted));
  });

  it('lets the lift-off transient pass: a 0.4 s, 2.5 m/s^2 bump right after "go" and another at 3 s', () => {
    // Shape of the shared simulations' lift-off (fixtures/sim, `lift` up to 2.45 m/s^2). The
    // kernel passes 0.37 of a 0.4 s half-sine: about 0.9 m/s^2, far under the 2.0 floor.
    const bumps = (t: number): number => halfSine(0, 0.4, 2.5)(t) + halfSine(3, 0.4, 2.5)(t);
    const rec = synthetic(8, 60, bumps, 10);
    expect(detectTouchdown(rec)).toBeNull();
    expect(Math.max(...traceTouchdown(rec).joltMs2)).toBeLessThan(1.2);
  });

  it('ignores a downward-only dip (the kernel takes only upward vertical jolts)', () => {
    expect(detectTouchdown(synthetic(8, 60, halfSine(4, 0.08, -6)))).toBeNull();
  });

  it('replaces a single-sample glitch by the median of its neighbours (shared case02 has one of 1755 m/s^2)', () => {
    const rec = synthetic(8, 60, () => 0);
    const ay = Array.from(rec.ay);
    ay[200] = 1755;
    expect(detectTouchdown({ ...rec, ay })).toBeNull();
    // Without the filter the glitch is a touch-down.
    expect(detectTouchdown({ ...rec, ay }, { spikeMs2: Infinity })).toBeCloseTo(200 / 60, 12);
  });

  it('raises the threshold with the recording’s own noise: threshold = max(floor, 8 x running mean jolt)', () => {
    // Seeded white noise of 0.6 m/s^2 on every axis at 100 Hz.
    let state = 12345;
    const noise = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return ((state / 2 ** 32) * 2 - 1) * 0.6 * Math.sqrt(3);
    };
    const n = 1000;
    const rec: MotionRecording = {
      kind: 'motion',
      tS: Array.from({ length: n }, (_, k) => k / 100),
      ax: Array.from({ length: n }, () => noise()),
      ay: Array.from({ length: n }, () => G + noise()),
      az: Array.from({ length: n }, () => noise()),
    };
    // The gentle path off: 0.6 m/s^2 of white noise carries random impulses of about 0.05 m/s
    // over its 0.85 s window, and this test is about the jolt threshold alone.
    const trace = traceTouchdown(rec, { gentleMinJoltMs2: Infinity });
    trace.thresholdMs2.forEach((thr, i) => {
      expect(thr).toBeCloseTo(Math.max(2, 8 * trace.noiseMs2[i]!), 12);
    });
    expect(trace.thresholdMs2[trace.thresholdMs2.length - 1]).toBeGreaterThan(2);
  });

  it('reads the same touch-down on a shifted time axis, shifted', () => {
    const shifted = { ...jolt, tS: Array.from(jolt.tS, (t) => t + 1000) };
    expect(detectTouchdown(shifted)! - 1000).toBeCloseTo(301 / 60, 9);
  });

  it('finds nothing when both thresholds are out of reach', () => {
    expect(detectTouchdown(jolt, { minJoltMs2: 100, gentleMinJoltMs2: 100 })).toBeNull();
    // With the jolt floor alone out of reach, the gentle path still finds the jolt: upward,
    // short (0.08 s), with an impulse of 2 * 4 * 0.08 / pi = 0.20 m/s, the sway unchanged.
    expect(detectTouchdown(jolt, { minJoltMs2: 100 })).toBeCloseTo(5.0, 1);
  });
});

describe('options', () => {
  it('keeps the default for a field given as undefined', () => {
    expect(resolveTouchdownOptions({ sideS: undefined, minJoltMs2: 3 })).toEqual({
      ...DEFAULT_TOUCHDOWN_OPTIONS,
      minJoltMs2: 3,
    });
  });

  it('rejects an option that is not a usable number, naming it', () => {
    expect(() => createTouchdownDetector({ sideS: -0.1 })).toThrow(AnalysisError);
    expect(() => createTouchdownDetector({ sideS: -0.1 })).toThrow(
      'Touch-down detector: sideS must be a positive finite number (got -0.1)',
    );
    expect(() =>
      detectTouchdown(
        synthetic(1, 50, () => 0),
        { noiseFactor: Number.NaN },
      ),
    ).toThrow('Touch-down detector: noiseFactor must be a non-negative finite number (got NaN)');
    // Infinity turns detection off rather than being an error.
    expect(
      detectTouchdown(synthetic(10, 60, halfSine(5.0, 0.08, 4)), {
        minJoltMs2: Infinity,
        gentleMinJoltMs2: Infinity,
      }),
    ).toBeNull();
    expect(() => createTouchdownDetector({ gentleSwayRatio: 0 })).toThrow(
      'Touch-down detector: gentleSwayRatio must be a positive number (got 0)',
    );
  });
});

describe('input the detector must survive', () => {
  it('returns null for an empty recording', () => {
    expect(detectTouchdown({ tS: [], ax: [], ay: [], az: [] })).toBeNull();
  });

  it('ignores rows with a non-finite time or acceleration and rows that do not move time forward', () => {
    const d = createTouchdownDetector();
    expect(d.push(0, 0, G, 0)).toBeNull();
    expect(d.push(Number.NaN, 0, G, 0)).toBeNull();
    expect(d.push(0.01, Number.NaN, G, 0)).toBeNull();
    expect(d.push(0.02, 0, Number.POSITIVE_INFINITY, 0)).toBeNull();
    expect(d.push(0, 0, G, 0)).toBeNull(); // same time as the first row
    expect(d.push(-1, 0, G, 0)).toBeNull(); // backwards
    expect(d.push(0.03, 0, G, 0, Number.NaN, Number.NaN, Number.NaN)).toBeNull(); // gyro may be NaN
    expect(d.samplesSeen).toBe(2);
    expect(d.touchdownS).toBeNull();
  });

  it('sorts rows by time offline, so shuffled rows give the same answer', () => {
    const rec = synthetic(10, 60, halfSine(5.0, 0.08, 4));
    const order = Array.from(rec.tS, (_, i) => i).reverse();
    const pick = (s: ArrayLike<number>): number[] => order.map((i) => s[i]!);
    const reversed = { tS: pick(rec.tS), ax: pick(rec.ax), ay: pick(rec.ay), az: pick(rec.az) };
    expect(detectTouchdown(reversed)).toBe(detectTouchdown(rec));
  });

  it('never throws on garbage rows', () => {
    const value = fc.oneof(
      fc.double({ noNaN: false }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -Number.POSITIVE_INFINITY, 0, G, 1e308),
    );
    const row = fc.tuple(value, value, value, value);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), (rows) => {
        const rec = {
          tS: rows.map((r) => r[0]),
          ax: rows.map((r) => r[1]),
          ay: rows.map((r) => r[2]),
          az: rows.map((r) => r[3]),
        };
        const found = detectTouchdown(rec);
        expect(found === null || Number.isFinite(found)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('copes with columns of different lengths (missing cells read as NaN)', () => {
    expect(() => detectTouchdown({ tS: [0, 0.01, 0.02], ax: [0], ay: [G, G], az: [] })).not.toThrow();
  });
});

describe('streaming and offline agree on simulated trials', () => {
  const seeds = fc.integer({ min: 0, max: 1_000_000 });

  it('gives the same touch-down fed one sample at a time as offline', () => {
    fc.assert(
      fc.property(seeds, fc.boolean(), (seed, endsInTouchdown) => {
        const trial = simulateTrial(seed, endsInTouchdown);
        expect(runTrial(trial).detectedS).toBe(detectTouchdown(trial.recording));
      }),
      { numRuns: 30 },
    );
  });

  it('gives the same answer for the recording with every acceleration sign flipped (iOS)', () => {
    fc.assert(
      fc.property(seeds, fc.boolean(), (seed, endsInTouchdown) => {
        const rec = simulateTrial(seed, endsInTouchdown).recording;
        expect(detectTouchdown(flipped(rec))).toBe(detectTouchdown(rec));
      }),
      { numRuns: 30 },
    );
  });
});
