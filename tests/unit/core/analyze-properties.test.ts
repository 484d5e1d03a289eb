import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { withW3cSign } from '../../../src/core/sign';
import type { MotionRecording, SwayMetrics, SwayRecording } from '../../../src/core/types';
import { syntheticMotion, syntheticSway, type SyntheticParams } from '../helpers/synthetic';

/** Quiet-stance-like parameters: 12-20 s at 50-100 Hz, sway 0.02-0.5 m/s^2 at 0.2-2 Hz, tilts up to 30 deg. */
const params: fc.Arbitrary<SyntheticParams> = fc.record({
  durationS: fc.double({ min: 12, max: 20, noNaN: true }),
  rateHz: fc.double({ min: 50, max: 100, noNaN: true }),
  components: fc.array(
    fc.record({
      amplitude: fc.double({ min: 0.02, max: 0.5, noNaN: true }),
      frequencyHz: fc.double({ min: 0.2, max: 2, noNaN: true }),
      phase: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      axis: fc.constantFrom('ap' as const, 'ml' as const),
    }),
    { minLength: 2, maxLength: 5 },
  ),
  tiltRad: fc.double({ min: 0, max: Math.PI / 6, noNaN: true }),
  tiltAzimuthRad: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
  jitter: fc.double({ min: 0, max: 0.4, noNaN: true }),
  seed: fc.integer(),
});

const RUNS = 40;
/** Invariances hold exactly in arithmetic; allow floating-point rounding only. */
const TOLERANCE = 1e-9;

type Key = keyof SwayMetrics;
const ROTATION_INVARIANT: Key[] = [
  'rms',
  'meanDistance',
  'pathLength',
  'meanVelocity',
  'ellipseArea',
  'ellipseMajor',
  'ellipseMinor',
  'swayAreaRate',
  'jerk',
  'meanFrequency',
  'totalPower',
  'f50',
  'f95',
  'centroidFrequency',
  'frequencyDispersion',
];
const LENGTHS: Key[] = [
  'rmsAp',
  'rmsMl',
  'rms',
  'meanDistance',
  'rangeAp',
  'rangeMl',
  'pathLength',
  'meanVelocity',
];
const AREAS: Key[] = ['ellipseArea', 'swayAreaRate', 'totalPower'];
const SCALE_FREE: Key[] = [
  'meanFrequency',
  'f50',
  'f95',
  'centroidFrequency',
  'frequencyDispersion',
  'ellipseAngleDeg',
];

/**
 * The size a metric's rounding error scales with: the signal's RMS for lengths, its square for
 * areas (a metric can be near zero while the signal is not, e.g. sway along one line), else the
 * metric itself. The ellipse's minor axis and area go through sqrt(det C), whose rounding error
 * is about sqrt(eps) times rms^2 when det C is near zero: those get 1e-6 of the signal's scale.
 */
function allowedError(key: Key, value: number, reference: SwayMetrics): number {
  const rms = reference.rms;
  if (key === 'ellipseArea') return 1e-6 * Math.max(Math.abs(value), rms * rms);
  if (key === 'ellipseMinor') return 1e-6 * Math.max(Math.abs(value), rms);
  if (LENGTHS.includes(key) || key === 'ellipseMajor') return TOLERANCE * Math.max(Math.abs(value), rms);
  if (AREAS.includes(key)) return TOLERANCE * Math.max(Math.abs(value), rms * rms);
  return TOLERANCE * Math.max(Math.abs(value), 1e-12);
}

function expectRelative(
  actual: SwayMetrics,
  reference: SwayMetrics,
  keys: Key[],
  factor = 1,
  tolerance = TOLERANCE,
): void {
  for (const key of keys) {
    const a = actual[key] as number;
    const b = (reference[key] as number) * factor;
    if (key === 'ellipseAngleDeg') {
      // an axis, not a vector: 0 and 180 are the same line; a near-circle has no major axis
      const roundness = (reference.ellipseMajor - reference.ellipseMinor) / reference.ellipseMajor;
      if (roundness < 1e-3) continue;
      const turn = Math.abs(a - b) % 180;
      expect(Math.min(turn, 180 - turn), `${key}: ${a} vs ${b}`).toBeLessThan(1e-6);
      continue;
    }
    const scaled = { ...reference, rms: reference.rms * Math.sqrt(Math.abs(factor)) };
    expect(Math.abs(a - b), `${key}: ${a} vs ${b}`).toBeLessThanOrEqual(
      (allowedError(key, b, scaled) * tolerance) / TOLERANCE,
    );
  }
}

