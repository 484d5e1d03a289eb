import { median } from 'simple-statistics';

/**
 * The measured input rate of a run of sample times, Hz: 1 / the median interval between
 * consecutive times (the same definition as the analysis' `inputRateHz`, SPEC section 4).
 * Intervals that are not finite and positive (a missing time, a repeated time stamp) are left
 * out. NaN when no interval is left (fewer than two usable times).
 *
 * The median, not the mean, so a few late events (a busy main thread, a short gap) do not
 * move it. Cost: one copy of the intervals and a sort, O(n log n).
 *
 * @example measuredRateHz([0, 0.016, 0.033, 0.05]) // 1 / 0.017 = 58.8 Hz
 */
export function measuredRateHz(tS: ArrayLike<number>): number {
  const intervals: number[] = [];
  for (let k = 1; k < tS.length; k++) {
    const dt = (tS[k] as number) - (tS[k - 1] as number);
    if (Number.isFinite(dt) && dt > 0) intervals.push(dt);
  }
  return intervals.length === 0 ? NaN : 1 / median(intervals);
}
