/**
 * Limits on what Stork reads and analyses, each with its reason: a hostile or broken file gets
 * a clear message (`FILE: line N: what is wrong`, `FILE: what is wrong`) instead of a hang, an
 * exhausted memory or a silent wrong number. docs/import-export.md lists them for users.
 *
 * The readers (src/formats) apply them with the line at fault; the analysis (analyze.ts)
 * applies them again to whatever it is given (a stored trial, a live recording), without one.
 */

/** Standard gravity, m/s^2 (CGPM 1901), to state the acceleration limit in g. */
const G_M_S2 = 9.80665;

/**
 * Largest magnitude of an acceleration value (any axis, with or without gravity), m/s^2: 256 g.
 * Phone accelerometers measure ±16 g (Bosch BMI260, ST LSM6DSO); the widest a phone holds is
 * Apple's high-g accelerometer (iPhone 14 and later), up to 256 g. A single-sample glitch of a
 * sensor may read far beyond the usual ±16 g (the project's simulated recordings carry one of
 * 1755 m/s^2 at a touch-down, fixtures/PROVENANCE.md) and is read; a value beyond 256 g is not
 * a reading but a broken cell (`111111111111`, `1e308`), one of which makes the RMS or the path
 * absurd.
 */
export const MAX_ABS_ACCELERATION_M_S2 = 256 * G_M_S2;

/**
 * Largest magnitude of a rotation rate, deg/s (Stork's unit; other apps' rad/s are converted
 * first): 4000 deg/s, twice the ±2000 deg/s full scale of phone gyroscopes (ST LSM6DSO, Bosch
 * BMI270), the widest MEMS gyroscopes' (ST LSM6DSV32X: ±4000 deg/s).
 */
export const MAX_ABS_ROTATION_RATE_DEG_S = 4000;

/**
 * Largest magnitude of a 2-D sway value (`ap`, `ml`), in the file's own unit (SPEC section 7:
 * any unit): 10^6. A centre of pressure stays on its plate (a force plate is under 1 m across),
 * so even in micrometres it stays under 10^6; in cm (Santos & Duarte 2016) or mm it is far
 * below. A value beyond it is a broken cell, not a position.
 */
export const MAX_ABS_SWAY_VALUE = 1e6;

/**
 * Longest span of one trial's times, s: 24 h. A balance trial lasts seconds to minutes; the
 * longest recordings Stork is measured on are an hour (docs/benchmarks.md). A day lets any real
 * recording through, while a cell like `1e15` ms (31,700 years) is refused at its line instead
 * of asking for a grid of 10^13 points.
 */
export const MAX_RECORDING_SPAN_S = 24 * 60 * 60;

/**
 * Most points of the analysis grid (window length × rate): 24 h at 100 Hz, 8.64 million. The
 * analysis holds about ten arrays of doubles of that length (about 700 MB at this limit); a
 * 24 h recording at the default 50 Hz fits, and a larger `--rate` on a long window gets a clear
 * message instead of "RangeError: Invalid typed array length".
 */
export const MAX_GRID_POINTS = MAX_RECORDING_SPAN_S * 100;

/**
 * Largest CSV unpacked from a zip, bytes: 256 MB. An hour at 100 Hz of one sensor is about
 * 30 MB (Sensor Logger, phyphox); the limit is counted while inflating, so an entry that lies
 * about its size stops there.
 */
export const MAX_ZIP_ENTRY_BYTES = 256 * 1024 * 1024;

/** Largest sum of the CSVs unpacked from one zip, bytes: 512 MB, two of the largest entries. */
export const MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024;

/**
 * Most entries of a zip, any kind: 1000. A phyphox "CSV zip" holds about 5 (a CSV per sensor
 * and `meta/`), a Sensor Logger export about 20 (a CSV per sensor, `Metadata.csv`); tens of
 * thousands of entries are a zip bomb's way to multiply its work.
 */
export const MAX_ZIP_ENTRIES = 1000;

/** A number for a message: 4 significant digits (`1.111e+11`, `2511`). */
export function shownValue(value: number): string {
  return String(Number(value.toPrecision(4)));
}
