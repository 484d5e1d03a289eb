/**
 * The training session in virtual time (TestScheduler): announcement, countdown, set, rest,
 * the next set, "session done"; how Stop, a hidden page and a touch-down end a set or the
 * session; the feedback steered from the readings. Times are scheduler ms from the Start tap.
 * With hold 10 s, rest 3 s, ANNOUNCE_S 2.5 and SET_COUNTDOWN_S 3: set 1 is announced at 0,
 * counts down at 2500, 3500, 4500, goes at 5500 and ends at 15500; the rest counts 3, 2, 1 at
 * 15500, 16500, 17500; set 2 is announced at 18500, goes at 24000 and ends at 34000.
 */
import { describe, expect, it } from 'vitest';
import { map, NEVER, Observable, Subject, tap } from 'rxjs';
import type { AudioFeedback } from '../../../src/sensors/audio-feedback';
import type { SessionCues } from '../../../src/sensors/cues';
import {
  ANNOUNCE_S,
  runTrainingSession,
  SET_COUNTDOWN_S,
  type TrainingDeps,
  type TrainingState,
} from '../../../src/session/training-session';
import type { MotionSample } from '../../../src/session/types';
import { DEFAULT_DEAD_ZONE_MS2, type FeedbackSound } from '../../../src/training/feedback';
import { DEFAULT_SESSION, type SessionSettings } from '../../../src/training/plan';
import type { SchedulerLike } from 'rxjs';
import { quietDetector, scriptedDetector, steadySamples$, testScheduler } from './trial-harness';

const SHORT: SessionSettings = { ...DEFAULT_SESSION, setsPerLeg: 1, holdS: 10, restS: 3 };

function loggingCues(scheduler: SchedulerLike): SessionCues & { log: string[] } {
  const log: string[] = [];
  const at = (what: string): void => void log.push(`${scheduler.now()}: ${what}`);
  return {
    log,
    say: (text) => at(`say ${text}`),
    tick: () => at('tick'),
    countdown: (s) => at(String(s)),
    go: () => at('go'),
    end: (reason) => at(`end ${reason}`),
  };
}

function recordingFeedback(): AudioFeedback & { played: FeedbackSound[]; silenced: number } {
  const out = {
    status: 'ready' as const,
    played: [] as FeedbackSound[],
    silenced: 0,
    play: (sound: FeedbackSound) => void out.played.push(sound),
    silence: () => void out.silenced++,
    close: () => undefined,
  };
  return out;
}

function deps(scheduler: SchedulerLike, overrides: Partial<TrainingDeps> = {}): TrainingDeps {
  return {
    motionFor: () => steadySamples$(scheduler),
    visibility$: NEVER,
    cues: loggingCues(scheduler),
    wakeLock$: NEVER,
    stop$: NEVER,
    source: 'sensor',
    feedback: recordingFeedback(),
    recentRmsMs2: null,
    sessionId: 'session-1',
    scheduler,
    now: () => new Date(Date.UTC(2026, 2, 5, 13, 7, 9, 250)),
    createDetector: quietDetector,
    ...overrides,
  };
}

/** A hot Observable that emits `value` at scheduler time `atMs` (whoever subscribes when). */
function at<T>(scheduler: SchedulerLike, atMs: number, value: T): Observable<T> {
  const subject = new Subject<T>();
  scheduler.schedule(() => subject.next(value), atMs - scheduler.now());
  return subject;
}

/** "time: what" for each change of phase (and each countdown or rest second). */
function labelled(scheduler: SchedulerLike, states$: Observable<TrainingState>, log: string[]) {
  let last = '';
  return states$.pipe(
    tap((state) => {
      const label =
        state.phase === 'announce'
          ? `announce ${state.set.setNumber}`
          : state.phase === 'set'
            ? state.trial.phase === 'countdown'
              ? `countdown ${state.trial.secondsLeft}`
              : `running ${state.set.setNumber}`
            : state.phase === 'set-ended'
              ? `ended ${state.set.setNumber} ${state.record.endReason}`
              : state.phase === 'rest'
                ? `rest ${state.secondsLeft}`
                : `done ${state.outcome}`;
      if (label !== last) log.push(`${scheduler.now()}: ${label}`);
      last = label;
    }),
  );
}

