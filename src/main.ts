// The composition root: the only place that wires sensors, session, core, storage and ui together.
import './styles.css';
import {
  BehaviorSubject,
  defer,
  filter,
  finalize,
  from,
  ReplaySubject,
  switchMap,
  tap,
  type Observable,
} from 'rxjs';
import type { MotionRecording } from './core/types';
import { registerAppUpdates } from './pwa/register';
import { updateBanner } from './pwa/update-banner';
import { promptWhenNoTrial, reportTrialActivity } from './pwa/update-prompt';
import { createAudioFeedback } from './sensors/audio-feedback';
import { browserCues, type SessionCues } from './sensors/cues';
import { DEMO_SPEEDS, demoMotion$ } from './sensors/demo';
import { deviceMotion$, hasAcceleration, motionSupport, requestMotionPermission } from './sensors/motion';
import { visibility$ } from './sensors/visibility';
import { holdWakeLock$ } from './sensors/wake-lock';
import { firstMotionWithin$ } from './session/probe';
import { runTrainingSession } from './session/training-session';
import { newTrialId, runTrial, SENSOR_SILENCE_S, type TrialState } from './session/trial';
import type { MotionSample, TrialSetup } from './session/types';
import { createStoredResultLog } from './storage/result-log';
import type { TrialStore } from './storage/store';
import { mountApp } from './ui/app';
import { installBenchHook } from './ui/bench-hook';
import { createHistoryAccess, currentPersonSink } from './ui/history-access';
import type { KeyValueStore } from './ui/setup-prefs';

