import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnalysisError } from '../../../src/core/errors';
import { gridTime, gridTimes, resampleLinear, uniformGrid } from '../../../src/core/signal/resample';

/** numpy.interp on the finite samples only, by binary search: the slow reference. */
function referenceInterp(tS: number[], x: number[], t: number): number {
  const ts: number[] = [];
  const xs: number[] = [];
  for (let i = 0; i < tS.length; i++) {
    if (Number.isFinite(x[i])) {
      ts.push(tS[i] as number);
      xs.push(x[i] as number);
    }
  }
  const m = ts.length;
  if (t < (ts[0] as number)) return xs[0] as number;
  if (t >= (ts[m - 1] as number)) return xs[m - 1] as number;
  let lo = 0;
  let hi = m - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((ts[mid] as number) <= t) lo = mid;
    else hi = mid;
  }
  if (t === ts[lo]) return xs[lo] as number;
  const slope = ((xs[hi] as number) - (xs[lo] as number)) / ((ts[hi] as number) - (ts[lo] as number));
  return slope * (t - (ts[lo] as number)) + (xs[lo] as number);
}

describe('uniformGrid', () => {
  it('has n = floor((hi - lo) * rate) + 1 points', () => {
    expect(uniformGrid(0, 1, 50)).toEqual({ startS: 0, rateHz: 50, n: 51 });
    expect(uniformGrid(0, 0.999, 50).n).toBe(50);
    expect(uniformGrid(1.5, 46.5, 50).n).toBe(2251);
    expect(uniformGrid(3, 3, 50).n).toBe(1);
  });

  it('uses the formula as numpy evaluates it, so rounding can drop a last point on hi', () => {
    // (0.3 - 0.1) * 10 = 1.9999999999999996 in doubles: int(np.floor(...)) + 1 = 2 in numpy too.
    expect(uniformGrid(0.1, 0.3, 10).n).toBe(2);
  });

  it('computes times as start + k / rate', () => {
    const g = uniformGrid(0.1, 2.1, 60);
    const t = gridTimes(g);
    expect(t.length).toBe(g.n);
    for (let k = 0; k < g.n; k++) {
      expect(t[k]).toBe(0.1 + k / 60);
      expect(gridTime(g, k)).toBe(t[k]);
    }
  });

  it('rejects bad windows and rates with clear messages', () => {
    expect(() => uniformGrid(2, 1, 50)).toThrow(AnalysisError);
    expect(() => uniformGrid(2, 1, 50)).toThrow(/ends \(1 s\) before it starts \(2 s\)/);
    expect(() => uniformGrid(0, 1, 0)).toThrow(/rate must be a positive finite number/);
    expect(() => uniformGrid(0, 1, -50)).toThrow(AnalysisError);
    expect(() => uniformGrid(0, 1, NaN)).toThrow(AnalysisError);
    expect(() => uniformGrid(NaN, 1, 50)).toThrow(/bounds must be finite/);
    expect(() => uniformGrid(0, Infinity, 50)).toThrow(/bounds must be finite/);
  });
});

