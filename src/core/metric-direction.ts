/**
 * Which measures of a trial can be compared between legs and over time, and which way is
 * better for each (symmetry.ts `MetricDirection`).
 */
import type { MetricDirection } from './symmetry';
import type { MetricKey } from './types';

/**
 * Hold time and the sway metrics of SPEC section 4. Left out: `samples`, `durationS`,
 * `rateHz`, `inputRateHz`, which describe the recording, not the balance.
 */
export type ComparedMetric =
  'holdTimeS' | Exclude<MetricKey, 'samples' | 'durationS' | 'rateHz' | 'inputRateHz'>;

/**
 * Hold time: longer is better. Sway magnitudes (RMS, distances, ranges, path, velocity, jerk,
 * areas, ellipse axes, power, gyro RMS): more sway is worse balance (Prieto et al. 1996;
 * Mancini et al. 2012). Frequencies (mean, f50, f95, centroid, dispersion) describe how fast
 * the body sways, not how much, and the ellipse angle its orientation: no better or worse.
 * Note that pathLength and jerk grow with the analysed duration: compare them between trials
 * of the same length (meanVelocity is the duration-free form of pathLength).
 */
export const METRIC_DIRECTIONS: Readonly<Record<ComparedMetric, MetricDirection>> = {
  holdTimeS: 'larger-is-better',
  rmsAp: 'larger-is-worse',
  rmsMl: 'larger-is-worse',
  rms: 'larger-is-worse',
  meanDistance: 'larger-is-worse',
  rangeAp: 'larger-is-worse',
  rangeMl: 'larger-is-worse',
  pathLength: 'larger-is-worse',
  meanVelocity: 'larger-is-worse',
  jerk: 'larger-is-worse',
  ellipseArea: 'larger-is-worse',
  ellipseMajor: 'larger-is-worse',
  ellipseMinor: 'larger-is-worse',
  ellipseAngleDeg: 'no-direction',
  swayAreaRate: 'larger-is-worse',
  meanFrequency: 'no-direction',
  totalPower: 'larger-is-worse',
  f50: 'no-direction',
  f95: 'no-direction',
  centroidFrequency: 'no-direction',
  frequencyDispersion: 'no-direction',
  gyroRmsAp: 'larger-is-worse',
  gyroRmsMl: 'larger-is-worse',
};

/**
 * The measures shown by default: hold time (the test's own outcome), and the sway magnitudes
 * that do not depend on how long the window was: RMS distance, mean velocity (Prieto et al.
 * 1996) and the 95 % ellipse area.
 */
export const MAIN_METRICS: readonly ComparedMetric[] = ['holdTimeS', 'rms', 'meanVelocity', 'ellipseArea'];
