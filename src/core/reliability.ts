/**
 * Published test-retest reliability of the single-leg stance test, and the minimal detectable
 * change (MDC) it gives: "is this change real, or within the test's measurement error?".
 *
 * MDC95 = 1.96 * sqrt(2) * SEM (Weir 2005, J Strength Cond Res 19(1):231-240; Haley &
 * Fragala-Pinkham 2006, Phys Ther 86(5):735-743): the smallest difference between two
 * measurements of one person that is larger than their measurement error with 95 %
 * confidence. SEM is in the unit of the measure.
 *
 * A published value applies only where the trial's protocol is the study's (eyes, surface,
 * time cap, population, sensor placement for sway): a 10 s cap truncates hold times that a
 * 30 s cap would spread, and foam doubles the sway, so their errors are not the same.
 * `minimalDetectableChange` says in words why no value applies instead of showing a number.
 */
import { possibleAges } from './norms';

export type Population = 'young-adults' | 'older-adults' | 'after-ankle-injury';

/** The measures with published reliability in this table. */
export type ReliabilityMetric = 'holdTimeS' | 'rmsMl';

export interface ReliabilityProtocol {
  eyes: 'open' | 'closed';
  surface: 'firm' | 'foam';
  /** The shortest time cap the value is used for, s (see each entry for why). */
  minCapS: number;
  /** The sensor placement (sway measures only); null for hold time. */
  placement: 'chest' | 'lumbar' | null;
  population: Population;
  /** The study's ages, inclusive: a person is matched when every age they can have lies in it. */
  fromAge: number;
  toAge: number;
}

export interface ReliabilityValue {
  metric: ReliabilityMetric;
  protocol: ReliabilityProtocol;
  /** Intraclass correlation coefficient (relative reliability). */
  icc: number | null;
  /** Standard error of measurement, in the measure's unit; null: not published in the text read. */
  sem: number | null;
  /** MDC95 as published, in the measure's unit; null: not published. */
  publishedMdc95: number | null;
  /** For the page: "Goldberg et al. 2011". */
  source: string;
  citation: string;
  /** Where in the paper, and how the value was read (primary text, abstract, or secondary source). */
  where: string;
}

/** 1.96: the two-sided 95 % normal quantile; sqrt(2): two measurements, each with its error. */
export const MDC95_FACTOR = 1.96 * Math.SQRT2;

/** MDC95 = 1.96 * sqrt(2) * SEM. mdc95FromSem(8.7) = 24.11 (Goldberg et al. 2011 publish 24.1 s). */
export function mdc95FromSem(sem: number): number {
  return MDC95_FACTOR * sem;
}

/**
 * Goldberg A, Casby A, Wasielewski M 2011, Minimum detectable change for single-leg-stance-time
 * in older adults, Gait Posture 33(4):737-739 (abstract): 25 community-dwelling adults aged
 * 60-89, repeated trials of single-leg stance time; SEM 8.7 s, MDC95 24.1 s (SEM 40.8 % and
 * MDC 113.1 % of the mean, so a mean hold time of about 21 s). Eyes open on a firm floor is
 * the test's standard form; the cap is not given in the abstract (secondary source, to be
 * checked against the primary paper): a mean of 21 s with that spread cannot come from a cap
 * under 30 s, so the value is used for caps of 30 s and more, never for 10 or 20 s.
 */
export const GOLDBERG_2011_HOLD_TIME: ReliabilityValue = {
  metric: 'holdTimeS',
  protocol: {
    eyes: 'open',
    surface: 'firm',
    minCapS: 30,
    placement: null,
    population: 'older-adults',
    fromAge: 60,
    toAge: 89,
  },
  icc: null,
  sem: 8.7,
  publishedMdc95: 24.1,
  source: 'Goldberg et al. 2011',
  citation:
    'Goldberg A, Casby A, Wasielewski M. Minimum detectable change for single-leg-stance-time in older adults. Gait Posture. 2011;33(4):737-739.',
  where: 'abstract (SEM and MDC95); protocol details from a secondary source, to be checked',
};

/**
 * Moe-Nilssen R 1998, Test-retest reliability of trunk accelerometry during standing and
 * walking, Arch Phys Med Rehabil 79(11):1377-1385 (abstract): 19 healthy students, a
 * triaxial accelerometer over the lumbar spine, standing on one foot with vision unobstructed
 * on a flat floor, retest after 2 days; acceleration RMS mediolateral ICC(3,1) = 0.84. The
 * within-subject SD (the SEM) is in the paper's table, not in the abstract: no MDC is given
 * here until it is checked against the primary paper. Trial length is not given in the
 * abstract either (minCapS 10: any Stork cap; to be checked).
 */
export const MOE_NILSSEN_1998_RMS_ML: ReliabilityValue = {
  metric: 'rmsMl',
  protocol: {
    eyes: 'open',
    surface: 'firm',
    minCapS: 10,
    placement: 'lumbar',
    population: 'young-adults',
    fromAge: 18,
    toAge: 35,
  },
  icc: 0.84,
  sem: null,
  publishedMdc95: null,
  source: 'Moe-Nilssen 1998',
  citation:
    'Moe-Nilssen R. Test-retest reliability of trunk accelerometry during standing and walking. Arch Phys Med Rehabil. 1998;79(11):1377-1385.',
  where: 'abstract (ICC); the SEM is not in the abstract',
};

