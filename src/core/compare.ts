/**
 * Left vs right and progress over time, from a person's stored trials (pure: trials in,
 * numbers out).
 *
 * Like with like (SPEC section 6): only trials of the same eye condition, surface, placement
 * and duration cap are compared (the cap too: a hold time capped at 30 s cannot be set against
 * one capped at 45 s), and 2-D sway trials only in the same unit (cm is not mm). Interrupted trials (page hidden, sensor silent, stopped before "go")
 * are left out unless asked for. A session is one local day, the date part of `startedAt`
 * (ISO 8601 with the offset of where the test was done), so a trial at 23:30 belongs to the
 * day it was done on wherever the history is viewed. By default each side's value for a
 * session is the best of its LAST_TRIALS last trials (SPEC section 6; the norms are best of 3).
 * "Best" is the longest hold time or the smallest sway; measures with no direction
 * (frequencies) have no best: their session value is the mean.
 */
import { METRIC_DIRECTIONS, type ComparedMetric } from './metric-direction';
import { symmetryOf, type MetricDirection, type Symmetry } from './symmetry';
import type { SwayMetrics } from './types';

/** How many of a side's last trials in a session count, by default (SPEC section 6: best of the last 3). */
export const LAST_TRIALS = 3;

export type Side = 'left' | 'right';

/** What comparisons need of a trial (a stored trial or a fresh TrialRecord both fit). */
export interface ComparableTrial {
  id: string;
  /** ISO 8601 date-time with offset, of "go". */
  startedAt: string;
  /** `startedAt` as epoch ms, when already known (stored trials have it): saves parsing. */
  startedAtMs?: number;
  setup: {
    stanceSide: Side;
    eyes: 'open' | 'closed';
    surface: 'firm' | 'foam';
    placement: 'chest' | 'lumbar' | 'force-plate';
    capS: number;
  };
  interrupted: boolean;
  holdTimeS: number;
  analysis: { metrics: SwayMetrics } | null;
  /**
   * Present on a set of a training session (src/training/types.ts): not a test trial, never
   * compared, charted in the test's progress or held against a norm (docs/training.md).
   */
  training?: object | null;
  /** A 2-D sway trial's unit (null or absent: a phone trial, or the signal's own unit). */
  swayUnit?: string | null;
}

/** The conditions trials must share to be compared. */
export interface LikeConditions {
  eyes: 'open' | 'closed';
  surface: 'firm' | 'foam';
  placement: 'chest' | 'lumbar' | 'force-plate';
  capS: number;
  /** The unit of 2-D sway trials (force plate: cm and mm are not compared); null or absent: none given. */
  swayUnit?: string | null;
}

/** A session: one local day, or a range of local days (inclusive), as 'YYYY-MM-DD'. */
export type SessionSpan = { date: string } | { fromDate: string; toDate: string };

export interface SelectionOptions {
  /** Keep interrupted trials. @default false */
  includeInterrupted?: boolean;
  /** Only trials in this session. @default all */
  span?: SessionSpan;
}

/** The local date of a trial, 'YYYY-MM-DD': the date part of its ISO 8601 `startedAt`. */
export function localDateOf(startedAt: string): string {
  return startedAt.slice(0, 10);
}

const timeMsOf = (trial: ComparableTrial): number => trial.startedAtMs ?? Date.parse(trial.startedAt);

function inSpan(date: string, span: SessionSpan): boolean {
  return 'date' in span ? date === span.date : date >= span.fromDate && date <= span.toDate;
}

/** True when the trial was done under `conditions`. */
export function isLike(trial: ComparableTrial, conditions: LikeConditions): boolean {
  const { setup } = trial;
  return (
    isTestTrial(trial) &&
    setup.eyes === conditions.eyes &&
    setup.surface === conditions.surface &&
    setup.placement === conditions.placement &&
    setup.capS === conditions.capS &&
    (trial.swayUnit ?? null) === (conditions.swayUnit ?? null)
  );
}

/** A test trial, not a training set: only these are compared, charted as the test's progress and normed. */
export function isTestTrial(trial: Pick<ComparableTrial, 'training'>): boolean {
  return trial.training === undefined || trial.training === null;
}

/** A selected trial with its time and local date worked out once. */
interface Timed<T> {
  trial: T;
  timeMs: number;
  date: string;
}

