/**
 * Compact, lossless storage of a trial's sample columns.
 *
 * A 45 s trial at 60 Hz has 2,700 rows of 10 columns; as Float64 that is 216 kB, and 5,000
 * trials would be about 1 GB. Most of it is redundant: Chromium rounds accelerations to
 * 0.1 m/s^2 and rotation rates to 0.1 deg/s (SPEC section 2; the rounding is Chromium's
 * anti-fingerprinting measure, https://crbug.com/1018180, services/device/generic_sensor/
 * platform_sensor_util.h), so such a column is a run of small integers times a step, and a
 * vector the device does not have is all NaN.
 *
 * Each column is stored in the first of these forms that gives back every value bit for bit
 * (checked value by value while encoding, so no form is ever lossy):
 * - `missing`: every value is NaN (no bytes at all);
 * - `quotient`: value = integer / divisor, divisor 1, 10, 100 or 1000 (the decimal a sensor
 *   rounded to: 9.8 is read back as 98 / 10, which is the double nearest 9.8);
 * - `product`: value = integer * step, step 0.1, 0.01 or 0.001 (a reading rounded as
 *   `round(x / 0.1) * 0.1`, which can differ from the nearest double, e.g. 0.30000000000000004);
 * - `float64`: the values as they are (time, iOS readings, anything else).
 * Which form a real device's data takes is decided per column from the data, so no platform
 * is assumed: Chromium rounds rotation rate in rad/s (to the rad/s value of 0.1 deg/s) before
 * Blink converts it to deg/s, so its gyro columns may not be exact tenths and then stay
 * float64 (not yet checked on a phone).
 * Integers are Int16 when they fit, else Int32; the type's smallest value stands for NaN and
 * the next one for -0 (rounding a small negative reading gives -0: Math.round(-0.4) and C++
 * std::round(-0.4) are both -0). Float32 is never used: iOS readings are not float32 numbers,
 * and SPEC section 7 asks for every sample back exactly.
 */
import type { TrialSamples, TrialSway } from '../session/types';

/** The column names of TrialSamples, in the order they are stored. */
export const SAMPLE_COLUMNS = ['tS', 'ax', 'ay', 'az', 'gx', 'gy', 'gz', 'lx', 'ly', 'lz'] as const;
export type SampleColumnName = (typeof SAMPLE_COLUMNS)[number];

export type IntegerValues = Int16Array | Int32Array;

export type EncodedColumn =
  | { encoding: 'missing' }
  | { encoding: 'float64'; values: Float64Array }
  | { encoding: 'quotient'; divisor: number; values: IntegerValues }
  | { encoding: 'product'; step: number; values: IntegerValues };

/** A trial's samples as stored: the row count and one encoded column per name. */
export interface EncodedSamples {
  rows: number;
  columns: Record<SampleColumnName, EncodedColumn>;
  /**
   * A 2-D sway trial's AP and ML columns (`rows` long, at the times of `tS`), in the same
   * forms; absent for phone trials (optional: stored samples need no migration).
   */
  sway?: { ap: EncodedColumn; ml: EncodedColumn };
}

/** Divisors tried for `quotient` columns: whole numbers, then 1, 2 and 3 decimals. */
export const QUOTIENT_DIVISORS = [1, 10, 100, 1000] as const;
/** Steps tried for `product` columns: 1, 2 and 3 decimals computed as a multiplication. */
export const PRODUCT_STEPS = [0.1, 0.01, 0.001] as const;

const INT16_NAN = -32768;
const INT16_NEGATIVE_ZERO = -32767;
/** Largest magnitude of an Int16 value (the two smallest values are the markers above). */
const INT16_LIMIT = 32766;
const INT32_NAN = -2147483648;
const INT32_NEGATIVE_ZERO = -2147483647;
const INT32_LIMIT = 2147483646;

/**
 * The integers `toInteger` gives for each value, if `fromInteger` turns every one of them back
 * into the very same double (NaN stays NaN); null when a value has no exact integer form.
 */
function integerForm(
  column: Float64Array,
  toInteger: (value: number) => number,
  fromInteger: (integer: number) => number,
): IntegerValues | null {
  const integers = new Int32Array(column.length);
  let largest = 0;
  for (let k = 0; k < column.length; k++) {
    const value = column[k] as number;
    if (Number.isNaN(value)) {
      integers[k] = INT32_NAN;
      continue;
    }
    if (Object.is(value, -0)) {
      integers[k] = INT32_NEGATIVE_ZERO;
      continue;
    }
    // `| 0` would wrap large numbers: check the range first.
    const integer = toInteger(value);
    if (!(Math.abs(integer) <= INT32_LIMIT)) return null;
    const stored = integer | 0;
    if (!Object.is(fromInteger(stored), value)) return null;
    integers[k] = stored;
    largest = Math.max(largest, Math.abs(stored));
  }
  if (largest > INT16_LIMIT) return integers;
  const small = new Int16Array(column.length);
  for (let k = 0; k < column.length; k++) {
    const integer = integers[k] as number;
    small[k] =
      integer === INT32_NAN ? INT16_NAN : integer === INT32_NEGATIVE_ZERO ? INT16_NEGATIVE_ZERO : integer;
  }
  return small;
}