/** Every published value Stork knows, for the docs and the report's footnotes. */
export const RELIABILITY_VALUES: readonly ReliabilityValue[] = [
  GOLDBERG_2011_HOLD_TIME,
  MOE_NILSSEN_1998_RMS_ML,
];

export interface MdcQuery {
  metric: string;
  eyes: 'open' | 'closed';
  surface: 'firm' | 'foam';
  capS: number;
  placement: 'chest' | 'lumbar' | 'force-plate';
  birthYear: number | null | undefined;
  /** The date the change is measured from, 'YYYY-MM-DD' (the age is that day's). */
  date: string;
  /** Known to the clinician, not to the app; without it the population follows from the age. */
  population?: Population;
}

export type Mdc =
  { applies: true; mdc95: number; sem: number; value: ReliabilityValue } | { applies: false; reason: string };

const POPULATION_WORDS: Record<Population, string> = {
  'young-adults': 'young adults',
  'older-adults': 'adults aged 60 and over',
  'after-ankle-injury': 'people after an ankle injury',
};

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * The MDC95 for a measure under the trial's protocol and for the person, or why there is none,
 * in words for the page ("no published value for a 10 s cap").
 *
 * minimalDetectableChange({ metric: 'holdTimeS', eyes: 'open', surface: 'firm', capS: 45,
 *   placement: 'chest', birthYear: 1950, date: '2026-11-02' })
 * // -> { applies: true, mdc95: 24.11..., sem: 8.7, value: GOLDBERG_2011_HOLD_TIME }
 */
export function minimalDetectableChange(query: MdcQuery): Mdc {
  const candidates = RELIABILITY_VALUES.filter((value) => value.metric === query.metric);
  if (candidates.length === 0)
    return { applies: false, reason: 'no published test-retest value for this measure' };
  if (query.population === 'after-ankle-injury') {
    return {
      applies: false,
      reason: `no published value found for ${POPULATION_WORDS['after-ankle-injury']}`,
    };
  }
  const reasons: string[] = [];
  for (const value of candidates) {
    const p = value.protocol;
    if (query.surface !== p.surface) {
      reasons.push(`the published value (${value.source}) is for a firm floor, not foam`);
      continue;
    }
    if (query.eyes !== p.eyes) {
      reasons.push(`the published value (${value.source}) is for eyes ${p.eyes}`);
      continue;
    }
    if (query.capS < p.minCapS) {
      reasons.push(`no published value for a ${query.capS} s cap (${value.source}: ${p.minCapS} s or more)`);
      continue;
    }
    if (p.placement !== null && query.placement !== p.placement) {
      reasons.push(`the published value (${value.source}) is for a sensor at the ${p.placement} spine`);
      continue;
    }
    if (typeof query.birthYear !== 'number' || !/^\d{4}-\d{2}-\d{2}/.test(query.date)) {
      reasons.push(
        `no birth year: the published value (${value.source}) is for ${POPULATION_WORDS[p.population]}`,
      );
      continue;
    }
    const [youngest, oldest] = possibleAges(query.birthYear, Number(query.date.slice(0, 4)));
    if (youngest < p.fromAge || oldest > p.toAge) {
      reasons.push(`the published value (${value.source}) is for ages ${p.fromAge}-${p.toAge}`);
      continue;
    }
    if (query.population !== undefined && query.population !== p.population) {
      reasons.push(`the published value (${value.source}) is for ${POPULATION_WORDS[p.population]}`);
      continue;
    }
    if (value.sem === null) {
      reasons.push(
        `${value.source} publish an ICC of ${value.icc ?? '?'} but no measurement error to compute it from`,
      );
      continue;
    }
    return { applies: true, mdc95: mdc95FromSem(value.sem), sem: value.sem, value };
  }
  return { applies: false, reason: reasons[0] ?? 'no published value fits this protocol' };
}

export type ChangeVerdict = 'beyond' | 'within';

/**
 * Whether a change (or a difference between legs) is larger than the MDC: strictly larger is
 * "beyond the minimal detectable change"; equal or smaller is "within measurement error".
 */
export function changeVerdict(change: number, mdc95: number): ChangeVerdict {
  return Math.abs(change) > mdc95 ? 'beyond' : 'within';
}

/** Plain words for a change against the MDC: "beyond the minimal detectable change of 24.1 s". */
export function changeWords(change: number, mdc: Mdc, unit = 's'): string {
  if (!mdc.applies) return `no minimal detectable change: ${mdc.reason}`;
  const threshold = `${round1(mdc.mdc95).toFixed(1)} ${unit}`;
  return changeVerdict(change, mdc.mdc95) === 'beyond'
    ? `beyond the minimal detectable change of ${threshold}`
    : `within measurement error (minimal detectable change ${threshold})`;
}
