/**
 * Loss-of-balance (foot touch-down) detection, SPEC section 5: from the acceleration alone,
 * the moment the free foot touches down, the person hops, or grabs a support.
 *
 * What it looks for: a short jolt (50-120 ms, several m/s^2), mostly vertical, standing out
 * of the sway. Each sample is compared with the mean of two side windows around it (see
 * `TouchdownOptions` for the kernel, its sizes and their reasons); the difference, split
 * along the local gravity direction into vertical and (down-weighted) horizontal parts, is
 * the sample's jolt size. The first sample whose jolt reaches
 * `max(minJoltMs2, noiseFactor * running mean jolt)` is the touch-down. A softer upward jolt
 * (from `gentleMinJoltMs2`) is a candidate for a gentle touch-down, confirmed by the impulse,
 * pulse length and sway checks of gentle.ts once the samples to 0.32 s after it are in.
 *
 * Why it is robust to what SPEC section 5 lists:
 * - tilted phone, chest or lumbar placement: gravity's direction is the local side mean, no
 *   axis is assumed vertical;
 * - iOS opposite sign: flipping every axis flips the sample and the side mean alike, so the
 *   jolt size is unchanged (the answer is identical, not only close);
 * - lift-off transient and sway: slow (0.3-0.5 s and 1-3 s), so the side windows cancel most
 *   of them (the kernel passes 37 % of a 0.4 s bump, 6 % of a 0.5 Hz sway);
 * - 50-100 Hz, jitter, dropped samples, short gaps: windows are in seconds, not samples; a
 *   sample is scored only when both side windows hold at least one sample;
 * - 0.1 m/s^2 rounding: far below the 2 m/s^2 threshold floor;
 * - single-sample glitches: replaced by the median of the sample and its two neighbours.
 *
 * Latency: a sample is scored once its after-window is complete, guardS + sideS = 0.16 s
 * after it, plus one sample for the glitch filter, so a touch-down is confirmed about 0.2 s
 * after it happens (SPEC asks within 0.5 s); a gentle one 0.32-0.45 s after its candidate.
 *
 * Cost: O(1) time and memory per sample (a fixed ring of 2048 samples and running sums),
 * plus O(window) for each gentle candidate (rare: a few per recording).
 * The rotation rate is accepted for the interface's sake and not used by this version.
 */
import {
  GENTLE_BASELINE_FROM_S,
  GENTLE_BASELINE_TO_S,
  GENTLE_CONFIRM_BY_S,
  GENTLE_EARLIEST_S,
  GENTLE_FALL_FROM_S,
  GENTLE_FALL_TO_S,
  GENTLE_GRAVITY_FROM_S,
  GENTLE_IMPULSE_FROM_S,
  GENTLE_IMPULSE_TO_S,
  GENTLE_SWAY_AFTER_FROM_S,
  GENTLE_SWAY_AFTER_TO_S,
  deepestFall,
  fastSway,
  gentleBaseline,
  upwardImpulse,
  type GentleBaseline,
} from './gentle';
import { SampleRing } from './sample-ring';
import { resolveTouchdownOptions, type TouchdownOptions } from './touchdown-options';

export {
  DEFAULT_TOUCHDOWN_OPTIONS,
  resolveTouchdownOptions,
  type TouchdownOptions,
} from './touchdown-options';

/**
 * Streaming detector: feed samples in time order, one by one (the live test feeds
 * DeviceMotion events at 50-100 Hz). Returns the touch-down time (s, on the samples' own time
 * axis) the first time it is confirmed, else null; after that, `touchdownS` stays set.
 * With the default options it confirms about 0.2 s after the event (a gap in the samples
 * right after it delays that by the gap). Rows with non-finite t or acceleration, or t not
 * greater than the last accepted t, are ignored (same rule as SPEC section 3 step 1).
 * Gyro values (deg/s) may be NaN.
 */
export interface TouchdownDetector {
  push(tS: number, ax: number, ay: number, az: number, gx?: number, gy?: number, gz?: number): number | null;
  /** The confirmed touch-down time, s, or null while none has been confirmed. */
  readonly touchdownS: number | null;
  /** Rows accepted so far (rows ignored by the cleaning rule are not counted). */
  readonly samplesSeen: number;
}

/** Input of the offline functions: MotionRecording (src/core/types.ts) fits it. */
export interface TouchdownInput {
  tS: ArrayLike<number>;
  ax: ArrayLike<number>;
  ay: ArrayLike<number>;
  az: ArrayLike<number>;
  gx?: ArrayLike<number>;
  gy?: ArrayLike<number>;
  gz?: ArrayLike<number>;
}

