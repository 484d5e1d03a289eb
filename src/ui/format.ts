/**
 * Numbers as the pages show them: seconds with one decimal, metrics with three significant
 * digits and their unit (SPEC section 4; phone motion is acceleration, m/s^2).
 */
import type { MetricKey, SwayMetrics } from '../core/types';
import { METRIC_UNITS } from '../formats/metric-units';
import { lazily } from './lazily';

/** Elapsed or hold time, e.g. "27.9 s"; one decimal is what a stopwatch would show. */
export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(1)} s`;
}

/** The big running timer: one decimal, no unit (the label says seconds). */
export function formatTimer(seconds: number): string {
  return Math.max(0, seconds).toFixed(1);
}

const metricDigits = lazily(
  () => new Intl.NumberFormat('en', { maximumSignificantDigits: 3, useGrouping: false }),
);

/** A metric value with three significant digits, or "–" when missing. */
export function formatMetricValue(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '–' : metricDigits().format(value);
}

export type KeyMetric = 'rms' | 'meanVelocity' | 'ellipseArea' | 'centroidFrequency' | 'jerk';

export interface MetricDescription {
  key: KeyMetric;
  label: string;
  /** Unit for phone motion (acceleration in m/s^2), as shown. */
  unit: string;
  /** The unit spelled out for screen readers. */
  spokenUnit: string;
  /** One line on what the number means. */
  meaning: string;
}

/**
 * The key metrics of the result page, in the order shown. Units follow from the definitions in
 * SPEC section 4 applied to acceleration: path length per second is m/s^3, jerk (Mancini 2012)
 * integrates the squared derivative of acceleration over time, m^2/s^5.
 */
export const KEY_METRICS: readonly MetricDescription[] = [
  {
    key: 'rms',
    label: 'Sway (RMS)',
    unit: 'm/s²',
    spokenUnit: 'metres per second squared',
    meaning: 'Typical size of the sway.',
  },
  {
    key: 'meanVelocity',
    label: 'Mean velocity',
    unit: 'm/s³',
    spokenUnit: 'metres per second cubed',
    meaning: 'How fast the sway moves.',
  },
  {
    key: 'ellipseArea',
    label: '95 % ellipse area',
    unit: 'm²/s⁴',
    spokenUnit: 'square metres per second to the fourth',
    meaning: 'Area that holds 95 % of the sway.',
  },
  {
    key: 'centroidFrequency',
    label: 'Centroid frequency',
    unit: 'Hz',
    spokenUnit: 'hertz',
    meaning: 'Typical rhythm of the sway (needs 10 s).',
  },
  {
    key: 'jerk',
    label: 'Jerk',
    unit: 'm²/s⁵',
    spokenUnit: 'square metres per second to the fifth',
    meaning: 'How abrupt the corrections are.',
  },
];

/** What a 2-D sway trial's unit is called when neither its file nor the person gave one. */
export const INPUT_UNIT = 'input unit';

const SUPERSCRIPTS: Readonly<Record<number, string>> = { 2: '²', 3: '³', 4: '⁴' };

/**
 * The unit of a key metric of a 2-D sway signal in `unit` (SPEC section 4: the metric's power
 * of the signal's unit times a power of seconds, metric-units.ts): rms "cm", mean velocity
 * "cm/s", ellipse area "cm²", jerk "cm²/s"; with no unit given, "input unit/s" and so on.
 */
export function swayMetricUnit(key: MetricKey, unit: string | null): string {
  const metric = METRIC_UNITS[key];
  if ('fixed' in metric) return metric.fixed === 'hz' ? 'Hz' : metric.fixed;
  const symbol = unit ?? INPUT_UNIT;
  const base =
    metric.signalPower === 1
      ? symbol
      : `${/\s/.test(symbol) ? `(${symbol})` : symbol}${SUPERSCRIPTS[metric.signalPower] ?? `^${metric.signalPower}`}`;
  const seconds = -metric.secondsPower;
  return seconds <= 0 ? base : `${base}/s${seconds === 1 ? '' : (SUPERSCRIPTS[seconds] ?? `^${seconds}`)}`;
}

/** The metric's value from the result (null for spectral metrics under 10 s). */
export function keyMetricValue(metrics: SwayMetrics, key: KeyMetric): number | null {
  return metrics[key];
}
