/**
 * What the trial stores: the sign decision (SPEC section 2), missing values as NaN, and one
 * stored row per delivered devicemotion event.
 */
import { concat, interval, map, NEVER, take, timer } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { deviceMotion$ } from '../../../src/sensors/motion';
import { SIGN_READINGS } from '../../../src/session/trial-run';
import { runTrial, type TrialState } from '../../../src/session/trial';
import type { MotionSample } from '../../../src/session/types';
import { FakeMotionWindow } from '../sensors/fake-motion-window';
import {
  depsWith,
  recordOf,
  setupWithCap,
  steadySamples$,
  testScheduler,
  uprightSample,
} from './trial-harness';

function runToEnd(
  build: (scheduler: ReturnType<typeof testScheduler>) => Parameters<typeof runTrial>,
): TrialState[] {
  const scheduler = testScheduler();
  const states: TrialState[] = [];
  scheduler.run(() => {
    runTrial(...build(scheduler)).subscribe((state) => states.push(state));
  });
  return states;
}

describe('sign normalisation', () => {
  it('flips every acceleration (not the gyro) when the countdown reads a negative y: iOS WebKit', () => {
    const record = recordOf(
      runToEnd((scheduler) => [
        setupWithCap(10),
        depsWith(scheduler, { motion$: steadySamples$(scheduler, 20, -1) }),
      ]),
    );
    // countdown samples at 20, 40, ... 4980 ms (and the one at 5000 if it comes before go in that frame)
    expect(record.sign).toMatchObject({ flipped: true, upright: true, basis: 'countdown' });
    expect(record.sign?.samples).toBeGreaterThanOrEqual(249);
    expect(record.sign?.samples).toBeLessThanOrEqual(250);
    expect(record.sign?.meanRawAyMS2).toBeCloseTo(-9.8, 12);
    for (let k = 0; k < record.samples.tS.length; k++) {
      const expected = uprightSample(5 + (record.samples.tS[k] as number), 1);
      expect(record.samples.ay[k]).toBe(9.8);
      expect(record.samples.ax[k]).toBeCloseTo(expected.ax, 9);
      expect(record.samples.az[k]).toBeCloseTo(expected.az, 9);
      expect(record.samples.lx[k]).toBeCloseTo(expected.lx, 9);
      expect(record.samples.gx[k]).toBeCloseTo(expected.gx, 9); // gyro as delivered
    }
  });

  it('keeps the readings when the countdown reads a positive y (W3C sign)', () => {
    const record = recordOf(
      runToEnd((scheduler) => [
        setupWithCap(10),
        depsWith(scheduler, { motion$: steadySamples$(scheduler, 20, 1) }),
      ]),
    );
    expect(record.sign).toMatchObject({ flipped: false, upright: true, basis: 'countdown' });
    expect(record.samples.ay.every((ay) => ay === 9.8)).toBe(true);
  });

  it('decides from the first readings after go when the countdown had none, and flips those too', () => {
    const record = recordOf(
      runToEnd((scheduler) => [
        setupWithCap(10),
        depsWith(scheduler, {
          motion$: timer(5010, scheduler).pipe(
            map(() => uprightSample(5.01, -1)),
            (first$) => concat(first$, steadySamples$(scheduler, 20, -1)),
          ),
        }),
      ]),
    );
    expect(record.sign).toMatchObject({
      flipped: true,
      upright: true,
      basis: 'after-go',
      samples: SIGN_READINGS,
    });
    expect(record.sign?.meanRawAyMS2).toBeCloseTo(-9.8, 12);
    expect(record.samples.tS[0]).toBeCloseTo(0.01, 12);
    expect(record.samples.ay.every((ay) => ay === 9.8)).toBe(true);
  });

  it('keeps the readings and says so when the phone was not upright (lying flat): the sign cannot be told', () => {
    const flat = (tS: number): MotionSample => ({ ...uprightSample(tS), ax: 0.1, ay: -0.3, az: -9.8 });
    const record = recordOf(
      runToEnd((scheduler) => [
        setupWithCap(10),
        depsWith(scheduler, {
          motion$: interval(20, scheduler).pipe(map(() => flat(scheduler.now() / 1000))),
        }),
      ]),
    );
    expect(record.sign).toMatchObject({ flipped: false, upright: false, basis: 'countdown' });
    expect(record.samples.az.every((az) => az === -9.8)).toBe(true);
  });
});

