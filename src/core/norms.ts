/**
 * Published normative hold times for the single-leg (unipedal) stance test, with the exact
 * conditions under which they apply.
 *
 * Source: Springer BA, Marin R, Cyhan T, Roberts H, Gill NW 2007, Normative values for the
 * unipedal stance test with eyes open and closed, J Geriatr Phys Ther 30(1):8-15: 549 healthy
 * adults aged 18 and over, 6 age groups, mean of the best of 3 trials, 45 s cap.
 * The values are those of SPEC section 1, taken from a SECONDARY source ("Table 1 totals"):
 * check them against the primary paper before showing them as authoritative.
 *
 * When a norm applies (`holdTimeNorm`): the trial was capped at 45 s on a firm floor (the
 * protocol the norms come from; a foam pad or another cap changes what a hold time means),
 * the person's birth year is known, and every age they can have had that day lies in
 * 18-99. Phone placement does not matter (it changes where the phone is, not the task). The
 * norm is a best of 3 trials: compare it with the best of a session (at most its last 3
 * trials, see compare.ts), not with single trials.
 */

export type Sex = 'female' | 'male';

/** One age group's mean best-of-3 hold times, s. */
export interface HoldTimeAgeGroup {
  fromAge: number;
  toAge: number;
  eyesOpenS: number;
  eyesClosedFemaleS: number;
  eyesClosedMaleS: number;
}

export const SPRINGER_2007_CITATION =
  'Springer BA, Marin R, Cyhan T, Roberts H, Gill NW. Normative values for the unipedal stance test with eyes open and closed. J Geriatr Phys Ther. 2007;30(1):8-15.';
export const SPRINGER_2007_NOTE =
  'Mean of the best of 3 trials, 45 s cap, firm floor; values from a secondary source (SPEC section 1), to be checked against the paper.';

/**
 * SPEC section 1 (secondary): eyes open, all; eyes closed, women / men. The paper's oldest
 * group is "80+"; SPEC writes 80-99, and Stork follows SPEC.
 */
export const SPRINGER_2007_HOLD_TIMES: readonly HoldTimeAgeGroup[] = [
  { fromAge: 18, toAge: 39, eyesOpenS: 44.7, eyesClosedFemaleS: 13.1, eyesClosedMaleS: 16.9 },
  { fromAge: 40, toAge: 49, eyesOpenS: 41.9, eyesClosedFemaleS: 13.5, eyesClosedMaleS: 12.0 },
  { fromAge: 50, toAge: 59, eyesOpenS: 41.2, eyesClosedFemaleS: 7.9, eyesClosedMaleS: 8.6 },
  { fromAge: 60, toAge: 69, eyesOpenS: 32.1, eyesClosedFemaleS: 3.6, eyesClosedMaleS: 5.1 },
  { fromAge: 70, toAge: 79, eyesOpenS: 21.5, eyesClosedFemaleS: 3.7, eyesClosedMaleS: 2.6 },
  { fromAge: 80, toAge: 99, eyesOpenS: 9.4, eyesClosedFemaleS: 2.1, eyesClosedMaleS: 1.8 },
];

/** The cap of the norms' protocol, s. */
export const NORM_CAP_S = 45;

export interface HoldTimeNormQuery {
  birthYear: number | null | undefined;
  /** Needed for eyes closed only; without it the band spans the women's and the men's value. */
  sex?: Sex | null;
  eyes: 'open' | 'closed';
  surface: 'firm' | 'foam';
  capS: number;
  /** The trial's local date, 'YYYY-MM-DD' (an ISO date-time works: its date part is used). */
  date: string;
}

export type HoldTimeNorm =
  | {
      applies: true;
      /**
       * The band, s. Low = high when one age group and one value apply. It widens when the
       * age is uncertain (only the birth year is known, so the person is year - birthYear or
       * one less, which may straddle two groups) or when sex is needed and not known.
       */
      lowS: number;
      highS: number;
      /** The age groups the band covers, e.g. ['60-69'] or ['60-69', '70-79']. */
      ageGroups: string[];
      /** Whose values the band covers: one sex, or both when eyes closed and sex unknown; 'all' for eyes open. */
      sexes: Sex[] | 'all';
      citation: string;
      note: string;
    }
  | { applies: false; reason: string };

/** Ages a person born in `birthYear` can have on a day of `year`: before or after their birthday. */
export function possibleAges(birthYear: number, year: number): [number, number] {
  return [year - birthYear - 1, year - birthYear];
}

const groupOf = (age: number): HoldTimeAgeGroup | undefined =>
  SPRINGER_2007_HOLD_TIMES.find((group) => age >= group.fromAge && age <= group.toAge);

/**
 * The Springer 2007 norm for one trial's conditions and the person's age that day, or why
 * there is none (in words for the screen).
 *
 * holdTimeNorm({ birthYear: 1955, eyes: 'open', surface: 'firm', capS: 45, date: '2026-05-01' })
 * // age 70 or 71 -> { applies: true, lowS: 21.5, highS: 21.5, ageGroups: ['70-79'], ... }
 */
export function holdTimeNorm(query: HoldTimeNormQuery): HoldTimeNorm {
  if (query.capS !== NORM_CAP_S) {
    return { applies: false, reason: `the norms are for a ${NORM_CAP_S} s cap (this test: ${query.capS} s)` };
  }
  if (query.surface !== 'firm') return { applies: false, reason: 'the norms are for a firm floor, not foam' };
  if (typeof query.birthYear !== 'number' || !Number.isInteger(query.birthYear)) {
    return { applies: false, reason: 'no birth year: the norms depend on age' };
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(query.date)) return { applies: false, reason: `not a date (${query.date})` };
  const year = Number(query.date.slice(0, 4));
  const [youngest, oldest] = possibleAges(query.birthYear, year);
  const groups = [groupOf(youngest), groupOf(oldest)];
  const first = SPRINGER_2007_HOLD_TIMES[0] as HoldTimeAgeGroup;
  const last = SPRINGER_2007_HOLD_TIMES[SPRINGER_2007_HOLD_TIMES.length - 1] as HoldTimeAgeGroup;
  if (!groups[0] || !groups[1]) {
    return {
      applies: false,
      reason: `age ${youngest}-${oldest} is outside the norms (${first.fromAge} to ${last.toAge} years)`,
    };
  }
  const covered = [...new Set(groups as HoldTimeAgeGroup[])];
  const sexes: Sex[] | 'all' = query.eyes === 'open' ? 'all' : query.sex ? [query.sex] : ['female', 'male'];
  const values = covered.flatMap((group) =>
    sexes === 'all'
      ? [group.eyesOpenS]
      : sexes.map((sex) => (sex === 'female' ? group.eyesClosedFemaleS : group.eyesClosedMaleS)),
  );
  return {
    applies: true,
    lowS: Math.min(...values),
    highS: Math.max(...values),
    ageGroups: covered.map((group) => `${group.fromAge}-${group.toAge}`),
    sexes,
    citation: SPRINGER_2007_CITATION,
    note: SPRINGER_2007_NOTE,
  };
}

/** The norm band on each given date where one applies (the person ages along a progress chart). */
export function holdTimeNormBand(
  query: Omit<HoldTimeNormQuery, 'date'>,
  dates: readonly string[],
): { date: string; lowS: number; highS: number }[] {
  const band: { date: string; lowS: number; highS: number }[] = [];
  for (const date of dates) {
    const norm = holdTimeNorm({ ...query, date });
    if (norm.applies) band.push({ date, lowS: norm.lowS, highS: norm.highS });
  }
  return band;
}