/** The smallest exact form of one column (see the module comment). */
export function encodeColumn(column: Float64Array): EncodedColumn {
  if (column.every((value) => Number.isNaN(value))) return { encoding: 'missing' };
  for (const divisor of QUOTIENT_DIVISORS) {
    const values = integerForm(
      column,
      (value) => Math.round(value * divisor),
      (integer) => integer / divisor,
    );
    if (values) return { encoding: 'quotient', divisor, values };
  }
  for (const step of PRODUCT_STEPS) {
    const values = integerForm(
      column,
      (value) => Math.round(value / step),
      (integer) => integer * step,
    );
    if (values) return { encoding: 'product', step, values };
  }
  // slice(): an exactly-sized copy, so a view into a larger buffer never stores the whole buffer.
  return { encoding: 'float64', values: column.slice() };
}

/** The column back as doubles, `rows` long. */
export function decodeColumn(encoded: EncodedColumn, rows: number): Float64Array {
  const out = new Float64Array(rows);
  switch (encoded.encoding) {
    case 'missing':
      out.fill(NaN);
      return out;
    case 'float64':
      out.set(encoded.values);
      return out;
    case 'quotient':
    case 'product': {
      const short = encoded.values instanceof Int16Array;
      const nan = short ? INT16_NAN : INT32_NAN;
      const negativeZero = short ? INT16_NEGATIVE_ZERO : INT32_NEGATIVE_ZERO;
      const { values } = encoded;
      const scale = encoded.encoding === 'quotient' ? encoded.divisor : encoded.step;
      const divide = encoded.encoding === 'quotient';
      for (let k = 0; k < rows; k++) {
        const integer = values[k] as number;
        if (integer === nan) out[k] = NaN;
        else if (integer === negativeZero) out[k] = -0;
        else out[k] = divide ? integer / scale : integer * scale;
      }
      return out;
    }
  }
}

/** Throws when a column is not `rows` long (the record would be inconsistent). */
function checkLength(name: string, length: number, rows: number): void {
  if (length !== rows) throw new Error(`samples column ${name} has ${length} rows, tS has ${rows}`);
}

/** Every column of a trial (and of its sway signal, when it has one) in its smallest exact form. */
export function encodeSamples(samples: TrialSamples, sway?: Pick<TrialSway, 'ap' | 'ml'>): EncodedSamples {
  const rows = samples.tS.length;
  const columns = {} as Record<SampleColumnName, EncodedColumn>;
  for (const name of SAMPLE_COLUMNS) {
    checkLength(name, samples[name].length, rows);
    columns[name] = encodeColumn(samples[name]);
  }
  if (sway === undefined) return { rows, columns };
  checkLength('ap', sway.ap.length, rows);
  checkLength('ml', sway.ml.length, rows);
  return { rows, columns, sway: { ap: encodeColumn(sway.ap), ml: encodeColumn(sway.ml) } };
}

/** A sway trial's AP and ML back, exactly as given to `encodeSamples`; null for a phone trial. */
export function decodeSway(encoded: EncodedSamples): Pick<TrialSway, 'ap' | 'ml'> | null {
  if (encoded.sway === undefined) return null;
  return { ap: decodeColumn(encoded.sway.ap, encoded.rows), ml: decodeColumn(encoded.sway.ml, encoded.rows) };
}

/** The trial's samples back, exactly as they were given to `encodeSamples`. */
export function decodeSamples(encoded: EncodedSamples): TrialSamples {
  const samples = {} as TrialSamples;
  for (const name of SAMPLE_COLUMNS) samples[name] = decodeColumn(encoded.columns[name], encoded.rows);
  return samples;
}

/** Bytes of sample data in an encoded trial (the typed arrays; IndexedDB adds a few per key). */
export function encodedByteLength(encoded: EncodedSamples): number {
  let bytes = 0;
  const columns = [...SAMPLE_COLUMNS.map((name) => encoded.columns[name])];
  if (encoded.sway !== undefined) columns.push(encoded.sway.ap, encoded.sway.ml);
  for (const column of columns) if (column.encoding !== 'missing') bytes += column.values.byteLength;
  return bytes;
}
