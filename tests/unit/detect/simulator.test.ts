/** The simulator of labelled recordings (tests/sim) does what the detector's tests rely on. */
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../sim/prng';
import { randomScenario } from '../../sim/scenario';
import { simulateScenario, simulateSet, simulateTrial } from '../../sim/simulate';
import { STANDARD_GRAVITY_MS2 } from '../../sim/body';
import { simulateEdgeSet } from '../../sim/edge-scenarios';

const indices = (s: ArrayLike<number>): number[] => Array.from({ length: s.length }, (_, i) => i);

describe('createPrng', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('draws normal values with mean 0 and standard deviation 1 (20 000 draws: +-0.02)', () => {
    const r = createPrng(7);
    const xs = Array.from({ length: 20_000 }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
  });
});

describe('simulateTrial', () => {
  const trials = simulateSet(200, 40);

  it('is deterministic: the same seed gives the same recording', () => {
    const again = simulateTrial(200, true);
    expect(Array.from(again.recording.ay)).toEqual(Array.from(trials[0]!.recording.ay));
    expect(again.touchdownS).toBe(trials[0]!.touchdownS);
  });

  it('labels even seeds with a touch-down inside the recording and odd seeds as completed at a cap', () => {
    for (const t of trials) {
      const last = t.recording.tS[t.recording.tS.length - 1]!;
      if (t.scenario.seed % 2 === 0) {
        expect(t.touchdownS).not.toBeNull();
        // The recording runs on 0.8-3 s past the event (enough for a 0.5 s confirmation).
        expect(t.scenario.durationS - t.touchdownS!).toBeGreaterThanOrEqual(0.8);
        expect(last).toBeGreaterThan(t.touchdownS! + 0.6);
      } else {
        expect(t.touchdownS).toBeNull();
        expect([10, 20, 30, 45]).toContain(t.scenario.durationS);
      }
    }
  });

  it('delivers strictly increasing times from 0 at the nominal rate', () => {
    for (const t of trials) {
      const tS = t.recording.tS;
      expect(tS[0]).toBe(0);
      const steps: number[] = [];
      for (let i = 1; i < tS.length; i++) steps.push(tS[i]! - tS[i - 1]!);
      expect(Math.min(...steps)).toBeGreaterThan(0);
      steps.sort((a, b) => a - b);
      const median = steps[steps.length >> 1]!;
      expect(median * t.scenario.sampling.rateHz).toBeCloseTo(1, 1);
    }
  });

  it('rounds to 0.1 when asked (Chromium) and flips the sign when asked (iOS)', () => {
    for (const t of trials) {
      const r = t.recording;
      if (t.scenario.sampling.quantize) {
        for (const v of Array.from(r.ax).slice(0, 200))
          expect(Math.abs(v * 10 - Math.round(v * 10))).toBeLessThan(1e-9);
      }
      // An upright phone (|pitch| <= 25 deg, |roll| <= 10 deg) reads y > 0; iOS reads it < 0.
      const meanY = Array.from(r.ay).reduce((s, v) => s + v, 0) / r.ay.length;
      expect(Math.sign(meanY)).toBe(t.scenario.sampling.flip ? -1 : 1);
    }
  });

  it('reads gravity times the sensor gain at rest (mean |a| within 2 %)', () => {
    for (const t of trials) {
      const r = t.recording;
      let sum = 0;
      for (let i = 0; i < r.tS.length; i++) sum += Math.hypot(r.ax[i]!, r.ay[i]!, r.az[i]!);
      const mean = sum / r.tS.length;
      expect(mean / (STANDARD_GRAVITY_MS2 * t.scenario.sensorScale)).toBeCloseTo(1, 1);
    }
  });

  it('sways like the shared simulations: horizontal acceleration RMS 0.1-1.2 m/s^2 in single-leg stance', () => {
    // Shared simulations (fixtures/sim): 0.24-1.00 m/s^2 RMS, measured with numpy after
    // removing the mean gravity direction, over [3 s, end - 0.5 s].
    for (const t of trials.filter((x) => x.scenario.disturbances.length === 0)) {
      const r = t.recording;
      const end = (t.touchdownS ?? t.scenario.durationS) - 0.5;
      const idx = indices(r.tS).filter((i) => r.tS[i]! > 3 && r.tS[i]! < end);
      if (idx.length < 100) continue;
      const mean = [r.ax, r.ay, r.az].map((c) => idx.reduce((s, i) => s + c[i]!, 0) / idx.length);
      const g = Math.hypot(mean[0]!, mean[1]!, mean[2]!);
      const u = mean.map((m) => m / g);
      let sum2 = 0;
      for (const i of idx) {
        const d = [r.ax[i]! - mean[0]!, r.ay[i]! - mean[1]!, r.az[i]! - mean[2]!];
        const v = d[0]! * u[0]! + d[1]! * u[1]! + d[2]! * u[2]!;
        sum2 += d[0]! ** 2 + d[1]! ** 2 + d[2]! ** 2 - v * v;
      }
      const rms = Math.sqrt(sum2 / idx.length);
      expect(rms, `seed ${t.scenario.seed}`).toBeGreaterThan(0.1);
      expect(rms, `seed ${t.scenario.seed}`).toBeLessThan(1.2);
    }
  });

  it('puts the touch-down jolt at the true moment: the vertical reading rises by the jolt', () => {
    const scenario = randomScenario(300, true);
    scenario.touchdown = {
      kind: 'foot',
      tS: 5,
      pulses: [
        { startS: 5, durationS: 0.1, verticalMs2: 6, horizontalMs2: 0, directionRad: 0, shape: 'half' },
      ],
      swayGainAfter: 0.3,
      stiffAfter: true,
    };
    scenario.disturbances = [];
    scenario.sampling = { ...scenario.sampling, gap: null, dropFraction: 0, quantize: false, flip: false };
    const r = simulateScenario(scenario).recording;
    const peak = indices(r.tS).filter((i) => r.tS[i]! >= 5 && r.tS[i]! <= 5.1);
    const before = indices(r.tS).filter((i) => r.tS[i]! >= 4.5 && r.tS[i]! < 5);
    const mag = (i: number): number => Math.hypot(r.ax[i]!, r.ay[i]!, r.az[i]!);
    const rise = Math.max(...peak.map(mag)) - before.reduce((s, i) => s + mag(i), 0) / before.length;
    // 6 m/s^2 times the sensor gain (0.94-1.03), less sampling (a sample within 1/(2 rate) of the peak).
    expect(rise).toBeGreaterThan(6 * 0.94 * 0.9);
    expect(rise).toBeLessThan(6 * 1.03 + 0.5);
  });
});

