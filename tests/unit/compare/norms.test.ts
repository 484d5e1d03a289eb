import { describe, expect, it } from 'vitest';
import {
  holdTimeNorm,
  holdTimeNormBand,
  possibleAges,
  SPRINGER_2007_CITATION,
  SPRINGER_2007_HOLD_TIMES,
} from '../../../src/core/norms';

const protocol = { eyes: 'open', surface: 'firm', capS: 45 } as const;

describe('Springer et al. 2007 hold-time norms', () => {
  it('holds the values of SPEC section 1 (secondary source)', () => {
    expect(
      SPRINGER_2007_HOLD_TIMES.map((g) => [
        g.fromAge,
        g.toAge,
        g.eyesOpenS,
        g.eyesClosedFemaleS,
        g.eyesClosedMaleS,
      ]),
    ).toEqual([
      [18, 39, 44.7, 13.1, 16.9],
      [40, 49, 41.9, 13.5, 12.0],
      [50, 59, 41.2, 7.9, 8.6],
      [60, 69, 32.1, 3.6, 5.1],
      [70, 79, 21.5, 3.7, 2.6],
      [80, 99, 9.4, 2.1, 1.8],
    ]);
    expect(SPRINGER_2007_CITATION).toContain('J Geriatr Phys Ther. 2007;30(1):8-15');
  });

  it('knows the age only to a year from the birth year', () => {
    expect(possibleAges(1955, 2026)).toEqual([70, 71]);
  });

  it('gives the eyes-open value of the age group, with the citation', () => {
    // born 1955, tested 2026: 70 or 71, both in 70-79 -> 21.5 s
    expect(holdTimeNorm({ ...protocol, birthYear: 1955, date: '2026-05-01T10:00:00.000+02:00' })).toEqual({
      applies: true,
      lowS: 21.5,
      highS: 21.5,
      ageGroups: ['70-79'],
      sexes: 'all',
      citation: SPRINGER_2007_CITATION,
      note: expect.stringContaining('secondary source'),
    });
  });

  it('spans two age groups when the birthday decides (born 1966, tested 2026: 59 or 60)', () => {
    expect(holdTimeNorm({ ...protocol, birthYear: 1966, date: '2026-05-01' })).toMatchObject({
      applies: true,
      lowS: 32.1, // 60-69
      highS: 41.2, // 50-59
      ageGroups: ['50-59', '60-69'],
    });
  });

  it('uses the sex for eyes closed, and spans both sexes without it', () => {
    const closed = { ...protocol, eyes: 'closed' as const, birthYear: 1980, date: '2026-01-10' }; // 45 or 46
    expect(holdTimeNorm({ ...closed, sex: 'female' })).toMatchObject({
      lowS: 13.5,
      highS: 13.5,
      sexes: ['female'],
    });
    expect(holdTimeNorm({ ...closed, sex: 'male' })).toMatchObject({
      lowS: 12.0,
      highS: 12.0,
      sexes: ['male'],
    });
    expect(holdTimeNorm(closed)).toMatchObject({ lowS: 12.0, highS: 13.5, sexes: ['female', 'male'] });
  });

  it('says why there is no norm: other cap, foam, no birth year, age outside 18-99', () => {
    expect(holdTimeNorm({ ...protocol, capS: 30, birthYear: 1955, date: '2026-05-01' })).toEqual({
      applies: false,
      reason: 'the norms are for a 45 s cap (this test: 30 s)',
    });
    expect(holdTimeNorm({ ...protocol, surface: 'foam', birthYear: 1955, date: '2026-05-01' })).toEqual({
      applies: false,
      reason: 'the norms are for a firm floor, not foam',
    });
    expect(holdTimeNorm({ ...protocol, birthYear: null, date: '2026-05-01' })).toMatchObject({
      applies: false,
    });
    // born 2008, tested 2026: 17 or 18, maybe under 18
    expect(holdTimeNorm({ ...protocol, birthYear: 2008, date: '2026-05-01' })).toEqual({
      applies: false,
      reason: 'age 17-18 is outside the norms (18 to 99 years)',
    });
    expect(holdTimeNorm({ ...protocol, birthYear: 1926, date: '2026-05-01' })).toMatchObject({
      applies: false,
    }); // 99 or 100
  });

  it('follows the person through age groups along a progress chart', () => {
    // born 1956: in 2025 68 or 69 (60-69); in 2026 69 or 70 (both groups); in 2027 70 or 71 (70-79)
    expect(
      holdTimeNormBand({ ...protocol, birthYear: 1956 }, ['2025-06-01', '2026-06-01', '2027-06-01']),
    ).toEqual([
      { date: '2025-06-01', lowS: 32.1, highS: 32.1 },
      { date: '2026-06-01', lowS: 21.5, highS: 32.1 },
      { date: '2027-06-01', lowS: 21.5, highS: 21.5 },
    ]);
    expect(holdTimeNormBand({ ...protocol, capS: 60, birthYear: 1956 }, ['2025-06-01'])).toEqual([]);
  });
});
