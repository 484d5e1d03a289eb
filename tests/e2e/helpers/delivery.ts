/**
 * Checks that a trial stored every devicemotion event Chromium delivered while it ran: the
 * stored sample times (s since "go") are matched to the delivered events' timeStamps (ms,
 * counted by an init script before the page's own code), which gives "go" on the event clock.
 */

export interface Delivery {
  /** "go" on the page's event clock, ms. */
  goMs: number;
  /** Delivered events from "go" to the last stored sample (inclusive). */
  deliveredDuringTrial: number;
  /** Delivered events before the first stored sample but after "go" (should be none). */
  missedAtStart: number;
}

/** Timestamps agree to far better than this (the CSV keeps times to the last bit). */
const SAME_EVENT_MS = 0.001;

export function matchDelivery(deliveredMs: readonly number[], storedS: ArrayLike<number>): Delivery {
  const stored = Array.from(storedS, (t) => t * 1000);
  const first = stored[0];
  const last = stored[stored.length - 1];
  if (first === undefined || last === undefined) throw new Error('no stored samples');
  for (let j = 0; j + stored.length <= deliveredMs.length; j++) {
    const goMs = (deliveredMs[j] as number) - first;
    let all = true;
    for (let i = 0; i < stored.length && all; i++) {
      all = Math.abs((deliveredMs[j + i] as number) - goMs - (stored[i] as number)) < SAME_EVENT_MS;
    }
    if (!all) continue;
    const sinceGo = deliveredMs.map((t) => t - goMs);
    return {
      goMs,
      deliveredDuringTrial: sinceGo.filter((t) => t >= 0 && t <= last + SAME_EVENT_MS).length,
      missedAtStart: sinceGo.filter((t) => t >= 0 && t < first - SAME_EVENT_MS).length,
    };
  }
  throw new Error(
    `the ${stored.length} stored samples do not match any run of the ${deliveredMs.length} delivered events`,
  );
}
