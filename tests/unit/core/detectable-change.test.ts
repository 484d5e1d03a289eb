/**
 * "Is this change real?" on the Progress and Left vs right pages (core/detectable-change.ts,
 * ui/progress-change.ts, ui/compare-model.ts holdTimeDifference). The expected numbers are
 * worked by hand from Goldberg et al. 2011 (Gait Posture 33(4):737-739, abstract): SEM 8.7 s,
 * so MDC95 = 1.96 * sqrt(2) * 8.7 = 24.115 s (published: 24.1 s), for adults aged 60-89,
 * eyes open, firm floor, caps of 30 s or more (core/reliability.ts says why).
 */
import { describe, expect, it } from 'vitest';
import type { ComparableTrial, LikeConditions } from '../../../src/core/compare';
import {
  legsDifference,
  mdcFor,
  seriesChange,
  type SessionsPerSide,
} from '../../../src/core/detectable-change';
import { compareForPage, holdTimeDifference } from '../../../src/ui/compare-model';
import { changeLines } from '../../../src/ui/progress-change';
import { progressModel } from '../../../src/ui/progress-model';

const OPEN_FIRM_45: LikeConditions = { eyes: 'open', surface: 'firm', placement: 'chest', capS: 45 };
/** 75 or 76 in 2026: within Goldberg et al. 2011's ages (60-89). */
const BORN_1950 = 1950;
/** 1.96 * sqrt(2) * 8.7 s (Goldberg et al. 2011, SEM 8.7 s). */
const GOLDBERG_MDC95_S = 24.115;

const series = (left: [string, number][], right: [string, number][]): SessionsPerSide => ({
  metric: 'holdTimeS',
  sides: {
    left: { sessions: left.map(([date, value]) => ({ date, value })) },
    right: { sessions: right.map(([date, value]) => ({ date, value })) },
  },
});

/** The report's worked example (tests/unit/report): left 10.0 -> 40.0 s, right 18.2 -> 31.5 s. */
const EXAMPLE = series(
  [
    ['2026-11-02', 10],
    ['2026-11-15', 22],
    ['2026-11-29', 40],
  ],
  [
    ['2026-11-02', 18.2],
    ['2026-11-29', 31.5],
  ],
);

