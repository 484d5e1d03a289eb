/**
 * Checks that a trial stored every devicemotion event Chromium delivered while it ran: the
 * stored sample times (s since "go") are matched to the delivered events' timeStamps (ms,
 * counted by an init script before the page's own code), which gives "go" on the event clock.
 */

export interface Delivery {
  /** "go" on the page's event clock, ms. */
  goMs: number;
  /** Every delivered event's time since "go", s. */
  deliveredS: number[];
}

/** Timestamps agree to far better than this (the CSV keeps times to the last bit). */
const SAME_EVENT_MS = 0.001;

/**
 * Finds the run of consecutive delivered events whose spacing is exactly that of the stored
 * samples, which places "go" on the event clock. Throws when there is none: a stored run with a
 * gap where an event was delivered (a dropped event) matches no run of consecutive events.
 */
export function matchDelivery(deliveredMs: readonly number[], storedS: ArrayLike<number>): Delivery {
  const stored = Array.from(storedS, (t) => t * 1000);
  const first = stored[0];
  if (first === undefined) throw new Error('no stored samples');
  for (let j = 0; j + stored.length <= deliveredMs.length; j++) {
    const goMs = (deliveredMs[j] as number) - first;
    let all = true;
    for (let i = 0; i < stored.length && all; i++) {
      all = Math.abs((deliveredMs[j + i] as number) - goMs - (stored[i] as number)) < SAME_EVENT_MS;
    }
    if (all) return { goMs, deliveredS: deliveredMs.map((t) => (t - goMs) / 1000) };
  }
  throw new Error(
    `the ${stored.length} stored samples do not match any run of the ${deliveredMs.length} delivered events`,
  );
}

/** How many of `timesS` fall in [fromS, toS]. */
export function countWithin(timesS: ArrayLike<number>, fromS: number, toS: number): number {
  let count = 0;
  for (let k = 0; k < timesS.length; k++) {
    const t = timesS[k] as number;
    if (t >= fromS - SAME_EVENT_MS / 1000 && t <= toS + SAME_EVENT_MS / 1000) count++;
  }
  return count;
}
