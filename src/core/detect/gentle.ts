/**
 * A gentle touch-down, SPEC section 5's second signature: the free foot put down softly gives a
 * jolt well under the detector's 2 m/s^2 floor (0.5-2 m/s^2), which alone would not stand out
 * of knee dips, hip corrections and taps on the phone. Three signs together tell it apart,
 * each measured on the samples around a candidate (a sample whose upward jolt reaches the
 * gentle floor, see `TouchdownOptions.gentleMinJoltMs2`):
 *
 * 1. **An upward impulse, with no fall before it.** Landing on the second foot stops the
 *    body's slight fall onto it: the phone's specific force rises above gravity and the body's
 *    vertical velocity changes upward, by the integral of (|a| - g) over the jolt (from 0.15 s
 *    before the candidate to 0.25 s after it). A knee dip or a hip correction is a push and a
 *    stop, down and back up: its upward half carries an impulse too, but right after a fall of
 *    the same size, which a landing does not have (`gentleMaxFall`). A tap on the phone is
 *    short and carries little (at most about 0.04 m/s), and it leaves the sway as it was.
 *    |a| (the magnitude), not the vertical component, so that a phone
 *    turning in the hands does not move gravity into the integral; g is the median |a| over
 *    up to 10 s before (it absorbs the sensor's gain and offset; a median, so the lift-off's
 *    bump does not raise it). The window is short because the hands moving the phone change
 *    its velocity too, by up to about 0.1 m/s over their 0.5-1.5 s in any direction.
 * 2. **A short pulse.** The impulse is at most `gentleMaxImpulseS` times the jolt's peak: a
 *    landing spreads its change of momentum over 0.05-0.2 s, the lift-off's weight shift over
 *    0.3-0.5 s (far more impulse for its peak), so the lift-off is not taken for a landing.
 * 3. **The sway does not grow.** Once two feet carry the body its sway drops; it takes about
 *    0.4 s to settle, longer than a live confirmation (within 0.5 s of the jolt) may wait,
 *    so the check is that the fast sway (the horizontal acceleration about a parabola,
 *    0.12-0.32 s after the candidate) is at most `gentleSwayRatio` times its usual level (the
 *    median over 0.2 s blocks from 1.5 to 0.6 s before): a stumble or a new burst of sway raise it.
 *
 * All windows are in seconds, so 50-100 Hz, jitter and dropped samples change only how many
 * samples they hold; a window left with too few samples (a gap) rejects the candidate.
 */
import type { SampleRing } from './sample-ring';

/**
 * The usual sway and gravity's direction are read from `t - GENTLE_BASELINE_FROM_S` to
 * `t - GENTLE_BASELINE_TO_S` (0.9 s): a touch-down may come 2 s after "go", about 0.4 s after
 * the lift-off ends, so a longer window would reach into the lift-off more often.
 */
export const GENTLE_BASELINE_FROM_S = 1.5;
export const GENTLE_BASELINE_TO_S = 0.6;
/** Gravity's level, the median |a|, is read over up to this long before the baseline's end, s. */
export const GENTLE_GRAVITY_FROM_S = 10;
/**
 * The impulse is integrated from this long before the candidate: the candidate is the first
 * sample past the gentle floor, on the jolt's rising edge, up to about 0.1 s after a soft
 * landing (0.2 s long) starts.
 */
export const GENTLE_IMPULSE_FROM_S = 0.15;
/**
 * A fall is looked for over this window before the candidate, s: a knee dip lasts 0.4-1 s, and
 * its upward half crosses the floor about 0.6 of the way through, so its downward half lies
 * within 0.7 s before. The window ends where the jolt's own rise begins.
 */
export const GENTLE_FALL_FROM_S = 0.7;
export const GENTLE_FALL_TO_S = 0.05;
/** The fall is the lowest mean of |a| - g over this long, s (a dip's downward half lasts 0.2-0.5 s). */
const FALL_WINDOW_S = 0.1;
/** ... to this long after it: the candidate is on the jolt's rising edge, and a soft landing lasts up to 0.2 s. */
export const GENTLE_IMPULSE_TO_S = 0.25;
/** The fast sway after the candidate is read over this window, s after it (it ends 0.32 s after: the confirmation). */
export const GENTLE_SWAY_AFTER_FROM_S = 0.12;
export const GENTLE_SWAY_AFTER_TO_S = 0.32;
/**
 * No candidate before this many seconds after the first sample: the lift-off and its settling
 * take the first 1-2 s after "go" (the shared simulations' lift-off is a 0.4 s bump right after
 * it; the sim's lift-offs end by 2 s), and a candidate needs a baseline after them. A touch-down
 * this early with a jolt under the 2 m/s^2 floor is missed.
 */
