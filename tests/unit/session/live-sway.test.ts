import { describe, expect, it } from 'vitest';
import { createLiveSway, LIVE_GRAVITY_S } from '../../../src/session/live-sway';

describe('live sway preview', () => {
  it('is null until "down" is known, then about 0 for a still phone, whatever its tilt', () => {
    const live = createLiveSway();
    expect(live.point()).toBeNull();
    // a phone tilted 20 degrees forward (about x), standing still
    const tilt = (20 * Math.PI) / 180;
    const g = [0, 9.81 * Math.cos(tilt), 9.81 * Math.sin(tilt)] as const;
    live.setGravity(...g);
    for (let k = 0; k < 100; k++) live.push(k / 50, ...g);
    const point = live.point()!;
    expect(point.ap).toBeCloseTo(0, 12);
    expect(point.ml).toBeCloseTo(0, 12);
  });

  it('shows a forward lean as AP and a sideways one as ML (world z and x of the analysis)', () => {
    const live = createLiveSway();
    live.setGravity(0, 9.81, 0);
    for (let k = 0; k < 200; k++) live.push(k / 50, 0.3, 9.81, 0);
    expect(live.point()!.ml).toBeCloseTo(0.3, 6); // the low-pass has settled after 4 s
    expect(live.point()!.ap).toBeCloseTo(0, 12);
    for (let k = 200; k < 400; k++) live.push(k / 50, 0, 9.81, -0.2);
    expect(live.point()!.ap).toBeCloseTo(-0.2, 6);
  });

  it('low-passes at 3.5 Hz: a 10 Hz wobble is damped, sway at 0.5 Hz is not', () => {
    const amplitude = (hz: number) => {
      const live = createLiveSway();
      live.setGravity(0, 9.81, 0);
      let peak = 0;
      for (let k = 0; k < 1000; k++) {
        const t = k / 100;
        live.push(t, Math.sin(2 * Math.PI * hz * t), 9.81, 0);
        if (t > 5) peak = Math.max(peak, Math.abs(live.point()!.ml));
      }
      return peak;
    };
    expect(amplitude(0.5)).toBeGreaterThan(0.95);
    expect(amplitude(10)).toBeLessThan(0.4);
  });

  it('takes "down" from the first second when no countdown reading set it, skipping incomplete and repeated rows', () => {
    const live = createLiveSway();
    live.push(0, NaN, 9.81, 0);
    for (let k = 0; k < 50; k++) live.push(k / 50, 0, 9.81, 0);
    live.push(49 / 50, 5, 5, 5); // repeated time: left out
    expect(live.point()).toBeNull(); // 0.98 s so far
    live.push(LIVE_GRAVITY_S, 0, 9.81, 0);
    expect(live.point()).toEqual({ ap: 0, ml: 0 });
  });
});
