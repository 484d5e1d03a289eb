/**
 * When to offer a new version of the app: as soon as one waits, but never while a trial runs.
 * A reload in the middle of a countdown or a stance would lose the trial, so the offer is held
 * back for as long as a trial is active and shown when it ends. Pure RxJS: no DOM, no service
 * worker, so the timing is tested with marbles (tests/unit/pwa/update-prompt.test.ts).
 */
import {
  combineLatest,
  distinctUntilChanged,
  finalize,
  map,
  startWith,
  tap,
  type MonoTypeOperatorFunction,
  type Observable,
  type OperatorFunction,
} from 'rxjs';
import type { TrialState } from '../session/trial';

/**
 * Turns "an update is waiting" (true once the new service worker is installed) into "show the
 * update prompt now": true while an update waits and `trialActive$` says false, false otherwise
 * (a trial that starts hides the prompt again until it ends). Until `trialActive$` first emits,
 * no trial is assumed to run. Emits only changes.
 */
export function promptWhenNoTrial(trialActive$: Observable<boolean>): OperatorFunction<boolean, boolean> {
  return (updateWaiting$) =>
    // trialActive$ first: a source that replays its current value synchronously (a
    // BehaviorSubject) is known before the update's value arrives, so no false "show" slips out.
    combineLatest([trialActive$.pipe(startWith(false)), updateWaiting$]).pipe(
      map(([trialActive, updateWaiting]) => updateWaiting && !trialActive),
      distinctUntilChanged(),
    );
}

/** A trial is active from "get ready" (the countdown) until it has ended. */
export function isTrialActive(state: TrialState): boolean {
  return state.phase === 'countdown' || state.phase === 'running';
}

/**
 * Reports into `trialActive` whether the trial passing through is active: true with its first
 * state, false when it ends, errs or is unsubscribed (the person left the page).
 */
export function reportTrialActivity(trialActive: {
  next(active: boolean): void;
}): MonoTypeOperatorFunction<TrialState> {
  return (trial$) =>
    trial$.pipe(
      tap((state) => trialActive.next(isTrialActive(state))),
      finalize(() => trialActive.next(false)),
    );
}
