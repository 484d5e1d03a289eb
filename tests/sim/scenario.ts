/**
 * What one simulated single-leg stance trial contains: who sways how, where the phone sits,
 * what happens (lift-off, harmless disturbances, the touch-down) and how a browser samples it.
 * `randomScenario` draws one from a seed; `body.ts` turns it into motion and `sampling.ts`
 * into DeviceMotion-like rows.
 *
 * Ranges are read off the eight shared reference simulations (fixtures/sim/truth.json and
 * the signals themselves, see tests/sim/README.md) and widened where real use is wider.
 */
import { createPrng, type Prng } from './prng';

export type Placement = 'chest' | 'lumbar';

/**
 * How the trial ends when it does not reach the cap:
 * - `foot`: the free foot touches down and the person stands on two feet (sway drops);
 * - `step`: the foot touches down and the person steps on (more jolts, sway grows);
 * - `hop`: the person hops on the stance leg (push-off, flight, landing);
 * - `grab`: the person grabs a support (a mostly horizontal jolt).
 */
export type TouchdownKind = 'foot' | 'step' | 'hop' | 'grab';

/** A half-sine acceleration pulse in the world frame (m/s^2), vertical and horizontal parts. */
export interface Pulse {
  startS: number;
  durationS: number;
  /** peak vertical acceleration, m/s^2 (positive = upward specific force, as an impact gives) */
  verticalMs2: number;
  /** peak horizontal acceleration, m/s^2 */
  horizontalMs2: number;
  /** direction of the horizontal part, rad from the person's right (ML) towards forward (AP) */
  directionRad: number;
  /** `half`: one hump (impact); `full`: a whole sine period (push and stop, no net velocity) */
  shape: 'half' | 'full';
}

/** Harmless things that happen during a trial and must not be taken for a touch-down. */
export type Disturbance =
  /** The arms holding the phone shift it: it rotates about `axis` (device-ish frame) and moves a little. */
  | {
      kind: 'arm';
      startS: number;
      durationS: number;
      angleDeg: number;
      axis: [number, number, number];
      returns: boolean;
    }
  /** The person sways harder for a while (a near-loss of balance that is recovered). */
  | { kind: 'swayBurst'; startS: number; durationS: number; gain: number }
  /** Hip-strategy correction or a knee dip: a smooth whole-period acceleration pulse. */
  | { kind: 'correction'; pulse: Pulse }
  /** A finger taps the phone: a short small jolt in the device frame. */
  | { kind: 'tap'; startS: number; durationS: number; amplitudeMs2: number; axis: [number, number, number] }
  /**
   * A slow shift of weight over the stance foot: the trunk leans by `leanDeg` towards
   * `directionRad` along a raised cosine, and the sway drive ends `swayGain` times what it was.
   */
  | {
      kind: 'weightShift';
      startS: number;
      durationS: number;
      leanDeg: number;
      directionRad: number;
      swayGain: number;
    };

export interface TouchdownEvent {
  kind: TouchdownKind;
  /** The true moment, s: the jolt's start (hop: the push-off's start). */
  tS: number;
  /** The pulses that make the event: the touch-down jolt first, then steps or landing. */
  pulses: Pulse[];
  /** Sway drive multiplier after the event (two feet: < 1; stepping: >= 1). */
  swayGainAfter: number;
  /** Stiffer, more damped stance after a foot touch-down (two feet). */
  stiffAfter: boolean;
}

export interface SimScenario {
  seed: number;
  /** Last possible sample time, s ("go" is t = 0). */
  durationS: number;
  placement: Placement;
  /** Height of the phone above the ankle, m (the inverted pendulum's lever arm). */
  leverArmM: number;
  /** RMS anterior-posterior sway angle in single-leg stance, deg. */
  swayDeg: number;
  /** ML / AP amplitude ratio. */
  mlRatio: number;
  /** Natural frequency of the sway oscillator, Hz. */
  f0Hz: number;
  /** Damping ratio of the sway oscillator. */
  damping: number;
  /** Phone mounting relative to the upright trunk, deg (about device z, x, y). */
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
  /** Sensor gain error (1 = perfect; the shared belt IMU reads 9.19 at rest, 0.94). */
  sensorScale: number;
  /** Sensor offset per axis, m/s^2. */
  biasMs2: [number, number, number];
  accelNoiseMs2: number;
  gyroNoiseDegS: number;
  /** Weight shift and foot lift after "go". */
  liftOff: Pulse;
  disturbances: Disturbance[];
  touchdown: TouchdownEvent | null;
  sampling: {
    rateHz: number;
    jitterMs: number;
    dropFraction: number;
    gap: { startS: number; lengthS: number } | null;
    /** Chromium rounds readings to 0.1 m/s^2 and 0.1 deg/s. */
    quantize: boolean;
    /** iOS WebKit: accelerationIncludingGravity with the opposite sign. */
    flip: boolean;
    /** rotationRate missing (NaN) for the whole recording. */
    gyroMissing: boolean;
  };
}