describe('missing values', () => {
  it('stores a missing axis or vector as NaN, never drops the row, and the analysis counts what it left out', () => {
    // every 5th reading lacks ax, every reading lacks the whole gyro vector after 8 s
    const motion$ = (scheduler: ReturnType<typeof testScheduler>) =>
      interval(20, scheduler).pipe(
        map((k): MotionSample => {
          const sample = uprightSample(scheduler.now() / 1000);
          if (k % 5 === 0) sample.ax = NaN;
          if (scheduler.now() > 8000) Object.assign(sample, { gx: NaN, gy: NaN, gz: NaN });
          return sample;
        }),
      );
    const record = recordOf(
      runToEnd((scheduler) => [setupWithCap(10), depsWith(scheduler, { motion$: motion$(scheduler) })]),
    );
    const missingAx = record.samples.ax.filter(Number.isNaN).length;
    expect(record.samples.tS.length).toBe(record.eventsReceived);
    // rows at 5000, 5100, ... 14900 (k a multiple of 5) lack ax: 100 of them
    expect(missingAx).toBe(100);
    expect(record.samples.gx.filter(Number.isNaN).length).toBe(record.samples.tS.filter((t) => t > 3).length);
    // the analysis' window is [1, 10]: rows lacking ax there are left out and counted
    const inWindow = Array.from(record.samples.tS).filter(
      (t, k) => t >= 0 && Number.isNaN(record.samples.ax[k]!),
    ).length;
    expect(record.analysis?.dropped.nonFiniteValue).toBe(inWindow);
  });
});

describe('none dropped', () => {
  it('stores exactly as many samples as devicemotion events were delivered while running', () => {
    const scheduler = testScheduler();
    const win = new FakeMotionWindow();
    const states: TrialState[] = [];
    const firedAtMs: number[] = [];
    scheduler.run(({ hot }) => {
      // a 16 ms sensor with some empty and partial events (Chromium may deliver nulls)
      interval(16, scheduler)
        .pipe(take(1500))
        .subscribe((k) => {
          const nowMs = scheduler.now();
          const s = uprightSample(nowMs / 1000);
          firedAtMs.push(nowMs);
          win.fire({
            timeStamp: nowMs,
            accelerationIncludingGravity:
              k % 97 === 0 ? null : { x: s.ax, y: s.ay, z: k % 13 === 0 ? null : s.az },
            acceleration: null,
            rotationRate: k % 7 === 0 ? null : { alpha: s.gx, beta: s.gy, gamma: s.gz },
          });
        });
      const stop$ = hot<void>('12345ms a');
      runTrial(setupWithCap(45), depsWith(scheduler, { motion$: deviceMotion$(win), stop$ })).subscribe(
        (state) => states.push(state),
      );
    });
    const record = recordOf(states);
    // go at 5000 ms and Stop at 12345 ms; no event falls on either instant (16 ms grid)
    const delivered = firedAtMs.filter((atMs) => atMs > 5000 && atMs < 12345).length;
    expect(delivered).toBe(459);
    expect(record.eventsReceived).toBe(delivered);
    expect(record.samples.tS.length).toBe(delivered);
    expect(record.samples.ax.filter(Number.isNaN).length).toBeGreaterThan(0);
    expect(win.listenerCount).toBe(0); // the listener is removed at the end
  });

  it('keeps no listener once a trial ends and none during a trial that was never subscribed', () => {
    const win = new FakeMotionWindow();
    const motion$ = deviceMotion$(win);
    expect(win.listenerCount).toBe(0);
    const subscription = concat(motion$, NEVER).subscribe();
    expect(win.listenerCount).toBe(1);
    subscription.unsubscribe();
    expect(win.listenerCount).toBe(0);
  });
});