/**
 * log2 of the ring size: 2048 samples hold what the default kernel looks at (0.16 s each
 * side, up to 0.5 s across a gap) at up to 4 kHz, far above any DeviceMotion rate (60-100 Hz)
 * or IMU export (256 Hz in fixtures/imu-standing). Beyond that the oldest samples drop out
 * of the side windows.
 */
const RING_CAPACITY_POW2 = 11;

/**
 * The running mean jolt takes each new value clipped to 3 times itself (plus 0.05 m/s^2, so it
 * can grow from zero): a winsorised mean, which follows a lasting change of the noise level
 * within a few seconds but not a single transient such as the lift-off.
 */
const NOISE_CLIP_FACTOR = 3;
const NOISE_CLIP_FLOOR_MS2 = 0.05;

/**
 * How far a side window may reach past a gap in the samples for one sample, s: a gap of up to
 * 0.25 s (SPEC section 5: short gaps) plus the guard still leaves a baseline.
 */
const GAP_REACH_S = 0.5;

/** Below this side-mean magnitude, m/s^2, there is no usable gravity direction (free fall). */
const MIN_GRAVITY_MS2 = 1;

class StreamingTouchdownDetector implements TouchdownDetector {
  touchdownS: number | null = null;
  samplesSeen = 0;

  private readonly o: Required<TouchdownOptions>;
  private readonly ring = new SampleRing(RING_CAPACITY_POW2);
  private lastT = -Infinity;

  // Glitch filter: the sample before the pending one (raw) and the pending one (raw).
  private hasBefore = false;
  private beforeX = 0;
  private beforeY = 0;
  private beforeZ = 0;
  private hasPending = false;
  private pendingT = 0;
  private pendingX = 0;
  private pendingY = 0;
  private pendingZ = 0;
  private nextX = 0;
  private nextY = 0;
  private nextZ = 0;
  /** The one row `push` feeds. */
  private readonly pushedRow = {
    tS: new Float64Array(1),
    ax: new Float64Array(1),
    ay: new Float64Array(1),
    az: new Float64Array(1),
  };

  // Kernel: the next sample to score and its window bounds (absolute ring indices, [lo, hi)).
  private centre = 0;
  private beforeLo = 0;
  private beforeHi = 0;
  private afterLo = 0;
  private afterHi = 0;
  private readonly sumBefore: [number, number, number] = [0, 0, 0];
  private readonly sumAfter: [number, number, number] = [0, 0, 0];

  // Running mean jolt (the recording's own noise level) and the time it was last updated.
  private noiseMs2 = 0;
  private noiseT = Number.NaN;

  // A gentle touch-down candidate (gentle.ts): its time (NaN while there is none), what it is
  // measured against, and the largest upward jolt of the samples in its first guard + side.
  private firstT = Number.NaN;
  private gentleT = Number.NaN;
  private gentlePeak = 0;
  private gentleBase: GentleBaseline | null = null;

  constructor(
    options: TouchdownOptions,
    private readonly onScore?: (
      tS: number,
      joltMs2: number,
      thresholdMs2: number,
      verticalMs2: number,
      horizontalMs2: number,
      noiseMs2: number,
    ) => void,
  ) {
    this.o = resolveTouchdownOptions(options);
  }

  push(tS: number, ax: number, ay: number, az: number): number | null {
    // Checked before the row array would turn null, '' and the like into numbers.
    if (!Number.isFinite(tS) || !Number.isFinite(ax) || !Number.isFinite(ay) || !Number.isFinite(az))
      return null;
    const before = this.touchdownS;
    const row = this.pushedRow;
    row.tS[0] = tS;
    row.ax[0] = ax;
    row.ay[0] = ay;
    row.az[0] = az;
    this.feed(row, null);
    return before === null ? this.touchdownS : null;
  }