/** A unit vector in a random direction. */
export function randomAxis(rng: Prng): [number, number, number] {
  const x = rng.normal();
  const y = rng.normal();
  const z = rng.normal();
  const n = Math.hypot(x, y, z) || 1;
  return [x / n, y / n, z / n];
}

export function touchdownJolt(rng: Prng, tS: number): Pulse {
  // Shared simulations: jolt 3.0-8.5 m/s^2 over 0.06-0.12 s; the horizontal part is about
  // a third of the vertical one (case02: 1.3 of 3.2, case05: 1.7 of 5.2).
  const verticalMs2 = rng.uniform(3, 9);
  return {
    startS: tS,
    durationS: rng.uniform(0.05, 0.12),
    verticalMs2,
    horizontalMs2: verticalMs2 * rng.uniform(0.15, 0.5),
    directionRad: rng.uniform(0, 2 * Math.PI),
    shape: 'half',
  };
}

function randomTouchdown(rng: Prng, tS: number): TouchdownEvent {
  const r = rng.next();
  const kind: TouchdownKind = r < 0.65 ? 'foot' : r < 0.8 ? 'step' : r < 0.9 ? 'hop' : 'grab';
  return randomTouchdownOfKind(rng, tS, kind);
}

/** A touch-down of the given kind at `tS`, its sizes drawn from `rng` (tests/sim/README.md). */
export function randomTouchdownOfKind(rng: Prng, tS: number, kind: TouchdownKind): TouchdownEvent {
  switch (kind) {
    case 'foot':
      return {
        kind,
        tS,
        pulses: [touchdownJolt(rng, tS)],
        swayGainAfter: rng.uniform(0.15, 0.5),
        stiffAfter: true,
      };
    case 'step': {
      const first = touchdownJolt(rng, tS);
      const pulses = [first];
      let at = tS;
      const steps = rng.chance(0.5) ? 1 : 2;
      for (let i = 0; i < steps; i++) {
        at += rng.uniform(0.35, 0.9);
        const v = rng.uniform(1.5, 5);
        pulses.push({
          startS: at,
          durationS: rng.uniform(0.06, 0.15),
          verticalMs2: v,
          horizontalMs2: v * rng.uniform(0.2, 0.6),
          directionRad: rng.uniform(0, 2 * Math.PI),
          shape: 'half',
        });
      }
      return { kind, tS, pulses, swayGainAfter: rng.uniform(0.8, 2), stiffAfter: false };
    }
    case 'hop': {
      // Push-off (upward), flight (the reading falls towards 0: vertical -g at most), landing.
      const pushS = rng.uniform(0.1, 0.2);
      const flightS = rng.uniform(0.1, 0.2);
      const push: Pulse = {
        startS: tS,
        durationS: pushS,
        verticalMs2: rng.uniform(1.5, 4),
        horizontalMs2: rng.uniform(0.3, 1.5),
        directionRad: rng.uniform(0, 2 * Math.PI),
        shape: 'half',
      };
      const flight: Pulse = {
        startS: tS + pushS,
        durationS: flightS,
        verticalMs2: -rng.uniform(5, 9.5),
        horizontalMs2: 0,
        directionRad: 0,
        shape: 'half',
      };
      const landing = touchdownJolt(rng, tS + pushS + flightS);
      landing.verticalMs2 = rng.uniform(4, 10);
      return {
        kind,
        tS,
        pulses: [push, flight, landing],
        swayGainAfter: rng.uniform(1, 2),
        stiffAfter: false,
      };
    }
    case 'grab': {
      const h = rng.uniform(3, 6);
      const grab: Pulse = {
        startS: tS,
        durationS: rng.uniform(0.08, 0.15),
        verticalMs2: rng.uniform(1, 2.5),
        horizontalMs2: h,
        directionRad: rng.uniform(0, 2 * Math.PI),
        shape: 'half',
      };
      return { kind, tS, pulses: [grab], swayGainAfter: rng.uniform(0.3, 0.8), stiffAfter: true };
    }
  }
}

function randomDisturbance(rng: Prng, startS: number): Disturbance {
  const r = rng.next();
  if (r < 0.3) {
    return {
      kind: 'arm',
      startS,
      durationS: rng.uniform(0.5, 1.5),
      angleDeg: rng.uniform(2, 12),
      axis: randomAxis(rng),
      returns: rng.chance(0.5),
    };
  }
  if (r < 0.55) return { kind: 'swayBurst', startS, durationS: rng.uniform(1, 3), gain: rng.uniform(1.3, 2) };
  if (r < 0.75) {
    // Hip-strategy correction: horizontal push and stop.
    return {
      kind: 'correction',
      pulse: {
        startS,
        durationS: rng.uniform(0.25, 0.6),
        verticalMs2: rng.uniform(-0.4, 0.4),
        horizontalMs2: rng.uniform(0.5, 2),
        directionRad: rng.uniform(0, 2 * Math.PI),
        shape: 'full',
      },
    };
  }
  if (r < 0.9) {
    // Knee dip: down and back up.
    return {
      kind: 'correction',
      pulse: {
        startS,
        durationS: rng.uniform(0.4, 1),
        verticalMs2: -rng.uniform(0.3, 1.2),
        horizontalMs2: rng.uniform(0, 0.3),
        directionRad: rng.uniform(0, 2 * Math.PI),
        shape: 'full',
      },
    };
  }
  return {
    kind: 'tap',
    startS,
    durationS: rng.uniform(0.02, 0.05),
    amplitudeMs2: rng.uniform(0.3, 1.2),
    axis: randomAxis(rng),
  };
}

