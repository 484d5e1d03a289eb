/**
 * The signal steps against numpy/scipy reference vectors (fixtures/vectors, see fixtures/PROVENANCE.md).
 * Reached: every value within 1e-13 relative (most to a few ulps); asserted at 1e-12 relative,
 * well inside SPEC's 1e-6.
 */
import { describe, expect, it } from 'vitest';
import butter from '../../../fixtures/vectors/butter.json';
import filtfiltVectors from '../../../fixtures/vectors/filtfilt.json';
import welchVectors from '../../../fixtures/vectors/welch.json';
import rotationVectors from '../../../fixtures/vectors/rotation.json';
import extra from '../../../fixtures/vectors/signal-extra.json';
import { butterworthLowpass } from '../../../src/core/signal/butterworth';
import { filtfilt, lfilterZi } from '../../../src/core/signal/filtfilt';
import { welch, welchSegmentLength } from '../../../src/core/signal/welch';
import { rotateColumns, rotationToVertical, type Vec3 } from '../../../src/core/signal/rotation';
import { resampleLinear, uniformGrid } from '../../../src/core/signal/resample';

const REL = 1e-12;

/** Largest elementwise |actual - expected| / |expected| (exact zeros must match exactly). */
function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const a = actual[i] as number;
    const err = e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e);
    if (!(err <= worst)) worst = err; // NaN-safe: a NaN makes worst NaN
  }
  return worst;
}

/** Largest |actual - expected| relative to the largest |expected| (for values that cross zero). */
function maxScaledError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i] as number));
    const err = Math.abs((actual[i] as number) - (expected[i] as number));
    if (!(err <= worst)) worst = err;
  }
  return worst / scale;
}

describe('butterworthLowpass vs scipy.signal.butter', () => {
  it.each(butter.cases)('order $order, $cutoffHz Hz at $rateHz Hz', (c) => {
    const { b, a } = butterworthLowpass(c.order, c.cutoffHz, c.rateHz);
    expect(maxRelativeError(b, c.b)).toBeLessThan(REL);
    expect(maxRelativeError(a, c.a)).toBeLessThan(REL);
  });

  it.each(extra.butter)('order $order, $cutoffHz Hz at $rateHz Hz (extra)', (c) => {
    const { b, a } = butterworthLowpass(c.order, c.cutoffHz, c.rateHz);
    expect(maxRelativeError(b, c.b)).toBeLessThan(REL);
    expect(maxRelativeError(a, c.a)).toBeLessThan(REL);
  });

  it('reproduces the 50 Hz coefficients printed in SPEC section 3 step 5', () => {
    const { b, a } = butterworthLowpass(4, 3.5, 50);
    const specB = [
      0.0013974753593581635, 0.005589901437432654, 0.00838485215614898, 0.005589901437432654,
      0.0013974753593581635,
    ];
    const specA = [1, -2.8548662700170597, 3.176160357993334, -1.6123057300173769, 0.313371247790833];
    expect(maxRelativeError(b, specB)).toBeLessThan(REL);
    expect(maxRelativeError(a, specA)).toBeLessThan(REL);
  });
});

describe('lfilterZi vs scipy.signal.lfilter_zi', () => {
  it.each(extra.lfilterZi.map((c, i) => ({ ...c, i })))('case $i', (c) => {
    expect(maxRelativeError(lfilterZi(c), c.zi)).toBeLessThan(REL);
  });
});

describe('filtfilt vs scipy.signal.filtfilt', () => {
  it.each(filtfiltVectors.cases)('butter(4, $cutoffHz, fs=$rateHz), $x.length samples', (c) => {
    const y = filtfilt(butterworthLowpass(4, c.cutoffHz, c.rateHz), c.x);
    expect(maxRelativeError(y, c.y)).toBeLessThan(REL);
  });

  it.each(extra.filtfilt.map((c) => ({ ...c, nb: c.b.length, na: c.a.length, nx: c.x.length })))(
    '$nb b, $na a coefficients, $nx samples (extra)',
    (c) => {
      expect(maxRelativeError(filtfilt(c, c.x), c.y)).toBeLessThan(REL);
    },
  );
});

describe('welch vs scipy.signal.welch', () => {
  it.each(welchVectors.cases)('$x.length samples at $rateHz Hz, default segment $segment', (c) => {
    expect(welchSegmentLength(c.x.length)).toBe(c.segment);
    const s = welch(c.x, c.rateHz);
    expect(maxRelativeError(s.f, c.f)).toBeLessThan(REL);
    expect(maxRelativeError(s.p, c.p)).toBeLessThan(REL);
    expect(s.df).toBeCloseTo(c.rateHz / c.segment, 15);
  });

  it.each(extra.welch)('$x.length samples at $rateHz Hz, segment $segment (extra)', (c) => {
    const s = welch(c.x, c.rateHz, c.segment);
    expect(maxRelativeError(s.f, c.f)).toBeLessThan(REL);
    expect(maxRelativeError(s.p, c.p)).toBeLessThan(REL);
  });
});

describe('rotationToVertical vs the numpy reference', () => {
  it.each(rotationVectors.cases)('g = $g', (c) => {
    const R = rotationToVertical(c.g as Vec3);
    expect(maxScaledError(R, c.R.flat())).toBeLessThan(REL);
    const [x, y, z] = rotateColumns(R, [c.g[0] as number], [c.g[1] as number], [c.g[2] as number]);
    expect(maxScaledError([x[0] as number, y[0] as number, z[0] as number], c.Rg)).toBeLessThan(REL);
  });
});

describe('resampleLinear vs numpy.interp on the SPEC grid', () => {
  it.each(extra.interp)('$tS.length samples onto $rateHz Hz', (c) => {
    const grid = uniformGrid(c.loS, c.hiS, c.rateHz);
    expect(grid.n).toBe(c.n);
    expect(maxRelativeError(resampleLinear(c.tS, c.x, grid), c.y)).toBeLessThan(REL);
  });
});
