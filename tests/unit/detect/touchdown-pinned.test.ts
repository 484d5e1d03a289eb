import { describe, expect, it } from 'vitest';
import { detectTouchdown, traceTouchdown } from '../../../src/core/detect/touchdown';
import type { MotionRecording } from '../../../src/core/types';
import { simulateTrial } from '../../sim/simulate';

/**
 * The detector's every number, pinned: the touch-down and a fingerprint of the jolt trace
 * (every scored sample's jolt, threshold, vertical and horizontal parts and noise level) of
 * 24 simulated trials, as the detector gave them before its offline path was made faster
 * (rows fed in a loop instead of call by call, the glitch test without the medians). A change
 * of any bit of any number changes the fingerprint: a change of the detector's results must
 * be deliberate (and bump ANALYSIS_VERSION). The trace is the jolt kernel's, with the gentle
 * path off; the gentle path (src/core/detect/gentle.ts, analysis version 2) changes one
 * touch-down of these trials, pinned in GENTLE_TOUCHDOWNS.
 */

/** FNV-1a (32 bits) over the numbers' IEEE 754 bit patterns. */
function fingerprint(values: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(8));
  let hash = 0x811c9dc5;
  for (const value of values) {
    view.setFloat64(0, value);
    for (let b = 0; b < 8; b++) hash = Math.imul(hash ^ view.getUint8(b), 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * seed; then touch-down (s) or null, scored samples and fingerprint, for the trial as
 * simulated and with a single-sample glitch of 40 m/s^2 every 97 samples (`withGlitches`).
 */
const PINNED: [number, number | null, number, string, number | null, number, string][] = [
  [0, 12.645396076803632, 956, 'b63bd205', 12.645396076803632, 956, 'bd8b7f21'],
  [1, null, 2677, '0f165317', null, 2677, 'dc375291'],
  [2, 8.932767605007742, 495, 'f9f7b532', 8.932767605007742, 495, '48e76e71'],
  [3, null, 1108, 'f8652d65', null, 1108, '8a57a219'],
  [4, 2.5665444526672654, 151, '4b308d90', 2.5665444526672654, 151, '75ca5c33'],
  [5, null, 1750, 'a03fb2a5', null, 1750, '75b69741'],
  [6, 2.04852355774784, 120, '8b56eb0f', 2.04852355774784, 120, '14c0008f'],
  [7, null, 1700, '8cf2e839', null, 1700, '71766ccc'],
  [8, 23.253806444881146, 1907, '8e68b90a', 23.253806444881146, 1907, '8d7407fa'],
  [9, null, 1298, '9338255a', null, 1298, 'e2fbf405'],
  [10, 3.698474921325877, 219, '249c83b4', 3.698474921325877, 219, '249c83b4'],
  [11, null, 574, '02d801c3', null, 574, '0f04e941'],
  [12, 16.11953302127252, 794, 'db16caab', 16.11953302127252, 794, '9cc81ffa'],
  [13, null, 666, '952b8aa9', null, 666, '0118f422'],
  [14, 15.00022040649238, 897, 'ea29d56b', 15.00022040649238, 897, '21c72b38'],
  [15, null, 4376, 'd4a4db4f', null, 4376, 'ccbf9685'],
  [16, 33.2382151570703, 2994, 'cd657e46', 33.2382151570703, 2994, '6284627d'],
  [17, null, 1562, '3f4689f9', null, 1562, '156aad0a'],
  [18, 17.0175841950261, 1605, 'e3137364', 17.0175841950261, 1605, '7c285c0a'],
  [19, null, 1486, 'e0e30973', null, 1486, '0a474fb7'],
  [20, 17.736703479111252, 1001, '2c1f9dff', 17.736703479111252, 1001, '3470dd4d'],
  [21, null, 4457, '644a865e', null, 4457, '33ebf01c'],
  [22, 7.600312002330493, 453, 'cde4dc64', 7.600312002330493, 453, 'fcba753c'],
  [23, null, 2821, '4a259805', null, 2821, '0a35522b'],
];

/**
 * Touch-downs with every default (the gentle path on), where they differ from the kernel's:
 * trial 23 is a completed trial, and the gentle path confirms a soft upward jolt at 19.86 s
 * (one of the 1-2 % false detections the simulated sets measure), with and without glitches.
 */
const GENTLE_TOUCHDOWNS: Record<number, number> = { 23: 19.859521830234875 };

/** The simulated trial with a glitch on one axis every 97 samples, for the glitch filter. */
function withGlitches(recording: MotionRecording): MotionRecording {
  const axes = [
    Float64Array.from(recording.ax),
    Float64Array.from(recording.ay),
    Float64Array.from(recording.az),
  ];
  for (let k = 50; k < recording.tS.length; k += 97) {
    const axis = axes[k % 3] as Float64Array;
    axis[k] = (axis[k] as number) + (k % 2 === 0 ? 40 : -40);
  }
  const [ax, ay, az] = axes as [Float64Array, Float64Array, Float64Array];
  return { ...recording, ax, ay, az };
}

function traceFingerprint(recording: MotionRecording): [number | null, number, string] {
  const { touchdownS, tS, joltMs2, thresholdMs2, verticalMs2, horizontalMs2, noiseMs2 } = traceTouchdown(
    recording,
    { gentleMinJoltMs2: Infinity },
  );
  return [
    touchdownS,
    tS.length,
    fingerprint([...joltMs2, ...thresholdMs2, ...verticalMs2, ...horizontalMs2, ...noiseMs2]),
  ];
}

describe('the detector gives the same numbers as before, bit for bit', () => {
  it.each(PINNED)(
    'simulated trial %i',
    (seed, touchdownS, scored, expected, glitchedS, glitchedScored, glitched) => {
      const { recording } = simulateTrial(seed, seed % 2 === 0);
      expect(traceFingerprint(recording)).toEqual([touchdownS, scored, expected]);
      expect(traceFingerprint(withGlitches(recording))).toEqual([glitchedS, glitchedScored, glitched]);
      const gentle = GENTLE_TOUCHDOWNS[seed];
      expect(detectTouchdown(recording)).toBe(gentle ?? touchdownS);
      expect(detectTouchdown(withGlitches(recording))).toBe(gentle ?? glitchedS);
    },
  );
});
