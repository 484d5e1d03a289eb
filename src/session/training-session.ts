/**
 * A training session as an Observable: for each planned set (src/training/plan.ts) an
 * announcement ("Set 2 of 6, right leg, in"), the test's own trial (./trial.ts: the same
 * sensors, countdown, touch-down detection, Stop and visibility handling) with the live audio
 * feedback steered from every motion reading, then a rest with its countdown, and at the end
 * "session done".
 *
 * How it ends: after the last set ('completed'); on Stop, in a set (the set is kept, marked
 * stopped) or in a rest ('stopped'); when the page is hidden or the sensor goes silent
 * ('interrupted': the set is kept and marked interrupted, never counted as done). A touch-down
 * (or the demo recording running out) ends only its set, kept and marked `endedEarly`.
 *
 * The wake lock is held for the whole session, rests included. All timing goes through one
 * scheduler (TestScheduler in tests).
 */
import {
  asyncScheduler,
  concat,
  defer,
  EMPTY,
  filter,
  finalize,
  ignoreElements,
  map,
  merge,
  NEVER,
  type Observable,
  of,
  ReplaySubject,
  share,
  takeUntil,
  takeWhile,
  tap,
  timer,
  type SchedulerLike,
} from 'rxjs';
import type { TouchdownDetector } from '../core/detect/touchdown';
import type { AudioFeedback } from '../sensors/audio-feedback';
import type { SessionCues, TrialCues } from '../sensors/cues';
import {
  restCountdownWords,
  SESSION_DONE_WORDS,
  SESSION_STOPPED_WORDS,
  setAnnouncement,
  SPOKEN_REST_S,
} from '../training/announcements';
import { deadZoneRadius, feedbackSound, type FeedbackSound } from '../training/feedback';
import { planSets, type PlannedSet, type SessionSettings } from '../training/plan';
import { afterSet, afterSetWords, trainingRecord, type AfterSet } from '../training/set-record';
import { createSwayTracker } from '../training/sway-tracker';
import type { TrialCostMeter } from './measure';
import { runTrial, type TrialState } from './trial';
import type { MotionSample, TrialRecord } from './types';

/** The countdown of each set, s: the "in 3, 2, 1, go". */
export const SET_COUNTDOWN_S = 3;
/**
 * Time given to the set's announcement before its countdown, s: "Set 2 of 6, right leg, in"
 * takes about 2 s at the default speech rate, and a countdown number cuts off what is still
 * being said (src/sensors/cues.ts).
 */
export const ANNOUNCE_S = 2.5;
/**
 * A second of the rest is spoken (SPOKEN_REST_S) only when at least this long has passed since
 * the rest's announcement ("Set 1 done. Rest, 20 seconds. Next: right leg." takes about 4 s).
 */
export const REST_WORDS_S = 4;

export type SessionOutcome = 'completed' | 'stopped' | 'interrupted';

export type TrainingState =
  | { phase: 'announce'; set: PlannedSet }
  | {
      phase: 'set';
      set: PlannedSet;
      trial: Exclude<TrialState, { phase: 'ended' }>;
      /** The last sound steered (null: the reference is still being taken, or nothing yet). */
      sound: FeedbackSound | null;
    }
  | { phase: 'set-ended'; set: PlannedSet; record: TrialRecord }
  | { phase: 'rest'; secondsLeft: number; next: PlannedSet }
  | { phase: 'done'; outcome: SessionOutcome; records: readonly TrialRecord[] };

export interface TrainingDeps {
  /**
   * The motion source of one set, subscribed at its countdown; `go$` emits at its "go" (the
   * demo recording starts then).
   */
  motionFor(go$: Observable<void>): Observable<MotionSample>;
  visibility$: Observable<'visible' | 'hidden'>;
  cues: SessionCues;
  /** Held (subscribed) for the whole session. */
  wakeLock$: Observable<never>;
  stop$: Observable<void>;
  source: 'sensor' | 'demo';
  feedback: AudioFeedback;
  /** The person's recent RMS sway distance, m/s^2, for the dead zone; null: the default zone. */
  recentRmsMs2: number | null;
  /** The id the session's sets share. */
  sessionId: string;
  scheduler?: SchedulerLike;
  now?: () => Date;
  /** @default SET_COUNTDOWN_S */
  countdownS?: number;
  /** @default ANNOUNCE_S */
  announceS?: number;
  createDetector?: () => TouchdownDetector;
  measure?: TrialCostMeter;
  /** Benchmark hook: the cost of steering the feedback for one reading, ms. */
  onFeedbackCost?: (ms: number) => void;
}

/** The trial's cues for a set: its beeps and numbers; its end words are the session's. */
function setCues(cues: SessionCues): TrialCues {
  return { countdown: (s) => cues.countdown(s), go: () => cues.go(), end: (reason) => cues.end(reason) };
}

/**
 * Steers the feedback from each reading after "go" (while `running()`): the sway tracker takes
 * its reference in the first second, then every reading gives a sound.
 */
