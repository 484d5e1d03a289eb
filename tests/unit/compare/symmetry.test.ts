import { describe, expect, it } from 'vitest';
import {
  LSI_FLAG_BELOW_PERCENT,
  limbSymmetryIndexPercent,
  symmetryIndexPercent,
  symmetryOf,
  weakerSide,
} from '../../../src/core/symmetry';

describe('limb symmetry index (LSI = weaker / stronger x 100 %)', () => {
  it('is shorter / longer for hold time', () => {
    // left held 30 s, right 40 s: 30 / 40 = 75 %
    expect(limbSymmetryIndexPercent(30, 40, 'larger-is-better')).toBe(75);
    expect(limbSymmetryIndexPercent(40, 30, 'larger-is-better')).toBe(75);
    expect(weakerSide(30, 40, 'larger-is-better')).toBe('left');
  });

  it('is smaller / larger for sway, where larger is worse', () => {
    // rms 0.12 left, 0.15 right: 0.12 / 0.15 = 80 %, the right leg sways more and is the weaker
    expect(limbSymmetryIndexPercent(0.12, 0.15, 'larger-is-worse')).toBeCloseTo(80, 12);
    expect(weakerSide(0.12, 0.15, 'larger-is-worse')).toBe('right');
  });

  it('flags below 90 % only', () => {
    expect(LSI_FLAG_BELOW_PERCENT).toBe(90);
    expect(symmetryOf(36, 40, 'larger-is-better')).toMatchObject({ lsiPercent: 90, lsiFlagged: false });
    expect(symmetryOf(35.9, 40, 'larger-is-better').lsiFlagged).toBe(true); // 89.75 %
  });

  it('has no value without a weaker side: frequencies, both zero, missing or negative values', () => {
    expect(limbSymmetryIndexPercent(0.4, 0.6, 'no-direction')).toBeNull();
    expect(weakerSide(0.4, 0.6, 'no-direction')).toBeNull();
    expect(limbSymmetryIndexPercent(0, 0, 'larger-is-better')).toBeNull();
    expect(limbSymmetryIndexPercent(null, 20, 'larger-is-better')).toBeNull();
    expect(limbSymmetryIndexPercent(NaN, 20, 'larger-is-better')).toBeNull();
    expect(limbSymmetryIndexPercent(-1, 20, 'larger-is-worse')).toBeNull();
    expect(weakerSide(20, 20, 'larger-is-better')).toBeNull();
  });

  it('is 0 % when one leg could not stand at all', () => {
    expect(symmetryOf(0, 12, 'larger-is-better')).toEqual({
      lsiPercent: 0,
      lsiFlagged: true,
      siPercent: 200, // (12 - 0) / 6 x 100
      weakerSide: 'left',
    });
  });
});

describe('symmetry index (SI, Herzog et al. 1989) = (R - L) / (0.5 (R + L)) x 100 %', () => {
  it('is signed: positive when the right value is larger', () => {
    // (40 - 30) / 35 x 100 = 28.571428...
    expect(symmetryIndexPercent(30, 40)).toBeCloseTo(28.571428571428573, 12);
    expect(symmetryIndexPercent(40, 30)).toBeCloseTo(-28.571428571428573, 12);
    expect(symmetryIndexPercent(25, 25)).toBe(0);
  });

  it('is given for measures with no direction too, and null for 0 and 0 or a missing value', () => {
    expect(symmetryOf(0.4, 0.6, 'no-direction')).toEqual({
      lsiPercent: null,
      lsiFlagged: false,
      siPercent: expect.closeTo(40, 12), // 0.2 / 0.5 x 100 (in doubles 39.99999999999999)
      weakerSide: null,
    });
    expect(symmetryIndexPercent(0, 0)).toBeNull();
    expect(symmetryIndexPercent(undefined, 3)).toBeNull();
  });
});
