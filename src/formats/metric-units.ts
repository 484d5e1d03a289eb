/**
 * The unit of every metric of SPEC section 4, and the summary CSV column name that carries it.
 *
 * Most metrics are in a power of the signal's unit u times a power of seconds, derived from
 * their definitions (SPEC section 4):
 * - rms*, meanDistance, range*, ellipseMajor/Minor: u; pathLength: a sum of distances, u;
 * - meanVelocity = pathLength / T: u/s;
 * - ellipseArea = 2 pi F sqrt(det C), C in u^2: u^2; totalPower = sum P(f) df, P in u^2/Hz: u^2;
 * - swayAreaRate = sum |AP[k+1] ML[k] - AP[k] ML[k+1]| / (2T): u^2/s;
 * - jerk = 0.5 sum((AP')^2 + (ML')^2) / rate, AP' in u/s, 1/rate in s: u^2/s.
 * The others have a fixed unit (Hz, deg, deg/s, s) or none (samples, frequencyDispersion).
 *
 * Naming scheme, `motion`: the phone's u = m/s^2 is written out, m^a s^-(2a-b) as
 * `m{a}_s{2a-b}` (`rms_ap_m_s2`, `mean_velocity_m_s3`, `ellipse_area_m2_s4`, `jerk_m2_s5`).
 * Scheme `generic`: for a 2-D sway file the unit is whatever the file's was, so the name keeps
 * the symbol: `u{a}[_s{-b}]` (`rms_ap_u`, `mean_velocity_u_s`, `ellipse_area_u2`, `jerk_u2_s`),
 * with u stated per row in the `signal_unit` column. An exponent of 1 is not written.
 */
import type { MetricKey } from '../core/types';

/** u^signalPower * s^secondsPower, or a unit that does not depend on the signal. */
export type MetricUnit =
  | { signalPower: number; secondsPower: number }
  | { fixed: 'count' | 'hz' | 's' | 'deg' | 'deg_s' | 'dimensionless' };

/** Every metric key in summary column order (SPEC section 4 order, bookkeeping first). */
export const METRIC_UNITS: Readonly<Record<MetricKey, MetricUnit>> = {
  samples: { fixed: 'count' },
  durationS: { fixed: 's' },
  rateHz: { fixed: 'hz' },
  inputRateHz: { fixed: 'hz' },
  rmsAp: { signalPower: 1, secondsPower: 0 },
  rmsMl: { signalPower: 1, secondsPower: 0 },
  rms: { signalPower: 1, secondsPower: 0 },
  meanDistance: { signalPower: 1, secondsPower: 0 },
  rangeAp: { signalPower: 1, secondsPower: 0 },
  rangeMl: { signalPower: 1, secondsPower: 0 },
  pathLength: { signalPower: 1, secondsPower: 0 },
  meanVelocity: { signalPower: 1, secondsPower: -1 },
  jerk: { signalPower: 2, secondsPower: -1 },
  ellipseArea: { signalPower: 2, secondsPower: 0 },
  ellipseMajor: { signalPower: 1, secondsPower: 0 },
  ellipseMinor: { signalPower: 1, secondsPower: 0 },
  ellipseAngleDeg: { fixed: 'deg' },
  swayAreaRate: { signalPower: 2, secondsPower: -1 },
  meanFrequency: { fixed: 'hz' },
  totalPower: { signalPower: 2, secondsPower: 0 },
  f50: { fixed: 'hz' },
  f95: { fixed: 'hz' },
  centroidFrequency: { fixed: 'hz' },
  frequencyDispersion: { fixed: 'dimensionless' },
  gyroRmsAp: { fixed: 'deg_s' },
  gyroRmsMl: { fixed: 'deg_s' },
};

export const METRIC_KEYS = Object.keys(METRIC_UNITS) as MetricKey[];

/** `motion`: u = m/s^2 written out; `generic`: u kept as a symbol (see the module comment). */
export type UnitScheme = 'motion' | 'generic';

/** Powers of seconds in m/s^2 (u = m s^-2). */
const MOTION_SECONDS_PER_SIGNAL_POWER = 2;

/** Keys whose name already ends with their unit (durationS, rateHz, ellipseAngleDeg...). */
const KEYS_NAMING_THEIR_UNIT: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'durationS',
  'rateHz',
  'inputRateHz',
  'ellipseAngleDeg',
]);

/** The unit part of a column name, '' for none. */
export function unitSuffix(unit: MetricUnit, scheme: UnitScheme): string {
  if ('fixed' in unit) return unit.fixed === 'count' || unit.fixed === 'dimensionless' ? '' : unit.fixed;
  const power = (symbol: string, exponent: number) => (exponent === 1 ? symbol : `${symbol}${exponent}`);
  if (scheme === 'motion') {
    const secondsDown = MOTION_SECONDS_PER_SIGNAL_POWER * unit.signalPower - unit.secondsPower;
    return `${power('m', unit.signalPower)}_${power('s', secondsDown)}`;
  }
  const seconds = unit.secondsPower < 0 ? `_${power('s', -unit.secondsPower)}` : '';
  return power('u', unit.signalPower) + seconds;
}

/** camelCase to snake_case: `rmsAp` -> `rms_ap`, `f50` -> `f50`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Column names that are not the key in snake case: `samples` is N, the samples on the analysis's
 * uniform grid, named apart from the rows received (samples_received, summary-csv.ts).
 */
const COLUMN_BASE_NAMES: Partial<Record<MetricKey, string>> = { samples: 'samples_analysed' };

/** The summary column of a metric: `rms_ap_m_s2`, `mean_velocity_u_s`, `f50_hz`, `samples_analysed`. */
export function metricColumnName(key: MetricKey, scheme: UnitScheme): string {
  const base = COLUMN_BASE_NAMES[key] ?? snakeCase(key);
  if (KEYS_NAMING_THEIR_UNIT.has(key)) return base;
  const suffix = unitSuffix(METRIC_UNITS[key], scheme);
  return suffix === '' ? base : `${base}_${suffix}`;
}
