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
      /^event 2: delivered at 33\.500 ms, stored at 50\.300 ms.*\(4 delivered during the trial, 3 stored;/,
    );
    expect(() => pairEvents(delivered, storedS.slice(0, 3))).toThrow(/^event 4: .*stored at none/);
    expect(() => pairEvents(delivered, [...storedS, 0.1])).toThrow(
      /\(4 delivered during the trial, 5 stored;/,
    );
    expect(() => pairEvents(delivered, [-0.0166, -0.0001, ...storedS])).toThrow(
      /\(4 delivered during the trial, 6 stored;/,
    );
  });

  it('accepts the event of the instant of "go" as the first sample, and no earlier one', () => {
    // The page showed "running" 10 ms after the event stamped 1000.2 was dispatched (at 1002.2):
    // the session may have taken it as the trial's first sample.
    const atGo = { ...delivered, goMs: 1012.2 };
    const withIt = [1000.2, ...[1016.9, 1033.5, 1050.3, 1066.9]].map((t) => (t - go) / 1000);
    expect(pairEvents(atGo, withIt).storedEventsMs[0]).toBe(1000.2);
    // 27.8 ms before the mark is an earlier frame: that extra stored sample does not pair.
    const gapped = [950.1, 966.8, 983.4, 1000.2, 1040, 1056.7, 1073.3];
    const late = {
      timeStampsMs: gapped,
      dispatchedMs: gapped.map((t) => t + 2),
      magnitudes: gapped.map(() => 9.8),
      goMs: 1030,
      endMs: 1090,
    };
    const lateStored = [1000.2, 1040, 1056.7, 1073.3].map((t) => (t - go) / 1000);
    expect(() => pairEvents(late, lateStored)).toThrow(/\(3 delivered during the trial, 4 stored;/);
  });

  it('refuses to judge a trial the page never finished', () => {
    expect(() => pairEvents({ ...delivered, endMs: null }, storedS)).toThrow(/never showed both/);
  });
});
