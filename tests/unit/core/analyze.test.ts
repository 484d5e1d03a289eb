import { describe, expect, it } from 'vitest';
import { analyze, analyzeWithSeries } from '../../../src/core/analyze';
import { cleanRows } from '../../../src/core/clean';
import { AnalysisError } from '../../../src/core/errors';
import type { MotionRecording, SwayRecording } from '../../../src/core/types';
import { QUIET_STANCE, syntheticMotion, syntheticSway, type SyntheticParams } from '../helpers/synthetic';

const quiet: SyntheticParams = QUIET_STANCE;

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AnalysisError);
    return (error as Error).message;
  }
  throw new Error('expected an AnalysisError');
}

describe('cleaning (SPEC step 1)', () => {
  it('sorts stably, drops non-finite and non-increasing rows, and counts each', () => {
    const t = [0.02, 0, NaN, 0.01, 0.01, 0.03, 0.04];
    const x = [2, 0, 9, 1, 5, NaN, 4];
    const clean = cleanRows(t, [x]);
    // sorted: 0 (x0), 0.01 (x1), 0.01 (x5: duplicate, the later row), 0.02, 0.03 (NaN), 0.04, NaN time
    expect(Array.from(clean.tS)).toEqual([0, 0.01, 0.02, 0.04]);
    expect(Array.from(clean.columns[0] as Float64Array)).toEqual([0, 1, 2, 4]);
    expect(clean.dropped).toEqual({ nonFiniteTime: 1, nonFiniteValue: 1, nonIncreasingTime: 1 });
  });
});

