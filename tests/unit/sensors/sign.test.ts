import { describe, expect, it } from 'vitest';
import { accelerationSign, createSignVote } from '../../../src/sensors/sign';

describe('sign vote (SPEC section 2: an upright phone reads a positive mean y)', () => {
  it('keeps the W3C sign when the mean y is positive', () => {
    const vote = createSignVote();
    vote.add(0.3, 9.6, 1.2);
    vote.add(0.1, 9.9, 1.0);
    const decision = vote.decide('countdown');
    expect(decision).toEqual({
      flipped: false,
      upright: true,
      basis: 'countdown',
      meanRawAyMS2: 9.75,
      samples: 2,
    });
    expect(accelerationSign(decision)).toBe(1);
  });

  it('flips when the mean y is negative (iOS WebKit), even with a jolt of the other sign among the readings', () => {
    const vote = createSignVote();
    for (let k = 0; k < 9; k++) vote.add(-0.2, -9.8, -1);
    vote.add(0, 15, 0); // one jolt
    const decision = vote.decide('after-go');
    expect(decision.flipped).toBe(true);
    expect(decision.meanRawAyMS2).toBeCloseTo((9 * -9.8 + 15) / 10, 12);
    expect(accelerationSign(decision)).toBe(-1);
  });

  it('leaves out readings with a missing axis and keeps the sign when there is nothing to decide from', () => {
    const vote = createSignVote();
    vote.add(NaN, -9.8, 0);
    vote.add(0, Infinity, 0);
    expect(vote.count).toBe(0);
    expect(vote.mean()).toBeNull();
    expect(vote.decide('countdown')).toEqual({
      flipped: false,
      upright: false,
      basis: 'none',
      meanRawAyMS2: NaN,
      samples: 0,
    });
  });

  it('does not decide for a phone lying flat: y is not the main axis (src/core/sign.ts rule)', () => {
    const vote = createSignVote();
    vote.add(0.2, -1.0, -9.7);
    const decision = vote.decide('countdown');
    expect(decision).toMatchObject({ flipped: false, upright: false, samples: 1 });
    expect(vote.mean()).toEqual([0.2, -1.0, -9.7]);
  });
});
