/**
 * How a browser delivers the motion: DeviceMotion events at a nominal rate with timing jitter,
 * randomly dropped events, an occasional gap (the main thread was busy), sensor gain, offset
 * and noise, Chromium's rounding to 0.1, and iOS WebKit's opposite sign of
 * accelerationIncludingGravity (SPEC section 2). Times are strictly increasing, like event
 * timestamps.
 */
import type { BodyModel } from './body';
import type { SimScenario } from './scenario';
import { createPrng } from './prng';

/** The sampled recording, in the shape of MotionRecording (src/core/types.ts) without `kind`. */
export interface SampledRows {
  tS: Float64Array;
  ax: Float64Array;
  ay: Float64Array;
  az: Float64Array;
  gx: Float64Array;
  gy: Float64Array;
  gz: Float64Array;
}

/** Chromium rounds readings to 0.1 (SPEC section 2). */
const QUANTUM = 0.1;
/** The smallest step between two event timestamps, s (1 ms: coarser than any clock). */
const MIN_STEP_S = 0.001;

const quantize = (v: number): number => Math.round(v / QUANTUM) * QUANTUM;

export function sampleBody(s: SimScenario, body: BodyModel): SampledRows {
  const rng = createPrng(s.seed * 7 + 3);
  const sm = s.sampling;
  const times: number[] = [];
  let last = -Infinity;
  for (let k = 0; ; k++) {
    const nominal = k / sm.rateHz;
    if (nominal > s.durationS) break;
    let t = Math.max(0, nominal + (sm.jitterMs / 1000) * rng.normal());
    if (k === 0) t = 0;
    if (t <= last) t = last + MIN_STEP_S;
    if (t > s.durationS) break;
    last = t;
    if (k > 0 && rng.chance(sm.dropFraction)) continue;
    if (sm.gap && t >= sm.gap.startS && t < sm.gap.startS + sm.gap.lengthS) continue;
    times.push(t);
  }
  const n = times.length;
  const rows: SampledRows = {
    tS: Float64Array.from(times),
    ax: new Float64Array(n),
    ay: new Float64Array(n),
    az: new Float64Array(n),
    gx: new Float64Array(n),
    gy: new Float64Array(n),
    gz: new Float64Array(n),
  };
  const sign = sm.flip ? -1 : 1;
  const motion = new Float64Array(6);
  const accelOut: Float64Array[] = [rows.ax, rows.ay, rows.az];
  const gyroOut: Float64Array[] = [rows.gx, rows.gy, rows.gz];
  for (let i = 0; i < n; i++) {
    body.at(times[i]!, motion);
    for (let axis = 0; axis < 3; axis++) {
      let a = s.sensorScale * motion[axis]!;
      a += s.biasMs2[axis]! + s.accelNoiseMs2 * rng.normal();
      a *= sign;
      accelOut[axis]![i] = sm.quantize ? quantize(a) : a;
      let g = motion[axis + 3]! + s.gyroNoiseDegS * rng.normal();
      if (sm.quantize) g = quantize(g);
      gyroOut[axis]![i] = sm.gyroMissing ? Number.NaN : g;
    }
  }
  return rows;
}
