/**
 * A trial's sway against the same person's usual (pure): the median sway (RMS, the result
 * page's lead figure) of their last USUAL_SWAY_TRIALS earlier test trials under the same
 * conditions, and whether this trial differs from it by more than those trials vary.
 *
 * Same conditions: the same leg and compare.ts `isLike` (eyes, surface, placement, time limit,
 * a 2-D sway trial's unit; test trials only, never a training set). Interrupted trials and
 * trials without an analysis are left out; "earlier" is by the time of "go", so a stored trial
 * is compared with the trials before it, and the trial itself is never among them.
 *
 * The rule for "about the same": no published measurement error fits the phone's whole-body
 * RMS (core/reliability.ts has for sway only an ICC of the lumbar mediolateral RMS, Moe-Nilssen
 * 1998, without an SEM), so the person's own earlier trials give it: their standard deviation
 * is the within-person SD, which is the SEM (Weir 2005, J Strength Cond Res 19(1):231-240:
 * SEM as the within-subject SD), and the minimal detectable change is MDC95 = 1.96 * sqrt(2) *
 * SEM as for the hold time (reliability.ts MDC95_FACTOR). A difference from the median strictly
 * larger than that is "steadier" or "less steady than usual"; equal or smaller, "about as
 * usual". sqrt(2) counts the error of both sides as for two single trials; the median of
 * several trials errs less, so the rule is on the cautious side: it calls a change only where
 * it is clear.
 */
import { isLike, type ComparableTrial } from './compare';
import { MDC95_FACTOR } from './reliability';

/**
 * How many of the latest earlier trials make the usual: enough for a spread (4 degrees of
 * freedom), recent enough to be the usual of now (training changes sway over weeks).
 */
export const USUAL_SWAY_TRIALS = 5;

/**
 * The fewest earlier trials from which a spread is worked out: the SD of 2 trials has one
 * degree of freedom and can be almost anything; with fewer, the page gives the median alone.
 */
export const MIN_TRIALS_FOR_SPREAD = 3;

/** What the comparison needs of the current trial: a stored or a fresh trial both fit. */
export type UsualSwayTrial = Pick<
  ComparableTrial,
  'id' | 'startedAt' | 'startedAtMs' | 'setup' | 'interrupted' | 'analysis' | 'training' | 'swayUnit'
>;

export type UsualSway =
  /** No earlier trial under the same conditions. */
  | { kind: 'none'; value: number }
  /** 1 to MIN_TRIALS_FOR_SPREAD - 1 earlier trials: their median, no verdict. */
  | { kind: 'too-few'; value: number; count: number; median: number }
  | {
      kind: 'steadier' | 'as-usual' | 'less-steady';
      value: number;
      count: number;
      median: number;
      /** value - median, in the sway's unit (negative: less sway, steadier). */
      difference: number;
      /** MDC95 from the earlier trials' SD. */
      mdc95: number;
    };

const timeMsOf = (trial: Pick<ComparableTrial, 'startedAt' | 'startedAtMs'>): number =>
  trial.startedAtMs ?? Date.parse(trial.startedAt);

const rmsOf = (trial: Pick<ComparableTrial, 'analysis'>): number | null => {
  const rms = trial.analysis?.metrics.rms;
  return typeof rms === 'number' && Number.isFinite(rms) ? rms : null;
};

/** The median of a non-empty list. median([3, 1, 2]) = 2, median([4, 1, 2, 3]) = 2.5. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** The sample standard deviation (n - 1) of at least two values. */
export function sampleSd(values: readonly number[]): number {
  const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
  const squares = values.reduce((sum, x) => sum + (x - mean) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * The sway RMS of the last USUAL_SWAY_TRIALS trials before `trial` under its conditions,
 * oldest first (trials at the same instant keep their order).
 */
export function earlierSway(trial: UsualSwayTrial, history: readonly ComparableTrial[]): number[] {
  const conditions = { ...trial.setup, swayUnit: trial.swayUnit ?? null };
  const before = timeMsOf(trial);
  return history
    .filter(
      (other) =>
        other.id !== trial.id &&
        !other.interrupted &&
        other.setup.stanceSide === trial.setup.stanceSide &&
        isLike(other, conditions) &&
        timeMsOf(other) < before &&
        rmsOf(other) !== null,
    )
    .map((other, index) => ({ timeMs: timeMsOf(other), index, rms: rmsOf(other) ?? NaN }))
    .sort((a, b) => a.timeMs - b.timeMs || a.index - b.index)
    .slice(-USUAL_SWAY_TRIALS)
    .map((other) => other.rms);
}

/**
 * This trial's sway against the usual of the trials before it, or null when the trial itself
 * has no sway (interrupted, a test trial's analysis failed, a training set).
 *
 * usualSway(a trial of RMS 0.071, five earlier ones of 0.090, 0.094, 0.100, 0.092, 0.098)
 * // -> { kind: 'steadier', median: 0.094, difference: -0.023, mdc95: 0.0115, count: 5 }
 */
export function usualSway(trial: UsualSwayTrial, history: readonly ComparableTrial[]): UsualSway | null {
  const value = rmsOf(trial);
  if (value === null || trial.interrupted || trial.training != null) return null;
  const earlier = earlierSway(trial, history);
  if (earlier.length === 0) return { kind: 'none', value };
  const middle = median(earlier);
  if (earlier.length < MIN_TRIALS_FOR_SPREAD)
    return { kind: 'too-few', value, count: earlier.length, median: middle };
  const mdc95 = MDC95_FACTOR * sampleSd(earlier);
  const difference = value - middle;
  const kind = Math.abs(difference) <= mdc95 ? 'as-usual' : difference < 0 ? 'steadier' : 'less-steady';
  return { kind, value, count: earlier.length, median: middle, difference, mdc95 };
}
