import { describe, expect, it } from 'vitest';
import { pairEvents } from '../../e2e/helpers/delivery';

// The end-to-end tests' check that every devicemotion event delivered during a trial was
// stored: it must pair a complete run, and refuse a run with an event dropped or added.
describe('pairing delivered events with stored samples', () => {
  // Chromium-like event timestamps, ms: 60 Hz with jitter; each dispatched 2 ms later.
  const timeStampsMs = [950.1, 966.8, 983.4, 1000.2, 1016.9, 1033.5, 1050.3, 1066.9, 1083.6];
  const delivered = {
    timeStampsMs,
    dispatchedMs: timeStampsMs.map((t) => t + 2),
    magnitudes: timeStampsMs.map(() => 9.8),
    // The page showed "running" at 1005 ms (after the event stamped 1000.2 was dispatched, at
    // 1002.2: that one belongs to the countdown) and the result at 1070 ms.
    goMs: 1005,
    endMs: 1070,
  };
  const go = 1000; // "go" on the event clock
  const storedS = [1016.9, 1033.5, 1050.3, 1066.9].map((t) => (t - go) / 1000);

  it('pairs the events dispatched between "running" and the result, and places "go" on the event clock', () => {
    const pairing = pairEvents(delivered, storedS);
    expect(pairing.dispatchedDuringTrial).toBe(4);
    expect(pairing.storedEventsMs).toEqual([1016.9, 1033.5, 1050.3, 1066.9]);
    expect(pairing.goMs).toBeCloseTo(go, 9);
  });

  it('names the first event that does not pair when one was dropped or added', () => {
    expect(() => pairEvents(delivered, [storedS[0] as number, ...storedS.slice(2)])).toThrow(
      /^event 2: delivered at 33\.500 ms, stored at 50\.300 ms \(4 delivered during the trial, 3 stored\)$/,
    );
    expect(() => pairEvents(delivered, storedS.slice(0, 3))).toThrow(/^event 4: .*stored at none/);
    expect(() => pairEvents(delivered, [...storedS, 0.1])).toThrow(/^event 5: delivered at none/);
  });

  it('accepts the event of the instant of "go" as the first sample, and no earlier one', () => {
    // "running" shown 1 ms after the event stamped 1000.2 was dispatched: the session may
    // have taken it as the trial's first sample.
    const atGo = { ...delivered, goMs: 1003.2 };
    const withIt = [1000.2, ...[1016.9, 1033.5, 1050.3, 1066.9]].map((t) => (t - go) / 1000);
    expect(pairEvents(atGo, withIt).storedEventsMs[0]).toBe(1000.2);
    // 2.8 ms is no longer the same instant: an extra stored sample does not pair.
    expect(() => pairEvents(delivered, withIt)).toThrow(/\(4 delivered during the trial, 5 stored\)$/);
  });

  it('refuses to judge a trial the page never finished', () => {
    expect(() => pairEvents({ ...delivered, endMs: null }, storedS)).toThrow(/never showed both/);
  });
});
