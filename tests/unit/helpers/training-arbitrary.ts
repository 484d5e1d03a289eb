/**
 * Any training field a stored set may carry (src/training/types.ts): every exercise, leg,
 * feedback mode and difficulty, set numbers within the sets planned, any positive dead zone and
 * any time in zone from 0 to 1 (or none), session ids of any text (commas, quotes, line breaks,
 * formulas). Not -0: the summary writes every number -0 as 0.
 */
import fc from 'fast-check';
import type { StorkTrainingInfo } from '../../../src/formats/trial-record';

/** Text as people and browsers write it, with the cells that need care in a CSV. */
const sessionText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.constantFrom('=1+1', '-2', '@SUM(A1)', "'=1", 'a,"b"\r\nc', ' x ', '2026-11-21T10:15:02.125+01:00'),
);

export const trainingArbitrary: fc.Arbitrary<StorkTrainingInfo> = fc
  .record({
    sessionId: sessionText,
    exercise: fc.constantFrom('single-leg' as const, 'tandem' as const, 'feet-together' as const),
    side: fc.constantFrom('left' as const, 'right' as const),
    setsPlanned: fc.integer({ min: 1, max: 20 }),
    setFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    feedback: fc.constantFrom('continuous' as const, 'outside-tone' as const, 'off' as const),
    difficulty: fc.constantFrom('easier' as const, 'normal' as const, 'harder' as const),
    deadZoneMs2: fc.oneof(
      fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }),
      fc.constantFrom(0.17106176181548843, 0.03, 1.5, 5e-324),
    ),
    timeInZone: fc.option(
      fc.oneof(
        fc.double({ min: 0, max: 1, noNaN: true }).filter((x) => !Object.is(x, -0)),
        fc.constantFrom(0, 1, 0.1, 0.7, 1 / 3, 5e-324, 1 - Number.EPSILON / 2),
      ),
      { nil: null },
    ),
    endedEarly: fc.boolean(),
  })
  .map(({ side, setFraction, setsPlanned, ...rest }) => ({
    ...rest,
    leg: rest.exercise === 'single-leg' ? side : null,
    setsPlanned,
    setNumber: 1 + Math.min(setsPlanned - 1, Math.floor(setFraction * setsPlanned)),
  }));
