import { describe, expect, it } from 'vitest';
import { SampleRing } from '../../../src/core/detect/sample-ring';

describe('SampleRing', () => {
  it('sums any run of stored samples', () => {
    const ring = new SampleRing(3); // 8 samples
    for (let i = 0; i < 5; i++) ring.push(i / 10, i, 10 * i, -i);
    const out: [number, number, number] = [0, 0, 0];
    ring.sum(1, 4, out); // samples 1, 2, 3
    expect(out).toEqual([6, 60, -6]);
    ring.sum(0, 5, out); // up to the newest
    expect(out).toEqual([10, 100, -10]);
    ring.sum(3, 3, out); // empty run
    expect(out).toEqual([0, 0, 0]);
    expect(ring.t(4)).toBe(0.4);
    expect([ring.x(2), ring.y(2), ring.z(2)]).toEqual([2, 20, -2]);
  });

  it('keeps the last `capacity` samples after wrapping around', () => {
    const ring = new SampleRing(2); // 4 samples
    for (let i = 0; i < 11; i++) ring.push(i, i, 0, 0);
    expect(ring.count).toBe(11);
    expect(ring.oldest).toBe(7);
    const out: [number, number, number] = [0, 0, 0];
    ring.sum(7, 11, out); // 7 + 8 + 9 + 10
    expect(out[0]).toBe(34);
    ring.sum(8, 10, out); // 8 + 9
    expect(out[0]).toBe(17);
    expect(ring.t(7)).toBe(7);
  });
});