describe('analyze', () => {
  it('gives the same result for a shuffled copy with junk rows, and counts what it dropped', () => {
    const rec = syntheticMotion(quiet);
    const n = rec.tS.length;
    const order = Array.from({ length: n }, (_, k) => k).reverse();
    const pick = (x: ArrayLike<number>) => [...order.map((k) => x[k] as number), NaN, 3];
    const messy: MotionRecording = {
      kind: 'motion',
      tS: [...order.map((k) => rec.tS[k] as number), 5, NaN],
      ax: pick(rec.ax),
      ay: pick(rec.ay),
      az: pick(rec.az),
      gx: pick(rec.gx!),
      gy: pick(rec.gy!),
      gz: pick(rec.gz!),
    };
    const a = analyze(messy);
    const b = analyze(rec);
    expect(a.metrics).toEqual(b.metrics);
    expect(a.dropped).toEqual({
      nonFiniteTime: 1,
      nonFiniteValue: 1,
      nonIncreasingTime: 0,
      nonFiniteGyro: 0,
    });
    expect(a.warnings).toContain(
      '2 of ' +
        (n + 2) +
        ' rows left out (1 without a time, 1 with a missing value, 0 not later than the row before)',
    );
  });

  it('uses the automatic window from 1 s after "go" to the end when there is no touch-down', () => {
    const result = analyze(syntheticMotion(quiet));
    expect(result.window.fromS).toBe(1);
    expect(result.touchdownS).toBeNull();
    expect(result.window.toS).toBeCloseTo(quiet.durationS, 1);
    expect(result.holdTimeS).toBe(result.window.toS);
    expect(result.analysisVersion).toBe(2);
    expect(result.options).toEqual({ rateHz: 50, cutoffHz: 3.5, filterOrder: 4 });
  });

  it('resamples onto n = floor((hi - lo) * rate) + 1 points starting at lo', () => {
    const { result, series } = analyzeWithSeries(syntheticMotion(quiet), { fromS: 2, toS: 12.01 });
    expect(result.metrics.samples).toBe(501); // floor(10.01 * 50) + 1
    expect(series.tS[0]).toBe(2);
    expect(series.tS[500]).toBeCloseTo(12, 12);
    expect(result.metrics.durationS).toBeCloseTo(501 / 50, 12);
  });

  it('keeps gyro rows with a missing value out of the gyro series only', () => {
    const rec = syntheticMotion(quiet);
    const gx = Float64Array.from(rec.gx!);
    gx[300] = NaN;
    gx[301] = NaN;
    const result = analyze({ ...rec, gx });
    expect(result.dropped.nonFiniteGyro).toBe(2);
    expect(result.dropped.nonFiniteValue).toBe(0);
    expect(result.metrics.samples).toBe(analyze(rec).metrics.samples);
    expect(result.metrics.gyroRmsAp).not.toBeNull();
  });

  it('has null gyro metrics without gyro data, and null spectral metrics under 10 s', () => {
    const rec = syntheticMotion(quiet);
    const noGyro: MotionRecording = { kind: 'motion', tS: rec.tS, ax: rec.ax, ay: rec.ay, az: rec.az };
    const result = analyze(noGyro, { fromS: 1, toS: 9 });
    expect(result.metrics.gyroRmsAp).toBeNull();
    expect(result.metrics.gyroRmsMl).toBeNull();
    for (const key of ['totalPower', 'f50', 'f95', 'centroidFrequency', 'frequencyDispersion'] as const) {
      expect(result.metrics[key]).toBeNull();
    }
    expect(result.warnings).toContain('window shorter than 10 s: no spectral metrics');
  });

  it('warns about a low sample rate, quantized input and gaps', () => {
    const low = syntheticMotion({ ...quiet, rateHz: 30, jitter: 0 });
    expect(analyze(low).warnings).toContain('sample rate below 40 Hz (30.0 Hz): fast sway is lost');
    const rec = syntheticMotion({ ...quiet, jitter: 0 });
    const q = (x: ArrayLike<number>) => Float64Array.from(x, (v) => Math.round(v * 10) / 10);
    const quantized = analyze({ ...rec, ax: q(rec.ax), ay: q(rec.ay), az: q(rec.az) });
    expect(quantized.warnings).toContain('input quantized to 0.1 m/s^2: small sway is measured coarsely');
    expect(analyze(rec).warnings.some((w) => w.startsWith('input quantized'))).toBe(false);
    const keep = Array.from(rec.tS, (t) => !(t > 5 && t < 5.3));
    const take = (x: ArrayLike<number>) => Float64Array.from(x).filter((_, k) => keep[k]);
    const gappy: MotionRecording = {
      kind: 'motion',
      tS: take(rec.tS),
      ax: take(rec.ax),
      ay: take(rec.ay),
      az: take(rec.az),
    };
    const gapWarning = analyze(gappy).warnings.find((w) => w.startsWith('gap of'));
    // 60 Hz: the last sample before the hole is t = 300/60 = 5.00 s, the first after it 318/60 = 5.30 s
    expect(gapWarning).toBe('gap of 0.30 s in the input at 5.00 s, bridged by interpolation');
  });

  it('analyses a 2-D sway recording as is: no tilt, no gyro, no touch-down', () => {
    const sway: SwayRecording = syntheticSway(quiet);
    const result = analyze(sway);
    expect(result.signal).toBe('sway');
    expect(result.metrics.signal).toBe('sway');
    expect(result.touchdownS).toBeNull();
    expect(result.metrics.gyroRmsAp).toBeNull();
    // a 0.2 AP sine at 0.5 Hz over 19 s (9.5 periods): RMS close to 0.2 / sqrt 2
    expect(result.metrics.rmsAp).toBeCloseTo(0.2 / Math.SQRT2, 2);
  });

  it('says what is wrong with input it cannot analyse', () => {
    const rec = syntheticMotion(quiet);
    expect(message(() => analyze({ kind: 'motion', tS: [], ax: [], ay: [], az: [] }))).toBe(
      'the recording has no rows',
    );
    expect(
      message(() =>
        analyze({ kind: 'motion', tS: [0, 1, 2], ax: [NaN, NaN, NaN], ay: [1, 1, 1], az: [0, 0, 0] }),
      ),
    ).toBe('fewer than 2 usable rows (0 of 3 have a finite time and values)');
    expect(message(() => analyze(rec, { fromS: 3, toS: 4.5 }))).toBe(
      'window shorter than 2 s (1.50 s, from 3.00 to 4.50 s)',
    );
    expect(message(() => analyze(rec, { fromS: 30 }))).toBe('window shorter than 2 s (empty)');
    expect(message(() => analyze(rec, { fromS: 5, toS: 3 }))).toBe('to (3 s) must be later than from (5 s)');
    expect(message(() => analyze(rec, { rateHz: 0 }))).toBe('rate must be a positive number of Hz (0)');
    expect(message(() => analyze(rec, { cutoffHz: 30 }))).toBe(
      'cut-off must lie between 0 and half the rate, 25 Hz (30)',
    );
    expect(message(() => analyze(rec, { fromS: NaN }))).toBe('from must be a number of seconds (NaN)');
  });
});