describe('resampleLinear', () => {
  it('interpolates linearly between samples', () => {
    const y = resampleLinear([0, 1, 3], [0, 10, 30], uniformGrid(0, 3, 2));
    expect(Array.from(y)).toEqual([0, 5, 10, 15, 20, 25, 30]);
  });

  it('hits the end points and any sample on the grid exactly', () => {
    // Irregular sample times, first and last on the grid (0 and 2 s at 50 Hz).
    const tS = [0, 0.013, 0.031, 0.05, 0.07, 0.1, 0.5, 1, 1.3, 1.98, 2];
    const x = [0.1, 0.7, -0.3, 0.123456789, 5, 0.2, 0.3, 1 / 3, 0.9, 0.45, Math.PI];
    const g = uniformGrid(0, 2, 50);
    expect(g.n).toBe(101);
    const y = resampleLinear(tS, x, g);
    expect(y[0]).toBe(x[0]);
    expect(y[100]).toBe(x[10]);
    expect(y[5]).toBe(x[5]); // t = 0.1
    expect(y[25]).toBe(x[6]); // t = 0.5
    expect(y[50]).toBe(x[7]); // t = 1
  });

  it('skips NaN samples, interpolating between the finite neighbours', () => {
    const g = uniformGrid(0, 4, 2);
    expect(Array.from(resampleLinear([0, 1, 2, 3, 4], [0, NaN, NaN, 3, 4], g))).toEqual([
      0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4,
    ]);
    // +-Infinity is treated as missing too.
    expect(Array.from(resampleLinear([0, 1, 2, 3, 4], [0, Infinity, 2, -Infinity, 4], g))).toEqual([
      0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4,
    ]);
  });

  it('holds the first / last finite value over leading / trailing NaN', () => {
    const y = resampleLinear([0, 1, 2, 3], [NaN, 1, 2, NaN], uniformGrid(0, 3, 2));
    expect(Array.from(y)).toEqual([1, 1, 1, 1.5, 2, 2, 2]);
  });

  it('accepts typed arrays and leaves the input alone', () => {
    const tS = new Float64Array([0, 0.5, 1]);
    const x = new Float32Array([1, NaN, 3]);
    const y = resampleLinear(tS, x, uniformGrid(0, 1, 4));
    expect(Array.from(y)).toEqual([1, 1.5, 2, 2.5, 3]);
    expect(Number.isNaN(x[1])).toBe(true);
  });

  it('tolerates a grid end point a rounding error past the last sample', () => {
    const tS = [0.1, 0.2, 0.3];
    const g = { startS: 0.1, rateHz: 10, n: 3 };
    expect(gridTime(g, 2)).toBeGreaterThan(0.3); // 0.1 + 2/10 = 0.30000000000000004
    const y = resampleLinear(tS, [0, 1, 3], g);
    expect(y[2]).toBe(3);
  });

  it('returns an empty array for an empty grid', () => {
    expect(resampleLinear([0, 1], [0, 1], { startS: 0, rateHz: 50, n: 0 }).length).toBe(0);
  });

  it('rejects bad input with clear messages', () => {
    const g = uniformGrid(0, 1, 10);
    expect(() => resampleLinear([0, 1], [0], g)).toThrow(/2 times but 1 values/);
    expect(() => resampleLinear([0, 0.5, 0.5, 1], [0, 1, 2, 3], g)).toThrow(/strictly increasing \(index 2/);
    expect(() => resampleLinear([0, NaN, 1], [0, 1, 2], g)).toThrow(/strictly increasing/);
    expect(() => resampleLinear([0, 1], [NaN, NaN], g)).toThrow(/no finite value/);
    expect(() => resampleLinear([], [], g)).toThrow(/no samples/);
    expect(() => resampleLinear([0, 0.5], [0, 1], g)).toThrow(/reaches outside the samples' span/);
    expect(() => resampleLinear([0.2, 1], [0, 1], g)).toThrow(AnalysisError);
    expect(() => resampleLinear([0, 1], [0, 1], { startS: 0, rateHz: 0, n: 3 })).toThrow(/invalid grid/);
  });

  it('reproduces a straight line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 0.05, noNaN: true }), { minLength: 2, maxLength: 200 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (steps, slope, offset) => {
          const tS: number[] = [0];
          for (const s of steps) tS.push((tS[tS.length - 1] as number) + s);
          const x = tS.map((t) => slope * t + offset);
          const g = uniformGrid(0, tS[tS.length - 1] as number, 50);
          const y = resampleLinear(tS, x, g);
          let worst = 0;
          for (let k = 0; k < g.n; k++) {
            const t = gridTime(g, k);
            worst = Math.max(worst, Math.abs((y[k] as number) - (slope * t + offset)));
          }
          expect(worst).toBeLessThanOrEqual(1e-12 * (Math.abs(slope) * 20 + Math.abs(offset) + 1));
        },
      ),
    );
  });

  it('equals numpy.interp on the finite samples (binary-search reference), NaN anywhere', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dt: fc.double({ min: 0.001, max: 0.1, noNaN: true }),
            x: fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constant(NaN)),
          }),
          { minLength: 2, maxLength: 150 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(25, 50, 60, 100, 128),
        (rows, a, b, rate) => {
          fc.pre(rows.some((r) => Number.isFinite(r.x)));
          const tS: number[] = [];
          let t = 10;
          for (const r of rows) {
            t += r.dt;
            tS.push(t);
          }
          const x = rows.map((r) => r.x);
          const t0 = tS[0] as number;
          const span = (tS[tS.length - 1] as number) - t0;
          const lo = t0 + span * Math.min(a, b);
          const hi = t0 + span * Math.max(a, b);
          const g = uniformGrid(lo, hi, rate);
          const y = resampleLinear(tS, x, g);
          const expected = Array.from({ length: g.n }, (_, k) => referenceInterp(tS, x, gridTime(g, k)));
          expect(Array.from(y)).toEqual(expected);
        },
      ),
    );
  });
});
