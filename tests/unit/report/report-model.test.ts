import { describe, expect, it } from 'vitest';
import { addDays, defaultPeriod, parsePeriod, periodDays } from '../../../src/report/period';
import { holdTimeChart } from '../../../src/report/report-chart';
import { MAX_TABLE_ROWS, reportModel } from '../../../src/report/report-model';
import type { ReportInput, ReportTrial } from '../../../src/report/report-types';

let n = 0;
function trial(
  date: string,
  side: 'left' | 'right',
  holdTimeS: number,
  extra: Partial<ReportTrial> = {},
): ReportTrial {
  n++;
  return {
    id: `t${n}`,
    startedAt: `${date}T10:${String(n % 60).padStart(2, '0')}:00+01:00`,
    setup: { stanceSide: side, eyes: 'open', surface: 'firm', placement: 'chest', capS: 45 },
    interrupted: false,
    holdTimeS,
    endReason: holdTimeS >= 45 ? 'completed' : 'touchdown',
    analysis: null,
    ...extra,
  };
}

/**
 * The expected numbers are worked by hand: right 18.2 -> 31.5 s is +13.3 s, under Goldberg et
 * al. 2011's MDC95 (1.96 * sqrt(2) * 8.7 s = 24.1 s); left 10.0 -> 40.0 s is +30.0 s, over
 * it. On 29 Nov LSI = 31.5 / 40.0 = 78.75 % (flagged below 90 %), SI = (31.5 - 40) / 35.75 =
 * -23.8 %. The person (born 1950) is 75 or 76 in 2026: Springer 2007 70-79, eyes open 21.5 s.
 */
const input: ReportInput = {
  person: { name: 'P-017', birthYear: 1950, sex: 'female' },
  trials: [
    trial('2026-10-20', 'left', 5), // before the period
    trial('2026-11-02', 'right', 18.2),
    trial('2026-11-02', 'left', 10.0),
    trial('2026-11-15', 'left', 22.0),
    trial('2026-11-29', 'left', 40.0),
    trial('2026-11-29', 'left', 33.0),
    trial('2026-11-29', 'right', 31.5),
    trial('2026-11-29', 'right', 12.0, { interrupted: true, endReason: 'hidden' }),
  ],
  period: { fromDate: '2026-11-02', toDate: '2026-11-29' },
  printedAt: '2026-11-30T09:05:00+01:00',
  analysisVersion: 1,
  swayAnalysisVersion: 2,
};