describe('seriesChange: each leg against the MDC around its first value', () => {
  it('says +30.0 s is beyond and +13.3 s within Goldberg 2011’s 24.1 s, with the bands cut to 0-45 s', () => {
    const change = seriesChange(EXAMPLE, OPEN_FIRM_45, BORN_1950);
    expect(change.mdc.applies).toBe(true);
    if (change.mdc.applies) expect(change.mdc.mdc95).toBeCloseTo(GOLDBERG_MDC95_S, 3);
    const { left, right } = change.legs;
    expect(left.change).toBeCloseTo(30, 9);
    expect(left.verdict).toBe('beyond the minimal detectable change of 24.1 s');
    expect(right.change).toBeCloseTo(13.3, 9);
    expect(right.verdict).toBe('within measurement error (minimal detectable change 24.1 s)');
    // 10 - 24.1 is under 0 s: cut to 0; 18.2 + 24.115 = 42.315 s, under the 45 s cap.
    expect(left.band?.lowS).toBe(0);
    expect(left.band?.highS).toBeCloseTo(10 + GOLDBERG_MDC95_S, 3);
    expect(right.band?.highS).toBeCloseTo(42.315, 3);
    // A first value of 30 s: 30 + 24.1 is over the cap, cut to 45 s; 30 - 24.115 = 5.885 s.
    const high = seriesChange(series([['2026-11-02', 30]], []), OPEN_FIRM_45, BORN_1950);
    expect(high.legs.left.band).toEqual({ lowS: expect.closeTo(5.885, 3) as number, highS: 45 });
    expect(high.legs.left.verdict).toBeNull();
  });

  it('takes a change equal to the MDC as within measurement error, a hair more as beyond', () => {
    const mdc = mdcFor('holdTimeS', OPEN_FIRM_45, BORN_1950, '2026-11-02');
    if (!mdc.applies) throw new Error('Goldberg 2011 should apply');
    const at = (value: number) =>
      seriesChange(
        series(
          [
            ['2026-11-02', 10],
            ['2026-11-29', value],
          ],
          [],
        ),
        OPEN_FIRM_45,
        BORN_1950,
      ).legs.left.verdict;
    expect(at(10 + mdc.mdc95)).toContain('within measurement error');
    expect(at(10 + mdc.mdc95 + 1e-9)).toContain('beyond the minimal detectable change of 24.1 s');
    // A decrease is judged by its size as well.
    expect(at(10 - 5)).toContain('within measurement error');
  });

  it('gives no number where no published value fits: 10 s cap, foam, eyes closed, a young adult', () => {
    const reason = (conditions: Partial<LikeConditions>, birthYear: number | null = BORN_1950) => {
      const change = seriesChange(EXAMPLE, { ...OPEN_FIRM_45, ...conditions }, birthYear);
      expect(change.legs.left.band).toBeNull();
      expect(change.legs.right.band).toBeNull();
      return change.mdc.applies ? 'applies' : change.mdc.reason;
    };
    expect(reason({ capS: 10 })).toBe(
      'no published value for a 10 s cap (Goldberg et al. 2011: 30 s or more)',
    );
    expect(reason({ surface: 'foam' })).toBe(
      'the published value (Goldberg et al. 2011) is for a firm floor, not foam',
    );
    expect(reason({ eyes: 'closed' })).toBe('the published value (Goldberg et al. 2011) is for eyes open');
    expect(reason({}, 1995)).toBe('the published value (Goldberg et al. 2011) is for ages 60-89');
    expect(reason({}, null)).toBe(
      'no birth year: the published value (Goldberg et al. 2011) is for adults aged 60 and over',
    );
    const noCap = seriesChange(EXAMPLE, { ...OPEN_FIRM_45, capS: 10 }, BORN_1950);
    expect(noCap.legs.left.verdict).toBe(
      'no minimal detectable change: no published value for a 10 s cap (Goldberg et al. 2011: 30 s or more)',
    );
  });

  it('takes the age of the first session’s day: 60 on the first day is not yet certain', () => {
    // Born 1966: 59 or 60 in 2026, so not certainly within 60-89; 60 or 61 in 2027.
    const late = series([['2026-12-20', 10]], [['2027-01-05', 12]]);
    const change = seriesChange(late, OPEN_FIRM_45, 1966);
    expect(change.mdc.applies).toBe(false);
    const later = series([['2027-01-05', 10]], [['2027-01-06', 12]]);
    expect(seriesChange(later, OPEN_FIRM_45, 1966).mdc.applies).toBe(true);
  });
});

describe('legsDifference: does the difference between the legs exceed the MDC?', () => {
  const mdc = mdcFor('holdTimeS', OPEN_FIRM_45, BORN_1950, '2026-11-29');
  it('within for 40.0 vs 31.5 s (8.5 s), beyond for 40.0 vs 10.0 s (30.0 s)', () => {
    expect(legsDifference(40, 31.5, mdc)).toEqual({
      differenceS: 8.5,
      beyond: false,
      words:
        "The legs' best hold times differ by 8.5 s: within measurement error (minimal detectable change 24.1 s)",
    });
    expect(legsDifference(10, 40, mdc)).toEqual({
      differenceS: 30,
      beyond: true,
      words: "The legs' best hold times differ by 30.0 s: beyond the minimal detectable change of 24.1 s",
    });
  });
  it('says why no value can be said, and when a leg has no hold time', () => {
    const foam = mdcFor('holdTimeS', { ...OPEN_FIRM_45, surface: 'foam' }, BORN_1950, '2026-11-29');
    expect(legsDifference(40, 10, foam)).toEqual({
      differenceS: 30,
      beyond: null,
      words:
        "The legs' best hold times differ by 30.0 s; no minimal detectable change: the published value (Goldberg et al. 2011) is for a firm floor, not foam",
    });
    expect(legsDifference(null, 10, mdc)).toEqual({
      differenceS: null,
      beyond: null,
      words: 'No hold time on both legs',
    });
  });
});

