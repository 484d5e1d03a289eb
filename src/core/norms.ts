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
  'Mean of the best of 3 trials of healthy people, 45 s limit, firm floor, eyes open or closed; the values of the paper’s Table 1 as quoted in a secondary source.';

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

/**
 * More published norms, each with its protocol; `publishedHoldTimeNorms` returns those whose
 * protocol is the trial's, and why each other one does not apply.
 */
export interface PublishedNormTable {
  /** For the page: "Bohannon et al. 1984". */
  source: string;
  citation: string;
  /** How the value was read (primary text, abstract, or secondary source). */
  where: string;
  eyes: 'open' | 'closed';
  /** Used for these caps only, s. */
  capsS: readonly number[];
  /** What the value is: "mean" of the group. */
  statistic: string;
  groups: readonly { fromAge: number; toAge: number; meanS: number }[];
}

/**
 * Bohannon RW, Larkin PA, Cook AC, Gear J, Singer J 1984, Decrease in timed balance test
 * scores with aging, Phys Ther 64(7):1067-1070: 184 volunteers aged 20-79, one-legged balance
 * timed to a 30 s maximum, firm floor, eyes open and closed (abstract found; the table's
 * means by decade are from a secondary source, to be checked against the primary paper).
 * Only for a 30 s cap: a 45 s cap lets the young hold past 30 s.
 */
export const BOHANNON_1984_EYES_OPEN: PublishedNormTable = {
  source: 'Bohannon et al. 1984',
  citation:
    'Bohannon RW, Larkin PA, Cook AC, Gear J, Singer J. Decrease in timed balance test scores with aging. Phys Ther. 1984;64(7):1067-1070.',
  where: 'means by decade from a secondary source, to be checked against the paper',
  eyes: 'open',
  capsS: [30],
  statistic: 'mean',
  groups: [
    { fromAge: 20, toAge: 29, meanS: 30.0 },
    { fromAge: 30, toAge: 39, meanS: 30.0 },
    { fromAge: 40, toAge: 49, meanS: 29.7 },
    { fromAge: 50, toAge: 59, meanS: 29.4 },
    { fromAge: 60, toAge: 69, meanS: 22.5 },
    { fromAge: 70, toAge: 79, meanS: 14.2 },
  ],
};

/** Bohannon et al. 1984, eyes closed (same paper and caveat as BOHANNON_1984_EYES_OPEN). */
export const BOHANNON_1984_EYES_CLOSED: PublishedNormTable = {
  ...BOHANNON_1984_EYES_OPEN,
  eyes: 'closed',
  groups: [
    { fromAge: 20, toAge: 29, meanS: 28.8 },
    { fromAge: 30, toAge: 39, meanS: 27.8 },
    { fromAge: 40, toAge: 49, meanS: 24.2 },
    { fromAge: 50, toAge: 59, meanS: 21.0 },
    { fromAge: 60, toAge: 69, meanS: 10.2 },
    { fromAge: 70, toAge: 79, meanS: 4.3 },
  ],
};

/**
 * Bohannon RW 2006, Single limb stance times: a descriptive meta-analysis of data from
 * individuals at least 60 years of age, Top Geriatr Rehabil 22(1):70-77 (abstract): 22
 * studies, 3484 people aged 60-99, eyes open; mean single-limb stance 27.0 s (60-69), 17.2 s
 * (70-79), 8.5 s (80-99). The pooled studies used different caps (30 s and longer; to be
 * checked against the paper's table), so the means are shown for 30, 45 and 60 s caps, not for
 * 10 or 20 s, where a 27 s mean cannot occur.
 */
export const BOHANNON_2006_EYES_OPEN: PublishedNormTable = {
  source: 'Bohannon 2006',
  citation:
    'Bohannon RW. Single limb stance times: a descriptive meta-analysis of data from individuals at least 60 years of age. Top Geriatr Rehabil. 2006;22(1):70-77.',
  where: 'abstract (means by age group)',
  eyes: 'open',
  capsS: [30, 45, 60],
  statistic: 'mean',
  groups: [
    { fromAge: 60, toAge: 69, meanS: 27.0 },
    { fromAge: 70, toAge: 79, meanS: 17.2 },
    { fromAge: 80, toAge: 99, meanS: 8.5 },
  ],
};

export const PUBLISHED_NORM_TABLES: readonly PublishedNormTable[] = [
  BOHANNON_1984_EYES_OPEN,
  BOHANNON_1984_EYES_CLOSED,
  BOHANNON_2006_EYES_OPEN,
];