/**
 * Draw a scenario from `seed`. `endsInTouchdown` chooses the outcome: a touch-down (hop, grab,
 * step) at a random hold time, or a completed trial that reaches the cap.
 */
export function randomScenario(seed: number, endsInTouchdown: boolean): SimScenario {
  const rng = createPrng(seed);
  const placement: Placement = rng.chance(0.7) ? 'chest' : 'lumbar';
  // Shared simulations: the lift-off transient is a 0.4 s vertical half-sine of 1.1-2.5 m/s^2
  // right after "go" with a horizontal part of about half; here it may start up to 1.5 s later.
  const liftVertical = rng.uniform(0.8, 2.5);
  const liftOff: Pulse = {
    startS: rng.uniform(0, 1.5),
    durationS: rng.uniform(0.3, 0.5),
    verticalMs2: liftVertical,
    horizontalMs2: liftVertical * rng.uniform(0.3, 0.7),
    directionRad: rng.uniform(0, 2 * Math.PI),
    shape: 'half',
  };
  const liftEndS = liftOff.startS + liftOff.durationS;

  let durationS: number;
  let touchdown: TouchdownEvent | null = null;
  if (endsInTouchdown) {
    // Hold times spread over the range of the normative tables (about 2 to 45 s), log-uniform.
    const holdS = Math.max(liftEndS + 0.4, Math.exp(rng.uniform(Math.log(2), Math.log(40))));
    touchdown = randomTouchdown(rng, holdS);
    // The recording runs on for a while after the event (the live test stops at detection + a margin).
    durationS = holdS + rng.uniform(0.8, 3);
  } else {
    durationS = rng.pick([10, 20, 30, 45]);
  }

  // Harmless disturbances between the lift-off and 0.5 s before the end of the single-leg part;
  // one that would not end by then is left out (shortening it would make it violent).
  const quietEndS = (touchdown ? touchdown.tS : durationS) - 0.5;
  const disturbances: Disturbance[] = [];
  const count = Math.floor(rng.uniform(0, 4));
  for (let i = 0; i < count; i++) {
    const d = randomDisturbance(rng, rng.uniform(liftEndS + 0.2, quietEndS));
    const [startS, lengthS] =
      d.kind === 'correction' ? [d.pulse.startS, d.pulse.durationS] : [d.startS, d.durationS];
    if (startS > liftEndS && startS + lengthS < quietEndS) disturbances.push(d);
  }

  const rateHz = rng.chance(0.5) ? rng.pick([50, 60, 100]) : rng.uniform(50, 100);
  const hasGap = rng.chance(0.25);
  return {
    seed,
    durationS,
    placement,
    leverArmM: placement === 'chest' ? rng.uniform(1.2, 1.5) : rng.uniform(0.9, 1.1),
    // Shared simulations: 0.31-0.69 deg RMS, ML/AP 0.78-1.28, f0 0.34-0.78 Hz; their horizontal
    // acceleration reaches 1.0 m/s^2 RMS, so the angle goes up to 1 deg here.
    swayDeg: rng.uniform(0.25, 1),
    mlRatio: rng.uniform(0.7, 1.3),
    f0Hz: rng.uniform(0.3, 0.8),
    damping: rng.uniform(0.2, 0.5),
    yawDeg: rng.uniform(-15, 15),
    pitchDeg: rng.uniform(-25, 25),
    rollDeg: rng.uniform(-10, 10),
    sensorScale: rng.uniform(0.94, 1.03),
    biasMs2: [rng.uniform(-0.15, 0.15), rng.uniform(-0.15, 0.15), rng.uniform(-0.15, 0.15)],
    accelNoiseMs2: rng.uniform(0.005, 0.04),
    gyroNoiseDegS: rng.uniform(0.05, 0.3),
    liftOff,
    disturbances,
    touchdown,
    sampling: {
      rateHz,
      jitterMs: rng.uniform(0, 2.5),
      dropFraction: rng.pick([0, 0, 0.005, 0.02, 0.05]),
      gap: hasGap ? { startS: rng.uniform(0.5, durationS - 0.3), lengthS: rng.uniform(0.1, 0.25) } : null,
      quantize: rng.chance(0.6),
      flip: rng.chance(0.4),
      gyroMissing: rng.chance(0.15),
    },
  };
}
