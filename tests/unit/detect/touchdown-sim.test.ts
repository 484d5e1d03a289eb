/**
 * SPEC section 5's targets on 480 labelled simulated trials (tests/sim): 240 end in a
 * touch-down (foot down, stepping, a hop, a grab), 240 reach the cap; all have the lift-off
 * transient, many have harmless disturbances (arm movements, sway bursts, corrections, taps),
 * tilted chest or lumbar phones, 50-100 Hz, jitter, drops, gaps, rounding, iOS signs.
 * The figures are printed; `npx tsx tests/sim/report.ts` prints them for any seed range.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateDetector, formatFigures, type DetectorFigures } from '../../sim/evaluate';
import { simulateSet } from '../../sim/simulate';

/** The labelled set: seeds 1000-1479 (even: touch-down, odd: completed). */
const FIRST_SEED = 1000;
const TRIALS = 480;

describe(`the detector on ${TRIALS} simulated trials (seeds ${FIRST_SEED}-${FIRST_SEED + TRIALS - 1})`, () => {
  let figures: DetectorFigures;

  beforeAll(() => {
    figures = evaluateDetector(simulateSet(FIRST_SEED, TRIALS));
    console.log(formatFigures(figures));
  });

  it('has both outcomes in equal numbers', () => {
    expect(figures.touchdownTrials).toBe(TRIALS / 2);
    expect(figures.completedTrials).toBe(TRIALS / 2);
  });

  it('finds the touch-down within 0.25 s in at least 95 % of the trials that end in one (SPEC section 5)', () => {
    expect(figures.detectionRate).toBeGreaterThanOrEqual(0.95);
  });

  it('finds none in at least 95 % of the completed trials (SPEC section 5)', () => {
    expect(figures.falsePositiveRate).toBeLessThanOrEqual(0.05);
  });

  it('finds every foot touch-down and every hop of this set but one', () => {
    // Foot and hop jolts are vertical, 3-10 m/s^2; no gap of this set falls on one. The hop
    // missed (seed 1234, push-off at 3.25 s) is taken 0.73 s early, at 2.52 s: a finger taps
    // the phone there (0.94 m/s^2 over 0.05 s, half of it vertical), and the gentle path takes
    // it for a soft landing (20 of 20 hops before the gentle path).
    expect(figures.byKind.foot![0]).toBe(figures.byKind.foot![1]);
    expect(figures.byKind.hop![0]).toBeGreaterThanOrEqual(figures.byKind.hop![1] - 1);
  });

  it('times them within 0.1 s at the 95th percentile', () => {
    expect(figures.absErrorP95S).toBeLessThan(0.1);
  });

  it('confirms each one while streaming within 0.5 s of the true moment (SPEC section 5)', () => {
    expect(figures.latencyMaxS).toBeLessThanOrEqual(0.5);
    // Design: the after-window ends 0.16 s past the scored sample, plus a sample or two.
    expect(figures.latencyMedianS).toBeGreaterThan(0.16);
    expect(figures.latencyMedianS).toBeLessThan(0.3);
  });
});
