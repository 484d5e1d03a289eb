/**
 * SPEC section 3, step 3: resampling onto a uniform grid by linear interpolation.
 *
 * The interpolation follows `numpy.interp` (https://numpy.org/doc/stable/reference/generated/numpy.interp.html,
 * numpy/_core/src/multiarray/compiled_base.c `arr_interp`): on the segment `[t_j, t_j+1)` the value is
 * `slope * (t - t_j) + x_j` with `slope = (x_j+1 - x_j) / (t_j+1 - t_j)`, a grid point that falls exactly on
 * a sample time takes that sample's value exactly, and points outside the samples' time span take the
 * first / last value. Matching numpy this closely keeps the results equal (to rounding) to the
 * numpy/scipy reference computations in fixtures.
 */
import { AnalysisError } from '../errors';

/** The uniform grid of SPEC step 3: lo + k/rate, k = 0..n-1, n = floor((hi - lo) * rate) + 1. */
export interface UniformGrid {
  startS: number;
  rateHz: number;
  n: number;
}

/**
 * The grid `loS + k / rateHz`, `k = 0 .. n-1`, `n = floor((hiS - loS) * rateHz) + 1` (SPEC section 3
 * step 3, written as numpy would compute it, with no tolerance, so `n` agrees with the reference).
 * Throws AnalysisError for non-finite bounds, `hiS < loS`, or a rate that is not a positive finite number.
 */
export function uniformGrid(loS: number, hiS: number, rateHz: number): UniformGrid {
  if (!Number.isFinite(loS) || !Number.isFinite(hiS)) {
    throw new AnalysisError(`uniformGrid: the window bounds must be finite numbers (got ${loS} .. ${hiS} s)`);
  }
  if (!(Number.isFinite(rateHz) && rateHz > 0)) {
    throw new AnalysisError(`uniformGrid: the rate must be a positive finite number of Hz (got ${rateHz})`);
  }
  if (hiS < loS) {
    throw new AnalysisError(`uniformGrid: the window ends (${hiS} s) before it starts (${loS} s)`);
  }
  const n = Math.floor((hiS - loS) * rateHz) + 1;
  if (!Number.isSafeInteger(n)) {
    throw new AnalysisError(`uniformGrid: ${hiS - loS} s at ${rateHz} Hz is too many samples`);
  }
  return { startS: loS, rateHz, n };
}

/** Time of grid point `k`: `startS + k / rateHz`, the one formula every module uses. */
export function gridTime(grid: UniformGrid, k: number): number {
  return grid.startS + k / grid.rateHz;
}

/** All grid times, `startS + k / rateHz` (for charts and for callers that need the time axis). */
export function gridTimes(grid: UniformGrid): Float64Array {
  const out = new Float64Array(grid.n);
  for (let k = 0; k < grid.n; k++) out[k] = grid.startS + k / grid.rateHz;
  return out;
}

function notIncreasing(index: number, t: number, previous: number): never {
  throw new AnalysisError(
    `resampleLinear: sample times must be finite and strictly increasing (index ${index}: ${t} s after ${previous} s)`,
  );
}

/**
 * Linear interpolation of `(tS, x)` at every grid point, in one pass over both (O(n + m)).
 *
 * - `tS` must be strictly increasing (checked for every sample the pass walks over) and finite.
 * - Samples whose `x` is not finite (NaN, the "missing" marker, or an infinity) are skipped: the grid
 *   points around them are interpolated between the neighbouring finite samples.
 * - The grid should lie inside `[tS[0], tS[m-1]]`. Rounding of `startS + k / rateHz` may put an end
 *   point a few ulps outside; such points (and points before the first / after the last *finite*
 *   sample) take the nearest finite sample's value, like `numpy.interp`. A grid that reaches more than
 *   1e-9 s (relative to the time scale) outside the samples is a caller error and throws.
 *
 * Throws AnalysisError when the lengths differ, there is no finite sample, or `tS` is not increasing.
 */
export function resampleLinear(tS: ArrayLike<number>, x: ArrayLike<number>, grid: UniformGrid): Float64Array {
  const m = tS.length;
  const { startS, rateHz, n } = grid;
  if (x.length !== m) {
    throw new AnalysisError(`resampleLinear: ${m} times but ${x.length} values; they must pair up`);
  }
  if (!(Number.isSafeInteger(n) && n >= 0) || !(rateHz > 0) || !Number.isFinite(startS)) {
    throw new AnalysisError(`resampleLinear: invalid grid (start ${startS} s, ${rateHz} Hz, ${n} points)`);
  }
  const out = new Float64Array(n);
  if (n === 0) return out;
  if (m === 0) throw new AnalysisError('resampleLinear: no samples to interpolate');

  const t0 = tS[0] as number;
  const tLast = tS[m - 1] as number;
  const endS = startS + (n - 1) / rateHz;
  const slack = 1e-9 * (1 + Math.abs(t0) + Math.abs(tLast));
  if (!(startS >= t0 - slack && endS <= tLast + slack)) {
    throw new AnalysisError(
      `resampleLinear: the grid ${startS} .. ${endS} s reaches outside the samples' span ${t0} .. ${tLast} s`,
    );
  }

  // One merge pass: walk the samples segment by segment (between consecutive finite samples) and
  // fill every grid point that falls in [t_lo, t_hi) from that segment.
  let k = 0;
  let j = 0; // next sample to look at
  let tPrev = -Infinity; // time of the last sample looked at (for the increasing-time check)
  let tLo = NaN;
  let xLo = NaN;
  for (; j < m; j++) {
    const tj = tS[j] as number;
    if (!(tj > tPrev)) notIncreasing(j, tj, tPrev);
    tPrev = tj;
    const xj = x[j] as number;
    if (xj - xj === 0) {
      // finite (false for NaN and +-Infinity)
      tLo = tj;
      xLo = xj;
      j++;
      break;
    }
  }
  if (tLo !== tLo) throw new AnalysisError('resampleLinear: no finite value to interpolate');
  // Before the first finite sample: hold its value (numpy.interp's left = fp[0]).
  while (k < n && startS + k / rateHz < tLo) out[k++] = xLo;
  while (k < n) {
    let tHi = NaN;
    let xHi = NaN;
    for (; j < m; j++) {
      const tj = tS[j] as number;
      if (!(tj > tPrev)) notIncreasing(j, tj, tPrev);
      tPrev = tj;
      const xj = x[j] as number;
      if (xj - xj === 0) {
        tHi = tj;
        xHi = xj;
        j++;
        break;
      }
    }
    if (tHi !== tHi) {
      // At or after the last finite sample: hold its value (numpy.interp's right = fp[-1]).
      while (k < n) out[k++] = xLo;
      break;
    }
    const slope = (xHi - xLo) / (tHi - tLo);
    for (; k < n; k++) {
      const t = startS + k / rateHz;
      if (t >= tHi) break;
      out[k] = t === tLo ? xLo : slope * (t - tLo) + xLo;
    }
    tLo = tHi;
    xLo = xHi;
  }
  return out;
}
