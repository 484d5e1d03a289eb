/**
 * Cost of the touch-down detector. The live test calls `push` on the main thread for every
 * DeviceMotion event (60-100 Hz): the budget is well under 0.1 ms per call.
 *   npm run bench -- tests/bench/detect.bench.ts
 */
import { bench, describe } from 'vitest';
import { createTouchdownDetector, detectTouchdown } from '../../src/core/detect/touchdown';
import { simulateTrial } from '../sim/simulate';

// Seed 1001: a completed trial of the labelled set (tests/unit/detect/touchdown-sim.test.ts);
// its cap and rate come from the seed, the sample count is in the title. Divide the time per
// iteration by it for the cost of one push.
const completed = simulateTrial(1001, false).recording;
const n = completed.tS.length;

describe(`touch-down detector, ${n} samples of a simulated completed trial`, () => {
  bench('push, one sample at a time (whole recording per iteration)', () => {
    const d = createTouchdownDetector();
    for (let i = 0; i < n; i++)
      d.push(completed.tS[i]!, completed.ax[i]!, completed.ay[i]!, completed.az[i]!);
  });

  bench('detectTouchdown (offline: sort + stream)', () => {
    detectTouchdown(completed);
  });
});