/** The matching trials of each side with their times, oldest first. */
function selectTimed<T extends ComparableTrial>(
  trials: readonly T[],
  conditions: LikeConditions,
  options: SelectionOptions,
): Record<Side, Timed<T>[]> {
  const { span, includeInterrupted = false } = options;
  const sides: Record<Side, Timed<T>[]> = { left: [], right: [] };
  for (const trial of trials) {
    if (!isLike(trial, conditions) || (trial.interrupted && !includeInterrupted)) continue;
    const date = localDateOf(trial.startedAt);
    if (span && !inSpan(date, span)) continue;
    sides[trial.setup.stanceSide].push({ trial, timeMs: timeMsOf(trial), date });
  }
  // Stable: trials at the same instant keep the order they came in.
  for (const side of [sides.left, sides.right]) side.sort((a, b) => a.timeMs - b.timeMs);
  return sides;
}

/** The trials of each side that match, oldest first. */
export function selectLikeTrials<T extends ComparableTrial>(
  trials: readonly T[],
  conditions: LikeConditions,
  options: SelectionOptions = {},
): Record<Side, T[]> {
  const sides = selectTimed(trials, conditions, options);
  return { left: sides.left.map((t) => t.trial), right: sides.right.map((t) => t.trial) };
}

/** A trial's value of a measure, or null when it has none (no analysis, a spectral key under 10 s...). */
export function metricValue(trial: ComparableTrial, metric: ComparedMetric): number | null {
  const value = metric === 'holdTimeS' ? trial.holdTimeS : (trial.analysis?.metrics[metric] ?? null);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** One side's trials summarised for one measure. */
export interface SideSummary {
  /** Trials considered (the last `lastTrials` of the side). */
  trials: number;
  /** Of those, trials that have a value. */
  values: number;
  /** Longest hold time / smallest sway; null with no values or for a measure with no direction. */
  best: number | null;
  bestTrialId: string | null;
  mean: number | null;
}

/** Best and mean of a measure over trials (all of them: pick the last ones before). */
export function summarize(trials: readonly ComparableTrial[], metric: ComparedMetric): SideSummary {
  const direction = METRIC_DIRECTIONS[metric];
  let best: number | null = null;
  let bestTrialId: string | null = null;
  let sum = 0;
  let values = 0;
  for (const trial of trials) {
    const value = metricValue(trial, metric);
    if (value === null) continue;
    sum += value;
    values++;
    const better =
      direction === 'larger-is-better' ? value > (best ?? -Infinity) : value < (best ?? Infinity);
    if (direction !== 'no-direction' && better) {
      best = value;
      bestTrialId = trial.id;
    }
  }
  return { trials: trials.length, values, best, bestTrialId, mean: values > 0 ? sum / values : null };
}

export interface MetricComparison {
  metric: ComparedMetric;
  direction: MetricDirection;
  left: SideSummary;
  right: SideSummary;
  /** LSI and SI of the two sides' best values (the SPEC's default comparison). */
  ofBest: Symmetry;
  /** LSI and SI of the two sides' means. */
  ofMean: Symmetry;
}

export interface SideComparison {
  conditions: LikeConditions;
  span: SessionSpan | null;
  /** Ids of the trials each side's numbers come from, oldest first. */
  trialIds: Record<Side, string[]>;
  /** Sides with no trial to compare (then every index is null). */
  missingSides: Side[];
  metrics: MetricComparison[];
}

export interface ComparisonOptions extends SelectionOptions {
  /** @default LAST_TRIALS */
  lastTrials?: number;
}

/**
 * Left vs right for one person's trials in one session (or over all of them without a span):
 * per measure, each side's best and mean of its last `lastTrials` like trials, and both
 * symmetry indices (symmetry.ts) of the bests and of the means.
 */
export function compareSides(
  trials: readonly ComparableTrial[],
  conditions: LikeConditions,
  metrics: readonly ComparedMetric[],
  options: ComparisonOptions = {},
): SideComparison {
  const lastTrials = options.lastTrials ?? LAST_TRIALS;
  const selected = selectLikeTrials(trials, conditions, options);
  const last = (side: Side) => selected[side].slice(Math.max(0, selected[side].length - lastTrials));
  const considered: Record<Side, ComparableTrial[]> = { left: last('left'), right: last('right') };
  return {
    conditions,
    span: options.span ?? null,
    trialIds: { left: considered.left.map((t) => t.id), right: considered.right.map((t) => t.id) },
    missingSides: (['left', 'right'] as const).filter((side) => considered[side].length === 0),
    metrics: metrics.map((metric) => {
      const direction = METRIC_DIRECTIONS[metric];
      const left = summarize(considered.left, metric);
      const right = summarize(considered.right, metric);
      return {
        metric,
        direction,
        left,
        right,
        ofBest: symmetryOf(left.best, right.best, direction),
        ofMean: symmetryOf(left.mean, right.mean, direction),
      };
    }),
  };
}

/** One trial on a progress chart. */
export interface ProgressPoint {
  trialId: string;
  date: string;
  timeMs: number;
  value: number;
}

/** One session's value on the line of a progress chart. */
export interface SessionValue {
  date: string;
  /** Where the line passes: the best trial's time, or for a mean the session's last trial. */
  timeMs: number;
  value: number;
  /** The trial the value is (the best one); null for a mean. */
  trialId: string | null;
  /** Trials the value was taken from. */
  trials: number;
}

export interface ProgressSeries {
  metric: ComparedMetric;
  direction: MetricDirection;
  /** What the line shows: the best of each session, or the mean for a measure with no direction. */
  line: 'best' | 'mean';
  /** Per side: every trial as a point, and one line value per session (date), oldest first. */
  sides: Record<Side, { points: ProgressPoint[]; sessions: SessionValue[] }>;
}

/**
 * A measure over time, one series per side: every like trial as a point, and the best of
 * each session's last `lastTrials` trials as the line (the mean for measures with no direction).
 */
export function progressSeries(
  trials: readonly ComparableTrial[],
  conditions: LikeConditions,
  metric: ComparedMetric,
  options: ComparisonOptions = {},
): ProgressSeries {
  return seriesOf(selectTimed(trials, conditions, options), metric, options.lastTrials ?? LAST_TRIALS);
}

/** progressSeries for several measures, selecting the trials once. */
export function progressSeriesOf(
  trials: readonly ComparableTrial[],
  conditions: LikeConditions,
  metrics: readonly ComparedMetric[],
  options: ComparisonOptions = {},
): ProgressSeries[] {
  const selected = selectTimed(trials, conditions, options);
  return metrics.map((metric) => seriesOf(selected, metric, options.lastTrials ?? LAST_TRIALS));
}

function seriesOf(
  selected: Record<Side, Timed<ComparableTrial>[]>,
  metric: ComparedMetric,
  lastTrials: number,
): ProgressSeries {
  const direction = METRIC_DIRECTIONS[metric];
  const sideSeries = (sideTrials: Timed<ComparableTrial>[]) => {
    const points: ProgressPoint[] = [];
    const byDate = new Map<string, Timed<ComparableTrial>[]>();
    for (const timed of sideTrials) {
      const value = metricValue(timed.trial, metric);
      if (value !== null)
        points.push({ trialId: timed.trial.id, date: timed.date, timeMs: timed.timeMs, value });
      const day = byDate.get(timed.date);
      if (day) day.push(timed);
      else byDate.set(timed.date, [timed]);
    }
    const sessions: SessionValue[] = [];
    // Sorted by date: in time order, a trial done in another time zone can fall on an earlier local day.
    const days = [...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [date, day] of days) {
      const considered = day.slice(Math.max(0, day.length - lastTrials));
      const summary = summarize(
        considered.map((timed) => timed.trial),
        metric,
      );
      if (direction !== 'no-direction' && summary.best !== null) {
        const best = considered.find(
          (timed) => timed.trial.id === summary.bestTrialId,
        ) as Timed<ComparableTrial>;
        sessions.push({
          date,
          timeMs: best.timeMs,
          value: summary.best,
          trialId: summary.bestTrialId,
          trials: summary.values,
        });
      } else if (direction === 'no-direction' && summary.mean !== null) {
        const last = considered[considered.length - 1] as Timed<ComparableTrial>;
        sessions.push({
          date,
          timeMs: last.timeMs,
          value: summary.mean,
          trialId: null,
          trials: summary.values,
        });
      }
    }
    return { points, sessions };
  };
  return {
    metric,
    direction,
    line: direction === 'no-direction' ? 'mean' : 'best',
    sides: { left: sideSeries(selected.left), right: sideSeries(selected.right) },
  };
}
