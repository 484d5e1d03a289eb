/**
 * Time in zone: the fraction of a set, after its reference second, that the person's sway
 * stayed inside the dead zone (Dozza et al. 2005's "time spent within +/-1 degree threshold",
 * with the zone of ./feedback.ts). Measured from the stored samples with the live feedback's
 * own tracker (./sway-tracker.ts), so what is stored is what was heard, and an imported set
 * measures the same.
 */
import { createSwayTracker, MAX_STEP_S, type SwayTrackerOptions } from './sway-tracker';

export interface ZoneSamples {
  tS: ArrayLike<number>;
  ax: ArrayLike<number>;
  ay: ArrayLike<number>;
  az: ArrayLike<number>;
}

/**
 * Fraction (0..1) of the time after the reference spent at a distance <= `deadZoneMs2`: each
 * interval between consecutive used readings counts for the state at its end, an interval
 * longer than MAX_STEP_S (a gap) counts for nothing. Null when no time was measured (the set
 * ended inside the reference second, or the samples are unusable).
 */
export function timeInZone(
  samples: ZoneSamples,
  deadZoneMs2: number,
  options: SwayTrackerOptions = {},
): number | null {
  const tracker = createSwayTracker(options);
  let inside = 0;
  let total = 0;
  let lastS = NaN;
  for (let k = 0; k < samples.tS.length; k++) {
    const t = samples.tS[k] as number;
    const x = samples.ax[k] as number;
    const y = samples.ay[k] as number;
    const z = samples.az[k] as number;
    // the rows the tracker skips (non-finite, not later than the last) are skipped here too
    if (!(Number.isFinite(t) && Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z)) || t <= lastS)
      continue;
    const point = tracker.push(t, x, y, z);
    const dt = t - lastS;
    lastS = t;
    if (point === null || !(dt <= MAX_STEP_S)) continue;
    total += dt;
    if (Math.hypot(point.ml, point.ap) <= deadZoneMs2) inside += dt;
  }
  return total > 0 ? inside / total : null;
}