/** localStorage, or null where the browser refuses it (some private modes throw on access). */
function browserStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** sessionStorage (this tab only), or null where the browser refuses it. */
function tabStore(): KeyValueStore | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Motion is allowed without a tap where the Permissions API says 'granted' for the
 * accelerometer (Chromium grants it by default, https://w3c.github.io/permissions/); iOS Safari
 * does not know that name (the query throws) and asks through DeviceMotionEvent.requestPermission,
 * which needs a tap. Without either API, nothing needs asking (Firefox).
 */
async function motionAllowedWithoutTap(): Promise<boolean> {
  const ctor = (window as { DeviceMotionEvent?: { requestPermission?: unknown } }).DeviceMotionEvent;
  const asksOnTap = typeof ctor?.requestPermission === 'function';
  try {
    const status = await navigator.permissions.query({ name: 'accelerometer' as PermissionName });
    return status.state === 'granted';
  } catch {
    return !asksOnTap;
  }
}

let demoRecording: Promise<MotionRecording> | null = null;
function loadDemoRecording(): Promise<MotionRecording> {
  demoRecording ??= import('./ui/demo-recording').then((module) => module.demoRecording());
  return demoRecording;
}

/**
 * The demo recording, its t = 0 on the trial's "go" (`go$`: the first 'running' state), not on a
 * timer of its own: a late countdown or a late replay timer then cannot move the recording's time
 * axis (src/sensors/demo.ts). Nothing plays during the countdown.
 */
function demoSource$(speed: number, go$: Observable<void>): Observable<MotionSample> {
  return defer(() => from(loadDemoRecording())).pipe(
    switchMap((recording) => demoMotion$(recording, { speed, start$: go$ })),
  );
}

/**
 * The sensor's readings: events with no acceleration value at all are left out. Desktops fire
 * one such event when they have no sensor, and Chromium keeps firing them at 60 Hz when a
 * sensor goes away; a trial fed those would look alive while nothing is measured, so they
 * count as silence (the trial then ends as interrupted, 'sensor-silent').
 */
const sensorMotion$ = (): Observable<MotionSample> => deviceMotion$(window).pipe(filter(hasAcceleration));

/**
 * The trial history (IndexedDB), opened at start; its code loads beside the page's. Once open:
 * ask the browser to keep it under storage pressure, and re-analyse trials stored with an older
 * analysis from their raw samples, in the background (small batches, resumable).
 */
const opened: Promise<TrialStore> = import('./storage/store').then((storage) => storage.openStore());
opened.then(
  (store) => {
    void store.requestPersistence().catch(() => undefined);
    window.setTimeout(() => void store.reanalyzeOutdated().catch(() => undefined), 2000);
  },
  () => undefined, // the page says so (history-access.ts): results are shown, not kept
);
const prefs = browserStore();
const history = createHistoryAccess(opened, prefs);
/** Every finished trial: kept in memory for the result page, then saved for the current person. */
const results = createStoredResultLog(currentPersonSink(history));

/**
 * One set of cues for the page, made in the first tap that starts a trial: iOS starts an
 * AudioContext only inside a user gesture (src/sensors/cues.ts), and one context serves every
 * trial (browsers limit how many a page may open).
 */
let cues: SessionCues | null = null;
const cuesMadeInTap = (): SessionCues => (cues ??= browserCues(window));

/** Only for scripts/bench-browser.ts: the page opened with `?bench` measures itself. */
const bench = new URLSearchParams(window.location.search).has('bench') ? installBenchHook(window) : null;

/** True from a trial's countdown to its end: a new version of the app is not offered then. */
const trialActive$ = new BehaviorSubject(false);

const root = document.getElementById('app');
if (root === null) throw new Error('index.html: no element with id "app"');

mountApp(root, {
  motionSupport: motionSupport(window),
  motionAllowedWithoutTap,
  requestPermission: () => requestMotionPermission(window),
  prepareCues: () => void cuesMadeInTap(),
  probeSensor: () => firstMotionWithin$(sensorMotion$(), SENSOR_SILENCE_S),
  demoSpeeds: DEMO_SPEEDS,
  runTrial: (setup: TrialSetup, source, demoSpeed, stop$): Observable<TrialState> => {
    // Replays: "go" reaches a demo recording that was read only after it.
    const go$ = new ReplaySubject<void>(1);
    let went = false;
    const motion$ = source === 'demo' ? demoSource$(demoSpeed, go$) : sensorMotion$();
    const trial$ = runTrial(setup, {
      motion$: bench ? bench.timeEvents(motion$) : motion$,
      visibility$: visibility$(document),
      cues: cuesMadeInTap(),
      wakeLock$: holdWakeLock$(window),
      stop$,
      source,
      measure: bench?.session,
    }).pipe(
      tap((state) => {
        if (state.phase === 'running' && !went) {
          went = true;
          go$.next();
        }
      }),
      reportTrialActivity(trialActive$),
    );
    return bench ? trial$.pipe(tap((state) => bench.observe(state))) : trial$;
  },
  results,
  prefs,
  tabStore: tabStore(),
  history,
  deleteAllData: () => import('./storage/delete-all').then((storage) => storage.deleteAllData()),
  // Inside the Start tap: the cues and the feedback's own AudioContext (closed at the session's end).
  prepareTraining: () => {
    const sessionCues = cuesMadeInTap();
    const feedback = createAudioFeedback(window, bench ? () => bench.feedbackScheduled() : undefined);
    return {
      feedbackStatus: () => feedback.status,
      run: (settings, source, stop$, recentRmsMs2) =>
        runTrainingSession(settings, {
          motionFor: (go$) =>
            source === 'demo'
              ? demoSource$(1, go$)
              : bench
                ? bench.timeEvents(sensorMotion$())
                : sensorMotion$(),
          visibility$: visibility$(document),
          cues: sessionCues,
          wakeLock$: holdWakeLock$(window),
          stop$,
          source,
          feedback,
          recentRmsMs2,
          sessionId: newTrialId(),
          onFeedbackCost: bench ? (ms) => bench.feedbackCost(ms) : undefined,
        }).pipe(
          tap((state) => {
            trialActive$.next(state.phase !== 'done');
            bench?.observeTraining(state);
          }),
          finalize(() => {
            trialActive$.next(false);
            feedback.close();
          }),
        ),
    };
  },
});

// Offline use: the service worker precaches the app; a new version is offered between trials.
const updates = registerAppUpdates(window);
const banner = updateBanner(() => void updates.reloadWithUpdate());
document.body.prepend(banner.element);
updates.updateWaiting$.pipe(promptWhenNoTrial(trialActive$)).subscribe((visible) => banner.show(visible));
