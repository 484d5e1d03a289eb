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
  const firstStoredS = storedS[0];
  if (firstIn === undefined || lastIn === undefined || firstStoredS === undefined) {
    throw new Error(`no events during the trial (${during.length}) or no stored samples (${storedS.length})`);
  }
  const atGo = firstIn - 1;
  const start =
    storedS.length === during.length + 1 &&
    atGo >= 0 &&
    runningAtMs - (dispatchedMs[atGo] as number) < GO_INSTANT_MS
      ? atGo
      : firstIn;
  const storedEventsMs = timeStampsMs.slice(start, lastIn + 1);
  const goMs = (storedEventsMs[0] as number) - firstStoredS * 1000;
  const n = Math.max(storedEventsMs.length, storedS.length);
  for (let k = 0; k < n; k++) {
    const event = storedEventsMs[k];
    const stored = storedS[k];
    if (
      event === undefined ||
      stored === undefined ||
      Math.abs(event - goMs - stored * 1000) >= SAME_EVENT_MS
    ) {
      throw new Error(
        `event ${k + 1}: delivered at ${event === undefined ? 'none' : (event - goMs).toFixed(3)} ms, ` +
          `stored at ${stored === undefined ? 'none' : (stored * 1000).toFixed(3)} ms ` +
          `(${during.length} delivered during the trial, ${storedS.length} stored)`,
      );
    }
  }
  return { storedEventsMs, dispatchedDuringTrial: during.length, goMs };
}
