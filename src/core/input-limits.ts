/**
 * The limits of limits.ts applied by the analysis to whatever recording it is given (a file's,
 * a stored trial's, a live one): the readers have already refused such input with its line,
 * so these say what is wrong without one, in the analysis' words, before any array is sized
 * from it. Never an internal function's name, never "RangeError".
 */
import { AnalysisError } from './errors';
import {
  MAX_ABS_ACCELERATION_M_S2,
  MAX_ABS_ROTATION_RATE_DEG_S,
  MAX_ABS_SWAY_VALUE,
  MAX_GRID_POINTS,
  MAX_RECORDING_SPAN_S,
  shownValue,
} from './limits';

/** What a recording's value columns hold, for their limit and the message. */
type ValueKind = 'motion' | 'sway' | 'rotation';

const LIMITS: Readonly<Record<ValueKind, { maxAbs: number; what: string; unit: string }>> = {
  motion: { maxAbs: MAX_ABS_ACCELERATION_M_S2, what: 'an acceleration', unit: ' m/s^2' },
  rotation: { maxAbs: MAX_ABS_ROTATION_RATE_DEG_S, what: 'a rotation rate', unit: ' deg/s' },
  sway: { maxAbs: MAX_ABS_SWAY_VALUE, what: 'a sway value', unit: '' },
};

/**
 * Refuses a recording (clean rows: finite, times increasing) that spans more than
 * MAX_RECORDING_SPAN_S or holds a value beyond its kind's limit.
 *
 * @throws AnalysisError `the recording spans 1e+12 s, more than 24 h`,
 *   `an acceleration of 1.111e+11 m/s^2 at 3.00 s is beyond ±2511 m/s^2`.
 */
export function checkRecordingLimits(
  kind: ValueKind,
  tS: Float64Array,
  columns: readonly Float64Array[],
): void {
  const n = tS.length;
  if (n >= 2) {
    const span = (tS[n - 1] as number) - (tS[0] as number);
    if (span > MAX_RECORDING_SPAN_S)
      throw new AnalysisError(
        `the recording spans ${shownValue(span)} s, more than ${MAX_RECORDING_SPAN_S / 3600} h: ` +
          'a time is broken, or the recording is too long',
      );
  }
  const { maxAbs, what, unit } = LIMITS[kind];
  for (const column of columns) {
    for (let k = 0; k < column.length; k++) {
      const value = column[k] as number;
      if (Math.abs(value) > maxAbs)
        throw new AnalysisError(
          `${what} of ${shownValue(value)}${unit} at ${(tS[k] as number).toFixed(2)} s is beyond ` +
            `±${shownValue(maxAbs)}${unit}, more than a sensor measures`,
        );
    }
  }
}

/**
 * Refuses an analysis grid of more than MAX_GRID_POINTS points before it is allocated.
 *
 * @throws AnalysisError `the window of 86400.00 s at 1000 Hz would be 86400001 points, more than 8640000`.
 */
export function checkGridSize(loS: number, hiS: number, rateHz: number): void {
  const points = Math.floor((hiS - loS) * rateHz) + 1;
  if (!(points <= MAX_GRID_POINTS))
    throw new AnalysisError(
      `the window of ${(hiS - loS).toFixed(2)} s at ${rateHz} Hz would be ${points} points, ` +
        `more than ${MAX_GRID_POINTS}: choose a lower rate or a shorter window`,
    );
}

/**
 * The mean acceleration over the window, the gravity the tilt correction turns to the vertical,
 * when all three are finite numbers (they are for values within the limits).
 *
 * @throws AnalysisError `the mean acceleration is not a finite vector (...)`.
 */
export function finiteGravity(mean: [number, number, number]): [number, number, number] {
  if (!mean.every(Number.isFinite))
    throw new AnalysisError(
      `the mean acceleration over the window is not a finite vector (${mean.join(', ')}): ` +
        'no tilt correction can be made',
    );
  return mean;
}
