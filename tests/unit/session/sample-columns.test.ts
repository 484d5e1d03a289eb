import { describe, expect, it } from 'vitest';
import { createSampleColumns } from '../../../src/session/sample-columns';

const row = (k: number) => [k / 50, k, 9.8, -k, 0.1, 0.2, 0.3, NaN, 1, -1] as const;

describe('sample columns', () => {
  it('grows past its first capacity without losing or reordering a row, and hands out exactly-sized copies', () => {
    const columns = createSampleColumns(16);
    for (let k = 0; k < 100; k++) columns.append(...row(k));
    expect(columns.length).toBe(100);
    const samples = columns.toSamples();
    expect(samples.tS).toHaveLength(100);
    expect(samples.tS.buffer.byteLength).toBe(100 * 8);
    expect(Array.from(samples.ax)).toEqual(Array.from({ length: 100 }, (_, k) => k));
    expect(samples.lx.every(Number.isNaN)).toBe(true); // NaN stays NaN
    expect(columns.row(42)).toEqual({
      tS: 0.84,
      ax: 42,
      ay: 9.8,
      az: -42,
      gx: 0.1,
      gy: 0.2,
      gz: 0.3,
      lx: NaN,
      ly: 1,
      lz: -1,
    });
    expect(columns.timeAt(99)).toBe(99 / 50);
  });

  it('flips the accelerations (not time, not gyro) of the rows from a given one', () => {
    const columns = createSampleColumns();
    for (let k = 0; k < 4; k++) columns.append(...row(k));
    columns.flipAccelerations(2);
    const samples = columns.toSamples();
    expect(Array.from(samples.ay)).toEqual([9.8, 9.8, -9.8, -9.8]);
    expect(Array.from(samples.ly)).toEqual([1, 1, -1, -1]);
    expect(Array.from(samples.gx)).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(Array.from(samples.tS)).toEqual([0, 0.02, 0.04, 0.06]);
  });
});
