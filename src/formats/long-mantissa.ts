/**
 * The double nearest to M / 10^k for a decimal mantissa M of 2^53 or more (more digits than a
 * double holds exactly, up to about 25) and 0 <= k <= 22: what `Number()` gives for the
 * full-precision cells of iOS recordings (`0.09049378780972664`), at a fraction of its cost,
 * and the same double.
 *
 * How (double-word arithmetic, error-free transformations only):
 * 1. M = high * 10^j + low is held exactly as an unevaluated sum of two doubles (s, sLow).
 * 2. z = M / 10^k is computed as a double-word number (zHigh, zLow) by Algorithm 15
 *    ("DWDivFP3") of Joldes, Muller, Popescu, "Tight and rigorous error bounds for basic
 *    building blocks of double-word arithmetic", ACM TOMS 44(2), 2017: its relative error is at
 *    most 3u^2 (u = 2^-53), about 10^-32.
 * 3. The answer is zHigh when rounding to nearest gives the same double at both ends of an
 *    interval around z that holds the exact quotient (half-width QUOTIENT_MARGIN, 20 times
 *    that bound). Rounding is monotonic, so the exact quotient rounds to that double too.
 *    Otherwise (the quotient lies within about 10^-30 of a halfway point between two
 *    doubles, so also every exact tie) the caller asks the engine, which is always right.
 *
 * Exactness of each step needs no overflow or underflow: with 2^53 <= M < 2^83 and k <= 22
 * every number here lies between 10^-7 and 10^33.
 */

/** Powers of ten that are exact doubles: 10^22 is the largest (5^22 < 2^53). */
export const EXACT_POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Most digits `low` may hold (M = high * 10^j + low, j <= this). */
export const MAX_LOW_DIGITS = 9;

/** Veltkamp's splitting constant for binary64, 2^27 + 1 (Dekker 1971). */
const SPLITTER = 2 ** 27 + 1;

/** Half-width of the interval around the computed quotient, relative: 2^-100, about 64 u^2 (> 20 * 3u^2). */
const QUOTIENT_MARGIN = 2 ** -100;

/** The high and low halves (26 bits each, exact) of each exact power of ten, for Dekker's product. */
const POWER_HIGH_PARTS = EXACT_POWERS_OF_TEN.map((power) => splitHigh(power));
const POWER_LOW_PARTS = EXACT_POWERS_OF_TEN.map((power, k) => power - (POWER_HIGH_PARTS[k] as number));

/** Veltkamp's split: the upper 26 bits of x, so that x = high + (x - high) with both halves exact. */
function splitHigh(x: number): number {
  const scaled = SPLITTER * x;
  return scaled - (scaled - x);
}

/**
 * The exact product x * 10^j minus its rounded value `product` (Dekker's 2Prod, as JavaScript
 * has no fused multiply-add): x * 10^j = product + the result, exactly.
 */
function productError(x: number, j: number, product: number): number {
  const xHigh = splitHigh(x);
  const xLow = x - xHigh;
  const pHigh = POWER_HIGH_PARTS[j] as number;
  const pLow = POWER_LOW_PARTS[j] as number;
  return xHigh * pHigh - product + xHigh * pLow + xLow * pHigh + xLow * pLow;
}

/**
 * (high * 10^lowDigits + low) / 10^k correctly rounded, or NaN when it cannot be decided
 * here (the caller then asks `Number()`).
 *
 * @param high the leading digits as an integer below 2^53
 * @param low the following `lowDigits` digits as an integer
 * @param lowDigits 0 to MAX_LOW_DIGITS, with high * 10^lowDigits + low >= 2^53
 * @param k 0 to 22
 */
export function roundedLongQuotient(high: number, low: number, lowDigits: number, k: number): number {
  // 1. M exactly as s + sLow: 2Prod(high, 10^j), then Fast2Sum with low (smaller than 10^j).
  //    The two error terms are integers below 2^30, so their sum is exact; a last Fast2Sum
  //    makes (s, sLow) a double-word number (s is M rounded).
  const product = high * (EXACT_POWERS_OF_TEN[lowDigits] as number);
  const productLow = productError(high, lowDigits, product);
  const sum = product + low;
  const errors = low - (sum - product) + productLow;
  const s = sum + errors;
  const sLow = errors - (s - sum);
  // 2. DWDivFP3(s, sLow, 10^k).
  const divisor = EXACT_POWERS_OF_TEN[k] as number;
  const tHigh = s / divisor;
  const pi = tHigh * divisor;
  const piLow = productError(tHigh, k, pi);
  const deltaHigh = s - pi; // exact (the algorithm's step 3)
  const delta = deltaHigh - piLow + sLow;
  const tLow = delta / divisor;
  const zHigh = tHigh + tLow; // Fast2Sum(tHigh, tLow)
  const zLow = tLow - (zHigh - tHigh);
  // 3. Both ends of [z - margin, z + margin] round to the same double (the outer additions are
  //    single roundings; the inner ones move the ends by at most u * |zLow|, far below margin).
  const margin = zHigh * QUOTIENT_MARGIN;
  return zHigh + (zLow - margin) === zHigh + (zLow + margin) ? zHigh : NaN;
}