  /**
   * Takes the rows of `rows` (all of them in order, or the rows `order` lists), each as `push`
   * takes one: the one code path of the live test and the offline analysis. Numbers stay in
   * the arrays and fields rather than being passed per row: a double handed to a function
   * that is not inlined is boxed on the heap, and that, not the arithmetic, was most of the
   * offline cost.
   */
  feed(rows: TouchdownInput, order: ArrayLike<number> | null): void {
    const { tS, ax, ay, az } = rows;
    const n = order === null ? tS.length : order.length;
    for (let k = 0; k < n; k++) {
      const i = order === null ? k : (order[k] as number);
      const t = tS[i] as number;
      const x = ax[i] as number;
      const y = ay[i] as number;
      const z = az[i] as number;
      if (!Number.isFinite(t) || !Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) continue;
      if (!(t > this.lastT)) continue;
      this.lastT = t;
      if (this.samplesSeen === 0) this.firstT = t;
      this.samplesSeen++;
      if (this.touchdownS !== null) continue;
      this.nextX = x;
      this.nextY = y;
      this.nextZ = z;
      if (this.hasPending) this.commitPending();
      this.hasPending = true;
      this.pendingT = t;
      this.pendingX = x;
      this.pendingY = y;
      this.pendingZ = z;
      this.scoreReadySamples();
    }
  }

  /**
   * Store the pending sample, replaced by the median of it and its neighbours (the one before,
   * and `next`, the one just taken) if it is a glitch.
   */
  private commitPending(): void {
    let x = this.pendingX;
    let y = this.pendingY;
    let z = this.pendingZ;
    const limit = this.o.spikeMs2;
    if (
      this.hasBefore &&
      (standsOut(this.beforeX, x, this.nextX, limit) ||
        standsOut(this.beforeY, y, this.nextY, limit) ||
        standsOut(this.beforeZ, z, this.nextZ, limit))
    ) {
      x = median3(this.beforeX, x, this.nextX);
      y = median3(this.beforeY, y, this.nextY);
      z = median3(this.beforeZ, z, this.nextZ);
    }
    this.hasBefore = true;
    this.beforeX = this.pendingX;
    this.beforeY = this.pendingY;
    this.beforeZ = this.pendingZ;
    this.ring.push(this.pendingT, x, y, z);
  }

  /** Score every stored sample whose after-window is complete; sets `touchdownS` at the first jolt. */
  private scoreReadySamples(): void {
    const ring = this.ring;
    if (ring.count === 0) return;
    const newestT = ring.t(ring.count - 1);
    const reachS = this.o.guardS + this.o.sideS;
    this.centre = Math.max(this.centre, ring.oldest);
    while (this.centre < ring.count && ring.t(this.centre) + reachS <= newestT) {
      if (this.scoreCentre()) {
        this.touchdownS = ring.t(this.centre);
        return;
      }
      this.centre++;
    }
    if (!Number.isNaN(this.gentleT) && newestT >= this.gentleT + GENTLE_SWAY_AFTER_TO_S) {
      // A gap in the samples that holds the answer back past GENTLE_CONFIRM_BY_S drops the
      // candidate: a live confirmation must come within 0.5 s of the event (SPEC section 5).
      if (newestT <= this.gentleT + GENTLE_CONFIRM_BY_S && this.gentleConfirmed())
        this.touchdownS = this.gentleT;
      else this.gentleT = Number.NaN;
    }
  }

  /**
   * A sample whose upward jolt reaches the gentle floor becomes the candidate, from
   * GENTLE_EARLIEST_S after the first sample on, and if its baseline window is still stored.
   */
  private startGentle(tS: number, up: number): void {
    const ring = this.ring;
    const fromS = tS - GENTLE_BASELINE_FROM_S;
    if (tS < this.firstT + GENTLE_EARLIEST_S || ring.t(ring.oldest) > fromS) return;
    const gravityFromS = Math.max(this.firstT, tS - GENTLE_GRAVITY_FROM_S);
    const base = gentleBaseline(ring, gravityFromS, fromS, tS - GENTLE_BASELINE_TO_S);
    if (base === null) return;
    this.gentleT = tS;
    this.gentlePeak = up;
    this.gentleBase = base;
  }

  /** The candidate's checks (gentle.ts), once the samples to 0.32 s after it are in. */
  private gentleConfirmed(): boolean {
    const o = this.o;
    const t = this.gentleT;
    const base = this.gentleBase!;
    const impulse = upwardImpulse(this.ring, t - GENTLE_IMPULSE_FROM_S, t + GENTLE_IMPULSE_TO_S, base.g);
    if (!(impulse >= o.gentleMinImpulseMs && impulse <= o.gentleMaxImpulseS * this.gentlePeak)) return false;
    const fall = deepestFall(this.ring, t - GENTLE_FALL_FROM_S, t - GENTLE_FALL_TO_S, base.g);
    if (!(fall >= -o.gentleMaxFall * this.gentlePeak)) return false;
    const after = fastSway(
      this.ring,
      t + GENTLE_SWAY_AFTER_FROM_S,
      t + GENTLE_SWAY_AFTER_TO_S,
      base.ux,
      base.uy,
      base.uz,
    );
    return after <= o.gentleSwayRatio * base.sway;
  }

