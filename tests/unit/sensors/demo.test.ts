/**
 * The demo replay's timing in virtual time: each row at lead-in + (t - t0) / speed, carrying
 * the recording's own time, none skipped.
 */
import { map, type SchedulerAction, type SchedulerLike, type Subscription } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { MotionRecording } from '../../../src/core/types';
import { demoDueTimesMs, demoMotion$, sampleFromRecording } from '../../../src/sensors/demo';

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

  it('starts at the first emission of start$ (the trial\'s "go"), not at subscription or after the lead-in', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const go$ = cold('40ms g 10ms g');
      const times$ = demoMotion$(recording, { scheduler, leadInS: 5, start$: go$ }).pipe(
        map((sample) => sample.tS),
      );
      expectObservable(times$).toBe('40ms a 9ms b 19ms c 29ms (d|)', letters);
    });
  });

  it('emits every row with its own time when every timer fires late, each at or after its due time', () => {
    // 100 rows at 100 Hz played at 8x: due every 1.25 ms; every timer fires 7 ms late.
    const long: MotionRecording = {
      kind: 'motion',
      tS: Array.from({ length: 100 }, (_, k) => k / 100),
      ax: Array.from({ length: 100 }, (_, k) => k),
      ay: new Array<number>(100).fill(9.8),
      az: new Array<number>(100).fill(0),
    };
    const run = (latenessMs: number): { tS: number[]; ax: number[]; atMs: number[] } => {
      const virtual = testScheduler();
      const out = { tS: [] as number[], ax: [] as number[], atMs: [] as number[] };
      virtual.run(() => {
        const scheduler: SchedulerLike = {
          now: () => virtual.now(),
          schedule<T>(
            work: (this: SchedulerAction<T>, state?: T) => void,
            delay = 0,
            state?: T,
          ): Subscription {
            return virtual.schedule(work, delay + latenessMs, state);
          },
        };
        demoMotion$(long, { scheduler, speed: 8 }).subscribe((sample) => {
          out.tS.push(sample.tS);
          out.ax.push(sample.ax);
          out.atMs.push(virtual.now());
        });
      });
      return out;
    };
    const onTime = run(0);
    const late = run(7);
    expect(late.tS).toEqual(Array.from(long.tS));
    expect(late.ax).toEqual(Array.from(long.ax));
    expect(late.tS).toEqual(onTime.tS);
    // On time: row k at exactly 1.25 k ms (virtual time keeps fractions of a ms). Late: never before that, and the bursts
    // (one wake-up per timer: 7 ms late, then every 7 ms or so) never run more than 7 ms behind.
    const due = demoDueTimesMs(long, 8, 0);
    for (let k = 0; k < 100; k++) {
      expect(onTime.atMs[k]).toBe(1.25 * k);
      expect(due[k]).toBe(1.25 * k);
      expect(late.atMs[k]).toBeGreaterThanOrEqual(due[k] as number);
      expect((late.atMs[k] as number) - (due[k] as number)).toBeLessThanOrEqual(7);
    }
    // Fewer wake-ups than rows: the late ones emit several rows at once.
    expect(new Set(late.atMs).size).toBeLessThan(100);
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

describe('demoDueTimesMs', () => {
  it('counts each row from the zero at its time over the speed, to whole microseconds', () => {
    // (0.03 - 0) / 2 s = 15 ms; 12.01 - 12 is 0.00999... in floating point, due at exactly 10 ms.
    expect(Array.from(demoDueTimesMs(recording, 2, 1000))).toEqual([1000, 1005, 1015, 1030]);
    const later: MotionRecording = { ...recording, tS: [12, 12.01, NaN, 12.06] };
    expect(Array.from(demoDueTimesMs(later, 1, 0))).toEqual([0, 10, 10, 60]);
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