describe('edge scenarios (tests/sim/edge-scenarios.ts)', () => {
  const gentle = simulateEdgeSet('gentle', 300, 30);

  it('are deterministic', () => {
    expect(Array.from(simulateEdgeSet('gentle', 300, 1)[0]!.recording.az)).toEqual(
      Array.from(gentle[0]!.recording.az),
    );
  });

  it('gentle: a foot touch-down of 0.5-2 m/s^2 over 0.06-0.2 s, then two-foot stance', () => {
    for (const t of gentle) {
      const td = t.scenario.touchdown!;
      expect(td.kind).toBe('foot');
      expect(td.pulses[0]!.verticalMs2).toBeGreaterThanOrEqual(0.5);
      expect(td.pulses[0]!.verticalMs2).toBeLessThan(2);
      expect(td.pulses[0]!.durationS).toBeGreaterThanOrEqual(0.06);
      expect(td.swayGainAfter).toBeLessThanOrEqual(0.5);
    }
  });

  it('gentle: the sway drops once two feet carry the body (fast acceleration, median of 30 trials)', () => {
    // RMS of the sample-to-sample change of acceleration (the fast part of the sway) over
    // the second before the touch-down and from 0.5 s after it to the end.
    const fastRms = (t: (typeof gentle)[number], from: number, to: number): number => {
      const r = t.recording;
      let sum = 0;
      let n = 0;
      for (let i = 1; i < r.tS.length; i++) {
        if (r.tS[i]! < from || r.tS[i]! >= to) continue;
        sum +=
          (r.ax[i]! - r.ax[i - 1]!) ** 2 + (r.ay[i]! - r.ay[i - 1]!) ** 2 + (r.az[i]! - r.az[i - 1]!) ** 2;
        n++;
      }
      return Math.sqrt(sum / n);
    };
    const ratios = gentle
      .map(
        (t) =>
          fastRms(t, t.touchdownS! + 0.5, Infinity) / fastRms(t, t.touchdownS! - 1.2, t.touchdownS! - 0.2),
      )
      .sort((a, b) => a - b);
    expect(ratios[15]).toBeLessThan(0.9);
  });

  it('shift: the hands turn the phone at the moment of the touch-down', () => {
    for (const t of simulateEdgeSet('shift', 400, 20)) {
      const td = t.touchdownS!;
      const during = t.scenario.disturbances.filter(
        (d) => d.kind === 'arm' && d.startS <= td && d.startS + d.durationS >= td,
      );
      expect(during.length, `seed ${t.scenario.seed}`).toBe(1);
    }
  });

  it('weightShift: completed trials with 1-3 slow shifts of weight', () => {
    for (const t of simulateEdgeSet('weightShift', 500, 20)) {
      expect(t.touchdownS).toBeNull();
      const shifts = t.scenario.disturbances.filter((d) => d.kind === 'weightShift');
      expect(shifts.length).toBeGreaterThanOrEqual(1);
      expect(shifts.length).toBeLessThanOrEqual(3);
      for (const d of shifts) expect(d.startS + d.durationS).toBeLessThan(t.scenario.durationS);
    }
  });
});
