import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeVerdict,
  changeWords,
  GOLDBERG_2011_HOLD_TIME,
  MDC95_FACTOR,
  mdc95FromSem,
  minimalDetectableChange,
  MOE_NILSSEN_1998_RMS_ML,
  type MdcQuery,
} from '../../../src/core/reliability';

/** A 45 s eyes-open firm trial of someone born in 1950, on 2 Nov 2026 (age 75 or 76). */
const older: MdcQuery = {
  metric: 'holdTimeS',
  eyes: 'open',
  surface: 'firm',
  capS: 45,
  placement: 'chest',
  birthYear: 1950,
  date: '2026-11-02',
};

describe('MDC95 = 1.96 * sqrt(2) * SEM', () => {
  it('gives Goldberg et al. 2011 their published MDC95 from their SEM (abstract: SEM 8.7 s, MDC95 24.1 s)', () => {
    expect(MDC95_FACTOR).toBeCloseTo(2.7719, 4);
    expect(mdc95FromSem(8.7)).toBeCloseTo(24.1, 1);
    expect(GOLDBERG_2011_HOLD_TIME.publishedMdc95).toBe(24.1);
    expect(GOLDBERG_2011_HOLD_TIME.citation).toContain('Gait Posture. 2011;33(4):737-739');
  });

  it('is linear in the SEM (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (sem) => {
        expect(mdc95FromSem(sem)).toBeCloseTo(1.96 * Math.sqrt(2) * sem, 9);
      }),
    );
  });
});

describe('minimalDetectableChange: only where the protocol is the study’s', () => {
  it('applies Goldberg 2011 to an older adult, eyes open, firm, 45 s cap', () => {
    const mdc = minimalDetectableChange(older);
    expect(mdc.applies).toBe(true);
    if (mdc.applies) {
      expect(mdc.sem).toBe(8.7);
      expect(mdc.mdc95).toBeCloseTo(24.115, 3);
      expect(mdc.value.source).toBe('Goldberg et al. 2011');
    }
  });

  it('says why not for a 10 s cap, foam, eyes closed, a young adult, no birth year, ankle injury', () => {
    const reason = (q: Partial<MdcQuery>): string => {
      const mdc = minimalDetectableChange({ ...older, ...q });
      return mdc.applies ? 'applies' : mdc.reason;
    };
    expect(reason({ capS: 10 })).toBe(
      'no published value for a 10 s cap (Goldberg et al. 2011: 30 s or more)',
    );
    expect(reason({ capS: 20 })).toContain('20 s cap');
    expect(reason({ capS: 30 })).toBe('applies');
    expect(reason({ surface: 'foam' })).toContain('firm floor, not foam');
    expect(reason({ eyes: 'closed' })).toContain('eyes open');
    expect(reason({ birthYear: 1995 })).toContain('ages 60-89');
    expect(reason({ birthYear: null })).toContain('no birth year');
    expect(reason({ population: 'after-ankle-injury' })).toBe(
      'no published value found for people after an ankle injury',
    );
    expect(reason({ metric: 'ellipseArea' })).toBe('no published test-retest value for this measure');
  });

  it('has an ICC but no SEM for trunk-accelerometer ML sway (Moe-Nilssen 1998 abstract: ICC(3,1) 0.84): no number', () => {
    expect(MOE_NILSSEN_1998_RMS_ML.icc).toBe(0.84);
    const mdc = minimalDetectableChange({ ...older, metric: 'rmsMl', placement: 'lumbar', birthYear: 2004 });
    expect(mdc).toEqual({
      applies: false,
      reason: 'Moe-Nilssen 1998 publish an ICC of 0.84 but no measurement error to compute it from',
    });
    const chest = minimalDetectableChange({ ...older, metric: 'rmsMl', placement: 'chest', birthYear: 2004 });
    expect(chest.applies ? '' : chest.reason).toContain('lumbar spine');
  });
});

describe('changeVerdict and changeWords', () => {
  const mdc = minimalDetectableChange(older);
  it('a change of 13.3 s is within the 24.1 s MDC; 25 s is beyond', () => {
    expect(changeVerdict(13.3, 24.11)).toBe('within');
    expect(changeVerdict(-25, 24.11)).toBe('beyond');
    expect(changeWords(13.3, mdc)).toBe('within measurement error (minimal detectable change 24.1 s)');
    expect(changeWords(25, mdc)).toBe('beyond the minimal detectable change of 24.1 s');
  });
  it('a change equal to the MDC is not beyond it (property: |change| <= mdc is within)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (m, k) => {
          expect(changeVerdict(m * k, m)).toBe('within');
          expect(changeVerdict(-m * k, m)).toBe('within');
        },
      ),
    );
  });
});