  /** Score the sample at `this.centre`; true when its jolt reaches the threshold. */
  private scoreCentre(): boolean {
    const ring = this.ring;
    const o = this.o;
    const count = ring.count;
    const tS = ring.t(this.centre);
    const oldest = ring.oldest;
    this.beforeLo = advance(ring, Math.max(this.beforeLo, oldest), count, tS - o.guardS - o.sideS, false);
    this.beforeHi = advance(ring, Math.max(this.beforeHi, oldest), count, tS - o.guardS, true);
    this.afterLo = advance(ring, Math.max(this.afterLo, oldest), count, tS + o.guardS, false);
    this.afterHi = advance(ring, Math.max(this.afterHi, oldest), count, tS + o.guardS + o.sideS, true);
    // A side left empty by a gap in the samples takes the nearest sample beyond it, if that is
    // within GAP_REACH_S of the scored one. Both sides are needed: one side alone does not
    // cancel a slope (at the very start, the lift-off's rise would look like a jolt).
    let beforeLo = this.beforeLo;
    let afterHi = this.afterHi;
    if (
      beforeLo >= this.beforeHi &&
      this.beforeHi - 1 >= oldest &&
      ring.t(this.beforeHi - 1) >= tS - GAP_REACH_S
    ) {
      beforeLo = this.beforeHi - 1;
    }
    if (afterHi <= this.afterLo && afterHi < count && ring.t(afterHi) <= tS + GAP_REACH_S)
      afterHi = this.afterLo + 1;
    const nBefore = this.beforeHi - beforeLo;
    const nAfter = afterHi - this.afterLo;
    if (nBefore < 1 || nAfter < 1) return false;
    ring.sum(beforeLo, this.beforeHi, this.sumBefore);
    ring.sum(this.afterLo, afterHi, this.sumAfter);
    const bx = (this.sumBefore[0] / nBefore + this.sumAfter[0] / nAfter) / 2;
    const by = (this.sumBefore[1] / nBefore + this.sumAfter[1] / nAfter) / 2;
    const bz = (this.sumBefore[2] / nBefore + this.sumAfter[2] / nAfter) / 2;
    // sqrt of sums of squares, not Math.hypot: the values are m/s^2, far from overflow, and
    // Math.hypot costs several times more on this per-sample path.
    const gravity = Math.sqrt(bx * bx + by * by + bz * bz);
    if (gravity < MIN_GRAVITY_MS2) return false;
    const dx = ring.x(this.centre) - bx;
    const dy = ring.y(this.centre) - by;
    const dz = ring.z(this.centre) - bz;
    const vertical = (dx * bx + dy * by + dz * bz) / gravity;
    const horizontal = Math.sqrt(Math.max(0, dx * dx + dy * dy + dz * dz - vertical * vertical));
    // Only an upward jolt counts vertically: an impact pushes the phone up. A downward
    // difference is the kernel's echo of a jolt in a side window (or a fall, which ends in one).
    const up = Math.max(0, vertical);
    const sideways = o.horizontalWeight * horizontal;
    const jolt = Math.sqrt(up * up + sideways * sideways);
    const threshold = Math.max(o.minJoltMs2, o.noiseFactor * this.noiseMs2);
    this.onScore?.(tS, jolt, threshold, vertical, horizontal, this.noiseMs2);
    if (jolt >= threshold) return true;
    if (Number.isNaN(this.gentleT)) {
      if (up >= Math.max(o.gentleMinJoltMs2, o.gentleNoiseFactor * this.noiseMs2)) this.startGentle(tS, up);
    } else if (tS <= this.gentleT + o.guardS + o.sideS) {
      this.gentlePeak = Math.max(this.gentlePeak, up);
    }
    // Running mean jolt with an exponential forgetting of time constant noiseTauS, each value
    // clipped to NOISE_CLIP_FACTOR times the mean so one transient (the lift-off) barely moves it.
    const alpha = Number.isNaN(this.noiseT) ? 1 : 1 - Math.exp(-(tS - this.noiseT) / o.noiseTauS);
    const clipped = Math.min(jolt, NOISE_CLIP_FACTOR * this.noiseMs2 + NOISE_CLIP_FLOOR_MS2);
    this.noiseMs2 += alpha * (clipped - this.noiseMs2);
    this.noiseT = tS;
    return false;
  }
}