export type PublishedNorm =
  | { applies: true; source: string; citation: string; lowS: number; highS: number; ageGroups: string[] }
  | { applies: false; source: string; reason: string };

/**
 * The norms of PUBLISHED_NORM_TABLES for a trial's protocol and the person's age that day
 * (Springer 2007 is `holdTimeNorm`). A band when the birth year leaves two age groups possible.
 */
export function publishedHoldTimeNorms(query: Omit<HoldTimeNormQuery, 'sex'>): PublishedNorm[] {
  return PUBLISHED_NORM_TABLES.filter((table) => table.eyes === query.eyes).map((table) => {
    const { source, citation } = table;
    if (query.surface !== 'firm')
      return { applies: false, source, reason: 'the norms are for a firm floor, not foam' };
    if (!table.capsS.includes(query.capS)) {
      return {
        applies: false,
        source,
        reason: `the norms are for a ${table.capsS.join(' / ')} s cap (this test: ${query.capS} s)`,
      };
    }
    if (typeof query.birthYear !== 'number' || !/^\d{4}-\d{2}-\d{2}/.test(query.date)) {
      return { applies: false, source, reason: 'no birth year: the norms depend on age' };
    }
    const ages = possibleAges(query.birthYear, Number(query.date.slice(0, 4)));
    const groups = ages.map((age) => table.groups.find((g) => age >= g.fromAge && age <= g.toAge));
    if (!groups[0] || !groups[1]) {
      const first = table.groups[0]?.fromAge;
      const last = table.groups[table.groups.length - 1]?.toAge;
      return {
        applies: false,
        source,
        reason: `age ${ages[0]}-${ages[1]} is outside the norms (${first} to ${last} years)`,
      };
    }
    const covered = [...new Set(groups as { fromAge: number; toAge: number; meanS: number }[])];
    const values = covered.map((g) => g.meanS);
    return {
      applies: true,
      source,
      citation,
      lowS: Math.min(...values),
      highS: Math.max(...values),
      ageGroups: covered.map((g) => `${g.fromAge}-${g.toAge}`),
    };
  });
}

/**
 * A published fall-risk cut-off for hold time. Vellas BJ, Wayne SJ, Romero L, Baumgartner RN,
 * Rubenstein LZ, Garry PJ 1997, One-leg balance is an important predictor of injurious falls
 * in older persons, J Am Geriatr Soc 45(6):735-738 (abstract): 316 community-living people
 * over 60 (mean age 73), followed 3 years; not being able to stand unassisted on one leg for
 * 5 s was the only independent predictor of injurious falls (relative risk 2.13, 95 % CI
 * 1.04-4.34). Eyes open on a firm floor; any cap of at least 5 s can show it (every Stork cap).
 */
export const VELLAS_1997_FALL_RISK = {
  source: 'Vellas et al. 1997',
  citation:
    'Vellas BJ, Wayne SJ, Romero L, Baumgartner RN, Rubenstein LZ, Garry PJ. One-leg balance is an important predictor of injurious falls in older persons. J Am Geriatr Soc. 1997;45(6):735-738.',
  where: 'abstract',
  holdBelowS: 5,
  fromAge: 60,
  relativeRisk: 2.13,
} as const;

export type FallRiskCutoff =
  | { applies: true; holdBelowS: number; source: string; citation: string }
  | { applies: false; reason: string };

/** Whether the Vellas 1997 cut-off applies to this protocol and person, or why not. */
export function fallRiskCutoff(query: Omit<HoldTimeNormQuery, 'sex'>): FallRiskCutoff {
  const cut = VELLAS_1997_FALL_RISK;
  if (query.eyes !== 'open') return { applies: false, reason: 'the fall-risk cut-off is for eyes open' };
  if (query.surface !== 'firm')
    return { applies: false, reason: 'the fall-risk cut-off is for a firm floor' };
  if (query.capS < cut.holdBelowS)
    return { applies: false, reason: `a ${query.capS} s cap cannot show a ${cut.holdBelowS} s hold` };
  if (typeof query.birthYear !== 'number' || !/^\d{4}-\d{2}-\d{2}/.test(query.date)) {
    return { applies: false, reason: 'no birth year: the fall-risk cut-off is for people over 60' };
  }
  const [youngest] = possibleAges(query.birthYear, Number(query.date.slice(0, 4)));
  if (youngest < cut.fromAge)
    return { applies: false, reason: 'the fall-risk cut-off is for people over 60' };
  return { applies: true, holdBelowS: cut.holdBelowS, source: cut.source, citation: cut.citation };
}
