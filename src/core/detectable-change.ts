/**
 * "Is this change real?" for a series of sessions and for a day's two legs: which minimal
 * detectable change (MDC95, core/reliability.ts) applies, the band it spans around each leg's
 * first value, and whether a change or the difference between the legs exceeds it, in words.
 * Pure: the Progress and Left vs right pages and the report show what this says.
 *
 * The MDC is the one of the first session's day (the change is measured from there, and the
 * person's age group is that day's). A change strictly larger than the MDC is "beyond the
 * minimal detectable change"; equal or smaller, "within measurement error". Where no published
 * value fits the protocol (a 10 s cap, foam, eyes closed, young adults, ...) the words say why
 * instead of giving a number (minimalDetectableChange's reason).
 */
import type { LikeConditions, Side } from './compare';
import { changeWords, minimalDetectableChange, type Mdc } from './reliability';

export interface SessionPoint {
  /** 'YYYY-MM-DD', the session's local day. */
  date: string;
  value: number;
}

export interface LegChange {
  side: Side;
  first: SessionPoint | null;
  /** The latest session; null with fewer than two sessions (no change to judge). */
  last: SessionPoint | null;
  /** last - first, in the measure's unit; null with fewer than two sessions. */
  change: number | null;
  /**
   * first ± MDC95, cut to what the measure can be (hold time: 0 to the cap); null when no MDC
   * applies or the leg has no session.
   */
  band: { lowS: number; highS: number } | null;
  /** "beyond the minimal detectable change of 24.1 s", "within measurement error (...)", or why none; null without a change. */
  verdict: string | null;
}

export interface SeriesChange {
  mdc: Mdc;
  legs: Record<Side, LegChange>;
}

/** What seriesChange reads of a progress series (core/compare.ts progressSeries, or the report's). */
export interface SessionsPerSide {
  metric: string;
  sides: Record<Side, { sessions: readonly SessionPoint[] }>;
}

/** The MDC of `metric` under `conditions` for a person born in `birthYear`, as on `date`. */
export function mdcFor(
  metric: string,
  conditions: LikeConditions,
  birthYear: number | null | undefined,
  date: string,
): Mdc {
  return minimalDetectableChange({
    metric,
    eyes: conditions.eyes,
    surface: conditions.surface,
    capS: conditions.capS,
    placement: conditions.placement,
    birthYear,
    date,
  });
}

/**
 * Each leg's change from its first session to its last, against the MDC of the series' first day.
 *
 * seriesChange({ metric: 'holdTimeS', sides: { left: { sessions: [{ date: '2026-11-02', value: 10 },
 *   { date: '2026-11-29', value: 40 }] }, right: { sessions: [] } } }, eyes open, firm, 45 s, 1950)
 * // -> left: change 30, band 0-34.1 s, verdict 'beyond the minimal detectable change of 24.1 s'
 */
export function seriesChange(
  series: SessionsPerSide,
  conditions: LikeConditions,
  birthYear: number | null | undefined,
): SeriesChange {
  const firstDates = (['left', 'right'] as const)
    .map((side) => series.sides[side].sessions[0]?.date)
    .filter((date): date is string => date !== undefined)
    .sort();
  const mdc = mdcFor(series.metric, conditions, birthYear, firstDates[0] ?? '');
  // Hold time cannot be under 0 s nor over the cap: the band is cut there, as the chart's axis.
  const highest = series.metric === 'holdTimeS' ? conditions.capS : Infinity;
  const leg = (side: Side): LegChange => {
    const sessions = series.sides[side].sessions;
    const first = sessions[0] ?? null;
    const last = sessions.length > 1 ? (sessions[sessions.length - 1] ?? null) : null;
    const change = first && last ? last.value - first.value : null;
    return {
      side,
      first,
      last,
      change,
      band:
        mdc.applies && first
          ? {
              lowS: Math.max(0, first.value - mdc.mdc95),
              highS: Math.min(highest, first.value + mdc.mdc95),
            }
          : null,
      verdict: change === null ? null : changeWords(change, mdc),
    };
  };
  return { mdc, legs: { left: leg('left'), right: leg('right') } };
}

export interface LegsDifference {
  /** |left - right|, s; null when a leg has no value. */
  differenceS: number | null;
  /** True when the difference exceeds the MDC; null when no MDC applies or a leg has no value. */
  beyond: boolean | null;
  /** "The legs' best hold times differ by 8.5 s: within measurement error (minimal detectable change 24.1 s)". */
  words: string;
}

/**
 * Whether the difference between the legs' best hold times is larger than the MDC: the two legs
 * of one person measured the same day under one protocol, judged as two measurements are.
 */
export function legsDifference(
  leftBestS: number | null,
  rightBestS: number | null,
  mdc: Mdc,
): LegsDifference {
  if (leftBestS === null || rightBestS === null)
    return { differenceS: null, beyond: null, words: 'No hold time on both legs' };
  const differenceS = Math.abs(leftBestS - rightBestS);
  const text = `The legs' best hold times differ by ${differenceS.toFixed(1)} s`;
  if (!mdc.applies) return { differenceS, beyond: null, words: `${text}; ${changeWords(differenceS, mdc)}` };
  return {
    differenceS,
    beyond: differenceS > mdc.mdc95,
    words: `${text}: ${changeWords(differenceS, mdc)}`,
  };
}