describe('the pages’ words', () => {
  it('Progress: the band’s MDC with its source, and each leg’s change in a line', () => {
    const lines = changeLines(seriesChange(EXAMPLE, OPEN_FIRM_45, BORN_1950), 'holdTimeS', OPEN_FIRM_45);
    expect(lines.mdc).toBe(
      'Outlined bands: the minimal detectable change (± 24.1 s, Goldberg et al. 2011) around each leg’s first value. A change inside its band is within measurement error.',
    );
    expect(lines.legs).toEqual({
      left: 'Left leg: 10.0 s -> 40.0 s since 2 Nov 2026, beyond the minimal detectable change of 24.1 s.',
      right:
        'Right leg: 18.2 s -> 31.5 s since 2 Nov 2026, within measurement error (minimal detectable change 24.1 s).',
    });
    const short = changeLines(seriesChange(EXAMPLE, { ...OPEN_FIRM_45, capS: 10 }, BORN_1950), 'holdTimeS', {
      ...OPEN_FIRM_45,
      capS: 10,
    });
    expect(short.mdc).toBe(
      'No minimal detectable change: no published value for a 10 s cap (Goldberg et al. 2011: 30 s or more).',
    );
    expect(short.legs.left).toBe('Left leg: 10.0 s -> 40.0 s since 2 Nov 2026.');
    const one = changeLines(
      seriesChange(series([['2026-11-02', 18.2]], []), OPEN_FIRM_45, BORN_1950),
      'holdTimeS',
      OPEN_FIRM_45,
    );
    expect(one.legs).toEqual({
      left: 'Left leg: 18.2 s on 2 Nov 2026, one session: no change to judge yet.',
    });
  });

  const trial = (id: string, side: 'left' | 'right', date: string, holdTimeS: number): ComparableTrial => ({
    id,
    startedAt: `${date}T10:0${id.length}:00+01:00`,
    setup: { stanceSide: side, ...OPEN_FIRM_45 },
    interrupted: false,
    holdTimeS,
    analysis: null,
  });
  const trials = [
    trial('a', 'left', '2026-11-02', 10),
    trial('bb', 'right', '2026-11-02', 18.2),
    trial('ccc', 'left', '2026-11-29', 40),
    trial('dddd', 'right', '2026-11-29', 31.5),
  ];

  it('Progress: the model carries the change of the chart’s sessions for any measure', () => {
    const model = progressModel(trials, OPEN_FIRM_45, 'holdTimeS', { birthYear: BORN_1950, sex: null });
    expect(model.change?.legs.left.verdict).toBe('beyond the minimal detectable change of 24.1 s');
    expect(model.change?.legs.right.band?.highS).toBeCloseTo(42.315, 3);
    const rms = progressModel(trials, OPEN_FIRM_45, 'rms', { birthYear: BORN_1950, sex: null });
    expect(rms.change?.mdc).toEqual({
      applies: false,
      reason: 'no published test-retest value for this measure',
    });
  });

  it('Left vs right: the day’s best hold times against the MDC of the person on that day', () => {
    const choice = { span: { date: '2026-11-29' }, conditions: OPEN_FIRM_45 };
    const { comparison } = compareForPage(trials, choice);
    expect(holdTimeDifference(comparison, choice, BORN_1950).words).toBe(
      "The legs' best hold times differ by 8.5 s: within measurement error (minimal detectable change 24.1 s)",
    );
    expect(holdTimeDifference(comparison, choice, 1995).words).toBe(
      "The legs' best hold times differ by 8.5 s; no minimal detectable change: the published value (Goldberg et al. 2011) is for ages 60-89",
    );
  });
});
