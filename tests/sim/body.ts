/**
 * The motion of a phone worn by a person standing on one leg, on a fine uniform grid:
 * accelerationIncludingGravity (specific force, m/s^2) and rotationRate (deg/s) in the
 * device frame (W3C: x right of the screen, y to its top, z out of the screen).
 *
 * Model: the body is an inverted pendulum pivoting at the ankle; its AP and ML angles are
 * damped second-order oscillators (natural frequency f0, damping ratio zeta) driven by
 * coloured noise (an Ornstein-Uhlenbeck process, time constant 0.15 s, so the drive has little
 * content above a few Hz). The phone sits at the lever arm h above the ankle, so it feels
 * the linear acceleration h * theta'' horizontally and gravity tilted by theta. Events
 * (lift-off, corrections, touch-down jolts) add world-frame acceleration pulses; arm
 * movements rotate the phone relative to the trunk; taps add device-frame pulses.
 *
 * World frame: X to the person's right, Y up, Z forward. A chest phone (screen facing
 * forward) has its device axes along X, Y, Z; a lumbar phone (screen facing backward) is
 * turned 180 deg about Y.
 */
import type { Disturbance, Pulse, SimScenario } from './scenario';
import { createPrng } from './prng';

/** Standard gravity, m/s^2 (CGPM 1901). */
export const STANDARD_GRAVITY_MS2 = 9.80665;
/** Grid rate of the sway oscillators, Hz (events are evaluated exactly at the sample times). */
export const BODY_GRID_HZ = 200;
/** Time constant of the sway drive noise, s (drive bandwidth about 1 Hz: the shared simulations have 3-10 Hz horizontal content of 0.06-0.17 m/s^2 RMS). */
const DRIVE_TAU_S = 0.15;
/** Sway drive gain in two-leg stance before the lift-off ends (less sway on two feet). */
const TWO_LEG_SWAY_GAIN = 0.4;
/** Distance from the shoulder-arm pivot to the phone for arm movements, m. */
const ARM_RADIUS_M = 0.15;

type Mat3 = [number, number, number, number, number, number, number, number, number];

function matMul(a: Mat3, b: Mat3): Mat3 {
  const r: Mat3 = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      r[i * 3 + j] = a[i * 3]! * b[j]! + a[i * 3 + 1]! * b[3 + j]! + a[i * 3 + 2]! * b[6 + j]!;
    }
  }
  return r;
}

/** R^T v */
function mulTransposed(m: Mat3, x: number, y: number, z: number): [number, number, number] {
  return [m[0] * x + m[3] * y + m[6] * z, m[1] * x + m[4] * y + m[7] * z, m[2] * x + m[5] * y + m[8] * z];
}

const rotX = (a: number): Mat3 => [1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)];
const rotY = (a: number): Mat3 => [Math.cos(a), 0, Math.sin(a), 0, 1, 0, -Math.sin(a), 0, Math.cos(a)];
const rotZ = (a: number): Mat3 => [Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1];

/** Rodrigues: rotation by `angle` rad about the unit `axis`. */
function rotAxis(axis: readonly [number, number, number], angle: number): Mat3 {
  const [x, y, z] = axis;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const k = 1 - c;
  return [
    c + x * x * k,
    x * y * k - z * s,
    x * z * k + y * s,
    y * x * k + z * s,
    c + y * y * k,
    y * z * k - x * s,
    z * x * k - y * s,
    z * y * k + x * s,
    c + z * z * k,
  ];
}

const DEG = Math.PI / 180;

/** Value of a pulse's shape at time t (0 outside), in units of its peak. */
function pulseShape(p: { startS: number; durationS: number; shape: 'half' | 'full' }, t: number): number {
  const u = (t - p.startS) / p.durationS;
  if (u <= 0 || u >= 1) return 0;
  return p.shape === 'half' ? Math.sin(Math.PI * u) : Math.sin(2 * Math.PI * u);
}

function addPulse(p: Pulse, t: number, acc: [number, number, number]): void {
  const s = pulseShape(p, t);
  if (s === 0) return;
  acc[0] += s * p.horizontalMs2 * Math.cos(p.directionRad);
  acc[1] += s * p.verticalMs2;
  acc[2] += s * p.horizontalMs2 * Math.sin(p.directionRad);
}

/**
 * Arm movement: rotation angle (rad), its first and second derivatives at t. The angle rises
 * along a raised cosine to `angleDeg` and either comes back (`returns`) or stays.
 */
function armAngle(d: Extract<Disturbance, { kind: 'arm' }>, t: number): [number, number, number] {
  const a = d.angleDeg * DEG;
  const u = (t - d.startS) / d.durationS;
  if (u <= 0) return [0, 0, 0];
  if (u >= 1) return [d.returns ? 0 : a, 0, 0];
  const w = (d.returns ? 2 : 1) * (Math.PI / d.durationS);
  const phase = w * (t - d.startS);
  return [(a / 2) * (1 - Math.cos(phase)), (a / 2) * w * Math.sin(phase), (a / 2) * w * w * Math.cos(phase)];
}