export const GENTLE_EARLIEST_S = 2;
/**
 * Latest a candidate may be confirmed, s after it: it lies up to 0.05 s after the true moment
 * (the rising edge of the jolt), so 0.45 keeps a live confirmation within SPEC's 0.5 s.
 */
export const GENTLE_CONFIRM_BY_S = 0.45;
/** Block length of the usual fast sway, s: as long as the window after the candidate. */
const SWAY_BLOCK_S = 0.2;
/** Fewest samples a window needs (a 0.2 s window at 50 Hz holds 10). */
const MIN_WINDOW_SAMPLES = 4;

/** First stored index with t >= tS (binary search: times are strictly increasing). */
export function indexAtOrAfter(ring: SampleRing, tS: number): number {
  let lo = ring.oldest;
  let hi = ring.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ring.t(mid) < tS) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const magnitude = (ring: SampleRing, i: number): number =>
  Math.sqrt(ring.x(i) ** 2 + ring.y(i) ** 2 + ring.z(i) ** 2);

/** What a candidate is measured against: gravity and the usual sway before it. */
export interface GentleBaseline {
  /** median |a| over the gravity window, m/s^2 */
  g: number;
  /** unit vector of the mean acceleration over the baseline window (gravity's direction in the device frame) */
  ux: number;
  uy: number;
  uz: number;
  /** median fast sway over the baseline window's 0.2 s blocks, m/s^2 */
  sway: number;
}

/**
 * The baseline of a candidate: g, the median |a| over [gravityFromS, toS), and gravity's
 * direction and the usual sway over [fromS, toS); null when a window holds too few samples.
 */
export function gentleBaseline(
  ring: SampleRing,
  gravityFromS: number,
  fromS: number,
  toS: number,
): GentleBaseline | null {
  const from = indexAtOrAfter(ring, fromS);
  const to = indexAtOrAfter(ring, toS);
  if (to - from < MIN_WINDOW_SAMPLES) return null;
  const sum: [number, number, number] = [0, 0, 0];
  ring.sum(from, to, sum);
  const [sx, sy, sz] = sum;
  const norm = Math.sqrt(sx * sx + sy * sy + sz * sz);
  if (!(norm > 0)) return null;
  const ux = sx / norm;
  const uy = sy / norm;
  const uz = sz / norm;
  const blocks: number[] = [];
  for (let start = fromS; start + SWAY_BLOCK_S <= toS + 1e-9; start += SWAY_BLOCK_S) {
    const rms = fastSway(ring, start, start + SWAY_BLOCK_S, ux, uy, uz);
    if (!Number.isNaN(rms)) blocks.push(rms);
  }
  if (blocks.length === 0) return null;
  blocks.sort((a, b) => a - b);
  // The median, not the mean: a lift-off inside the window is an upward bump that would raise
  // a mean and hide the landing's impulse.
  const gFrom = indexAtOrAfter(ring, gravityFromS);
  const magnitudes = new Float64Array(to - gFrom);
  for (let i = gFrom; i < to; i++) magnitudes[i - gFrom] = magnitude(ring, i);
  magnitudes.sort();
  return { g: magnitudes[magnitudes.length >> 1]!, ux, uy, uz, sway: blocks[blocks.length >> 1]! };
}

/**
 * The deepest fall over [fromS, toS): the lowest mean of (|a| - g) over FALL_WINDOW_S centred
 * on a sample of the window, m/s^2 (0 or negative).
 */
