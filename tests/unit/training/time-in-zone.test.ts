import { describe, expect, it } from 'vitest';
import { STANDARD_GRAVITY_MS2 as g } from '../../../src/training/feedback';
import { timeInZone } from '../../../src/training/time-in-zone';

/** A set at 50 Hz, upright for the first `stillS`, then leaning right by `leanMs2` (as gravity reading) from `fromS` to `toS`. */
function set(durationS: number, lean: (t: number) => number) {
  const n = durationS * 50 + 1;
  const tS = Float64Array.from({ length: n }, (_, k) => k / 50);
  const ax = tS.map((t) => lean(t));
  const ay = tS.map((t) => Math.sqrt(g * g - lean(t) ** 2));
  const az = new Float64Array(n);
  return { tS, ax, ay, az };
}

describe('time in zone', () => {
  it('is 1 for a still set and 0 for one leaning well outside the zone from the reference on', () => {
    expect(
      timeInZone(
        set(10, () => 0),
        0.17,
      ),
    ).toBe(1);
    expect(
      timeInZone(
        set(10, (t) => (t > 1.2 ? 1 : 0)),
        0.17,
      ),
    ).toBeCloseTo(0, 1);
  });

  it('counts the time outside: a lean over the second half of the 9 s after the reference', () => {
    // The reference ends with the reading at 1.0 s; the 50 Hz intervals ending at 1.02 .. 10.0 s
    // are measured (9 s). A lean of 1 m/s^2 from 5.5 s: the low-pass's first step there is
    // 1 - exp(-2 pi 3.5 Hz 0.02 s) = 0.356 m/s^2, already outside 0.17, so the intervals
    // ending at 1.02 .. 5.48 s are inside: 4.48 s of 9 s.
    const fraction = timeInZone(
      set(10, (t) => (t >= 5.5 ? 1 : 0)),
      0.17,
    )!;
    expect(fraction).toBeCloseTo(4.48 / 9, 9);
  });

  it('is null when the set ended inside the reference second, and skips gaps', () => {
    expect(
      timeInZone(
        set(0.5, () => 0),
        0.17,
      ),
    ).toBeNull();
    expect(timeInZone({ tS: [], ax: [], ay: [], az: [] }, 0.17)).toBeNull();
    // a 2 s gap while leaning counts for nothing: the rest is still, so all of it is inside
    const s = set(10, (t) => (t > 4 && t < 6 ? 1 : 0));
    const keep = Array.from(s.tS, (t, k) => (t > 4 && t < 6 ? -1 : k)).filter((k) => k >= 0);
    const pick = (c: Float64Array) => keep.map((k) => c[k] as number);
    expect(timeInZone({ tS: pick(s.tS), ax: pick(s.ax), ay: pick(s.ay), az: pick(s.az) }, 0.17)).toBe(1);
  });
});