describe('reportModel', () => {
  const model = reportModel(input);

  it('says who, the period, the protocol and the version', () => {
    expect(model.who).toEqual({ name: 'P-017', age: '75–76 years (born 1950)', sex: 'female' });
    expect(model.periodLabel).toBe('2 Nov 2026 – 29 Nov 2026');
    expect(model.protocols).toEqual([{ label: 'Eyes open · Firm floor · Chest · 45 s', trials: 6 }]);
    expect(model.analysisVersion).toBe('analysis version 1 (2-D sway 2)');
    expect(model.printed).toBe('30 Nov 2026, 09:05');
  });

  it('lists the period’s test trials oldest first, interrupted ones with their end reason', () => {
    expect(model.trialCount).toBe(7);
    expect(model.rows.map((r) => [r.leg, r.hold, r.endReason])).toEqual([
      ['Right', '18.2 s', 'Touch-down'],
      ['Left', '10.0 s', 'Touch-down'],
      ['Left', '22.0 s', 'Touch-down'],
      ['Left', '40.0 s', 'Touch-down'],
      ['Left', '33.0 s', 'Touch-down'],
      ['Right', '31.5 s', 'Touch-down'],
      ['Right', '12.0 s', 'Interrupted (page hidden)'],
    ]);
    expect(model.rows[0]?.sway).toEqual(['–', '–', '–']);
  });

  it('keeps the latest MAX_TABLE_ROWS rows when there are more', () => {
    const many = Array.from({ length: 20 }, (_, k) => trial(addDays('2026-11-02', k), 'left', 10 + k));
    const big = reportModel({ ...input, trials: many });
    expect(big.rows).toHaveLength(MAX_TABLE_ROWS);
    expect(big.trialCount).toBe(20);
    expect(big.rows[MAX_TABLE_ROWS - 1]?.hold).toBe('29.0 s');
  });

  it('compares left and right on the latest day with both legs', () => {
    const hold = model.sides?.rows.find((r) => r.metric === 'holdTimeS');
    expect(model.sides?.date).toBe('2026-11-29');
    expect(hold).toEqual(
      expect.objectContaining({
        leftBest: '40.0 s',
        rightBest: '31.5 s',
        lsiBest: '78.8 %',
        siBest: '-23.8 %',
        flagged: true,
      }),
    );
    expect(hold?.leftMean).toBe('36.5 s');
    expect(model.sides?.holdDifference).toBe(
      "The legs' best hold times differ by 8.5 s: within measurement error (minimal detectable change 24.1 s)",
    );
  });

  it('judges each leg’s change against the MDC and shows the norm and the fall-risk cut-off', () => {
    const p = model.progress;
    expect(p?.legs.right.sessions).toEqual([
      { date: '2026-11-02', value: 18.2 },
      { date: '2026-11-29', value: 31.5 },
    ]);
    expect(p?.legs.left.change).toBeCloseTo(30, 9);
    expect(p?.norm).toEqual(
      expect.objectContaining({ lowS: 21.5, highS: 21.5, source: 'Springer et al. 2007' }),
    );
    expect(model.summary).toEqual([
      'Left leg: hold time 10.0 s -> 40.0 s since 2 Nov, beyond the minimal detectable change of 24.1 s.',
      'Right leg: hold time 18.2 s -> 31.5 s since 2 Nov, within measurement error (minimal detectable change 24.1 s).',
      "Left against right on 29 Nov: LSI of the best hold times 78.8 %, of the means 86.3 % (below 90 %). The legs' best hold times differ by 8.5 s: within measurement error (minimal detectable change 24.1 s).",
      'Latest best hold time: left 40.0 s, right 31.5 s; norm for age 70-79: 21.5 s (Springer et al. 2007).',
      "Both legs' latest best hold time is 5 s or more: not under the fall-risk cut-off (Vellas et al. 1997).",
    ]);
    expect(model.footnotes.map((f) => f.source)).toEqual([
      'Goldberg et al. 2011',
      'Springer et al. 2007',
      'Vellas et al. 1997',
      'Herzog et al. 1989 (SI)',
    ]);
  });

  it('says why there is no MDC for a 10 s cap, and has no training section without training sets', () => {
    const short = reportModel({
      ...input,
      trials: input.trials.map((t) => ({
        ...t,
        setup: { ...t.setup, capS: 10 },
        holdTimeS: Math.min(10, t.holdTimeS),
      })),
    });
    expect(short.summary[0]).toBe(
      'Left leg: hold time 10.0 s -> 10.0 s since 2 Nov, no minimal detectable change: no published value for a 10 s cap (Goldberg et al. 2011: 30 s or more).',
    );
    expect(short.footnotes.map((f) => f.source)).not.toContain('Goldberg et al. 2011');
    expect(model.training).toBeNull();
  });

  it('counts training sets against the plan, apart from the test trials', () => {
    const set = (date: string, setNumber: number, sessionId: string) =>
      trial(date, 'left', 30, {
        training: {
          sessionId,
          exercise: 'single-leg',
          leg: 'left',
          setNumber,
          setsPlanned: 3,
          endedEarly: false,
        },
      });
    const trained = reportModel({
      ...input,
      // Single-leg and tandem stance, 5 days a week: 20 days in the 28-day period.
      programme: { daysPerWeek: 5, exercises: ['single-leg', 'tandem', 'single-leg'] },
      trials: [
        ...input.trials,
        set('2026-11-03', 1, 's1'),
        set('2026-11-03', 2, 's1'),
        set('2026-11-05', 1, 's2'),
      ],
    });
    expect(trained.trialCount).toBe(7);
    expect(trained.training).toEqual({
      daysTrained: 2,
      daysPlanned: 20,
      rows: [
        {
          exercise: 'Single-leg stance',
          days: 2,
          daysPlanned: 20,
          setsDone: 3,
          setsPlanned: 6,
          endedEarly: 0,
        },
        // In the plan, never trained: the row stays, with nothing done.
        { exercise: 'Tandem stance', days: 0, daysPlanned: 20, setsDone: 0, setsPlanned: 0, endedEarly: 0 },
      ],
    });
    expect(trained.summary).toContain('Training: 2 days trained of 20 planned.');
  });

  it('shows a saved programme with no training done, and training without a programme', () => {
    const idle = reportModel({ ...input, programme: { daysPerWeek: 3, exercises: ['feet-together'] } });
    // 3 days a week over 28 days: 12 planned.
    expect(idle.training).toEqual({
      daysTrained: 0,
      daysPlanned: 12,
      rows: [
        { exercise: 'Feet together', days: 0, daysPlanned: 12, setsDone: 0, setsPlanned: 0, endedEarly: 0 },
      ],
    });
    expect(idle.summary).toContain('Training: 0 days trained of 12 planned.');
    const unplanned = reportModel({
      ...input,
      programme: null,
      trials: [
        ...input.trials,
        trial('2026-11-04', 'right', 30, {
          training: {
            sessionId: 's9',
            exercise: 'tandem',
            leg: null,
            setNumber: 1,
            setsPlanned: 2,
            endedEarly: true,
          },
        }),
      ],
    });
    expect(unplanned.training).toEqual({
      daysTrained: 1,
      daysPlanned: null,
      rows: [
        { exercise: 'Tandem stance', days: 1, daysPlanned: null, setsDone: 1, setsPlanned: 2, endedEarly: 1 },
      ],
    });
    expect(unplanned.summary).toContain('Training: 1 day trained.');
  });

  it('has an empty report for a period without tests', () => {
    const empty = reportModel({ ...input, period: { fromDate: '2025-01-01', toDate: '2025-01-28' } });
    expect(empty.summary).toEqual(['No test trials in this period.']);
    expect(empty.progress).toBeNull();
    expect(empty.sides).toBeNull();
  });
});

