/**
 * The resolution of a hold time. A trial's times are differences of time stamps: a browser's
 * `DeviceMotionEvent.timeStamp` (a DOMHighResTimeStamp in ms, which the W3C High Resolution
 * Time spec lets browsers coarsen: Chromium to 100 us, 5 us in a cross-origin-isolated page,
 * Firefox and Safari to 1 ms or coarser), or another app's clock (Sensor Logger: ns since the
 * epoch). Subtracting them in binary doubles leaves noise far below any of these (12.127800000000743 s
 * for 12.1278 s; the noise is an ulp of the stamps, about 1e-12 s for a page open an hour):
 * rounding to the nanosecond removes it and keeps every digit any of these clocks gives.
 */
export const HOLD_TIME_RESOLUTION_S = 1e-9;

/** Steps of HOLD_TIME_RESOLUTION_S in a second. */
const STEPS_PER_S = 1e9;

/** From 2^53 ns (about 104 days) on, a double's own spacing is near 1 ns or coarser: nothing to round. */
const ROUNDED_ALREADY_S = 2 ** 53 / STEPS_PER_S;

/**
 * A hold time rounded to the nanosecond: `12.127800000000743` -> `12.1278`. Idempotent (a
 * rounded time rounds to itself), so a hold time written at this resolution and read back is the
 * same double. Non-finite values and those of ROUNDED_ALREADY_S or more are returned as they
 * are; -0 becomes 0.
 *
 * @example roundHoldTimeS(12.127800000000743) // 12.1278
 */
export function roundHoldTimeS(seconds: number): number {
  if (!Number.isFinite(seconds) || Math.abs(seconds) >= ROUNDED_ALREADY_S) return seconds;
  return Math.round(seconds * STEPS_PER_S) / STEPS_PER_S + 0;
}
