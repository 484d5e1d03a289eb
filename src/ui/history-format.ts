/**
 * How the history pages write a trial's date, its conditions and the compared measures
 * (src/core/metric-direction.ts) with their units.
 */
import type { LikeConditions } from '../core/compare';
import type { ComparedMetric } from '../core/metric-direction';
import type { EndReason } from '../session/types';
import { formatMetricValue, swayMetricUnit } from './format';
import { EYES_LABELS, PLACEMENT_LABELS, SURFACE_LABELS } from './labels';
import { lazily } from './lazily';

const day = lazily(
  () =>
    new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }),
);

/**
 * "3 May 2026" for a local date 'YYYY-MM-DD'. Formatted in UTC from the date's own parts, so
 * the day is the one the test was done on (compare.ts: a session is the local date of
 * `startedAt`), wherever the history is viewed.
 */
export function formatDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  return day().format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** "3 May 2026, 10:14" from an ISO 8601 date-time with offset: the clock time where the test was done. */
export function formatDateTime(startedAt: string): string {
  const time = /T(\d{2}:\d{2})/.exec(startedAt)?.[1];
  return time === undefined ? formatDay(startedAt) : `${formatDay(startedAt)}, ${time}`;
}

/** " (cm)" after a placement whose trials have a sway unit, else nothing. */
const unitSuffix = (conditions: LikeConditions): string =>
  conditions.swayUnit == null ? '' : ` (${conditions.swayUnit})`;

/** "Eyes open · Firm floor · Chest · 45 s" ("Force plate (cm)"): the conditions trials must share to be compared. */
export function conditionsLabel(conditions: LikeConditions): string {
  return [
    EYES_LABELS[conditions.eyes],
    SURFACE_LABELS[conditions.surface],
    PLACEMENT_LABELS[conditions.placement] + unitSuffix(conditions),
    `${conditions.capS} s`,
  ].join(' · ');
}

/** "Eyes open, firm, chest, 45 s": the same, short enough for a select on a phone. */
export function conditionsShortLabel(conditions: LikeConditions): string {
  const surface = conditions.surface === 'firm' ? 'firm' : 'foam';
  const placement = PLACEMENT_LABELS[conditions.placement].toLowerCase() + unitSuffix(conditions);
  return `${EYES_LABELS[conditions.eyes]}, ${surface}, ${placement}, ${conditions.capS} s`;
}

/** The like-for-like conditions of a trial's set-up (the side left out) and its sway unit, if any. */
export function conditionsOf(setup: LikeConditions, swayUnit: string | null = null): LikeConditions {
  const conditions = {
    eyes: setup.eyes,
    surface: setup.surface,
    placement: setup.placement,
    capS: setup.capS,
  };
  return swayUnit === null ? conditions : { ...conditions, swayUnit };
}

/**
 * A stable key of conditions, e.g. "open|firm|chest|45", "open|firm|force-plate|60|cm" (for
 * selects and maps). The unit is last, so any text of it keeps keys apart.
 */
export function conditionsKey(conditions: LikeConditions, swayUnit = conditions.swayUnit ?? null): string {
  const key = `${conditions.eyes}|${conditions.surface}|${conditions.placement}|${conditions.capS}`;
  return swayUnit === null ? key : `${key}|${swayUnit}`;
}

/** Short words for how a trial ended, for a list row. */
export const END_REASON_SHORT: Record<EndReason, string> = {
  completed: 'Completed',
  touchdown: 'Touch-down',
  stopped: 'Stopped',
  hidden: 'Interrupted (page hidden)',
  'sensor-silent': 'Interrupted (sensor silent)',
};

export interface ComparedMetricLabel {
  label: string;
  /**
   * The unit as shown: of phone motion (SPEC section 4: acceleration, m/s²), or, for force-plate
   * conditions, of the 2-D sway signal (its unit, e.g. cm, cm/s, cm²).
   */
  unit: string;
}

/** The measures the comparison and progress pages offer, with units (docs/analysis.md, the metric table). */
export const COMPARED_METRIC_LABELS: Partial<Record<ComparedMetric, ComparedMetricLabel>> = {
  holdTimeS: { label: 'Hold time', unit: 's' },
  rms: { label: 'Sway (RMS)', unit: 'm/s²' },
  meanVelocity: { label: 'Mean velocity', unit: 'm/s³' },
  ellipseArea: { label: '95 % ellipse area', unit: 'm²/s⁴' },
  jerk: { label: 'Jerk', unit: 'm²/s⁵' },
  rmsAp: { label: 'Sway AP (RMS)', unit: 'm/s²' },
  rmsMl: { label: 'Sway ML (RMS)', unit: 'm/s²' },
  centroidFrequency: { label: 'Centroid frequency', unit: 'Hz' },
};

/** The measures of the progress page's picker, in its order. */
export const PROGRESS_METRICS: readonly ComparedMetric[] = [
  'holdTimeS',
  'rms',
  'meanVelocity',
  'ellipseArea',
  'jerk',
  'rmsAp',
  'rmsMl',
  'centroidFrequency',
];

/**
 * A measure's name and unit under `conditions`: the phone's units, or for force-plate
 * conditions the units of the 2-D sway signal in its unit ("input unit" when none was given).
 */
export function metricLabel(
  metric: ComparedMetric,
  conditions: LikeConditions | null = null,
): ComparedMetricLabel {
  const phone = COMPARED_METRIC_LABELS[metric] ?? { label: metric, unit: '' };
  if (conditions?.placement !== 'force-plate' || metric === 'holdTimeS') return phone;
  return { label: phone.label, unit: swayMetricUnit(metric, conditions.swayUnit ?? null) };
}

/**
 * A measure's value with its unit: hold time with one decimal like the stopwatch ("12.3 s"),
 * sway metrics with three significant digits ("0.412 m/s²"); "–" when missing.
 */
export function formatMeasure(
  metric: ComparedMetric,
  value: number | null,
  conditions: LikeConditions | null = null,
): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const { unit } = metricLabel(metric, conditions);
  const number = metric === 'holdTimeS' ? value.toFixed(1) : formatMetricValue(value);
  return unit === '' ? number : `${number} ${unit}`;
}

/** A percentage with one decimal, signed when asked: "85.0 %", "+12.3 %"; "–" when missing. */
export function formatPercent(value: number | null, signed = false): string {
  if (value === null || !Number.isFinite(value)) return '–';
  // Rounded first, so a value that shows as 0.0 carries no sign ("-0.0 %").
  const rounded = Math.round(value * 10) / 10 || 0;
  return `${signed && rounded > 0 ? '+' : ''}${rounded.toFixed(1)} %`;
}