describe('period', () => {
  it('defaults to the last 4 weeks, today included (28 days)', () => {
    expect(defaultPeriod('2026-12-06')).toEqual({ fromDate: '2026-11-09', toDate: '2026-12-06' });
    expect(periodDays(defaultPeriod('2026-03-01'))).toBe(28);
  });
  it('rejects what is not a range of days, in words', () => {
    expect(parsePeriod('2026-02-30', '2026-03-01')).toEqual({
      error: '"2026-02-30" is not a date (YYYY-MM-DD)',
    });
    expect(parsePeriod('2026-03-02', '2026-03-01')).toEqual({ error: 'the period starts after it ends' });
    expect(parsePeriod('2026-03-01', '2026-03-01')).toEqual({ fromDate: '2026-03-01', toDate: '2026-03-01' });
  });
});

describe('holdTimeChart', () => {
  it('places the sessions on the period’s days and the bands on the cap’s scale', () => {
    const model = reportModel(input);
    if (!model.progress) throw new Error('no progress');
    const chart = holdTimeChart(model.progress, model.period);
    const { plot } = chart;
    // 2 Nov is the first day (x = plot.x), 29 Nov the last (x = plot.x + width); y: 45 s at the top.
    expect(chart.legs.right.points.map((p) => p.x)).toEqual([plot.x, plot.x + plot.width]);
    expect(chart.legs.right.points[1]?.y).toBeCloseTo(plot.y + plot.height * (1 - 31.5 / 45), 1);
    expect(chart.norm).toEqual(expect.objectContaining({ lowS: 21.5, highS: 21.5 }));
    // The right leg's MDC band: 18.2 +- 24.1 s, cut to 0..45 s.
    expect(chart.mdc.right?.lowS).toBe(0);
    expect(chart.mdc.right?.highS).toBeCloseTo(18.2 + 24.115, 2);
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '10', '20', '30', '40']);
    expect(chart.xTicks[0]?.label).toBe('2 Nov');
  });
});
