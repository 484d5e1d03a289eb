/**
 * The demo replay counted from the trial's "go" (as src/main.ts wires it), on a scheduler whose
 * timers all fire late: the trial stores the recording's own time axis, shifted by one constant
 * that is the lateness of one timer (real milliseconds), the same at every replay speed, and
 * keeps every row from the first. Recording: the bundled demo (fixtures/demo/case01.csv).
 */
import { readFileSync } from 'node:fs';
import { NEVER, ReplaySubject, tap, type SchedulerAction, type SchedulerLike, type Subscription } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { MotionRecording } from '../../../src/core/types';
import { readSamplesCsv } from '../../../src/formats/samples-csv';
import { silentCues } from '../../../src/sensors/cues';
import { demoMotion$ } from '../../../src/sensors/demo';
import { COUNTDOWN_S, runTrial, type TrialState } from '../../../src/session/trial';
import type { TrialRecord } from '../../../src/session/types';
import { fixturePath } from '../helpers/fixtures';
import { recordOf, setupWithCap, testScheduler } from '../session/trial-harness';

const DEMO: MotionRecording = readSamplesCsv(readFileSync(fixturePath('demo/case01.csv'), 'utf8'))[0]!
  .recording;
/** The rows up to the true touch-down (32.89 s, fixtures/demo/case01.json): the trial keeps at least these. */
const ROWS_TO_TOUCHDOWN = Array.from(DEMO.tS).filter((t) => t <= 32.89).length;

/**
 * `base`, except that every timer scheduled through it fires `latenessMs` late (a loaded phone
 * or a throttled tab). Periodic timers that reschedule through their own action (`timer(0,
 * 1000)`) are late once, at their first tick.
 */
function lateScheduler(base: SchedulerLike, latenessMs: number): SchedulerLike {
  return {
    now: () => base.now(),
    schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
      return base.schedule(work, delay + latenessMs, state);
    },
  };
}

/**
 * A demo trial as the page runs it: the replay's t = 0 is the first 'running' state; or, with
 * `zero` 'lead-in', as it ran before: a timer of its own, the countdown's length after subscription.
 */
function demoTrialFromGo(speed: number, latenessMs: number, zero: 'go' | 'lead-in' = 'go'): TrialRecord {
  const virtual = testScheduler();
  const states: TrialState[] = [];
  virtual.run(() => {
    const scheduler = lateScheduler(virtual, latenessMs);
    const go$ = new ReplaySubject<void>(1);
    let went = false;
    runTrial(setupWithCap(45), {
      motion$: demoMotion$(
        DEMO,
        zero === 'go' ? { speed, start$: go$, scheduler } : { speed, leadInS: COUNTDOWN_S, scheduler },
      ),
      visibility$: NEVER,
      cues: silentCues,
      wakeLock$: NEVER,
      stop$: NEVER,
      source: 'demo',
      scheduler,
    })
      .pipe(
        tap((state) => {
          if (state.phase === 'running' && !went) {
            went = true;
            go$.next();
          }
        }),
      )
      .subscribe((state) => states.push(state));
  });
  return recordOf(states);
}

describe('the demo replay counted from "go"', () => {
  it('stores every row from the first, at the recording’s own times, on time and with late timers', () => {
    const onTime = demoTrialFromGo(8, 0);
    const late = demoTrialFromGo(8, 7);
    const rows = onTime.samples.tS.length;
    expect(rows).toBeGreaterThanOrEqual(ROWS_TO_TOUCHDOWN);
    expect(late.samples.tS.length).toBe(rows);
    for (let k = 0; k < rows; k++) {
      // On time: exactly the recording's times (the first row arrives at the instant of "go").
      expect(onTime.samples.tS[k]).toBe(DEMO.tS[k]);
      // 7 ms late: one constant, the lateness of the first replay timer after "go", not 8 x 7 ms.
      expect((late.samples.tS[k] as number) - (DEMO.tS[k] as number)).toBeCloseTo(0.007, 9);
      expect(late.samples.ay[k]).toBe(onTime.samples.ay[k]);
    }
  });

  it('shifts the stored times by the same lateness at every replay speed', () => {
    const shifts = [1, 2, 4, 8].map((speed) => {
      const record = demoTrialFromGo(speed, 13);
      expect(record.samples.tS.length).toBeGreaterThanOrEqual(ROWS_TO_TOUCHDOWN);
      return (record.samples.tS[0] as number) - (DEMO.tS[0] as number);
    });
    // 13 ms of lateness: 0.013 s at each speed (the old fixed lead-in moved it by up to 8 x that).
    for (const shift of shifts) expect(shift).toBeCloseTo(0.013, 9);
  });

  it('for comparison, with a timer of its own the rows due before a late "go" are lost and the rest shift by the lateness times the speed', () => {
    // Both 13 ms late: "go" at 5013 ms, the replay's first wake-up at 5013 ms too, which emits every
    // row due by then (t <= 8 x 13 ms = 0.104 s) in the countdown; only the last of them, at the
    // very instant of "go", is kept, as the trial's t = 0 (src/session/trial-run.ts, onGo).
    const record = demoTrialFromGo(8, 13, 'lead-in');
    const kept = Array.from(DEMO.tS).filter((t) => t <= 0.104).length - 1;
    expect(kept).toBeGreaterThan(0);
    expect(record.samples.tS[0]).toBe(0);
    expect(record.samples.ay[0]).toBe(-(DEMO.ay[kept] as number)); // the W3C sign: the demo is iOS's
    expect((record.samples.tS[1] as number) - (DEMO.tS[kept + 1] as number)).toBeCloseTo(
      -(DEMO.tS[kept] as number),
      9,
    );
  });
});
