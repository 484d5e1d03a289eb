/**
 * What one motion-sensor file from another app holds, in Stork's units, before the files of a
 * recording are combined (combine-sensors.ts) into one recording in Stork's frame.
 *
 * Units are converted by the readers (m/s^2, deg/s, seconds); signs are not: a file keeps the
 * sign of its platform, and `signConvention` says which one that is when the format tells
 * (the decision is made once for the whole recording, from the data where it can be).
 */
import type { SkippedRow } from './csv-table';

/**
 * What a series measures:
 * - `acceleration`: acceleration including gravity, what the analysis needs (SPEC section 2,
 *   `accelerationIncludingGravity`; phyphox "Acceleration with g", Sensor Logger TotalAcceleration);
 * - `linear-acceleration`: gravity removed (W3C `acceleration`; phyphox "Linear Acceleration",
 *   Sensor Logger Accelerometer);
 * - `gravity`: the operating system's estimate of gravity alone (Sensor Logger Gravity);
 * - `gyroscope`: rotation rate about the device x, y, z axes.
 */
export type SensorKind = 'acceleration' | 'linear-acceleration' | 'gravity' | 'gyroscope';

/** The formats of other apps that Stork imports. */
export type SensorFormat = 'phyphox' | 'sensor-logger' | 'ubc-balance-test' | 'coremotion-g';

/** Names of the formats, for messages. */
export const SENSOR_FORMAT_NAMES: Readonly<Record<SensorFormat, string>> = {
  phyphox: 'phyphox',
  'sensor-logger': 'Sensor Logger',
  'ubc-balance-test': 'UBC Balance Test',
  'coremotion-g': 'iPhone accelerometer export in g',
};

/**
 * Sign of the acceleration readings:
 * - `w3c`: a phone lying face up reads z = +9.8 (W3C DeviceMotion, Android);
 * - `ios`: the opposite on every axis (CoreMotion: face up reads z = -1 g);
 * - `unknown`: the file does not say.
 */
export type SignConvention = 'w3c' | 'ios' | 'unknown';

/** x, y, z of one sensor on the file's time axis: m/s^2 for accelerations, deg/s for rotation. */
export interface SensorSeries {
  kind: SensorKind;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

/** One file's samples. */
export interface SensorFile {
  format: SensorFormat;
  /** The file's name as given (for messages and the import report). */
  fileName: string;
  /** Sample times, s, relative to `originNs` when the file has absolute times, else the file's own axis. */
  tS: Float64Array;
  /**
   * Absolute time of tS = 0, ns since 1970-01-01T00:00Z, when the file gives absolute times
   * (so files of one recording line up exactly); null when its times are relative.
   */
  originNs: bigint | null;
  series: SensorSeries[];
  signConvention: SignConvention;
  /** What was converted to reach Stork's units, in words ("gyroscope rad/s -> deg/s"). */
  conversions: string[];
  /** Columns or files not used, in words ("magnetometer mx, my, mz: not used"). */
  ignored: string[];
  /** Rows left out (see csv-table.ts, badRows 'skip'), and how many in all. */
  skipped: SkippedRow[];
  skippedCount: number;
  /** ISO 8601 date-time with offset of the first sample, when the file gives it. */
  startedAt: string | null;
  /** The device, when the file names it. */
  device: string | null;
  /** The 1-based line of each sample. */
  lines: Int32Array;
}

/** Standard gravity, m/s^2 (CGPM 1901; the g CoreMotion and Sensor Logger use). */
export const STANDARD_GRAVITY_M_S2 = 9.80665;

/** Degrees per radian: rotation rates in rad/s become Stork's deg/s (SPEC section 2). */
export const DEGREES_PER_RADIAN = 180 / Math.PI;

/** Each value times `factor`, in a new array. */
export function scaled(values: Float64Array, factor: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] as number) * factor;
  return out;
}

/** Mean length of the finite (x, y, z) rows, or NaN with none: tells g units and gravity from its absence. */
export function meanNorm(x: ArrayLike<number>, y: ArrayLike<number>, z: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const norm = Math.hypot(x[i] as number, y[i] as number, z[i] as number);
    if (!Number.isFinite(norm)) continue;
    sum += norm;
    n++;
  }
  return n === 0 ? NaN : sum / n;
}

/** The last part of a path (either slash), as file names are matched. */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}

/** A number for a conversion note: 3 significant digits. */
export function roughly(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** An instant in ns since 1970 as ISO 8601 with offset (UTC, millisecond precision). */
export function epochNanosecondsToIso(ns: bigint): string {
  const ms = Number(ns / 1_000_000n);
  return new Date(ms).toISOString().replace('Z', '+00:00');
}
