/**
 * The limits of src/core/limits.ts as the readers apply them to a column, with the words of
 * the message: `line 501: ax is out of range ("111111111111"): beyond ±2511 m/s^2 (256 g, more than a phone's
 * accelerometer measures)`. Such a row is a bad row (csv-table.ts): a Stork file read by the
 * command line stops there; the page and other apps' files leave the row out and say so.
 */
import {
  MAX_ABS_ACCELERATION_M_S2,
  MAX_ABS_ROTATION_RATE_DEG_S,
  MAX_ABS_SWAY_VALUE,
  MAX_RECORDING_SPAN_S,
  shownValue,
} from '../core/limits';
import { DEGREES_PER_RADIAN, STANDARD_GRAVITY_M_S2 } from './sensor-file';

/** The largest magnitude a column's values may have, and why, in words. */
export interface ValueLimit {
  maxAbs: number;
  /** Said after "beyond": the bound with its unit and its reason. */
  beyond: string;
}

/** Acceleration (with or without gravity) in m/s^2. */
export const ACCELERATION_LIMIT: ValueLimit = {
  maxAbs: MAX_ABS_ACCELERATION_M_S2,
  beyond: `±${shownValue(MAX_ABS_ACCELERATION_M_S2)} m/s^2 (256 g, more than a phone's accelerometer measures)`,
};

/** Acceleration in g (an iPhone export in g). */
export const ACCELERATION_G_LIMIT: ValueLimit = {
  maxAbs: MAX_ABS_ACCELERATION_M_S2 / STANDARD_GRAVITY_M_S2,
  beyond: `±${shownValue(MAX_ABS_ACCELERATION_M_S2 / STANDARD_GRAVITY_M_S2)} g (more than a phone's accelerometer measures)`,
};

/** Rotation rate in deg/s (Stork's unit). */
export const ROTATION_DEG_S_LIMIT: ValueLimit = {
  maxAbs: MAX_ABS_ROTATION_RATE_DEG_S,
  beyond: `±${MAX_ABS_ROTATION_RATE_DEG_S} deg/s (more than a phone's gyroscope measures)`,
};

/** Rotation rate in rad/s (phyphox, Sensor Logger, UBC Balance Test). */
export const ROTATION_RAD_S_LIMIT: ValueLimit = {
  maxAbs: MAX_ABS_ROTATION_RATE_DEG_S / DEGREES_PER_RADIAN,
  beyond:
    `±${shownValue(MAX_ABS_ROTATION_RATE_DEG_S / DEGREES_PER_RADIAN)} rad/s ` +
    `(${MAX_ABS_ROTATION_RATE_DEG_S} deg/s, more than a phone's gyroscope measures)`,
};

/** A 2-D sway value (`ap`, `ml`) in any unit. */
export const SWAY_LIMIT: ValueLimit = {
  maxAbs: MAX_ABS_SWAY_VALUE,
  beyond: `±${shownValue(MAX_ABS_SWAY_VALUE)} (not a centre of pressure in any unit)`,
};

/** The span limit in seconds, microseconds, nanoseconds: for `TableRequest.maxTimeSpan`. */
export const MAX_SPAN_S = MAX_RECORDING_SPAN_S;
export const MAX_SPAN_US = MAX_RECORDING_SPAN_S * 1e6;
export const MAX_SPAN_NS = MAX_RECORDING_SPAN_S * 1e9;

/** The message for a cell beyond its column's limit (`cell` as quoteCell shows it). */
export function beyondLimit(column: string, cell: string, limit: ValueLimit): string {
  return `${column} is out of range (${cell}): beyond ${limit.beyond}`;
}