describe('runTrainingSession: the course of a session', () => {
  it('takes the issue\'s "in 3, 2, 1, go" countdown and a 2.5 s announcement', () => {
    expect(SET_COUNTDOWN_S).toBe(3);
    expect(ANNOUNCE_S).toBe(2.5);
  });

  it('runs 2 alternating sets: announce, countdown, set, rest 3-2-1, the next set, done', () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const cues = loggingCues(scheduler);
    const held: number[] = [];
    const wakeLock$ = new Observable<never>(() => {
      held.push(scheduler.now());
      return () => held.push(-scheduler.now());
    });
    const states: TrainingState[] = [];
    scheduler.run(() => {
      labelled(scheduler, runTrainingSession(SHORT, deps(scheduler, { cues, wakeLock$ })), log).subscribe(
        (state) => states.push(state),
      );
    });
    expect(log).toEqual([
      '0: announce 1',
      '2500: countdown 3',
      '3500: countdown 2',
      '4500: countdown 1',
      '5500: running 1',
      '15500: ended 1 completed',
      '15500: rest 3',
      '16500: rest 2',
      '17500: rest 1',
      '18500: announce 2',
      '21000: countdown 3',
      '22000: countdown 2',
      '23000: countdown 1',
      '24000: running 2',
      '34000: ended 2 completed',
      '34000: done completed',
    ]);
    expect(cues.log).toEqual([
      '0: say Set 1 of 2, left leg, in',
      '2500: 3',
      '3500: 2',
      '4500: 1',
      '5500: go',
      '15500: end completed',
      '15500: say Set 1 done. Rest, 3 seconds. Next: right leg.',
      '16500: tick',
      '17500: tick',
      '18500: say Set 2 of 2, right leg, in',
      '21000: 3',
      '22000: 2',
      '23000: 1',
      '24000: go',
      '34000: end completed',
      '34000: say Set 2 done. Session done.',
    ]);
    // The wake lock is held once, from the tap to the end, rests included.
    expect(held).toEqual([0, -34000]);
    const done = states.at(-1);
    expect(done?.phase).toBe('done');
    const records = done?.phase === 'done' ? done.records : [];
    expect(records.map((r) => [r.setup.stanceSide, r.training?.leg, r.training?.setNumber])).toEqual([
      ['left', 'left', 1],
      ['right', 'right', 2],
    ]);
    for (const record of records) {
      expect(record.holdTimeS).toBe(10);
      expect(record.interrupted).toBe(false);
      expect(record.training).toMatchObject({
        sessionId: 'session-1',
        exercise: 'single-leg',
        setsPlanned: 2,
        feedback: 'continuous',
        difficulty: 'normal',
        deadZoneMs2: DEFAULT_DEAD_ZONE_MS2,
        endedEarly: false,
      });
      // steadySamples$' sway is 0.2 m/s^2 at most along x and 0.1 along z, against a zone of
      // 0.171: most of the time inside, not all of it.
      const tiz = record.training?.timeInZone ?? NaN;
      expect(tiz).toBeGreaterThan(0.3);
      expect(tiz).toBeLessThan(1);
    }
  });

  it('speaks the rest seconds 10 and 5 of a 20 s rest, and ticks the others', () => {
    const scheduler = testScheduler();
    const cues = loggingCues(scheduler);
    scheduler.run(() => {
      runTrainingSession({ ...SHORT, restS: 20 }, deps(scheduler, { cues })).subscribe();
    });
    const restWords = cues.log.filter((line) => /seconds$/.test(line) || line.endsWith('tick'));
    // The rest starts at 15500 with its announcement; its seconds 19..1 follow one a second.
    expect(restWords.filter((line) => line.endsWith('tick'))).toHaveLength(17);
    expect(restWords).toContain('25500: say 10 seconds');
    expect(restWords).toContain('30500: say 5 seconds');
  });
});

describe('runTrainingSession: sets that end early', () => {
  it('keeps a set that ends on a touch-down, marked, and goes on with the rest', () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    let made = 0;
    // The first set's detector confirms a touch-down at 4 s (with the first sample at or after 4.15 s: 9660 ms, t = 4.16); the second set's never does.
    const createDetector = () => (made++ === 0 ? scriptedDetector(4, 4.15) : quietDetector());
    scheduler.run(() => {
      labelled(scheduler, runTrainingSession(SHORT, deps(scheduler, { createDetector })), log).subscribe();
    });
    expect(log.slice(4, 7)).toEqual(['5500: running 1', '9660: ended 1 touchdown', '9660: rest 3']);
    expect(log.at(-1)).toBe('28160: done completed');
  });

  it('ends the session on Stop during a set: the set is kept, marked stopped', () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const cues = loggingCues(scheduler);
    const states: TrainingState[] = [];
    scheduler.run(() => {
      const stop$ = at<void>(scheduler, 8000, undefined);
      labelled(scheduler, runTrainingSession(SHORT, deps(scheduler, { stop$, cues })), log).subscribe(
        (state) => states.push(state),
      );
    });
    expect(log.slice(-2)).toEqual(['8000: ended 1 stopped', '8000: done stopped']);
    expect(cues.log.at(-1)).toBe('8000: say Set 1 stopped. Session stopped.');
    const done = states.at(-1);
    const record = done?.phase === 'done' ? done.records[0] : undefined;
    expect(record?.holdTimeS).toBe(2.5);
    expect(record?.training?.endedEarly).toBe(true);
    expect(record?.interrupted).toBe(false);
  });

  it('ends the session on Stop during a rest, without another set', () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const cues = loggingCues(scheduler);
    scheduler.run(() => {
      const stop$ = at<void>(scheduler, 16000, undefined);
      labelled(scheduler, runTrainingSession(SHORT, deps(scheduler, { stop$, cues })), log).subscribe();
    });
    expect(log.slice(-3)).toEqual(['15500: ended 1 completed', '15500: rest 3', '16000: done stopped']);
    expect(cues.log.at(-1)).toBe('16000: say Session stopped.');
  });

  it('interrupts the set when the page is hidden: kept, interrupted, the session ends', () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    const states: TrainingState[] = [];
    scheduler.run(() => {
      const visibility$ = at(scheduler, 7000, 'hidden' as const);
      labelled(scheduler, runTrainingSession(SHORT, deps(scheduler, { visibility$ })), log).subscribe(
        (state) => states.push(state),
      );
    });
    expect(log.slice(-2)).toEqual(['7000: ended 1 hidden', '7000: done interrupted']);
    const done = states.at(-1);
    const record = done?.phase === 'done' ? done.records[0] : undefined;
    expect(record?.interrupted).toBe(true);
    expect(record?.training?.endedEarly).toBe(true);
  });

  it('interrupts the session when the page is hidden during a rest', () => {
    const scheduler = testScheduler();
    const log: string[] = [];
    scheduler.run(() => {
      const visibility$ = at(scheduler, 17000, 'hidden' as const);
      labelled(scheduler, runTrainingSession(SHORT, deps(scheduler, { visibility$ })), log).subscribe();
    });
    expect(log.at(-1)).toBe('17000: done interrupted');
  });
});

