/**
 * The live feedback's signal: each motion reading -> the person's sway relative to their
 * upright posture, causal and O(1) per reading (./feedback.ts says what the ABF literature
 * uses). Pure: fed by the training session (src/training/session.ts) and, after a set, by the
 * time-in-zone measure replaying the stored samples (./time-in-zone.ts), so both agree.
 *
 * As in the analysis (SPEC section 3), and where it must differ to be live:
 * - sign: the mean y reading of the reference second decides it (SPEC section 2: an upright
 *   phone reads a positive mean y; iOS WebKit reports the opposite sign);
 * - tilt correction: the analysis' rotation of the mean gravity onto +y (Rodrigues,
 *   src/core/signal/rotation.ts), here the mean of the reference second, fixed for the set;
 * - low-pass at the analysis' 3.5 Hz cut-off, but causal and first-order (a one-pole
 *   exponential filter on the raw readings): the analysis' filtfilt needs the future, and a
 *   4th-order Butterworth run forwards only would delay the sway by 2.61 / (2 pi 3.5 Hz) =
 *   119 ms at low frequencies, against 1 / (2 pi 3.5 Hz) = 45 ms for one pole. The feedback's
 *   budget is 50 ms from the event to the sound (docs/training.md);
 * - reference: the mean low-passed sway of the first REFERENCE_S of the set (the person's
 *   upright posture, as the issue asks; Dozza et al. 2005 measure from "their baseline").
 *
 * Directions, for a phone upright at the chest, screen facing out: device x points to the
 * person's left and z forward. A lean towards an axis lowers that axis' gravity reading
 * (g sin(lean) taken off it), so a lean to the right is +x in the world reading (ML > 0) and a
 * lean forward is -z (AP < 0). At the lower back (screen facing back) both turn round.
 */
import { rotationToVertical, type Mat3 } from '../core/signal/rotation';
import type { SwayPoint } from './feedback';

/** Length of the reference period at the start of each set, s (the "first second"). */
export const REFERENCE_S = 1.0;
/** Cut-off of the feedback's low-pass, Hz: the analysis' default (SPEC section 3, step 5). */
export const FEEDBACK_CUTOFF_HZ = 3.5;
/** Delay of a one-pole low-pass at low frequencies, s: 1 / (2 pi fc) = 45.5 ms at 3.5 Hz. */
export const FEEDBACK_FILTER_DELAY_S = 1 / (2 * Math.PI * FEEDBACK_CUTOFF_HZ);
/** Longest step the filter integrates at once, s: after a longer gap it restarts at the new reading. */
export const MAX_STEP_S = 0.25;

export interface SwayTracker {
  /**
   * Feeds one reading (any sign, m/s^2, time in s); returns the sway now, or null while the
   * reference is being taken and for a reading that is skipped (a non-finite value, a time not
   * later than the last).
   */
  push(tS: number, ax: number, ay: number, az: number): SwayPoint | null;
  /** True once the reference is known. */
  readonly referenced: boolean;
}

export interface SwayTrackerOptions {
  /** @default 'chest' */
  placement?: 'chest' | 'lumbar';
  /** @default REFERENCE_S */
  referenceS?: number;
  /** @default FEEDBACK_CUTOFF_HZ */
  cutoffHz?: number;
}

export function createSwayTracker(options: SwayTrackerOptions = {}): SwayTracker {
  const referenceS = options.referenceS ?? REFERENCE_S;
  const cutoffHz = options.cutoffHz ?? FEEDBACK_CUTOFF_HZ;
  // Chest: ML = +world x, forward = -world z; lower back: both the other way.
  const facing = options.placement === 'lumbar' ? -1 : 1;
  let firstS = NaN;
  let lastS = NaN;
  // low-passed raw readings
  let fx = 0;
  let fy = 0;
  let fz = 0;
  // sums over the reference period: raw readings (gravity) and low-passed ones (posture)
  let n = 0;
  const raw = [0, 0, 0];
  const low = [0, 0, 0];
  let rotation: Mat3 | null = null;
  let sign = 1;
  let refMl = 0;
  let refAp = 0;

  const world = (x: number, y: number, z: number): SwayPoint => {
    const r = rotation as Mat3;
    const wx = sign * (r[0] * x + r[1] * y + r[2] * z);
    const wz = sign * (r[6] * x + r[7] * y + r[8] * z);
    return { ml: facing * wx, ap: -facing * wz };
  };

  const fixReference = (): void => {
    sign = raw[1]! < 0 ? -1 : 1;
    try {
      rotation = rotationToVertical([(sign * raw[0]!) / n, (sign * raw[1]!) / n, (sign * raw[2]!) / n]);
    } catch {
      // zero or non-finite mean: start the reference again
      n = 0;
      raw.fill(0);
      low.fill(0);
      firstS = NaN;
      return;
    }
    const posture = world(low[0]! / n, low[1]! / n, low[2]! / n);
    refMl = posture.ml;
    refAp = posture.ap;
  };

  return {
    get referenced() {
      return rotation !== null;
    },
    push(tS, ax, ay, az) {
      if (!(Number.isFinite(tS) && Number.isFinite(ax) && Number.isFinite(ay) && Number.isFinite(az)))
        return null;
      if (tS <= lastS) return null;
      const dt = tS - lastS;
      if (!(dt <= MAX_STEP_S)) {
        fx = ax;
        fy = ay;
        fz = az;
      } else {
        const alpha = 1 - Math.exp(-2 * Math.PI * cutoffHz * dt);
        fx += alpha * (ax - fx);
        fy += alpha * (ay - fy);
        fz += alpha * (az - fz);
      }
      lastS = tS;
      if (rotation === null) {
        if (!Number.isFinite(firstS)) firstS = tS;
        raw[0]! += ax;
        raw[1]! += ay;
        raw[2]! += az;
        low[0]! += fx;
        low[1]! += fy;
        low[2]! += fz;
        n++;
        if (tS - firstS >= referenceS) fixReference();
        return null;
      }
      const point = world(fx, fy, fz);
      return { ml: point.ml - refMl, ap: point.ap - refAp };
    },
  };
}
