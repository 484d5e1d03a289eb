/**
 * The progress page's chart, as data (pure): per side every like trial as a point and the
 * best of each session as the line (src/core/compare.ts progressSeries), and for hold time the
 * Springer 2007 age-group norm as a band where the person's age and the conditions allow it
 * (src/core/norms.ts, SPEC section 1), and each leg's change against the minimal detectable
 * change around its first value (src/core/detectable-change.ts).
 */
import {
  isTestTrial,
  progressSeries,
  type ComparableTrial,
  type LikeConditions,
  type ProgressSeries,
  type Side,
} from '../core/compare';
import { seriesChange, type SeriesChange } from '../core/detectable-change';
import type { ComparedMetric } from '../core/metric-direction';
import { holdTimeNorm, holdTimeNormBand, type Sex } from '../core/norms';
import { formatDay } from './history-format';

export interface NormStep {
  /** Where this value of the band starts on the time axis, epoch ms (the first session it applies to). */
  fromMs: number;
  lowS: number;
  highS: number;
}

export type NormBand =
  | {
      applies: true;
      steps: NormStep[];
      /** e.g. "Springer et al. 2007, age 70-79, eyes open: 21.5 s" */
      label: string;
      citation: string;
      note: string;
    }
  | { applies: false; reason: string };

export type ProgressState =
  | { kind: 'no-trials' }
  | { kind: 'no-like' }
  | { kind: 'one-trial' }
  | { kind: 'ready'; missingSide: Side | null };

export interface ProgressModel {
  state: ProgressState;
  series: ProgressSeries;
  /** Trials (points) per side. */
  points: Record<Side, number>;
  norm: NormBand | null;
  /** Each leg's first and last session against the MDC; null without conditions or trials. */
  change: SeriesChange | null;
}

export interface NormPerson {
  birthYear: number | null;
  sex: Sex | null;
}

const NORM_NAME = 'Springer et al. 2007';

/** Written on the chart's band, so the chart itself names the norm's source. */
export const NORM_BAND_LABEL = 'Norm, Springer 2007';

function bandText(lowS: number, highS: number): string {
  return lowS === highS ? `${lowS.toFixed(1)} s` : `${lowS.toFixed(1)}–${highS.toFixed(1)} s`;
}

/**
 * The hold-time norm along the chart: one step per session date where it applies (the person
 * ages along a long chart). Not applying on the latest date gives the reason in words.
 */
export function normBand(
  series: ProgressSeries,
  conditions: LikeConditions,
  person: NormPerson,
): NormBand | null {
  if (series.metric !== 'holdTimeS') return null;
  const firstMsOfDate = new Map<string, number>();
  for (const side of [series.sides.left, series.sides.right]) {
    for (const point of side.points) {
      const known = firstMsOfDate.get(point.date);
      if (known === undefined || point.timeMs < known) firstMsOfDate.set(point.date, point.timeMs);
    }
  }
  const dates = [...firstMsOfDate.keys()].sort();
  const latest = dates[dates.length - 1];
  if (latest === undefined) return null;
  // A norm depends on the date's year alone (the age from a birth year, core/norms.ts), so
  // the band is asked for the first date of each year, not for every session.
  const yearStarts = dates.filter((date, k) => k === 0 || date.slice(0, 4) !== dates[k - 1]?.slice(0, 4));
  const query = {
    birthYear: person.birthYear,
    sex: person.sex,
    eyes: conditions.eyes,
    surface: conditions.surface,
    capS: conditions.capS,
  };
  const now = holdTimeNorm({ ...query, date: latest });
  if (!now.applies) return { applies: false, reason: now.reason };
  const steps: NormStep[] = [];
  for (const entry of holdTimeNormBand(query, yearStarts)) {
    const previous = steps[steps.length - 1];
    if (previous && previous.lowS === entry.lowS && previous.highS === entry.highS) continue;
    steps.push({ fromMs: firstMsOfDate.get(entry.date) ?? 0, lowS: entry.lowS, highS: entry.highS });
  }
  const who =
    now.sexes === 'all'
      ? 'eyes open'
      : `eyes closed, ${now.sexes.length === 2 ? 'women and men' : now.sexes[0] === 'female' ? 'women' : 'men'}`;
  return {
    applies: true,
    steps,
    label: `${NORM_NAME}, age ${now.ageGroups.join(' / ')}, ${who}: ${bandText(now.lowS, now.highS)} on ${formatDay(latest)}`,
    citation: now.citation,
    note: now.note,
  };
}

/** Everything the progress page draws for one measure. */
export function progressModel(
  trials: readonly ComparableTrial[],
  conditions: LikeConditions | null,
  metric: ComparedMetric,
  person: NormPerson,
  includeInterrupted = false,
): ProgressModel {
  const empty: ProgressSeries = {
    metric,
    direction: 'larger-is-better',
    line: 'best',
    sides: { left: { points: [], sessions: [] }, right: { points: [], sessions: [] } },
  };
  if (!trials.some((trial) => isTestTrial(trial) && (includeInterrupted || !trial.interrupted)))
    return {
      state: { kind: 'no-trials' },
      series: empty,
      points: { left: 0, right: 0 },
      norm: null,
      change: null,
    };
  if (conditions === null)
    return {
      state: { kind: 'no-like' },
      series: empty,
      points: { left: 0, right: 0 },
      norm: null,
      change: null,
    };
  const series = progressSeries(trials, conditions, metric, { includeInterrupted });
  const points = { left: series.sides.left.points.length, right: series.sides.right.points.length };
  const total = points.left + points.right;
  let state: ProgressState;
  if (total === 0) state = { kind: 'no-like' };
  else if (total === 1) state = { kind: 'one-trial' };
  else
    state = { kind: 'ready', missingSide: points.left === 0 ? 'left' : points.right === 0 ? 'right' : null };
  return {
    state,
    series,
    points,
    norm: normBand(series, conditions, person),
    change: seriesChange(series, conditions, person.birthYear),
  };
}
