/**
 * What the result page's numbers mean, one meaning per number (pure): the hold time against
 * the person's age norm where the protocol matches (src/core/norms.ts), the sway measures'
 * units in words, and why a measure could not be computed.
 */
import { SPECTRAL_MIN_DURATION_S } from '../core/metrics/spectral';
import { SETTLE_S } from '../core/options';
import { holdTimeNorm, NORM_CAP_S, type Sex } from '../core/norms';
import type { Placement } from '../session/types';
import { formatSeconds, type KeyMetric } from './format';

/** Who was tested, as far as the norms need it (a person of the history). */
export interface NormPerson {
  birthYear?: number | null;
  sex?: Sex | null;
}

/** What a trial needs for its meaning. */
export interface MeaningTrial {
  startedAt: string;
  holdTimeS: number;
  interrupted: boolean;
  setup: { eyes: 'open' | 'closed'; surface: 'firm' | 'foam'; placement: Placement; capS: number };
}

export interface HoldTimeMeaning {
  /** Whether a norm applies; false with the reason in `text`. */
  applies: boolean;
  /** Where the hold time lies against the band: null without a norm. */
  against: 'below' | 'within' | 'above' | null;
  text: string;
}

export const NORM_SOURCE = 'Springer et al. 2007';

/** The norm's band as shown: "21.5 s", or "41.2–41.9 s" when the age straddles two groups. */
export function normRange(lowS: number, highS: number): string {
  return lowS === highS ? formatSeconds(lowS) : `${lowS.toFixed(1)}–${formatSeconds(highS)}`;
}

/** Where a hold time lies against the band, compared at the shown precision (0.1 s). */
export function againstBand(holdTimeS: number, lowS: number, highS: number): 'below' | 'within' | 'above' {
  // Compared at the shown precision, so 21.5 s is "within" a 21.5 s norm, as it reads.
  const held = Math.round(holdTimeS * 10) / 10;
  return held < lowS ? 'below' : held > highS ? 'above' : 'within';
}

/**
 * The hold time against the mean best-of-3 hold time of healthy people of the person's age
 * (Springer et al. 2007), or why there is none: no person or birth year, a foam pad, a limit
 * other than the norms' 45 s. The norm is a best of 3: a single trial is set against it as
 * such, and the words say so.
 */
export function holdTimeMeaning(trial: MeaningTrial, person: NormPerson | null): HoldTimeMeaning | null {
  if (trial.interrupted) return null;
  if (person === null)
    return {
      applies: false,
      against: null,
      text: 'No age norm: no person is chosen (the norms depend on age).',
    };
  const norm = holdTimeNorm({
    birthYear: person.birthYear,
    sex: person.sex ?? null,
    eyes: trial.setup.eyes,
    surface: trial.setup.surface,
    capS: trial.setup.capS,
    date: trial.startedAt,
  });
  if (!norm.applies) return { applies: false, against: null, text: `No age norm: ${norm.reason}.` };
  const against = againstBand(trial.holdTimeS, norm.lowS, norm.highS);
  const where =
    against === 'within'
      ? norm.lowS === norm.highS
        ? 'at the norm'
        : 'within the norm'
      : `${against} the norm`;
  return {
    applies: true,
    against,
    text: `Age norm (${NORM_SOURCE}, age ${norm.ageGroups.join(' / ')}): ${normRange(norm.lowS, norm.highS)}, the average best of 3 trials of healthy people of that age with a ${NORM_CAP_S} s limit. This trial is ${where}.`,
  };
}

/** "of the chest": where the phone measured. */
const WHERE: Record<Placement, string> = {
  chest: 'of the chest',
  lumbar: 'of the lower back',
  'force-plate': 'on the force plate',
};

/**
 * What a measure's unit measures, in words: "acceleration of the chest". A 2-D sway trial
 * (`swayUnit` given, null when its file named no unit) measures the sway itself, in its unit.
 */
export function quantityInWords(key: KeyMetric, placement: Placement, swayUnit?: string | null): string {
  if (key === 'centroidFrequency') return 'swings per second';
  if (swayUnit !== undefined) {
    const signal = 'sway';
    const words: Record<Exclude<KeyMetric, 'centroidFrequency'>, string> = {
      rms: `distance of the ${signal}`,
      meanVelocity: `speed of the ${signal}`,
      ellipseArea: `area of the ${signal}`,
      jerk: `squared change of the ${signal}, per second`,
    };
    return words[key];
  }
  const where = WHERE[placement];
  const words: Record<Exclude<KeyMetric, 'centroidFrequency'>, string> = {
    rms: `acceleration ${where}`,
    meanVelocity: `acceleration ${where} travelled per second`,
    ellipseArea: `acceleration ${where}, squared`,
    jerk: `squared change of the acceleration ${where}, per second`,
  };
  return words[key];
}

/** A measure's unit in words, then the unit as shown (`unit`): "acceleration of the chest, m/s²". */
export function unitInWords(
  key: KeyMetric,
  placement: Placement,
  unit: string,
  swayUnit?: string | null,
): string {
  return `${quantityInWords(key, placement, swayUnit)}, ${unit}`;
}

/**
 * Why a measure has no value, or null when it has one (or no reason is known): the spectral
 * measures need SPECTRAL_MIN_DURATION_S of analysed window (SPEC section 4).
 */
export function missingReason(key: KeyMetric, value: number | null, windowS: number | null): string | null {
  if (value !== null || key !== 'centroidFrequency' || windowS === null) return null;
  if (windowS >= SPECTRAL_MIN_DURATION_S) return null;
  return `Not computed: it needs ${SPECTRAL_MIN_DURATION_S} s of analysed movement, this trial has ${formatSeconds(windowS)}.`;
}

/**
 * Said at set-up when the time limit leaves a measure out, or null when it leaves none: a phone
 * trial is analysed from SETTLE_S after "go" to the limit at most, and the spectral measures
 * need SPECTRAL_MIN_DURATION_S of that (missingReason's rule, before the trial).
 *
 * The sentence goes under the time-limit choice; `inLine`, its few words, after the limit in
 * the one-line set-up (a whole sentence there would push Start off a phone's first screen).
 *
 * limitTooShort(10) // -> { sentence: "With a 10 s limit, centroid frequency ... this limit leaves 9.0 s.",
 * //                        inLine: "too short for centroid frequency" }
 * limitTooShort(20) // -> null
 */
export function limitTooShort(capS: number): { sentence: string; inLine: string } | null {
  const longestS = capS - SETTLE_S;
  if (longestS >= SPECTRAL_MIN_DURATION_S) return null;
  return {
    sentence: `With a ${capS} s limit, centroid frequency (the sway’s rhythm) is not computed: it needs ${SPECTRAL_MIN_DURATION_S} s of analysed movement, this limit leaves ${formatSeconds(Math.max(0, longestS))}.`,
    inLine: 'too short for centroid frequency',
  };
}
