import { bench, describe } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { QUIET_STANCE, syntheticMotion, type SyntheticParams } from '../unit/helpers/synthetic';

/**
 * The target: analysing a 45 s recording at 60 Hz takes under 2 ms (median) on the
 * project's machine; cost grows linearly with length (shown at 45 s, 3 min and 12 min).
 */
const base: SyntheticParams = { ...QUIET_STANCE, durationS: 45, rateHz: 60 };

describe('analyze: whole pipeline with touch-down detection', () => {
  for (const durationS of [45, 180, 720]) {
    const recording = syntheticMotion({ ...base, durationS });
    bench(`${durationS} s at 60 Hz (${recording.tS.length} rows)`, () => {
      analyze(recording);
    });
  }
});
