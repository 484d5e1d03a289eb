import { bench, describe } from 'vitest';
import { butterworthLowpass } from '../../src/core/signal/butterworth';
import { filtfilt } from '../../src/core/signal/filtfilt';
import { resampleLinear, uniformGrid } from '../../src/core/signal/resample';
import { rotateColumns, rotationToVertical, type Vec3 } from '../../src/core/signal/rotation';
import { welch } from '../../src/core/signal/welch';

/**
 * The signal steps on the sizes of SPEC's target case: a 45 s recording (60 Hz input, 2700 rows)
 * resampled to 50 Hz = 2250 samples. The whole analysis must take under 2 ms (median).
 * Run: npm run bench -- tests/bench/signal.bench.ts (add --outputJson FILE for medians).
 */
const RATE = 50;
const N = 2250;

/** Deterministic sway-like test signal: two slow sines, a drift and uniform noise (mulberry32). */
function signal(n: number, rate: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return Float64Array.from({ length: n }, (_, i) => {
    const t = i / rate;
    return (
      0.2 * Math.sin(2 * Math.PI * 0.5 * t) +
      0.1 * Math.sin(2 * Math.PI * 1.3 * t + 1) +
      0.01 * t +
      0.05 * rand()
    );
  });
}

const coefficients = butterworthLowpass(4, 3.5, RATE);
const x = signal(N, RATE, 1);

describe('signal steps, 2250 samples (45 s at 50 Hz)', () => {
  bench('filtfilt, order 4', () => {
    filtfilt(coefficients, x);
  });

  bench('welch, L = 1024', () => {
    welch(x, RATE);
  });
});

// One 45 s recording at 60 Hz with jittered timestamps, three accelerometer and three gyro axes.
const rows = 2700;
const tS = new Float64Array(rows);
for (let i = 0; i < rows; i++) tS[i] = i / 60 + (i > 0 && i < rows - 1 ? 0.002 * Math.sin(i * 1.7) : 0);
const axes = [0, 1, 2, 3, 4, 5].map((k) => signal(rows, 60, k + 10));
for (let i = 0; i < rows; i++) (axes[1] as Float64Array)[i] = ((axes[1] as Float64Array)[i] as number) + 9.81;

describe('all signal steps of one 45 s recording at 60 Hz', () => {
  bench('resample 6 axes, rotate 2 vectors, design, filtfilt 4 series, welch 2', () => {
    const grid = uniformGrid(tS[0] as number, tS[rows - 1] as number, RATE);
    const [ax, ay, az, gx, gy, gz] = axes.map((a) => resampleLinear(tS, a, grid)) as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    const g: Vec3 = [0, 0, 0];
    for (let i = 0; i < grid.n; i++) {
      g[0] += ax[i] as number;
      g[1] += ay[i] as number;
      g[2] += az[i] as number;
    }
    const R = rotationToVertical(g);
    const [ml, , ap] = rotateColumns(R, ax, ay, az);
    const [wAp, , wMl] = rotateColumns(R, gx, gy, gz);
    const c = butterworthLowpass(4, 3.5, RATE);
    const fAp = filtfilt(c, ap);
    const fMl = filtfilt(c, ml);
    filtfilt(c, wAp);
    filtfilt(c, wMl);
    welch(fAp, RATE);
    welch(fMl, RATE);
  });
});
