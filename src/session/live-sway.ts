/**
 * A live AP/ML point for the running trial's sway trace. It is a preview, not the analysis:
 * the result's metrics come from the full pipeline (src/core/analyze.ts) at the end.
 *
 * How the preview differs from the analysis (SPEC section 3), to stay O(1) per event:
 * - "down" is the mean reading of the countdown (standing still on both legs), or of the first
 *   second after "go" when the countdown had none, fixed for the trial (the analysis uses the
 *   mean over its window);
 * - the rotation onto the vertical is the analysis' own (Rodrigues, src/core/signal/rotation.ts);
 * - the low-pass is a one-pole exponential filter at the same 3.5 Hz cut-off, causal, on the
 *   raw samples (the analysis resamples to 50 Hz and runs a 4th-order Butterworth both ways);
 * - no centring: gravity rotated onto +y has no AP or ML part, so the point sits near 0 while
 *   the person stands still.
 */
import { rotationToVertical, type Mat3 } from '../core/signal/rotation';

/** Cut-off of the preview's low-pass, Hz: the analysis' default (SPEC section 3, step 5). */
export const LIVE_CUTOFF_HZ = 3.5;
/** Without countdown readings, "down" is the mean of the first this-many seconds after go, s (SPEC settleS). */
export const LIVE_GRAVITY_S = 1.0;
/** Longest step the filter integrates at once, s: after a gap the filter restarts at the new reading. */
const MAX_STEP_S = 0.25;

export interface LiveSway {
  /** Fixes "down" from a mean reading (m/s^2, sign already normalised); ignored for a zero or non-finite vector. */
  setGravity(x: number, y: number, z: number): void;
  /** Feeds one sign-normalised reading; rows with a non-finite value, or not later than the last, are skipped. */
  push(tS: number, ax: number, ay: number, az: number): void;
  /** The current point, m/s^2 (ap = world z, ml = world x as in the analysis), or null before "down" is known. */
  point(): { ap: number; ml: number } | null;
}

export function createLiveSway(): LiveSway {
  let rotation: Mat3 | null = null;
  // Mean of the first readings, while "down" is not yet known.
  let sumX = 0;
  let sumY = 0;
  let sumZ = 0;
  let count = 0;
  let firstS = NaN;
  // Low-pass state.
  let lastS = NaN;
  let fx = 0;
  let fy = 0;
  let fz = 0;

  const setGravity = (x: number, y: number, z: number): void => {
    try {
      rotation = rotationToVertical([x, y, z]);
    } catch {
      // zero or non-finite: keep waiting for readings
    }
  };

  return {
    setGravity,
    push(tS: number, ax: number, ay: number, az: number): void {
      if (!(Number.isFinite(tS) && Number.isFinite(ax) && Number.isFinite(ay) && Number.isFinite(az))) return;
      if (tS <= lastS) return; // not later than the last reading: left out, as the analysis does
      const dt = tS - lastS;
      if (!(dt <= MAX_STEP_S)) {
        fx = ax;
        fy = ay;
        fz = az;
      } else {
        const alpha = 1 - Math.exp(-2 * Math.PI * LIVE_CUTOFF_HZ * dt);
        fx += alpha * (ax - fx);
        fy += alpha * (ay - fy);
        fz += alpha * (az - fz);
      }
      lastS = tS;
      if (rotation) return;
      if (count === 0) firstS = tS;
      sumX += ax;
      sumY += ay;
      sumZ += az;
      count++;
      if (tS - firstS >= LIVE_GRAVITY_S) setGravity(sumX / count, sumY / count, sumZ / count);
    },
    point(): { ap: number; ml: number } | null {
      if (!rotation || !Number.isFinite(lastS)) return null;
      const r = rotation;
      return { ap: r[6] * fx + r[7] * fy + r[8] * fz, ml: r[0] * fx + r[1] * fy + r[2] * fz };
    },
  };
}
