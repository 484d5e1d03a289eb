/**
 * The live single-leg stance trial as an Observable (SPEC section 1): get ready (countdown)
 * -> "go" (t = 0) -> running -> ended by the cap, a touch-down, Stop, or an interruption
 * (page hidden, sensor silent).
 *
 * Every input is an Observable: countdown and "go" timers, the motion samples, a live-display
 * tick, the cap timer, a silence watch, the Stop button and page visibility. They are merged
 * into one stream of inputs for the trial's state machine (./machine.ts, applied by
 * ./trial-run.ts); the state it returns is what the UI shows. All timing goes through one
 * scheduler, so tests run whole trials in virtual time (TestScheduler).
 */
import {
  asyncScheduler,
  defer,
  filter,
  map,
  merge,
  Observable,
  takeWhile,
  timer,
  type SchedulerLike,
} from 'rxjs';
import { catchError, endWith, take } from 'rxjs/operators';
import { createTouchdownDetector, type TouchdownDetector } from '../core/detect/touchdown';
import type { TrialCues } from '../sensors/cues';
import type { TrialCostMeter } from './measure';
import { createTrialRun, type TrialInput, type TrialRun } from './trial-run';
import type { MotionSample, TrialRecord, TrialSetup } from './types';

/** Seconds of "get ready" before "go", each announced. */
export const COUNTDOWN_S = 5;
/**
 * No reading (a sample with an acceleration value) for this long while running ends the trial
 * as interrupted ('sensor-silent'), s. Sensors deliver every 10-50 ms; a second of nothing means the sensor or the page stopped.
 */
export const SENSOR_SILENCE_S = 1;
/** Interval of the 'running' states for the UI, ms: 10 Hz is smooth for a timer and a trace. */
export const LIVE_UPDATE_MS = 100;

export type TrialState =
  | { phase: 'countdown'; secondsLeft: number }
  | { phase: 'running'; elapsedS: number; samples: number; live: { ap: number; ml: number } | null }
  | { phase: 'ended'; record: TrialRecord };

export interface TrialDeps {
  /** Sensor or demo; subscribed at the start of the countdown (the sign is decided from the data). */
  motion$: Observable<MotionSample>;
  visibility$: Observable<'visible' | 'hidden'>;
  cues: TrialCues;
  /** Held (subscribed) from the countdown to the end. */
  wakeLock$: Observable<never>;
  /** The Stop button. */
  stop$: Observable<void>;
  source: 'sensor' | 'demo';
  /** Virtual time in tests. @default asyncScheduler */
  scheduler?: SchedulerLike;
  /** Wall clock for `startedAt`. @default () => new Date() */
  now?: () => Date;
  /** Length of the countdown, whole seconds. @default COUNTDOWN_S */
  countdownS?: number;
  /** Benchmark hook: receives the cost of each running-trial event and of the end-of-trial analysis. */
  measure?: TrialCostMeter;
  /** The touch-down detector. @default createTouchdownDetector from src/core/detect/touchdown.ts */
  createDetector?: () => TouchdownDetector;
}

/** A fresh trial id: a random UUID where the platform has one (secure contexts), else time + random. */
export function newTrialId(): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  return uuid ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Emits once when nothing has been heard for `silenceMs`: checks at `firstCheckMs` after
 * subscription, then again whenever the quiet so far would reach `silenceMs`. One scheduled
 * check per second of data instead of a timer per sample (a sample costs nothing here).
 */
function silence$(
  lastHeardMs: () => number,
  silenceMs: number,
  firstCheckMs: number,
  scheduler: SchedulerLike,
): Observable<void> {
  return new Observable<void>((subscriber) =>
    scheduler.schedule(function check() {
      const quietMs = scheduler.now() - lastHeardMs();
      if (quietMs >= silenceMs) {
        subscriber.next();
        subscriber.complete();
      } else {
        this.schedule(undefined, silenceMs - quietMs);
      }
    }, firstCheckMs),
  );
}

/**
 * `run.handle`, timed for the benchmark hook: the cost of each motion event while running, from
 * the trial's input to its returned state (storing, sign, detector, live preview), leaving out
 * the event that ends the trial (its cost is the end-of-trial analysis, measured on its own).
 */
