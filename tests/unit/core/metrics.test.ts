import { describe, expect, it } from 'vitest';
import { distanceMeasures } from '../../../src/core/metrics/distance';
import { confidenceEllipse, fStatistic2 } from '../../../src/core/metrics/ellipse';
import { gradient, jerk } from '../../../src/core/metrics/jerk';
import { pathLength, swayAreaRate } from '../../../src/core/metrics/path';
import { spectralMeasures } from '../../../src/core/metrics/spectral';

// A four-point "cross" worked by hand: (AP, ML) = (3, 0), (-3, 0), (0, 4), (0, -4).
const crossAp = [3, -3, 0, 0];
const crossMl = [0, 0, 4, -4];

describe('distance measures (Prieto 1996)', () => {
  it('gives the hand-worked values of a four-point cross', () => {
    const d = distanceMeasures(crossAp, crossMl);
    expect(d.rmsAp).toBeCloseTo(Math.sqrt(18 / 4), 12); // (9 + 9) / 4
    expect(d.rmsMl).toBeCloseTo(Math.sqrt(32 / 4), 12); // (16 + 16) / 4
    expect(d.rms).toBeCloseTo(Math.sqrt(50 / 4), 12); // RDIST: (9 + 9 + 16 + 16) / 4
    expect(d.meanDistance).toBeCloseTo(3.5, 12); // MDIST: (3 + 3 + 4 + 4) / 4
    expect(d.rangeAp).toBe(6);
    expect(d.rangeMl).toBe(8);
  });
});

describe('path measures', () => {
  it('sums the straight segments of the path (TOTEX)', () => {
    // (3,0) -> (-3,0): 6; (-3,0) -> (0,4): 5; (0,4) -> (0,-4): 8
    expect(pathLength(crossAp, crossMl)).toBeCloseTo(19, 12);
  });
  it('sums the triangle areas swept from the mean point (AREA-SW)', () => {
    // cross products: 0, |0*0 - (-3)*4| = 12, 0 -> 12 / (2 T)
    expect(swayAreaRate(crossAp, crossMl, 2)).toBeCloseTo(3, 12);
  });
  it('gives pi r^2 per revolution for a circle traced once per second', () => {
    const n = 10_000;
    const ap = Array.from({ length: n + 1 }, (_, k) => 2 * Math.cos((2 * Math.PI * k) / n));
    const ml = Array.from({ length: n + 1 }, (_, k) => 2 * Math.sin((2 * Math.PI * k) / n));
    // swept area of one revolution = pi r^2 = 4 pi, over T = 1 s
    expect(swayAreaRate(ap, ml, 1)).toBeCloseTo(4 * Math.PI, 5);
    expect(pathLength(ap, ml)).toBeCloseTo(4 * Math.PI, 5); // circumference 2 pi r
  });
});

describe('jerk (Mancini 2012)', () => {
  it('differentiates like numpy.gradient', () => {
    // numpy: np.gradient([0., 1., 4., 9.]) -> array([1., 2., 4., 5.]); spacing 1/rate scales by rate
    expect(Array.from(gradient([0, 1, 4, 9], 1))).toEqual([1, 2, 4, 5]);
    expect(Array.from(gradient([0, 1, 4, 9], 50))).toEqual([50, 100, 200, 250]);
  });
  it('is half the integral of the squared derivative', () => {
    // AP' = [1, 2, 4, 5], ML' = 0: 0.5 * (1 + 4 + 16 + 25) / 1 = 23
    expect(jerk([0, 1, 4, 9], [0, 0, 0, 0], 1)).toBeCloseTo(23, 12);
  });
});

describe('95 % confidence ellipse', () => {
  it('uses the closed-form F(0.95; 2, N - 2)', () => {
    // Tables: F(0.95; 2, 10) = 4.1028; F(0.95; 2, inf) = -ln(0.05) = 2.9957
    expect(fStatistic2(12)).toBeCloseTo(4.1028, 4);
    expect(fStatistic2(1e7)).toBeCloseTo(-Math.log(0.05), 5);
  });
  it('gives a circle of radius sqrt(2 F) sigma for isotropic points', () => {
    const n = 3600;
    const ap = Array.from({ length: n }, (_, k) => Math.cos((2 * Math.PI * k) / n));
    const ml = Array.from({ length: n }, (_, k) => Math.sin((2 * Math.PI * k) / n));
    const e = confidenceEllipse(ap, ml);
    const f = fStatistic2(n);
    // covariance = I / 2, so lambda = 1/2 twice: semi-axes sqrt(F), area = 2 pi F / 2
    expect(e.ellipseMajor).toBeCloseTo(Math.sqrt(f), 9);
    expect(e.ellipseMinor).toBeCloseTo(Math.sqrt(f), 9);
    expect(e.ellipseArea).toBeCloseTo(Math.PI * f, 9);
  });
  it('measures the major axis angle from AP towards ML in [0, 180)', () => {
    const line = (deg: number) => {
      const a = (deg * Math.PI) / 180;
      // a sine and a cosine over whole periods are uncorrelated: the major axis is exactly `deg`
      const s = Array.from({ length: 200 }, (_, k) => Math.sin((2 * Math.PI * k) / 200) * 3);
      const w = Array.from({ length: 200 }, (_, k) => Math.cos((2 * Math.PI * k) / 200) * 0.5);
      return {
        ap: s.map((v, k) => v * Math.cos(a) - (w[k] as number) * Math.sin(a)),
        ml: s.map((v, k) => v * Math.sin(a) + (w[k] as number) * Math.cos(a)),
      };
    };
    for (const deg of [0, 30, 90, 135, 179]) {
      const { ap, ml } = line(deg);
      expect(confidenceEllipse(ap, ml).ellipseAngleDeg).toBeCloseTo(deg, 9);
    }
    const { ap, ml } = line(-30);
    expect(confidenceEllipse(ap, ml).ellipseAngleDeg).toBeCloseTo(150, 9);
  });
});

describe('spectral measures', () => {
  it('finds a pure 1 Hz sway at 1 Hz with all its power', () => {
    const rate = 50;
    const n = 3000; // 60 s
    const amplitude = 0.4;
    const ap = Float64Array.from({ length: n }, (_, k) => amplitude * Math.sin((2 * Math.PI * k) / rate));
    const ml = new Float64Array(n);
    const s = spectralMeasures(ap, ml, rate);
    // Welch with L = 1024: df = 50/1024 Hz; the 1 Hz line falls between bins 20 and 21 (0.977, 1.025 Hz)
    expect(s.f50).toBeGreaterThan(0.95);
    expect(s.f50).toBeLessThan(1.03);
    expect(s.centroidFrequency).toBeCloseTo(1, 1);
    expect(s.frequencyDispersion).toBeLessThan(0.05);
    // Parseval: the power of a sine is amplitude^2 / 2
    expect(s.totalPower).toBeCloseTo((amplitude * amplitude) / 2, 3);
  });
});