function withFeedback(
  motion$: Observable<MotionSample>,
  running: () => boolean,
  radiusMs2: number,
  settings: SessionSettings,
  deps: TrainingDeps,
  heard: (sound: FeedbackSound) => void,
): Observable<MotionSample> {
  return defer(() => {
    const tracker = createSwayTracker({ placement: 'chest' });
    const cost = deps.onFeedbackCost;
    return motion$.pipe(
      tap((sample) => {
        if (!running()) return;
        const startedMs = cost ? performance.now() : 0;
        const point = tracker.push(sample.tS, sample.ax, sample.ay, sample.az);
        if (point === null) return;
        const sound = feedbackSound(point, radiusMs2, settings.feedback);
        if (settings.feedback !== 'off') deps.feedback.play(sound);
        heard(sound);
        cost?.(performance.now() - startedMs);
      }),
    );
  });
}

/**
 * Runs a session of `settings` (planSets): subscribe to start; unsubscribe to abandon it (the
 * sets already ended were emitted as 'set-ended' and are the caller's to keep).
 */
export function runTrainingSession(settings: SessionSettings, deps: TrainingDeps): Observable<TrainingState> {
  return defer(() => {
    const scheduler = deps.scheduler ?? asyncScheduler;
    const sets = planSets(settings);
    const radiusMs2 = deadZoneRadius(deps.recentRmsMs2, settings.difficulty);
    const records: TrialRecord[] = [];
    let ending: AfterSet | null = null;
    /** True once a set's end words said how the session ends. */
    let endSaid = false;
    let stopPressed = false;
    const stop$ = deps.stop$.pipe(
      tap(() => (stopPressed = true)),
      share(),
    );
    const hidden$ = deps.visibility$.pipe(filter((v) => v === 'hidden'));
    /** Stop or hidden between sets: remembered, and ends the wait. */
    const halt$ = merge(
      stop$.pipe(map((): AfterSet => 'stopped')),
      hidden$.pipe(map((): AfterSet => 'interrupted')),
    ).pipe(tap((why) => (ending ??= why)));

    const announce$ = (set: PlannedSet): Observable<TrainingState> =>
      defer(() => {
        deps.cues.say(setAnnouncement(set));
        return concat(
          of<TrainingState>({ phase: 'announce', set }),
          timer((deps.announceS ?? ANNOUNCE_S) * 1000, scheduler).pipe(ignoreElements()),
        );
      }).pipe(takeUntil(halt$));

    const rest$ = (next: PlannedSet): Observable<TrainingState> =>
      timer(0, 1000, scheduler).pipe(
        map((k) => settings.restS - k),
        filter((left) => left > 0),
        takeUntil(timer(settings.restS * 1000, scheduler)),
        tap((left) => {
          const spoken = SPOKEN_REST_S.includes(left) && settings.restS - left >= REST_WORDS_S;
          if (spoken) deps.cues.say(restCountdownWords(left));
          else if (left !== settings.restS) deps.cues.tick();
        }),
        map((left): TrainingState => ({ phase: 'rest', secondsLeft: left, next })),
        takeUntil(halt$),
      );

    const set$ = (set: PlannedSet, index: number): Observable<TrainingState> =>
      defer(() => {
        let running = false;
        let sound: FeedbackSound | null = null;
        const go$ = new ReplaySubject<void>(1);
        const motion$ = withFeedback(
          deps.motionFor(go$),
          () => running,
          radiusMs2,
          settings,
          deps,
          (heard) => (sound = heard),
        );
        const trial$ = runTrial(set.setup, {
          motion$,
          visibility$: deps.visibility$,
          cues: setCues(deps.cues),
          wakeLock$: NEVER,
          stop$,
          source: deps.source,
          scheduler,
          now: deps.now,
          countdownS: deps.countdownS ?? SET_COUNTDOWN_S,
          createDetector: deps.createDetector,
          measure: deps.measure,
        });
        return trial$.pipe(
          map((state): TrainingState => {
            if (state.phase === 'running' && !running) {
              running = true;
              go$.next();
            }
            if (state.phase !== 'ended') return { phase: 'set', set, trial: state, sound };
            running = false;
            deps.feedback.silence();
            const record = trainingRecord(state.record, {
              sessionId: deps.sessionId,
              set,
              settings,
              deadZoneMs2: radiusMs2,
            });
            records.push(record);
            const next = afterSet(record, stopPressed, index === sets.length - 1);
            if (next !== 'rest') {
              ending = next;
              endSaid = true;
            }
            deps.cues.say(afterSetWords(set, record, next, sets[index + 1] ?? null, settings.restS));
            return { phase: 'set-ended', set, record };
          }),
          finalize(() => deps.feedback.silence()),
        );
      });

    const steps = sets.map((set, index) =>
      defer(() => {
        if (ending !== null) return EMPTY;
        const rest = index > 0 ? rest$(set) : EMPTY;
        return concat(
          rest,
          defer(() => (ending === null ? announce$(set) : EMPTY)),
          defer(() => (ending === null ? set$(set, index) : EMPTY)),
        );
      }),
    );
    const done$ = defer(() => {
      const outcome: SessionOutcome =
        ending === 'stopped' ? 'stopped' : ending === 'interrupted' ? 'interrupted' : 'completed';
      // Stopped or hidden during a rest or an announcement: no set's end said it.
      if (!endSaid) deps.cues.say(outcome === 'completed' ? SESSION_DONE_WORDS : SESSION_STOPPED_WORDS);
      return of<TrainingState>({ phase: 'done', outcome, records: [...records] });
    });
    return merge(concat(...steps, done$), deps.wakeLock$);
  }).pipe(takeWhile((state) => state.phase !== 'done', true));
}
