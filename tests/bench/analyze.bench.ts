import { bench, describe } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { syntheticMotion, type SyntheticParams } from '../unit/helpers/synthetic';

/**
 * The target: analysing a 45 s recording at 60 Hz takes under 2 ms (median) on the
 * project's machine; cost grows linearly with length (shown at 45 s, 3 min and 12 min).
 */
const base: SyntheticParams = {
  durationS: 45,
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

describe('analyze: whole pipeline with touch-down detection', () => {
  for (const durationS of [45, 180, 720]) {
    const recording = syntheticMotion({ ...base, durationS });
    bench(`${durationS} s at 60 Hz (${recording.tS.length} rows)`, () => {
      analyze(recording);
    });
  }
});
