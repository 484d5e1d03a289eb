/**
 * The demo replay's timing in virtual time: each row at lead-in + (t - t0) / speed, carrying
 * the recording's own time, none skipped.
 */
import { map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { MotionRecording } from '../../../src/core/types';
import { demoMotion$, sampleFromRecording } from '../../../src/sensors/demo';

const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/** Four rows at 0, 10, 30 and 60 ms, with one missing gyro value. */
const recording: MotionRecording = {
  kind: 'motion',
  tS: [0, 0.01, 0.03, 0.06],
  ax: [0.1, 0.2, 0.3, 0.4],
  ay: [9.8, 9.7, 9.6, 9.5],
  az: [1, 1, 1, 1],
  gx: [1, 2, NaN, 4],
  gy: [0, 0, 0, 0],
  gz: [0, 0, 0, 0],
};
const letters = { a: 0, b: 0.01, c: 0.03, d: 0.06 };

describe('demoMotion$', () => {
  it('plays the rows in real time with their own times, then completes', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      const times$ = demoMotion$(recording, { scheduler }).pipe(map((sample) => sample.tS));
      expectObservable(times$).toBe('a 9ms b 19ms c 29ms (d|)', letters);
    });
  });

  it('plays twice as fast at speed 2, after the lead-in, still carrying the recording times', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      const times$ = demoMotion$(recording, { scheduler, speed: 2, leadInS: 5 }).pipe(
        map((sample) => sample.tS),
      );
      expectObservable(times$).toBe('5000ms a 4ms b 9ms c 14ms (d|)', letters);
    });
  });

  it('counts from the first row: a recording starting at 12 s plays its first row at once', () => {
    const scheduler = testScheduler();
    const later: MotionRecording = { ...recording, tS: [12, 12.01, 12.03, 12.06] };
    scheduler.run(({ expectObservable }) => {
      const times$ = demoMotion$(later, { scheduler }).pipe(map((sample) => sample.tS));
      expectObservable(times$).toBe('a 9ms b 19ms c 29ms (d|)', { a: 12, b: 12.01, c: 12.03, d: 12.06 });
    });
  });

  it('emits a row without a time together with the row before it, and skips none', () => {
    const scheduler = testScheduler();
    const gappy: MotionRecording = { ...recording, tS: [0, NaN, 0.03, 0.06] };
    scheduler.run(({ expectObservable }) => {
      const ax$ = demoMotion$(gappy, { scheduler }).pipe(map((sample) => sample.ax));
      expectObservable(ax$).toBe('(ab) 26ms c 29ms (d|)', { a: 0.1, b: 0.2, c: 0.3, d: 0.4 });
    });
  });

  it('stops emitting when unsubscribed', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      const times$ = demoMotion$(recording, { scheduler }).pipe(map((sample) => sample.tS));
      expectObservable(times$, '^ 20ms !').toBe('a 9ms b', letters);
    });
  });

  it('completes at once for an empty recording and refuses a speed or lead-in out of range', () => {
    const scheduler = testScheduler();
    const empty: MotionRecording = { kind: 'motion', tS: [], ax: [], ay: [], az: [] };
    scheduler.run(({ expectObservable }) => {
      expectObservable(demoMotion$(empty, { scheduler })).toBe('|');
    });
    expect(() => demoMotion$(recording, { speed: 0 })).toThrow('demo speed must be a positive number (0)');
    expect(() => demoMotion$(recording, { leadInS: -1 })).toThrow('demo lead-in must be 0 s or more (-1)');
  });
});

describe('sampleFromRecording', () => {
  it('gives a row as a MotionSample: missing gyro and the unrecorded linear acceleration are NaN', () => {
    const sample = sampleFromRecording(recording, 2);
    expect(sample).toMatchObject({ tS: 0.03, ax: 0.3, ay: 9.6, az: 1, gy: 0, gz: 0 });
    expect(sample.gx).toBeNaN();
    expect([sample.lx, sample.ly, sample.lz].every(Number.isNaN)).toBe(true);
    const withoutGyro = sampleFromRecording({ kind: 'motion', tS: [0], ax: [1], ay: [2], az: [3] }, 0);
    expect([withoutGyro.gx, withoutGyro.gy, withoutGyro.gz].every(Number.isNaN)).toBe(true);
  });
});
