/**
 * Checks that a trial stored every devicemotion event Chromium delivered while it ran, and
 * nothing else: the events dispatched between the page turning to "running" and the result
 * page appearing (counted by an init script, ./browser.ts) must be the stored samples, one for
 * one, with the same spacing in time.
 */
import type { DeliveredEvents } from './browser';

/** Timestamps agree to far better than this (the CSV keeps times to the last bit). */
const SAME_EVENT_MS = 0.001;

/**
 * The event dispatched just before the page showed "running" may be the trial's first sample:
 * the session takes a sample that arrived at the very instant of "go" (the same scheduler
 * millisecond, Date.now) as the trial's first (src/session/trial-run.ts, onGo). The page shows
 * "running" at the end of the task that handled "go" (cues, rendering), some ms later, so that
 * event was dispatched less than one 60 Hz interval (16.7 ms, with margin) before the mark.
 */
export const GO_INSTANT_MS = 25;

export interface TrialDelivery {
  /** Timestamps (ms) of the delivered events the trial stored, in order. */
  storedEventsMs: number[];
  /** Events dispatched between "running" and the result. */
  dispatchedDuringTrial: number;
  /** "go" on the event clock, ms, from the first stored event and its stored time. */
  goMs: number;
}

/**
 * Pairs the delivered events with the stored samples: every event dispatched while the trial
 * ran (and at most the one of the instant of "go") is a stored sample, as many as stored, each
 * stored time (s since "go") the event's timeStamp minus one constant. Throws, naming the first
 * event that does not pair, when an event was dropped, added or moved.
 */
export function pairEvents(delivered: DeliveredEvents, storedS: ArrayLike<number>): TrialDelivery {
  const { goMs: runningAtMs, endMs: resultAtMs, dispatchedMs, timeStampsMs } = delivered;
  if (runningAtMs === null || resultAtMs === null)
    throw new Error('the page never showed both "running" and the result');
  const during = dispatchedMs.flatMap((at, k) => (at > runningAtMs && at < resultAtMs ? [k] : []));
  const firstIn = during[0];
  const lastIn = during[during.length - 1];
  if (firstIn === undefined || lastIn === undefined || storedS.length === 0) {
    throw new Error(`no events during the trial (${during.length}) or no stored samples (${storedS.length})`);
  }
  // The run of stored events: those dispatched during the trial, or those and the one of the
  // instant of "go" just before them.
  const atGo = firstIn - 1;
  const starts = [firstIn];
  if (atGo >= 0 && runningAtMs - (dispatchedMs[atGo] as number) < GO_INSTANT_MS) starts.push(atGo);
  const failures: string[] = [];
  for (const start of starts) {
    const failure = mismatch(timeStampsMs.slice(start, lastIn + 1), storedS);
    if (failure === null) {
      const storedEventsMs = timeStampsMs.slice(start, lastIn + 1);
      return {
        storedEventsMs,
        dispatchedDuringTrial: during.length,
        goMs: (storedEventsMs[0] as number) - (storedS[0] as number) * 1000,
      };
    }
    failures.push(failure);
  }
  const relative = (k: number): string => `${((timeStampsMs[k] as number) - runningAtMs).toFixed(1)}`;
  throw new Error(
    `${failures.join('; ')} (${during.length} delivered during the trial, ${storedS.length} stored; ` +
      `event times from "running" shown, ms: first during ${relative(firstIn)}, last during ${relative(lastIn)}` +
      `${atGo >= 0 ? `, the one before ${relative(atGo)}` : ''}; stored from the first, ms: ` +
      `${Array.from(storedS, (t) => ((t - (storedS[0] as number)) * 1000).toFixed(1))
        .slice(0, 4)
        .join(' ')} ...)`,
  );
}

/** Null when the events pair one for one with the stored times (one constant apart), else where not. */
function mismatch(eventsMs: readonly number[], storedS: ArrayLike<number>): string | null {
  const goMs = (eventsMs[0] as number) - (storedS[0] as number) * 1000;
  const n = Math.max(eventsMs.length, storedS.length);
  for (let k = 0; k < n; k++) {
    const event = eventsMs[k];
    const stored = storedS[k];
    if (
      event === undefined ||
      stored === undefined ||
      Math.abs(event - goMs - stored * 1000) >= SAME_EVENT_MS
    ) {
      return (
        `event ${k + 1}: delivered at ${event === undefined ? 'none' : (event - goMs).toFixed(3)} ms, ` +
        `stored at ${stored === undefined ? 'none' : (stored * 1000).toFixed(3)} ms`
      );
    }
  }
  return null;
}