/**
 * Move `index` forward past the samples before `boundS` (or, with `inclusive`, at or before
 * it); returns the first index not passed. Amortised O(1): bounds only move forward.
 */
function advance(ring: SampleRing, index: number, count: number, boundS: number, inclusive: boolean): number {
  let i = index;
  if (inclusive) while (i < count && ring.t(i) <= boundS) i++;
  else while (i < count && ring.t(i) < boundS) i++;
  return i;
}

/**
 * True when `|value - median3(before, value, after)| > limit`, without the median: the median
 * of three is `value` itself (difference 0) unless `value` is the largest or the smallest, and
 * then it is the nearer neighbour, so the difference is the smaller of the two to the
 * neighbours, each computed as the same floating-point subtraction. The glitch filter asks
 * this of every sample and needs the medians only for a glitch.
 */
function standsOut(before: number, value: number, after: number, limit: number): boolean {
  return (
    (value - before > limit && value - after > limit) || (before - value > limit && after - value > limit)
  );
}

function median3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/** A fresh streaming detector. Throws AnalysisError for an option that is not a usable number. */
export function createTouchdownDetector(options: TouchdownOptions = {}): TouchdownDetector {
  return new StreamingTouchdownDetector(options);
}

/** Row indices sorted by time (stable); rows with a non-finite time go last (they are ignored). */
function timeOrder(tS: ArrayLike<number>): ArrayLike<number> | null {
  // Recordings almost always arrive in time order (and analyze() passes cleaned rows):
  // then no index array is built and nothing is sorted.
  let sorted = true;
  for (let i = 1; i < tS.length; i++) {
    if (!((tS[i] as number) >= (tS[i - 1] as number))) {
      sorted = false;
      break;
    }
  }
  if (sorted) return null;
  const key = (i: number): number => {
    const t = tS[i] ?? Number.NaN;
    return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
  };
  // Array.prototype.sort is stable (ES2019); Infinity - Infinity is NaN, hence `|| 0`.
  return Array.from({ length: tS.length }, (_, i) => i).sort((i, j) => key(i) - key(j) || 0);
}

/**
 * Feeds every row to the detector in time order (stable). The rotation rate is not passed:
 * this version of the detector does not use it (see the top of this file).
 */
function feedAll(detector: StreamingTouchdownDetector, rec: TouchdownInput): void {
  detector.feed(rec, timeOrder(rec.tS));
}

/** The detector's working signal, for charts and diagnostics: one entry per scored sample. */
export interface JoltTrace {
  /** time of the scored sample, s */
  tS: number[];
  /** its jolt size, m/s^2 */
  joltMs2: number[];
  /** the threshold in force at that sample, m/s^2 */
  thresholdMs2: number[];
  /** the jolt's vertical part (signed: + up), m/s^2 */
  verticalMs2: number[];
  /** the jolt's horizontal part (before weighting), m/s^2 */
  horizontalMs2: number[];
  /** the running mean jolt (the recording's noise level), m/s^2 */
  noiseMs2: number[];
  /** the touch-down time, s, or null (the trace stops there) */
  touchdownS: number | null;
}

/** Like `detectTouchdown`, and also return the jolt size and threshold of every scored sample. */
export function traceTouchdown(rec: TouchdownInput, options: TouchdownOptions = {}): JoltTrace {
  const trace: JoltTrace = {
    tS: [],
    joltMs2: [],
    thresholdMs2: [],
    verticalMs2: [],
    horizontalMs2: [],
    noiseMs2: [],
    touchdownS: null,
  };
  const detector = new StreamingTouchdownDetector(
    options,
    (tS, jolt, threshold, vertical, horizontal, noise) => {
      trace.tS.push(tS);
      trace.joltMs2.push(jolt);
      trace.thresholdMs2.push(threshold);
      trace.verticalMs2.push(vertical);
      trace.horizontalMs2.push(horizontal);
      trace.noiseMs2.push(noise);
    },
  );
  feedAll(detector, rec);
  trace.touchdownS = detector.touchdownS;
  return trace;
}

/**
 * Offline: stable-sort by t, then feed every row through a fresh streaming detector (so the
 * two answers are identical by construction). tS in s, acceleration m/s^2
 * (accelerationIncludingGravity, W3C sign, or iOS opposite sign: the detector does not care),
 * gyro deg/s optional. Returns the touch-down time, s, or null.
 */
export function detectTouchdown(rec: TouchdownInput, options: TouchdownOptions = {}): number | null {
  const detector = new StreamingTouchdownDetector(options);
  feedAll(detector, rec);
  return detector.touchdownS;
}
