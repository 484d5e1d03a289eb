import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnalysisError } from '../../../src/core/errors';
import { butterworthLowpass } from '../../../src/core/signal/butterworth';
import { filtfilt, filtfiltPadLength, lfilterZi } from '../../../src/core/signal/filtfilt';

const spec = butterworthLowpass(4, 3.5, 50);

/**
 * A filter from the range the analysis uses: Butterworth of order 1-4, cut-off 3-45 % of the rate
 * (SPEC: order 4, 3.5 Hz at 50 Hz = 7 %). Higher orders at low cut-offs lose digits in the 'ba' form,
 * in scipy as here.
 */
const filterArb = fc
  .record({
    order: fc.integer({ min: 1, max: 4 }),
    fraction: fc.double({ min: 0.03, max: 0.45, noNaN: true }),
  })
  .map(({ order, fraction }) => butterworthLowpass(order, fraction * 50, 50));

const signalArb = (minLength: number) =>
  fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength, maxLength: 300 });

describe('lfilterZi', () => {
  it('is the steady state of the transposed direct form II for a unit step', () => {
    for (const c of [spec, butterworthLowpass(2, 10, 60), butterworthLowpass(6, 3.5, 100)]) {
      const zi = lfilterZi(c);
      const m = c.a.length - 1;
      expect(zi.length).toBe(m);
      // Input 1, output 1: z0 = 1 - b0, z[j] = z[j+1] + b[j+1] - a[j+1], z[m-1] = b[m] - a[m].
      expect(zi[0]).toBeCloseTo(1 - (c.b[0] as number), 9);
      for (let j = 0; j < m - 1; j++) {
        expect(zi[j]).toBeCloseTo((zi[j + 1] as number) + (c.b[j + 1] as number) - (c.a[j + 1] as number), 9);
      }
      expect(zi[m - 1]).toBeCloseTo((c.b[m] as number) - (c.a[m] as number), 9);
    }
  });

  it('normalises by a[0] and pads the shorter polynomial', () => {
    const zi = lfilterZi({ b: [1, 0.4], a: [2, -0.6, 0.1] });
    // Same as b = [0.5, 0.2, 0], a = [1, -0.3, 0.05].
    expect(Array.from(zi)).toEqual(Array.from(lfilterZi({ b: [0.5, 0.2, 0], a: [1, -0.3, 0.05] })));
  });

  it('rejects a[0] = 0 and a pole at z = 1', () => {
    expect(() => lfilterZi({ b: [1], a: [0, 1] })).toThrow(/a\[0\] must be a finite non-zero number/);
    expect(() => lfilterZi({ b: [1, 0], a: [1, -1] })).toThrow(/pole at z = 1/);
    expect(() => lfilterZi({ b: [], a: [1] })).toThrow(AnalysisError);
  });
});

describe('filtfilt', () => {
  it('needs more than padlen = 3 * max(len(a), len(b)) samples (scipy rule)', () => {
    expect(filtfiltPadLength(spec)).toBe(15);
    expect(() => filtfilt(spec, new Float64Array(15))).toThrow(AnalysisError);
    expect(() => filtfilt(spec, new Float64Array(15))).toThrow(
      /the signal has 15 samples; it needs more than padlen = 15/,
    );
    expect(filtfilt(spec, new Float64Array(16)).length).toBe(16);
  });

  it('rejects bad coefficients', () => {
    expect(() => filtfilt({ b: [1], a: [0, 1] }, new Float64Array(20))).toThrow(/a\[0\]/);
    expect(() => filtfilt({ b: [NaN], a: [1] }, new Float64Array(20))).toThrow(/finite/);
  });

  it('leaves its input alone and takes plain or typed arrays alike', () => {
    const x = Array.from({ length: 100 }, (_, i) => Math.sin(i / 3) + (i % 7) * 0.1);
    const copy = x.slice();
    const y1 = filtfilt(spec, x);
    const y2 = filtfilt(spec, Float64Array.from(x));
    expect(x).toEqual(copy);
    expect(Array.from(y1)).toEqual(Array.from(y2));
  });

  it('uses the general path for orders other than 4 consistently with the unrolled one', () => {
    // The same order-4 filter with a[0] = 2 (so the normalised copy goes through the same code)
    // and padded with a zero coefficient pair (general path, 6 coefficients, but padlen differs).
    const x = Array.from({ length: 200 }, (_, i) => Math.cos(i / 5) + 0.01 * i);
    const doubled = { b: spec.b.map((v) => 2 * v), a: spec.a.map((v) => 2 * v) };
    const y = filtfilt(spec, x);
    const y2 = filtfilt(doubled, x);
    for (let i = 0; i < x.length; i++) expect(y2[i]).toBeCloseTo(y[i] as number, 12);
  });

  it('passes a slow sine with no phase lag and removes a fast one', () => {
    const rate = 50;
    const n = 1000;
    const slow = Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 0.5 * i) / rate));
    const fast = Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 15 * i) / rate));
    const ys = filtfilt(spec, slow);
    const yf = filtfilt(spec, fast);
    for (let i = 100; i < n - 100; i++) {
      expect(Math.abs((ys[i] as number) - (slow[i] as number))).toBeLessThan(1e-3);
      expect(Math.abs(yf[i] as number)).toBeLessThan(1e-4);
    }
  });

  it('maps a constant onto itself', () => {
    fc.assert(
      fc.property(
        filterArb,
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 500 }),
        (c, value, extra) => {
          const n = filtfiltPadLength(c) + 1 + extra;
          const y = filtfilt(c, new Float64Array(n).fill(value));
          let worst = 0;
          for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs((y[i] as number) - value));
          expect(worst).toBeLessThanOrEqual(1e-9 * Math.abs(value) + 1e-300);
        },
      ),
    );
  });

  it('is linear: f(a x + b y) = a f(x) + b f(y)', () => {
    fc.assert(
      fc.property(
        filterArb,
        signalArb(40),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (c, xs, alpha, beta) => {
          fc.pre(xs.length > filtfiltPadLength(c));
          const x = Float64Array.from(xs);
          const y = Float64Array.from(xs, (v, i) => Math.cos(i) * 50 - v / 3);
          const combined = Float64Array.from(x, (v, i) => alpha * v + beta * (y[i] as number));
          const fx = filtfilt(c, x);
          const fy = filtfilt(c, y);
          const fxy = filtfilt(c, combined);
          const tol = 1e-9 * (Math.abs(alpha) + Math.abs(beta)) * 200 + 1e-12;
          let worst = 0;
          for (let i = 0; i < x.length; i++) {
            const expected = alpha * (fx[i] as number) + beta * (fy[i] as number);
            worst = Math.max(worst, Math.abs((fxy[i] as number) - expected));
          }
          expect(worst).toBeLessThanOrEqual(tol);
        },
      ),
    );
  });
});
