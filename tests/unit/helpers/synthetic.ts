import type { MotionRecording, SwayRecording } from '../../../src/core/types';

/** Parameters of a synthetic quiet-stance recording: sway as a sum of sines, a tilted phone. */
export interface SyntheticParams {
  durationS: number;
  rateHz: number;
  /** sway components: amplitude (m/s^2), frequency (Hz), phase (rad) for AP and ML */
  components: { amplitude: number; frequencyHz: number; phase: number; axis: 'ap' | 'ml' }[];
  /** tilt of the phone away from upright, rad, and the direction of the tilt, rad */
  tiltRad: number;
  tiltAzimuthRad: number;
  /** timing jitter as a fraction of the interval, 0..0.4 */
  jitter: number;
  seed: number;
}

/**
 * Quiet stance on one leg as the tests and benchmarks use it: 20 s at 60 Hz, AP sway at 0.5 Hz
 * and ML sway at 0.8 and 1.7 Hz (0.05-0.2 m/s^2), the phone tilted 11 deg, 20 % timing jitter.
 */
export const QUIET_STANCE: SyntheticParams = {
  durationS: 20,
  rateHz: 60,
  components: [
    { amplitude: 0.2, frequencyHz: 0.5, phase: 0.3, axis: 'ap' },
    { amplitude: 0.15, frequencyHz: 0.8, phase: 1.1, axis: 'ml' },
    { amplitude: 0.05, frequencyHz: 1.7, phase: 2.0, axis: 'ml' },
  ],
  tiltRad: 0.2,
  tiltAzimuthRad: 1,
  jitter: 0.2,
  seed: 7,
};

/** A small deterministic PRNG (mulberry32) so a failing case can be replayed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function swayAt(params: SyntheticParams, t: number): { ap: number; ml: number } {
  let ap = 0;
  let ml = 0;
  for (const c of params.components) {
    const v = c.amplitude * Math.sin(2 * Math.PI * c.frequencyHz * t + c.phase);
    if (c.axis === 'ap') ap += v;
    else ml += v;
  }
  return { ap, ml };
}

function sampleTimes(params: SyntheticParams): number[] {
  const random = mulberry32(params.seed);
  const n = Math.floor(params.durationS * params.rateHz);
  return Array.from({ length: n }, (_, k) => (k + (random() - 0.5) * params.jitter) / params.rateHz).map(
    (t, k) => (k === 0 ? 0 : t),
  );
}

/**
 * A phone recording: world frame y up (gravity reading +9.81), AP = world z, ML = world x,
 * then tilted into the device frame by `tiltRad` about a horizontal axis at `tiltAzimuthRad`.
 */
export function syntheticMotion(params: SyntheticParams): MotionRecording {
  const tS = sampleTimes(params);
  // Device reading = Q world, with Q a rotation by the tilt about the horizontal axis (cos az, 0, sin az).
  const kx = Math.cos(params.tiltAzimuthRad);
  const kz = Math.sin(params.tiltAzimuthRad);
  const c = Math.cos(params.tiltRad);
  const s = Math.sin(params.tiltRad);
  const rotate = (v: [number, number, number]): [number, number, number] => {
    // Rodrigues: v cos + (k x v) sin + k (k . v)(1 - cos), with k x v = (-kz y, kz x - kx z, kx y)
    const [x, y, z] = v;
    const dot = kx * x + kz * z;
    return [
      x * c + -kz * y * s + kx * dot * (1 - c),
      y * c + (kz * x - kx * z) * s,
      z * c + kx * y * s + kz * dot * (1 - c),
    ];
  };
  const ax = new Float64Array(tS.length);
  const ay = new Float64Array(tS.length);
  const az = new Float64Array(tS.length);
  const gx = new Float64Array(tS.length);
  const gy = new Float64Array(tS.length);
  const gz = new Float64Array(tS.length);
  tS.forEach((t, k) => {
    const { ap, ml } = swayAt(params, t);
    const [x, y, z] = rotate([ml, 9.81, ap]);
    ax[k] = x;
    ay[k] = y;
    az[k] = z;
    // an angular velocity loosely following the sway, deg/s
    const w = swayAt(params, t + 0.05);
    const [wx, wy, wz] = rotate([w.ap * 3, 0.1, w.ml * 3]);
    gx[k] = wx;
    gy[k] = wy;
    gz[k] = wz;
  });
  return { kind: 'motion', tS: Float64Array.from(tS), ax, ay, az, gx, gy, gz };
}

/** A 2-D sway recording (force-plate-like) with the same sway. */
export function syntheticSway(params: SyntheticParams): SwayRecording {
  const tS = sampleTimes(params);
  const ap = new Float64Array(tS.length);
  const ml = new Float64Array(tS.length);
  tS.forEach((t, k) => {
    const s = swayAt(params, t);
    ap[k] = s.ap;
    ml[k] = s.ml;
  });
  return { kind: 'sway', tS: Float64Array.from(tS), ap, ml };
}
