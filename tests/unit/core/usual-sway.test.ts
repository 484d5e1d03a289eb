/**
 * A trial's sway against the person's usual (src/core/usual-sway.ts), on values worked by hand:
 * the median of the last 5 earlier like trials, and their spread as the minimal detectable
 * change (1.96 * sqrt(2) * SD), and the result page's words for it (src/ui/usual-sway-words.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ComparableTrial } from '../../../src/core/compare';
import type { SwayMetrics } from '../../../src/core/types';
import {
  earlierSway,
  median,
  MIN_TRIALS_FOR_SPREAD,
  sampleSd,
  usualSway,
  USUAL_SWAY_TRIALS,
} from '../../../src/core/usual-sway';
import { noComparisonWords, usualSwayWords } from '../../../src/ui/usual-sway-words';

let next = 0;
/** A left-leg trial, eyes open, firm floor, chest, 45 s, on `day` of Nov 2026, with sway `rms`. */
function trial(day: number, rms: number | null, change: Partial<ComparableTrial> = {}): ComparableTrial {
  return {
    id: `t${++next}`,
    startedAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000+01:00`,
    setup: { stanceSide: 'left', eyes: 'open', surface: 'firm', placement: 'chest', capS: 45 },
    interrupted: false,
    holdTimeS: 30,
    analysis: rms === null ? null : { metrics: { rms } as SwayMetrics },
    ...change,
  };
}

// SD 0.0041473 (mean 0.0948, squares 6.88e-5 / 4), MDC95 = 2.7719 * 0.0041473 = 0.011496; median 0.094.
const FIVE = [0.09, 0.094, 0.1, 0.092, 0.098];
const history = (): ComparableTrial[] => FIVE.map((rms, k) => trial(10 + k, rms));

describe('the usual sway', () => {
  it('works out the median and the sample SD', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(sampleSd(FIVE)).toBeCloseTo(0.0041473, 6);
    expect(USUAL_SWAY_TRIALS).toBe(5);
    expect(MIN_TRIALS_FOR_SPREAD).toBe(3);
  });

  it('calls 0.071 steadier than a median of 0.094 that varies by 0.0115, 0.100 as usual, 0.110 less steady', () => {
    const steadier = usualSway(trial(20, 0.071), history());
    expect(steadier).toMatchObject({ kind: 'steadier', value: 0.071, count: 5, median: 0.094 });
    if (steadier?.kind !== 'steadier') throw new Error('steadier expected');
    expect(steadier.difference).toBeCloseTo(-0.023, 12);
    expect(steadier.mdc95).toBeCloseTo(0.011496, 6);
    expect(usualSway(trial(20, 0.1), history())).toMatchObject({ kind: 'as-usual', median: 0.094 });
    expect(usualSway(trial(20, 0.11), history())).toMatchObject({ kind: 'less-steady', median: 0.094 });
  });

  it('takes only the last 5 earlier test trials of the leg under the same conditions', () => {
    const current = trial(20, 0.071);
    const others = [
      // Older than the last five: left out (with them the median would be 0.092).
      trial(1, 0.5),
      trial(2, 0.5),
      ...history(),
      // Later than this trial, the trial itself, other leg, conditions, training, interrupted, no analysis.
      trial(25, 0.2),
      { ...current },
      trial(15, 0.3, { setup: { ...current.setup, stanceSide: 'right' } }),
      trial(15, 0.3, { setup: { ...current.setup, eyes: 'closed' } }),
      trial(15, 0.3, { setup: { ...current.setup, surface: 'foam' } }),
      trial(15, 0.3, { setup: { ...current.setup, placement: 'lumbar' } }),
      trial(15, 0.3, { setup: { ...current.setup, capS: 10 } }),
      trial(15, 0.3, { training: { exercise: 'x' } }),
      trial(15, 0.3, { interrupted: true }),
      trial(15, null),
    ];
    expect(earlierSway(current, others)).toEqual(FIVE);
    expect(usualSway(current, others)).toMatchObject({ kind: 'steadier', count: 5, median: 0.094 });
  });

  it('gives the median alone with 1 or 2 earlier trials, and nothing to compare with none', () => {
    expect(usualSway(trial(20, 0.071), [trial(10, 0.08), trial(11, 0.1)])).toEqual({
      kind: 'too-few',
      value: 0.071,
      count: 2,
      median: 0.09,
    });
    expect(usualSway(trial(20, 0.071), [])).toEqual({ kind: 'none', value: 0.071 });
    expect(usualSway(trial(20, null), history())).toBeNull();
    expect(usualSway(trial(20, 0.071, { interrupted: true }), history())).toBeNull();
  });
});

describe('the usual sway in words', () => {
  it('says steadier, as usual or less steady with both figures, the count and the threshold', () => {
    const words = (rms: number) => {
      const usual = usualSway(trial(20, rms), history());
      if (usual === null) throw new Error('a comparison expected');
      return usualSwayWords(usual, 'm/s²');
    };
    expect(words(0.071)).toBe(
      'Steadier than usual: sway 0.071 m/s² in this trial, against 0.094 m/s², the median of the last 5 earlier trials on this leg under the same conditions. The difference, 0.023 m/s², is beyond the minimal detectable change of 0.0115 m/s² worked out from those trials’ spread.',
    );
    expect(words(0.1)).toBe(
      'About as usual: sway 0.1 m/s² in this trial, against 0.094 m/s², the median of the last 5 earlier trials on this leg under the same conditions. The difference, 0.006 m/s², is within measurement error (minimal detectable change 0.0115 m/s², worked out from those trials’ spread).',
    );
    expect(words(0.11)).toMatch(
      /^Less steady than usual: sway 0\.11 m\/s² in this trial, .* 0\.016 m\/s², is beyond/,
    );
  });

  it('says why there is no verdict or no comparison', () => {
    expect(usualSwayWords({ kind: 'none', value: 0.071 }, 'm/s²')).toBe(
      'No earlier trials on this leg under the same conditions to compare with yet.',
    );
    expect(usualSwayWords({ kind: 'too-few', value: 0.071, count: 1, median: 0.08 }, 'cm')).toBe(
      'Sway 0.071 cm in this trial, against 0.08 cm, the sway of the 1 earlier trial on this leg under the same conditions. At least 3 earlier trials are needed to tell a change from the usual spread.',
    );
    expect(usualSwayWords({ kind: 'too-few', value: 0.071, count: 2, median: 0.09 }, 'm/s²')).toMatch(
      /against 0\.09 m\/s², the median of the 2 earlier trials on this leg/,
    );
    expect(noComparisonWords('no person is chosen')).toBe(
      'No comparison with earlier trials: no person is chosen.',
    );
  });
});