/** Rotates every acceleration and gyro vector of a recording by the rotation about unit axis k by angle. */
function rotateDevice(rec: MotionRecording, k: [number, number, number], angle: number): MotionRecording {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const [kx, ky, kz] = k;
  const turn = (x: ArrayLike<number>, y: ArrayLike<number>, z: ArrayLike<number>) => {
    const n = x.length;
    const out = [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
    for (let i = 0; i < n; i++) {
      const vx = x[i] as number;
      const vy = y[i] as number;
      const vz = z[i] as number;
      const dot = kx * vx + ky * vy + kz * vz;
      out[0][i] = vx * c + (ky * vz - kz * vy) * s + kx * dot * (1 - c);
      out[1][i] = vy * c + (kz * vx - kx * vz) * s + ky * dot * (1 - c);
      out[2][i] = vz * c + (kx * vy - ky * vx) * s + kz * dot * (1 - c);
    }
    return out;
  };
  const [ax, ay, az] = turn(rec.ax, rec.ay, rec.az);
  const [gx, gy, gz] = turn(rec.gx!, rec.gy!, rec.gz!);
  return { ...rec, ax, ay, az, gx, gy, gz };
}

function meanGravityAxis(rec: MotionRecording): [number, number, number] {
  const mean = (x: ArrayLike<number>) => Array.from(x).reduce((a, b) => a + b, 0) / x.length;
  const g = [mean(rec.ax), mean(rec.ay), mean(rec.az)];
  const norm = Math.hypot(...g);
  return g.map((v) => v / norm) as [number, number, number];
}

const window = { fromS: 1, toS: 11.5 };

describe('analysis invariants (fast-check)', () => {
  it('turning the phone about the vertical leaves distances, areas and spectra unchanged', () => {
    fc.assert(
      fc.property(params, fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), (p, angle) => {
        const rec = syntheticMotion(p);
        const turned = rotateDevice(rec, meanGravityAxis(rec), angle);
        expectRelative(analyze(turned, window).metrics, analyze(rec, window).metrics, ROTATION_INVARIANT);
      }),
      { numRuns: RUNS },
    );
  });

  it('flipping the sign of every acceleration axis changes no distance, area or spectrum', () => {
    // The tilt correction maps a sign-flipped recording onto the mirror image of its sway in the
    // horizontal plane (src/core/sign.ts): direction-free metrics are unchanged...
    fc.assert(
      fc.property(params, (p) => {
        const rec = syntheticMotion(p);
        const flip = (x: ArrayLike<number>) => Float64Array.from(x, (v) => -v);
        const flipped: MotionRecording = { ...rec, ax: flip(rec.ax), ay: flip(rec.ay), az: flip(rec.az) };
        expectRelative(analyze(flipped, window).metrics, analyze(rec, window).metrics, ROTATION_INVARIANT);
      }),
      { numRuns: RUNS },
    );
  });

  it('flipping the sign changes nothing at all once the sign is decided from the data', () => {
    // ...and with the sign decided from the data (as the sensor adapter and importers do), AP and
    // ML keep their directions too.
    fc.assert(
      fc.property(params, (p) => {
        const rec = syntheticMotion(p);
        const flip = (x: ArrayLike<number>) => Float64Array.from(x, (v) => -v);
        const flipped: MotionRecording = { ...rec, ax: flip(rec.ax), ay: flip(rec.ay), az: flip(rec.az) };
        const restored = withW3cSign(flipped);
        expect(restored.flipped).toBe(true);
        const all = Object.keys(analyze(rec, window).metrics).filter((k) => k !== 'signal') as Key[];
        expectRelative(analyze(restored.recording, window).metrics, analyze(rec, window).metrics, all);
      }),
      { numRuns: RUNS },
    );
  });

  it('scaling the signal by c scales distances by c and areas by c^2', () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.01, max: 100, noNaN: true }), (p, c) => {
        const rec = syntheticSway(p);
        const scaled: SwayRecording = {
          ...rec,
          ap: Float64Array.from(rec.ap, (v) => v * c),
          ml: Float64Array.from(rec.ml, (v) => v * c),
        };
        const a = analyze(scaled, window).metrics;
        const b = analyze(rec, window).metrics;
        expectRelative(a, b, LENGTHS, c);
        expectRelative(a, b, AREAS, c * c);
        expectRelative(a, b, ['jerk'], c * c);
        expectRelative(a, b, SCALE_FREE);
      }),
      { numRuns: RUNS },
    );
  });

  it('scaling a motion recording (gravity included) by c scales distances by c', () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.1, max: 10, noNaN: true }), (p, c) => {
        const rec = syntheticMotion(p);
        const scale = (x: ArrayLike<number>) => Float64Array.from(x, (v) => v * c);
        const scaled: MotionRecording = { ...rec, ax: scale(rec.ax), ay: scale(rec.ay), az: scale(rec.az) };
        const a = analyze(scaled, window).metrics;
        const b = analyze(rec, window).metrics;
        expectRelative(a, b, LENGTHS, c);
        expectRelative(a, b, AREAS, c * c);
      }),
      { numRuns: RUNS },
    );
  });

  // With a 50 m/s^2 offset, centring subtracts large numbers: rounding grows with the offset, hence 1e-7.
  it('adding a constant to the sway signal changes nothing', () => {
    fc.assert(
      fc.property(
        params,
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (p, dAp, dMl) => {
          const rec = syntheticSway(p);
          const shifted: SwayRecording = {
            ...rec,
            ap: Float64Array.from(rec.ap, (v) => v + dAp),
            ml: Float64Array.from(rec.ml, (v) => v + dMl),
          };
          const a = analyze(shifted, window).metrics;
          const b = analyze(rec, window).metrics;
          // centring removes the offset; what is left differs only by rounding of the larger numbers
          expectRelative(a, b, [...LENGTHS, ...AREAS, ...SCALE_FREE, 'jerk'], 1, 1e-7);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