function measuredHandle(run: TrialRun, meter: TrialCostMeter): (input: TrialInput) => TrialState | null {
  return (input) => {
    if (input.kind !== 'sample' || run.phase !== 'running') return run.handle(input);
    const startedMs = performance.now();
    const state = run.handle(input);
    if (state?.phase !== 'ended') meter.recordEvent(performance.now() - startedMs);
    return state;
  };
}

/**
 * Runs one trial: subscribe to start the countdown; unsubscribe to abandon it (nothing is
 * recorded then). Emits a 'countdown' state each second, 'running' states at most every
 * LIVE_UPDATE_MS (and at "go"), then one 'ended' state with the record, and completes.
 *
 * The end (the first of):
 * - the cap: the clock reaches capS after "go", or a sample with t >= capS arrives (at demo
 *   speeds above 1 the samples' clock runs ahead, so the sample comes first): 'completed',
 *   holdTimeS = capS exactly; a sample with t > capS is after the end and is not stored;
 * - a touch-down confirmed by the streaming detector at 1.0 s (SPEC settleS) or later:
 *   'touchdown', holdTimeS = touchdownS to the nanosecond (every hold time is: core/hold-time.ts);
 * - Stop: 'stopped', holdTimeS = the time of the press; the motion source completing (the
 *   demo recording is over) also ends as 'stopped', at the last sample;
 * - the page hidden, or no reading for SENSOR_SILENCE_S after "go": 'hidden' / 'sensor-silent',
 *   interrupted (kept with its samples and analysis, never counted as a result). Events with
 *   every acceleration value missing are stored (as NaN) but are not readings: a sensor that
 *   only sends those is silent.
 * Every event that arrives while running, up to the end, is stored: none is dropped or merged.
 * Stop or hidden during the countdown ends the trial before "go": interrupted, holdTimeS 0.
 */
export function runTrial(setup: TrialSetup, deps: TrialDeps): Observable<TrialState> {
  return defer(() => {
    const scheduler = deps.scheduler ?? asyncScheduler;
    const countdownS = deps.countdownS ?? COUNTDOWN_S;
    const goDueMs = scheduler.now() + countdownS * 1000;
    const run = createTrialRun({
      setup,
      cues: deps.cues,
      source: deps.source,
      clockMs: () => scheduler.now(),
      now: deps.now ?? (() => new Date()),
      goDueMs,
      measure: deps.measure,
      createDetector: deps.createDetector ?? (() => createTouchdownDetector()),
      newId: newTrialId,
    });

    const countdownMs = countdownS * 1000;
    const countdown$ = timer(0, 1000, scheduler).pipe(
      take(countdownS + 1),
      map((second): TrialInput =>
        second < countdownS ? { kind: 'countdown-tick', secondsLeft: countdownS - second } : { kind: 'go' },
      ),
    );
    const samples$ = deps.motion$.pipe(
      map((sample): TrialInput => ({ kind: 'sample', sample })),
      endWith<TrialInput>({ kind: 'source-ended' }),
      // A failing source is a silent sensor: the trial ends interrupted, with what it has.
      catchError(() => [{ kind: 'silent' } as TrialInput]),
    );
    // "go" emits the first running state; the ticks follow it.
    const live$ = timer(countdownMs + LIVE_UPDATE_MS, LIVE_UPDATE_MS, scheduler).pipe(
      map((): TrialInput => ({ kind: 'live-tick' })),
    );
    const cap$ = timer(countdownMs + setup.capS * 1000, scheduler).pipe(
      map((): TrialInput => ({ kind: 'cap' })),
    );
    const silent$ = silence$(
      () => run.lastHeardMs(),
      SENSOR_SILENCE_S * 1000,
      countdownMs + SENSOR_SILENCE_S * 1000,
      scheduler,
    ).pipe(map((): TrialInput => ({ kind: 'silent' })));
    const stop$ = deps.stop$.pipe(map((): TrialInput => ({ kind: 'stop' })));
    const hidden$ = deps.visibility$.pipe(
      filter((visibility) => visibility === 'hidden'),
      map((): TrialInput => ({ kind: 'hidden' })),
    );

    return merge(countdown$, samples$, live$, cap$, silent$, stop$, hidden$, deps.wakeLock$).pipe(
      map(deps.measure ? measuredHandle(run, deps.measure) : (input) => run.handle(input)),
      filter((state): state is TrialState => state !== null),
      takeWhile((state) => state.phase !== 'ended', true),
    );
  });
}