export function deepestFall(ring: SampleRing, fromS: number, toS: number, g: number): number {
  const from = indexAtOrAfter(ring, fromS);
  const to = indexAtOrAfter(ring, toS);
  const half = FALL_WINDOW_S / 2;
  let lo = indexAtOrAfter(ring, fromS - half);
  let hi = lo;
  let sum = 0;
  let lowest = 0;
  for (let i = from; i < to; i++) {
    const t = ring.t(i);
    while (hi < ring.count && ring.t(hi) <= t + half) sum += magnitude(ring, hi++) - g;
    while (ring.t(lo) < t - half) sum -= magnitude(ring, lo++) - g;
    lowest = Math.min(lowest, sum / (hi - lo));
  }
  return lowest;
}

/**
 * The integral of (|a| - g) over [fromS, toS), m/s: the change of vertical velocity the
 * phone felt (trapezoids between samples, so a gap is bridged by a straight line).
 */
export function upwardImpulse(ring: SampleRing, fromS: number, toS: number, g: number): number {
  const from = indexAtOrAfter(ring, fromS);
  const to = indexAtOrAfter(ring, toS);
  let sum = 0;
  for (let i = from + 1; i < to; i++)
    sum += ((magnitude(ring, i) + magnitude(ring, i - 1)) / 2 - g) * (ring.t(i) - ring.t(i - 1));
  return sum;
}

/**
 * The fast sway over [fromS, toS): the RMS of the acceleration across the direction (ux, uy, uz)
 * about a least-squares parabola per axis, m/s^2 (slow sway, and a phone turned in the hands
 * over 0.5 s or more, are a smooth curve over 0.2 s: a parabola takes them out, a straight
 * line would leave the turn's bend); NaN when the window holds too few samples.
 */
export function fastSway(
  ring: SampleRing,
  fromS: number,
  toS: number,
  ux: number,
  uy: number,
  uz: number,
): number {
  const from = indexAtOrAfter(ring, fromS);
  const to = indexAtOrAfter(ring, toS);
  const n = to - from;
  if (n < MIN_WINDOW_SAMPLES) return Number.NaN;
  // Time centred on the window and scaled to [-1, 1], so the normal equations are well conditioned.
  const mid = (ring.t(from) + ring.t(to - 1)) / 2;
  const half = (ring.t(to - 1) - ring.t(from)) / 2 || 1;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = from; i < to; i++) {
    const u = (ring.t(i) - mid) / half;
    const u2 = u * u;
    s1 += u;
    s2 += u2;
    s3 += u2 * u;
    s4 += u2 * u2;
  }
  let residual = 0;
  for (let axis = 0; axis < 3; axis++) {
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let syy = 0;
    for (let i = from; i < to; i++) {
      const x = ring.x(i);
      const y = ring.y(i);
      const z = ring.z(i);
      const along = x * ux + y * uy + z * uz;
      const v = axis === 0 ? x - along * ux : axis === 1 ? y - along * uy : z - along * uz;
      const u = (ring.t(i) - mid) / half;
      b0 += v;
      b1 += u * v;
      b2 += u * u * v;
      syy += v * v;
    }
    // Residual sum of squares = Syy - c . b, with c solving [[n s1 s2] [s1 s2 s3] [s2 s3 s4]] c = b.
    const c = solve3(n, s1, s2, s3, s4, b0, b1, b2);
    residual += c === null ? 0 : Math.max(0, syy - (c[0] * b0 + c[1] * b1 + c[2] * b2));
  }
  return Math.sqrt(residual / n);
}

/** The symmetric 3x3 system [[a s1 s2] [s1 s2 s3] [s2 s3 s4]] c = b by Cramer's rule; null when singular. */
function solve3(
  a: number,
  s1: number,
  s2: number,
  s3: number,
  s4: number,
  b0: number,
  b1: number,
  b2: number,
): [number, number, number] | null {
  const det = a * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
  if (!(Math.abs(det) > 1e-12 * a * a * a)) return null;
  const d0 = b0 * (s2 * s4 - s3 * s3) - s1 * (b1 * s4 - s3 * b2) + s2 * (b1 * s3 - s2 * b2);
  const d1 = a * (b1 * s4 - b2 * s3) - b0 * (s1 * s4 - s3 * s2) + s2 * (s1 * b2 - b1 * s2);
  const d2 = a * (s2 * b2 - s3 * b1) - s1 * (s1 * b2 - s2 * b1) + b0 * (s1 * s3 - s2 * s2);
  return [d0 / det, d1 / det, d2 / det];
}
