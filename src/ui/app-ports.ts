/**
 * What the page flow (app.ts) gets from the composition root (src/main.ts): everything that
 * touches sensors, the timers of the trial, and storage.
 */
import type { Observable } from 'rxjs';
import type { TrialResultLog } from '../session/results';
import type { TrialState } from '../session/trial';
import type { TrialSetup } from '../session/types';
import type { DeletionReport } from '../storage/delete-all';
import type { HistoryAccess } from './history-access';
import type { KeyValueStore } from './setup-prefs';
import type { DemoSpeed, MotionSource } from './setup-view';
import type { TrainingRunner } from './training-flow';

export interface StorkPorts {
  /** What the browser offers (src/sensors/motion.ts motionSupport). */
  motionSupport: 'ok' | 'insecure-context' | 'unsupported';
  /**
   * Resolves true when motion is already allowed without asking (Android, desktop): the sensor is
   * then checked as soon as the page opens. False where the person must tap first (iOS).
   */
  motionAllowedWithoutTap(): Promise<boolean>;
  /** Must be called inside the Start tap (iOS). */
  requestPermission(): Promise<'granted' | 'denied' | 'not-needed'>;
  /** Makes the sound cues ready; must be called inside a tap (iOS starts audio only there). */
  prepareCues(): void;
  /** 'ok' when the sensor delivers a reading within 1 s, else 'no-data'. */
  probeSensor(): Observable<'ok' | 'no-data'>;
  /** One trial from "get ready" to "ended" (src/session/trial.ts runTrial, wired to a source). */
  runTrial(
    setup: TrialSetup,
    source: MotionSource,
    demoSpeed: DemoSpeed,
    stop$: Observable<void>,
  ): Observable<TrialState>;
  /** Where finished trials go (kept in memory until the history stores them). */
  results: TrialResultLog;
  /** Replay speeds offered for the demo recording (1 = real time). */
  demoSpeeds: readonly DemoSpeed[];
  /** Remembers the last set-up; null when the browser offers no storage. */
  prefs: KeyValueStore | null;
  /** Keeps this tab's guided session over a reload (sessionStorage); null or absent: memory only. */
  tabStore?: KeyValueStore | null;
  /**
   * The trial history and the current person (history-access.ts); `results` saves into it.
   * Absent: no history pages, results kept in memory only.
   */
  history?: HistoryAccess | null;
  /** Deletes every person, trial and setting Stork keeps on this device (src/storage/delete-all.ts). */
  deleteAllData(): Promise<DeletionReport>;
  /**
   * Training mode's session with its sound; must be called inside the Start tap (iOS starts
   * audio only there). Absent: no training page.
   */
  prepareTraining?(): TrainingRunner;
}
