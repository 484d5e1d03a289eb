import { describe, expect, it } from 'vitest';
import {
  BOHANNON_1984_EYES_CLOSED,
  BOHANNON_1984_EYES_OPEN,
  BOHANNON_2006_EYES_OPEN,
  fallRiskCutoff,
  publishedHoldTimeNorms,
  VELLAS_1997_FALL_RISK,
} from '../../../src/core/norms';

describe('more published hold-time norms', () => {
  it('holds Bohannon 1984 (secondary source) and Bohannon 2006 (abstract) values', () => {
    expect(BOHANNON_1984_EYES_OPEN.groups.map((g) => g.meanS)).toEqual([30.0, 30.0, 29.7, 29.4, 22.5, 14.2]);
    expect(BOHANNON_1984_EYES_CLOSED.groups.map((g) => g.meanS)).toEqual([28.8, 27.8, 24.2, 21.0, 10.2, 4.3]);
    expect(BOHANNON_2006_EYES_OPEN.groups.map((g) => g.meanS)).toEqual([27.0, 17.2, 8.5]);
  });

  it('a 30 s eyes-open trial at 65-66: Bohannon 1984 60-69 22.5 s and Bohannon 2006 27.0 s', () => {
    const norms = publishedHoldTimeNorms({
      birthYear: 1960,
      eyes: 'open',
      surface: 'firm',
      capS: 30,
      date: '2026-05-01',
    });
    expect(norms).toEqual([
      expect.objectContaining({
        applies: true,
        source: 'Bohannon et al. 1984',
        lowS: 22.5,
        highS: 22.5,
        ageGroups: ['60-69'],
      }),
      expect.objectContaining({ applies: true, source: 'Bohannon 2006', lowS: 27.0, highS: 27.0 }),
    ]);
  });

  it('a birth year that straddles two decades gives a band (age 69 or 70, eyes closed: 4.3-10.2 s)', () => {
    const [norm] = publishedHoldTimeNorms({
      birthYear: 1956,
      eyes: 'closed',
      surface: 'firm',
      capS: 30,
      date: '2026-05-01',
    });
    expect(norm).toEqual(
      expect.objectContaining({ applies: true, lowS: 4.3, highS: 10.2, ageGroups: ['60-69', '70-79'] }),
    );
  });

  it('says why not: 45 s cap for Bohannon 1984, 10 s cap, foam, outside the ages', () => {
    const at = (q: object) =>
      publishedHoldTimeNorms({
        birthYear: 1960,
        eyes: 'open',
        surface: 'firm',
        capS: 45,
        date: '2026-05-01',
        ...q,
      });
    expect(at({})[0]).toEqual({
      applies: false,
      source: 'Bohannon et al. 1984',
      reason: 'the norms are for a 30 s cap (this test: 45 s)',
    });
    expect(at({})[1]).toEqual(expect.objectContaining({ applies: true, source: 'Bohannon 2006' }));
    expect(at({ capS: 10 }).every((n) => !n.applies)).toBe(true);
    expect(at({ surface: 'foam' }).map((n) => (n.applies ? '' : n.reason))).toEqual([
      'the norms are for a firm floor, not foam',
      'the norms are for a firm floor, not foam',
    ]);
    expect(at({ birthYear: 2010 })[1]).toEqual(
      expect.objectContaining({ applies: false, reason: 'age 15-16 is outside the norms (60 to 99 years)' }),
    );
  });
});

describe('fall-risk cut-off (Vellas et al. 1997, abstract: under 5 s, people over 60, RR 2.13)', () => {
  it('applies to an older adult, eyes open, firm', () => {
    expect(VELLAS_1997_FALL_RISK.relativeRisk).toBe(2.13);
    expect(
      fallRiskCutoff({ birthYear: 1950, eyes: 'open', surface: 'firm', capS: 10, date: '2026-01-01' }),
    ).toEqual(expect.objectContaining({ applies: true, holdBelowS: 5, source: 'Vellas et al. 1997' }));
  });
  it('not for eyes closed, foam, a younger person or an unknown age', () => {
    const base = { birthYear: 1950, eyes: 'open', surface: 'firm', capS: 45, date: '2026-01-01' } as const;
    expect(fallRiskCutoff({ ...base, eyes: 'closed' }).applies).toBe(false);
    expect(fallRiskCutoff({ ...base, surface: 'foam' }).applies).toBe(false);
    expect(fallRiskCutoff({ ...base, birthYear: 1990 })).toEqual({
      applies: false,
      reason: 'the fall-risk cut-off is for people over 60',
    });
    expect(fallRiskCutoff({ ...base, birthYear: null }).applies).toBe(false);
  });
});
