/**
 * Like with like in words: how a day's trials differ in conditions, and the tests that make
 * the legs comparable (src/ui/like-with-like.ts), from the conditions' options with each leg's
 * count as compare-model.ts conditionOptions gives them.
 */
import { describe, expect, it } from 'vitest';
import type { ComparableTrial, LikeConditions } from '../../../src/core/compare';
import { conditionOptions } from '../../../src/ui/compare-model';
import { conditionsKey } from '../../../src/ui/history-format';
import { legsUnder, likeAdvice, setupFor, type LegCounts } from '../../../src/ui/like-with-like';

const OPEN_45: LikeConditions = { eyes: 'open', surface: 'firm', placement: 'chest', capS: 45 };

function option(conditions: LikeConditions, left: number, right: number): LegCounts {
  return { key: conditionsKey(conditions), conditions, left, right };
}

function trial(id: string, side: 'left' | 'right', capS: number): ComparableTrial {
  return {
    id,
    startedAt: `2026-12-07T10:0${id.length}:00+01:00`,
    setup: { stanceSide: side, ...OPEN_45, capS },
    interrupted: false,
    holdTimeS: 5,
    analysis: null,
  };
}

describe('how trials differ in conditions', () => {
  it('says left with a 45 s limit, right with 10 s, and offers each leg under the other’s limit', () => {
    // The day of the report: left leg 45 s, right leg 10 s; the page shows the 10 s trials.
    const options = conditionOptions([trial('L', 'left', 45), trial('R', 'right', 10)], {
      date: '2026-12-07',
    });
    const chosen = conditionsKey({ ...OPEN_45, capS: 10 });
    const advice = likeAdvice(options, chosen);
    expect(advice).toEqual({
      differ: 'left leg with a 45 s limit, right leg with 10 s',
      others: 'left leg with a 45 s limit',
      missing: 'left',
      tests: [
        {
          label: 'Test the left leg with a 10 s limit',
          setup: { stanceSide: 'left', eyes: 'open', surface: 'firm', placement: 'chest', capS: 10 },
        },
        {
          label: 'Test the right leg with a 45 s limit',
          setup: { stanceSide: 'right', eyes: 'open', surface: 'firm', placement: 'chest', capS: 45 },
        },
      ],
    });
  });

  it('names every condition that differs, each preposition once', () => {
    const closedFoam10: LikeConditions = { eyes: 'closed', surface: 'foam', placement: 'lumbar', capS: 10 };
    expect(legsUnder([option(OPEN_45, 1, 0), option(closedFoam10, 0, 2)])).toEqual([
      'left leg with eyes open, on the firm floor, with the phone at the chest and a 45 s limit',
      'right leg with eyes closed, on the foam pad, with the phone at the lower back and 10 s',
    ]);
    expect(legsUnder([option(OPEN_45, 0, 1), option({ ...OPEN_45, eyes: 'closed' }, 1, 0)])).toEqual([
      'left leg with eyes closed',
      'right leg with eyes open',
    ]);
  });

  it('says “both legs” and “also” for a leg under a second set of conditions', () => {
    const options = [option(OPEN_45, 2, 1), option({ ...OPEN_45, capS: 10 }, 0, 1)];
    expect(legsUnder(options)).toEqual(['both legs with a 45 s limit', 'right leg also with 10 s']);
    // The chosen conditions have both legs: nothing to test, the others named apart.
    expect(likeAdvice(options, options[0]!.key)).toEqual({
      differ: 'both legs with a 45 s limit, right leg also with 10 s',
      others: 'right leg with a 10 s limit',
      missing: null,
      tests: [],
    });
    // Chosen: the right leg's 10 s trial. The left leg under 10 s; the right has 45 s already.
    expect(likeAdvice(options, options[1]!.key)?.tests.map((test) => test.label)).toEqual([
      'Test the left leg with a 10 s limit',
    ]);
  });

  it('says nothing when all trials share their conditions or the choice is not among them', () => {
    expect(likeAdvice([option(OPEN_45, 1, 0)], conditionsKey(OPEN_45))).toBeNull();
    expect(likeAdvice([option(OPEN_45, 1, 0), option({ ...OPEN_45, capS: 10 }, 0, 1)], 'x')).toBeNull();
    expect(likeAdvice([], '')).toBeNull();
  });

  it('offers no test the phone cannot set up: a force plate, a limit not offered', () => {
    const plate: LikeConditions = { ...OPEN_45, placement: 'force-plate', capS: 30, swayUnit: 'cm' };
    expect(setupFor('left', plate)).toBeNull();
    expect(setupFor('left', { ...OPEN_45, capS: 15 })).toBeNull();
    const advice = likeAdvice(
      [option(plate, 0, 1), option({ ...OPEN_45, capS: 15 }, 1, 0)],
      conditionsKey(plate),
    );
    expect(advice?.differ).toBe(
      'left leg with the phone at the chest and a 15 s limit, right leg with a force plate, 30 s and in cm',
    );
    expect(advice?.tests).toEqual([]);
  });
});
