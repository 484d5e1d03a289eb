import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnalysisError } from '../../../src/core/errors';
import { butterworthLowpass, type FilterCoefficients } from '../../../src/core/signal/butterworth';

/** |H(e^{i omega})| by evaluating both polynomials in z^-1 = e^{-i omega}. */
function gainAt(c: FilterCoefficients, freqHz: number, rateHz: number): number {
  const w = (2 * Math.PI * freqHz) / rateHz;
  const poly = (p: number[]): [number, number] => {
    let re = 0;
    let im = 0;
    p.forEach((v, k) => {
      re += v * Math.cos(w * k);
      im -= v * Math.sin(w * k);
    });
    return [re, im];
  };
  const [br, bi] = poly(c.b);
  const [ar, ai] = poly(c.a);
  return Math.hypot(br, bi) / Math.hypot(ar, ai);
}

describe('butterworthLowpass', () => {
  it('returns order + 1 coefficients with a[0] = 1 and symmetric b', () => {
    for (let order = 1; order <= 10; order++) {
      const { b, a } = butterworthLowpass(order, 3.5, 50);
      expect(b.length).toBe(order + 1);
      expect(a.length).toBe(order + 1);
      expect(a[0]).toBe(1);
      for (let i = 0; i <= order; i++) expect(b[i]).toBe(b[order - i]);
    }
  });

  it('has unit gain at DC, 1/sqrt(2) at the cut-off and a zero at Nyquist', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.02, max: 0.48, noNaN: true }),
        fc.constantFrom(25, 50, 60, 100, 200),
        (order, fraction, rate) => {
          const cutoff = fraction * rate;
          const c = butterworthLowpass(order, cutoff, rate);
          // The transfer-function ('ba') form loses digits as poles crowd towards z = 1 (high order,
          // low cut-off), in scipy as here: ~1e-11 at order 4, ~3e-5 at order 8 with cut-off 2 % of the rate.
          const tol = order <= 4 ? 1e-9 : 1e-3;
          expect(Math.abs(gainAt(c, 0, rate) - 1)).toBeLessThan(tol);
          expect(Math.abs(gainAt(c, cutoff, rate) - Math.SQRT1_2)).toBeLessThan(tol);
          expect(gainAt(c, rate / 2, rate)).toBeLessThan(1e-6);
          // Monotone: lower in the stop band than in the pass band.
          expect(gainAt(c, cutoff / 2, rate)).toBeGreaterThan(
            gainAt(c, Math.min(cutoff * 1.5, rate / 2), rate),
          );
        },
      ),
    );
  });

  it('rejects bad orders, cut-offs and rates with clear messages', () => {
    expect(() => butterworthLowpass(0, 3.5, 50)).toThrow(AnalysisError);
    expect(() => butterworthLowpass(0, 3.5, 50)).toThrow(/order must be an integer from 1/);
    expect(() => butterworthLowpass(2.5, 3.5, 50)).toThrow(/order must be an integer/);
    expect(() => butterworthLowpass(NaN, 3.5, 50)).toThrow(/order/);
    expect(() => butterworthLowpass(4, 0, 50)).toThrow(
      /cut-off must be between 0 and half the sampling rate, 25 Hz \(got 0 Hz\)/,
    );
    expect(() => butterworthLowpass(4, -1, 50)).toThrow(AnalysisError);
    expect(() => butterworthLowpass(4, 25, 50)).toThrow(/cut-off/);
    expect(() => butterworthLowpass(4, 30, 50)).toThrow(/cut-off/);
    expect(() => butterworthLowpass(4, NaN, 50)).toThrow(/cut-off/);
    expect(() => butterworthLowpass(4, 3.5, 0)).toThrow(/sampling rate must be a positive finite number/);
    expect(() => butterworthLowpass(4, 3.5, Infinity)).toThrow(/sampling rate/);
  });
});