/**
 * Slow shift of weight: the trunk's lean angle (rad), its first and second derivatives at t,
 * a raised cosine from 0 to `leanDeg` over the shift (the phone on the trunk goes with it).
 */
function leanAngle(d: Extract<Disturbance, { kind: 'weightShift' }>, t: number): [number, number, number] {
  return armAngle(
    {
      kind: 'arm',
      startS: d.startS,
      durationS: d.durationS,
      angleDeg: d.leanDeg,
      axis: [0, 0, 0],
      returns: false,
    },
    t,
  );
}

/**
 * The motion, evaluable at any time: `at(t, out)` writes the device-frame specific force
 * (out[0..2], m/s^2) and rotation rate (out[3..5], deg/s), noise-free, at t seconds.
 */
export interface BodyModel {
  at(tS: number, out: Float64Array): void;
}

/** Sway angle, rate and angular acceleration of one axis on the grid, rad, rad/s, rad/s^2. */
interface SwayAxis {
  angle: Float64Array;
  rate: Float64Array;
  accel: Float64Array;
}

/** 0 before `fromS`, 1 after `fromS + lengthS`, a raised-cosine ramp between (no step: a step in
 * the drive would be a step in acceleration, a jolt the body does not make). */
function ramp(t: number, fromS: number, lengthS: number): number {
  const u = (t - fromS) / lengthS;
  if (u <= 0) return 0;
  if (u >= 1) return 1;
  return (1 - Math.cos(Math.PI * u)) / 2;
}

/** Seconds over which sway changes at the lift-off and after the touch-down. */
const SWAY_CHANGE_S = 0.4;

/** Sway drive gain at time t: two-leg stance, bursts (the strongest one), and after the touch-down. */
function swayGain(s: SimScenario, t: number): number {
  const lifted = ramp(t, s.liftOff.startS, s.liftOff.durationS + SWAY_CHANGE_S);
  let gain = TWO_LEG_SWAY_GAIN + (1 - TWO_LEG_SWAY_GAIN) * lifted;
  let burst = 1;
  for (const d of s.disturbances) {
    if (d.kind !== 'swayBurst') continue;
    const u = (t - d.startS) / d.durationS;
    if (u > 0 && u < 1) burst = Math.max(burst, 1 + (d.gain - 1) * Math.sin(Math.PI * u) ** 2);
  }
  gain *= burst;
  for (const d of s.disturbances) {
    if (d.kind === 'weightShift') gain *= 1 + (d.swayGain - 1) * ramp(t, d.startS, d.durationS);
  }
  if (s.touchdown) gain *= 1 + (s.touchdown.swayGainAfter - 1) * ramp(t, s.touchdown.tS, SWAY_CHANGE_S);
  return gain;
}

function simulateSwayAxis(s: SimScenario, seed: number, n: number, dt: number, rmsRad: number): SwayAxis {
  const rng = createPrng(seed);
  const angle = new Float64Array(n);
  const rate = new Float64Array(n);
  const accel = new Float64Array(n);
  const w0 = 2 * Math.PI * s.f0Hz;
  const decay = Math.exp(-dt / DRIVE_TAU_S);
  const kick = Math.sqrt(1 - decay * decay);
  let drive = rng.normal();
  let th = 0;
  let om = 0;
  const tdS = s.touchdown ? s.touchdown.tS : Infinity;
  // Warm the oscillator up for 10 s (4 decay times at the lowest damping) so it starts stationary.
  const warm = Math.round(10 / dt);
  for (let i = -warm; i < n; i++) {
    const t = i * dt;
    drive = decay * drive + kick * rng.normal();
    // Two feet: a stiffer (1.8 x f0), well damped (0.9) stance, blended in.
    const stiff = s.touchdown?.stiffAfter === true ? ramp(t, tdS, SWAY_CHANGE_S) : 0;
    const wn = w0 * (1 + 0.8 * stiff);
    const zeta = s.damping + (0.9 - s.damping) * stiff;
    const a = -wn * wn * th - 2 * zeta * wn * om + swayGain(s, Math.max(t, 0)) * drive;
    om += a * dt;
    th += om * dt;
    if (i >= 0) {
      angle[i] = th;
      rate[i] = om;
      accel[i] = a;
    }
  }
  // Scale to the wanted RMS over the single-leg part (the drive is linear, so scaling is exact).
  const from = Math.ceil((s.liftOff.startS + s.liftOff.durationS) / dt);
  const to = Math.min(n, Math.floor(Math.min(tdS, s.durationS) / dt));
  let sum2 = 0;
  for (let i = from; i < to; i++) sum2 += angle[i]! ** 2;
  const rms = Math.sqrt(sum2 / Math.max(1, to - from)) || 1;
  const k = rmsRad / rms;
  for (let i = 0; i < n; i++) {
    angle[i]! *= k;
    rate[i]! *= k;
    accel[i]! *= k;
  }
  return { angle, rate, accel };
}

