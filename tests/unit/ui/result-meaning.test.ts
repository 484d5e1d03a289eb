/**
 * One meaning per number on the result page (src/ui/result-meaning.ts): the hold time against
 * the Springer 2007 age norm where the protocol matches (values of SPEC section 1: eyes open,
 * age 70-79, 21.5 s; eyes closed, 60-69, women 3.6 s, men 5.1 s), the units in words, and why
 * centroid frequency is missing under 10 s of analysed window.
 */
import { describe, expect, it } from 'vitest';
import { SPECTRAL_MIN_DURATION_S } from '../../../src/core/metrics/spectral';
import { SETTLE_S } from '../../../src/core/options';
import { DURATION_CAPS_S } from '../../../src/session/types';
import {
  holdTimeMeaning,
  limitTooShort,
  missingReason,
  unitInWords,
  type MeaningTrial,
} from '../../../src/ui/result-meaning';

const trial = (holdTimeS: number, setup: Partial<MeaningTrial['setup']> = {}): MeaningTrial => ({
  startedAt: '2026-12-07T10:00:00+01:00',
  holdTimeS,
  interrupted: false,
  setup: { eyes: 'open', surface: 'firm', placement: 'chest', capS: 45, ...setup },
});

// Born 1951: 74 or 75 on 7 Dec 2026, both in 70-79.
const SEVENTY_FOUR = { birthYear: 1951, sex: 'female' as const };

describe('the hold time against the age norm', () => {
  it('says below, at or above 21.5 s for a person in their seventies, eyes open, 45 s on a firm floor', () => {
    const below = holdTimeMeaning(trial(12.1278), SEVENTY_FOUR);
    expect(below).toEqual({
      applies: true,
      against: 'below',
      text: 'Age norm (Springer et al. 2007, age 70-79): 21.5 s, the average best of 3 trials of healthy people of that age with a 45 s limit. This trial is below the norm.',
    });
    // 21.46 s is shown as 21.5 s: at the norm, as it reads.
    expect(holdTimeMeaning(trial(21.46), SEVENTY_FOUR)?.against).toBe('within');
    expect(holdTimeMeaning(trial(21.46), SEVENTY_FOUR)?.text).toMatch(/This trial is at the norm\.$/);
    expect(holdTimeMeaning(trial(45), SEVENTY_FOUR)?.against).toBe('above');
  });

  it('gives a band where sex is not known (eyes closed) and says within it', () => {
    // Born 1961: 64 or 65, 60-69; eyes closed women 3.6 s, men 5.1 s.
    const meaning = holdTimeMeaning(trial(4.2, { eyes: 'closed' }), { birthYear: 1961, sex: null });
    expect(meaning?.against).toBe('within');
    expect(meaning?.text).toContain('age 60-69): 3.6–5.1 s,');
    expect(meaning?.text).toMatch(/This trial is within the norm\.$/);
  });

  it('says why there is no norm: a 10 s limit, foam, no birth year, nobody chosen', () => {
    expect(holdTimeMeaning(trial(8, { capS: 10 }), SEVENTY_FOUR)).toEqual({
      applies: false,
      against: null,
      text: 'No age norm: the norms are for a 45 s cap (this test: 10 s).',
    });
    expect(holdTimeMeaning(trial(8, { surface: 'foam' }), SEVENTY_FOUR)?.text).toBe(
      'No age norm: the norms are for a firm floor, not foam.',
    );
    expect(holdTimeMeaning(trial(8), { birthYear: null })?.text).toBe(
      'No age norm: no birth year: the norms depend on age.',
    );
    expect(holdTimeMeaning(trial(8), null)?.text).toBe(
      'No age norm: no person is chosen (the norms depend on age).',
    );
  });

  it('says nothing for an interrupted trial: it is not a result', () => {
    expect(holdTimeMeaning({ ...trial(3), interrupted: true }, SEVENTY_FOUR)).toBeNull();
  });
});

describe('the sway measures in words', () => {
  it('names what each unit measures, where the phone was', () => {
    expect(unitInWords('rms', 'chest', 'm/s²')).toBe('acceleration of the chest, m/s²');
    expect(unitInWords('meanVelocity', 'lumbar', 'm/s³')).toBe(
      'acceleration of the lower back travelled per second, m/s³',
    );
    expect(unitInWords('centroidFrequency', 'chest', 'Hz')).toBe('swings per second, Hz');
    // A 2-D sway trial measures the sway itself, in its own unit (or none stated).
    expect(unitInWords('rms', 'force-plate', 'cm', 'cm')).toBe('distance of the sway, cm');
    expect(unitInWords('ellipseArea', 'force-plate', 'input unit²', null)).toBe(
      'area of the sway, input unit²',
    );
  });

  it('says centroid frequency needs 10 s of analysed window: a 10 s limit leaves 9 s', () => {
    expect(missingReason('centroidFrequency', null, 9)).toBe(
      'Not computed: it needs 10 s of analysed movement, this trial has 9.0 s.',
    );
    expect(missingReason('centroidFrequency', null, 10)).toBeNull();
    expect(missingReason('centroidFrequency', 0.8, 9)).toBeNull();
    expect(missingReason('rms', null, 9)).toBeNull();
  });
});

describe('a time limit too short for a measure, said at set-up', () => {
  it('says a 10 s limit leaves 9 s, too short for centroid frequency; 20 s and longer leave enough', () => {
    expect(limitTooShort(10)).toEqual({
      sentence:
        'With a 10 s limit, centroid frequency (the sway’s rhythm) is not computed: it needs 10 s of analysed movement, this limit leaves 9.0 s.',
      inLine: 'too short for centroid frequency',
    });
    for (const capS of [20, 30, 45, 60]) expect(limitTooShort(capS), `${capS} s`).toBeNull();
  });

  it('agrees with the result page’s reason for every limit offered', () => {
    // The longest window a limit allows: from SETTLE_S after "go" to the limit.
    for (const capS of DURATION_CAPS_S) {
      const missing = missingReason('centroidFrequency', null, capS - SETTLE_S);
      expect(limitTooShort(capS) === null, `${capS} s`).toBe(missing === null);
      expect(limitTooShort(capS) === null, `${capS} s`).toBe(capS - SETTLE_S >= SPECTRAL_MIN_DURATION_S);
    }
  });
});
