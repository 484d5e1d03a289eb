import { describe, expect, it } from 'vitest';
import { detectTouchdown, traceTouchdown } from '../../../src/core/detect/touchdown';
import { readFixtureText, readSamplesCsv } from './fixture-csv';

/** fixtures/sim/truth.json: the shared reference simulations' true touch-down times. */
const truth = JSON.parse(readFixtureText('sim/truth.json')) as Record<string, { touchdown: number | null }>;

describe('the eight shared reference simulations (fixtures/sim)', () => {
  for (const [id, { touchdown }] of Object.entries(truth)) {
    it(`${id}: ${touchdown === null ? 'no touch-down' : `touch-down at ${touchdown.toFixed(3)} s, found within 0.25 s`}`, () => {
      const found = detectTouchdown(readSamplesCsv(`sim/${id}.csv`));
      if (touchdown === null) expect(found).toBeNull();
      else expect(Math.abs(found! - touchdown)).toBeLessThanOrEqual(0.25);
    });
  }

  it('finds the touch-downs within 40 ms (measured 10-39 ms late: the first sample past the floor)', () => {
    // Measured with the defaults: case01 +10 ms, case02 +28 ms, case04 +39 ms, case05 +13 ms,
    // case07 +14 ms. A jolt crosses the 2 m/s^2 floor on its rising edge, after its start.
    for (const [id, { touchdown }] of Object.entries(truth)) {
      if (touchdown === null) continue;
      const error = detectTouchdown(readSamplesCsv(`sim/${id}.csv`))! - touchdown;
      expect(error, id).toBeGreaterThanOrEqual(0);
      expect(error, id).toBeLessThan(0.04);
    }
  });
});

describe('the belt IMU recordings of standing (fixtures/imu-standing)', () => {
  const quiet = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'];

  for (const id of quiet) {
    it(`${id} (quiet standing): no touch-down, every jolt under a sixth of the 2 m/s^2 floor`, () => {
      const rec = readSamplesCsv(`imu-standing/${id}.csv`);
      expect(detectTouchdown(rec)).toBeNull();
      // Measured: the largest jolt of q1-q10 is 0.08-0.29 m/s^2.
      expect(Math.max(...traceTouchdown(rec).joltMs2)).toBeLessThan(2 / 6);
    });
  }

  it('int1-int5 (large sway, 1-2 Hz horizontal swings up to 10 m/s^2): the threshold rises well above the floor', () => {
    // SPEC asks nothing here; what happens is printed for the record. Measured with the
    // defaults: the running mean jolt grows to 0.6-1.2 m/s^2, so the threshold reaches
    // 4.6-9.6 m/s^2 (the gentle path off for the threshold's trace); int1 ends without a
    // touch-down, int2-int5 are flagged at 3.91, 3.45, 2.31 and 3.27 s, when the swinging
    // starts and the running mean has not caught up with it yet (before the gentle path:
    // int4 and int5 only, at 3.18 and 3.27 s).
    for (const id of ['int1', 'int2', 'int3', 'int4', 'int5']) {
      const rec = readSamplesCsv(`imu-standing/${id}.csv`);
      const trace = traceTouchdown(rec, { minJoltMs2: Infinity, gentleMinJoltMs2: Infinity });
      const maxThreshold = 8 * Math.max(...trace.noiseMs2);
      const at = detectTouchdown(rec);
      console.log(
        `${id}: threshold up to ${maxThreshold.toFixed(1)} m/s^2, touch-down ${at === null ? 'none' : `${at.toFixed(2)} s`}`,
      );
      expect(maxThreshold, id).toBeGreaterThan(3);
    }
  });
});