/** Linear interpolation of a grid series at t. */
function onGrid(y: Float64Array, t: number): number {
  const x = t * BODY_GRID_HZ;
  const i = Math.min(Math.max(Math.floor(x), 0), y.length - 2);
  const f = x - i;
  return y[i]! * (1 - f) + y[i + 1]! * f;
}

/** Build the scenario's motion: sway on the BODY_GRID_HZ grid, events evaluated exactly. */
export function createBodyModel(s: SimScenario): BodyModel {
  const dt = 1 / BODY_GRID_HZ;
  const n = Math.floor(s.durationS * BODY_GRID_HZ) + 2;
  const ap = simulateSwayAxis(s, s.seed * 7 + 1, n, dt, s.swayDeg * DEG);
  const ml = simulateSwayAxis(s, s.seed * 7 + 2, n, dt, s.swayDeg * s.mlRatio * DEG);
  const base: Mat3 = s.placement === 'chest' ? rotY(0) : rotY(Math.PI);
  const mount = matMul(
    base,
    matMul(rotZ(s.yawDeg * DEG), matMul(rotX(s.pitchDeg * DEG), rotY(s.rollDeg * DEG))),
  );
  const pulses: Pulse[] = [s.liftOff];
  for (const d of s.disturbances) if (d.kind === 'correction') pulses.push(d.pulse);
  if (s.touchdown) pulses.push(...s.touchdown.pulses);
  const arms = s.disturbances.filter((d): d is Extract<Disturbance, { kind: 'arm' }> => d.kind === 'arm');
  const taps = s.disturbances.filter((d): d is Extract<Disturbance, { kind: 'tap' }> => d.kind === 'tap');
  const shifts = s.disturbances.filter(
    (d): d is Extract<Disturbance, { kind: 'weightShift' }> => d.kind === 'weightShift',
  );
  const h = s.leverArmM;

  return {
    at(t: number, out: Float64Array): void {
      const thAp = onGrid(ap.angle, t);
      const thMl = onGrid(ml.angle, t);
      // Body tilt: ML about -Z (towards +X), then AP about X (towards +Z).
      let rot = matMul(rotX(thAp), rotZ(-thMl));
      // World-frame specific force: gravity reaction (up) + the phone's linear acceleration.
      const acc: [number, number, number] = [
        h * onGrid(ml.accel, t),
        STANDARD_GRAVITY_MS2,
        h * onGrid(ap.accel, t),
      ];
      for (const p of pulses) addPulse(p, t, acc);
      // Angular velocity in the world frame, rad/s.
      const omega: [number, number, number] = [onGrid(ap.rate, t), 0, -onGrid(ml.rate, t)];
      for (const d of shifts) {
        const [phi, phiRate, phiAccel] = leanAngle(d, t);
        if (phi === 0 && phiRate === 0) continue;
        // Leaning towards (cos, 0, sin) turns the trunk about (sin, 0, -cos); the phone, h up
        // the trunk, moves with it horizontally.
        const axis: [number, number, number] = [Math.sin(d.directionRad), 0, -Math.cos(d.directionRad)];
        rot = matMul(rotAxis(axis, phi), rot);
        acc[0] += h * phiAccel * Math.cos(d.directionRad);
        acc[2] += h * phiAccel * Math.sin(d.directionRad);
        omega[0] += axis[0] * phiRate;
        omega[2] += axis[2] * phiRate;
      }
      for (const d of arms) {
        const [phi, phiRate, phiAccel] = armAngle(d, t);
        if (phi === 0 && phiRate === 0) continue;
        rot = matMul(rot, rotAxis(d.axis, phi));
        // The phone also moves on the arm's arc, horizontally, across the rotation axis.
        acc[0] += ARM_RADIUS_M * phiAccel * -d.axis[2];
        acc[2] += ARM_RADIUS_M * phiAccel * d.axis[0];
        omega[0] += d.axis[0] * phiRate;
        omega[1] += d.axis[1] * phiRate;
        omega[2] += d.axis[2] * phiRate;
      }
      const total = matMul(rot, mount);
      const f = mulTransposed(total, acc[0], acc[1], acc[2]);
      for (const d of taps) {
        const sh = pulseShape({ startS: d.startS, durationS: d.durationS, shape: 'half' }, t);
        f[0] += sh * d.amplitudeMs2 * d.axis[0];
        f[1] += sh * d.amplitudeMs2 * d.axis[1];
        f[2] += sh * d.amplitudeMs2 * d.axis[2];
      }
      const w = mulTransposed(total, omega[0], omega[1], omega[2]);
      out[0] = f[0];
      out[1] = f[1];
      out[2] = f[2];
      out[3] = w[0] / DEG;
      out[4] = w[1] / DEG;
      out[5] = w[2] / DEG;
    },
  };
}
