import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnalysisError } from '../../../src/core/errors';
import { hannPeriodic, welch, welchSegmentLength } from '../../../src/core/signal/welch';

/** Deterministic uniform noise in [-0.5, 0.5) (mulberry32). */
function noise(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  return Float64Array.from({ length: n }, () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  });
}

function totalPower(s: { p: Float64Array; df: number }): number {
  let sum = 0;
  for (const v of s.p) sum += v * s.df;
  return sum;
}

function variance(x: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i] as number;
  mean /= x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += ((x[i] as number) - mean) ** 2;
  return v / x.length;
}

describe('welchSegmentLength', () => {
  it('is 2^floor(log2(n / 2))', () => {
    expect(welchSegmentLength(2250)).toBe(1024);
    expect(welchSegmentLength(2048)).toBe(1024);
    expect(welchSegmentLength(2047)).toBe(512);
    expect(welchSegmentLength(500)).toBe(128);
    expect(welchSegmentLength(4)).toBe(2);
    expect(welchSegmentLength(3)).toBe(1);
    expect(welchSegmentLength(2)).toBe(1);
    for (let n = 2; n < 5000; n += 7) expect(welchSegmentLength(n)).toBe(2 ** Math.floor(Math.log2(n / 2)));
  });

  it('needs at least 2 samples', () => {
    expect(() => welchSegmentLength(1)).toThrow(AnalysisError);
    expect(() => welchSegmentLength(0)).toThrow(/at least 2 samples \(got 0\)/);
    expect(() => welchSegmentLength(2.5)).toThrow(AnalysisError);
  });
});

describe('hannPeriodic', () => {
  it('is 0.5 - 0.5 cos(2 pi k / L), starting at 0, peaking at L/2', () => {
    const w = hannPeriodic(16);
    expect(w[0]).toBe(0);
    expect(w[8]).toBe(1);
    for (let k = 0; k < 16; k++) expect(w[k]).toBeCloseTo(0.5 - 0.5 * Math.cos((2 * Math.PI * k) / 16), 15);
    expect(Array.from(hannPeriodic(1))).toEqual([1]);
  });
});

describe('welch', () => {
  it('returns L/2 + 1 bins at k * rate / L', () => {
    const s = welch(noise(2250, 1), 50);
    expect(s.f.length).toBe(513);
    expect(s.p.length).toBe(513);
    expect(s.df).toBe(50 / 1024);
    expect(s.f[0]).toBe(0);
    expect(s.f[512]).toBe(25);
    expect(s.f[100]).toBeCloseTo(100 * s.df, 12);
  });

  it('puts a sine on a bin into that bin with power A^2 / 2', () => {
    const rate = 50;
    const L = 256;
    const bin = 20;
    const amplitude = 3;
    const x = Float64Array.from(
      { length: 2048 },
      (_, i) => amplitude * Math.sin((2 * Math.PI * bin * i) / L) + 7,
    );
    const s = welch(x, rate, L);
    let peak = 0;
    for (let k = 1; k < s.p.length; k++) if ((s.p[k] as number) > (s.p[peak] as number)) peak = k;
    expect(peak).toBe(bin);
    expect(s.f[peak]).toBeCloseTo((bin * rate) / L, 12);
    expect(totalPower(s)).toBeCloseTo((amplitude * amplitude) / 2, 10);
    // The constant offset is removed by the per-segment detrend.
    expect(s.p[0]).toBeLessThan(1e-20);
  });

  it('satisfies Parseval per segment exactly: sum(p) df = mean of sum((x - mean)^2 w^2) / sum(w^2)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 8, max: 3000 }),
        fc.integer({ min: 1, max: 9 }),
        (seed, n, log2L) => {
          const L = 2 ** log2L;
          fc.pre(L <= n);
          const x = noise(n, seed);
          const w = hannPeriodic(L);
          const step = L / 2;
          const segments = Math.floor((n - L / 2) / step);
          let w2 = 0;
          for (const v of w) w2 += v * v;
          let expected = 0;
          for (let s = 0; s < segments; s++) {
            let mean = 0;
            for (let i = 0; i < L; i++) mean += x[s * step + i] as number;
            mean /= L;
            for (let i = 0; i < L; i++)
              expected += (((x[s * step + i] as number) - mean) * (w[i] as number)) ** 2;
          }
          expected /= segments * w2;
          expect(totalPower(welch(x, 50, L))).toBeCloseTo(expected, 12);
        },
      ),
    );
  });

  it("approximates the variance of long white noise (Parseval's theorem)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 4096, max: 20000 }),
        fc.constantFrom(50, 60, 100),
        (seed, n, rate) => {
          const x = noise(n, seed);
          const ratio = totalPower(welch(x, rate)) / variance(x);
          expect(ratio).toBeGreaterThan(0.85);
          expect(ratio).toBeLessThan(1.15);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('handles the smallest segments (L = 1, 2)', () => {
    const one = welch([1, 2, 3], 50);
    expect(Array.from(one.f)).toEqual([0]);
    expect(Array.from(one.p)).toEqual([0]);
    expect(one.df).toBe(50);
    const two = welch([1, 2, 3, 5], 50, 2);
    expect(two.f.length).toBe(2);
    expect(Number.isFinite(two.p[1])).toBe(true);
  });

  it('gives the same result for plain and typed arrays, and after other sizes were used', () => {
    const x = noise(3000, 9);
    const a = welch(x, 50);
    welch(noise(700, 2), 60, 64);
    const b = welch(Array.from(x), 50);
    expect(Array.from(b.p)).toEqual(Array.from(a.p));
  });

  it('rejects bad rates and segment lengths with clear messages', () => {
    const x = noise(100, 3);
    expect(() => welch(x, 0)).toThrow(AnalysisError);
    expect(() => welch(x, NaN)).toThrow(/sampling rate must be a positive finite number/);
    expect(() => welch(x, 50, 48)).toThrow(/segment length must be a power of two \(got 48\)/);
    expect(() => welch(x, 50, 0)).toThrow(/power of two/);
    expect(() => welch(x, 50, 128)).toThrow(/segment length 128 is longer than the signal \(100 samples\)/);
    expect(() => welch([1], 50)).toThrow(/at least 2 samples/);
  });
});