/** "Go" of a session's first set, scheduler ms (ANNOUNCE_S + SET_COUNTDOWN_S). */
const FIRST_GO_MS = 5500;

/**
 * An upright phone at the chest (y up, W3C sign), still until 1.2 s after the first set's "go"
 * (its reference second), then reading `ax(t)` along device x, t in s since that "go".
 */
function leaningSamples$(scheduler: SchedulerLike, ax: (tS: number) => number) {
  return steadySamples$(scheduler).pipe(
    map((sample): MotionSample => {
      const t = sample.tS - FIRST_GO_MS / 1000;
      return { ...sample, ax: t < 1.2 ? 0 : ax(t), az: 0 };
    }),
  );
}

describe('runTrainingSession: the feedback', () => {
  it('is silent inside the dead zone, heard outside it, on the side of the sway', () => {
    const scheduler = testScheduler();
    const feedback = recordingFeedback();
    // Device x points to the person's left: a reading of +x is a lean to the right
    // (src/training/sway-tracker.ts). 0.05 m/s^2 for 2 s (inside 0.171), then +0.6, then -0.6.
    const ax = (t: number): number => (t < 3 ? 0.05 : t < 6 ? 0.6 : -0.6);
    scheduler.run(() => {
      runTrainingSession(
        { ...SHORT, setsPerLeg: 1, leg: 'left' },
        deps(scheduler, { feedback, motionFor: () => leaningSamples$(scheduler, ax) }),
      ).subscribe();
    });
    expect(feedback.played.length).toBeGreaterThan(100);
    const quiet = feedback.played.filter((s) => s.inZone);
    const loud = feedback.played.filter((s) => !s.inZone);
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.every((s) => s.gain === 0)).toBe(true);
    const settled = loud.filter((s) => s.distanceMs2 > 0.5);
    const right = settled.filter((s) => s.pan > 0);
    const left = settled.filter((s) => s.pan < 0);
    expect(right.length).toBeGreaterThan(50);
    expect(left.length).toBeGreaterThan(50);
    for (const s of settled) expect(s.gain).toBeGreaterThan(0);
    // Silenced at the end of the set.
    expect(feedback.silenced).toBeGreaterThanOrEqual(1);
  });

  it('plays nothing with feedback off, but still measures the time in zone', () => {
    const scheduler = testScheduler();
    const feedback = recordingFeedback();
    const states: TrainingState[] = [];
    scheduler.run(() => {
      runTrainingSession(
        { ...SHORT, leg: 'right', feedback: 'off' },
        deps(scheduler, { feedback, motionFor: () => leaningSamples$(scheduler, () => 0.6) }),
      ).subscribe((s) => states.push(s));
    });
    expect(feedback.played).toEqual([]);
    const done = states.at(-1);
    const info = done?.phase === 'done' ? done.records[0]?.training : undefined;
    expect(info?.feedback).toBe('off');
    // 0.6 m/s^2 from the reference on: outside the 0.171 zone except while the filter rises.
    expect(info?.timeInZone).toBeLessThan(0.05);
  });

  it("scales the zone from the person's recent RMS and the difficulty", () => {
    const scheduler = testScheduler();
    const states: TrainingState[] = [];
    scheduler.run(() => {
      runTrainingSession(
        { ...SHORT, leg: 'left', difficulty: 'easier' },
        deps(scheduler, { recentRmsMs2: 0.2 }),
      ).subscribe((s) => states.push(s));
    });
    const done = states.at(-1);
    // 0.2 m/s^2 x DEAD_ZONE_PER_RMS 1 x easier 1.5 (src/training/feedback.ts)
    expect(done?.phase === 'done' ? done.records[0]?.training?.deadZoneMs2 : NaN).toBeCloseTo(0.3, 12);
  });
});
