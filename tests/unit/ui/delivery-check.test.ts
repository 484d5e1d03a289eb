import { describe, expect, it } from 'vitest';
import { countWithin, matchDelivery } from '../../e2e/helpers/delivery';

// The end-to-end tests' check that every delivered devicemotion event was stored: it must find
// "go" when the stored run matches, and refuse a stored run with a dropped event.
describe('matching stored samples to delivered events', () => {
  // Chromium-like event times, ms: 60 Hz with jitter; "go" at 1000 ms.
  const deliveredMs = [950.1, 966.8, 983.4, 1000.2, 1016.9, 1033.5, 1050.3, 1066.9, 1083.6];
  const goMs = 1000;
  const storedS = deliveredMs.filter((t) => t >= goMs).map((t) => (t - goMs) / 1000);

  it('places "go" on the event clock when every event after it is stored', () => {
    const delivery = matchDelivery(deliveredMs, storedS);
    expect(delivery.goMs).toBeCloseTo(goMs, 9);
    expect(countWithin(delivery.deliveredS, 0, 0.0836)).toBe(storedS.length);
    expect(countWithin(delivery.deliveredS, 0, storedS[0] as number) - 1).toBe(0);
  });

  it('throws when an event in the middle was not stored', () => {
    const withGap = storedS.filter((_, k) => k !== 2);
    expect(() => matchDelivery(deliveredMs, withGap)).toThrow(/do not match any run/);
  });

  it('shows events missed at the start of the trial', () => {
    // The first event after "go" (at 0.2 ms) is missing from the stored run.
    const lateStart = storedS.slice(1);
    const delivery = matchDelivery(deliveredMs, lateStart);
    // The stored times still place "go" at 1000 ms; the stored run starts at 16.9 ms, and the
    // delivered event at 0.2 ms lies between "go" and it: one missed.
    expect(countWithin(delivery.deliveredS, 0, lateStart[0] as number) - 1).toBe(1);
  });
});
