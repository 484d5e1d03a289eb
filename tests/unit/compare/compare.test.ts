import { describe, expect, it } from 'vitest';
import {
  compareSides,
  localDateOf,
  progressSeries,
  progressSeriesOf,
  selectLikeTrials,
  type ComparableTrial,
  type LikeConditions,
} from '../../../src/core/compare';
import { MAIN_METRICS } from '../../../src/core/metric-direction';
import type { SwayMetrics } from '../../../src/core/types';
import type { StoredTrial } from '../../../src/storage';

const conditions: LikeConditions = { eyes: 'open', surface: 'firm', placement: 'chest', capS: 45 };

function trial(
  id: string,
  side: 'left' | 'right',
  startedAt: string,
  holdTimeS: number,
  metrics: Partial<SwayMetrics> | null,
  extra: { interrupted?: boolean; setup?: Partial<ComparableTrial['setup']> } = {},
): ComparableTrial {
  return {
    id,
    startedAt,
    setup: { stanceSide: side, ...conditions, ...extra.setup },
    interrupted: extra.interrupted ?? false,
    holdTimeS,
    analysis: metrics ? { metrics: metrics as SwayMetrics } : null,
  };
}

// One person's morning (local time +02:00), in the order the trials were done.
const day = [
  trial('L1', 'left', '2026-05-04T09:00:00.000+02:00', 20, { rms: 0.5, meanFrequency: 0.3 }),
  trial('R1', 'right', '2026-05-04T09:01:00.000+02:00', 40, { rms: 0.25, meanFrequency: 0.6 }),
  trial('L2', 'left', '2026-05-04T09:02:00.000+02:00', 35, { rms: 0.125, meanFrequency: 0.5 }),
  trial('R2', 'right', '2026-05-04T09:03:00.000+02:00', 38, { rms: 0.5, meanFrequency: 0.5 }),
  trial('L3', 'left', '2026-05-04T09:04:00.000+02:00', 30, null), // not analysable: hold time only
  trial('L4', 'left', '2026-05-04T09:05:00.000+02:00', 25, { rms: 0.25, meanFrequency: 0.2 }),
  // not like with like, or interrupted: left out
  trial('Lx', 'left', '2026-05-04T09:06:00.000+02:00', 45, { rms: 0.01 }, { setup: { eyes: 'closed' } }),
  trial('Ly', 'left', '2026-05-04T09:07:00.000+02:00', 45, { rms: 0.01 }, { setup: { capS: 30 } }),
  trial('Lz', 'left', '2026-05-04T09:08:00.000+02:00', 45, { rms: 0.01 }, { setup: { placement: 'lumbar' } }),
  trial('Lh', 'left', '2026-05-04T09:09:00.000+02:00', 44, { rms: 0.01 }, { interrupted: true }),
];

describe('selecting like with like', () => {
  it('keeps the same eyes, surface, placement and cap, leaves interrupted trials out unless asked, oldest first', () => {
    const shuffled = [...day].reverse();
    const picked = selectLikeTrials(shuffled, conditions);
    expect(picked.left.map((t) => t.id)).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect(picked.right.map((t) => t.id)).toEqual(['R1', 'R2']);
    expect(selectLikeTrials(day, conditions, { includeInterrupted: true }).left.map((t) => t.id)).toContain(
      'Lh',
    );
  });

  it('takes a session as the local day of startedAt, or a range of days', () => {
    const late = trial('L5', 'left', '2026-05-04T23:30:00.000-07:00', 10, null); // 06:30 UTC on 5 May
    expect(localDateOf(late.startedAt)).toBe('2026-05-04');
    const next = trial('L6', 'left', '2026-05-05T08:00:00.000+02:00', 10, null);
    const all = [...day, late, next];
    expect(selectLikeTrials(all, conditions, { span: { date: '2026-05-04' } }).left.map((t) => t.id)).toEqual(
      ['L1', 'L2', 'L3', 'L4', 'L5'],
    );
    expect(
      selectLikeTrials(all, conditions, { span: { fromDate: '2026-05-05', toDate: '2026-05-31' } }).left.map(
        (t) => t.id,
      ),
    ).toEqual(['L6']);
  });
});

describe('left vs right', () => {
  const comparison = compareSides(day, conditions, ['holdTimeS', 'rms', 'meanFrequency'], {
    span: { date: '2026-05-04' },
  });
  const [hold, rms, frequency] = comparison.metrics;

  it('uses the last 3 like trials of each side', () => {
    expect(comparison.trialIds).toEqual({ left: ['L2', 'L3', 'L4'], right: ['R1', 'R2'] });
    expect(comparison.missingSides).toEqual([]);
  });

  it('hold time: best = longest, LSI shorter / longer, SI signed, flagged below 90 %', () => {
    // left 35, 30, 25 -> best 35, mean 30; right 40, 38 -> best 40, mean 39
    expect(hold!.left).toEqual({ trials: 3, values: 3, best: 35, bestTrialId: 'L2', mean: 30 });
    expect(hold!.right).toEqual({ trials: 2, values: 2, best: 40, bestTrialId: 'R1', mean: 39 });
    expect(hold!.ofBest.lsiPercent).toBe(87.5); // 35 / 40
    expect(hold!.ofBest.lsiFlagged).toBe(true);
    expect(hold!.ofBest.siPercent).toBeCloseTo(13.333333333333334, 12); // (40 - 35) / 37.5
    expect(hold!.ofBest.weakerSide).toBe('left');
    expect(hold!.ofMean.lsiPercent).toBeCloseTo(76.92307692307692, 12); // 30 / 39
    expect(hold!.ofMean.siPercent).toBeCloseTo(26.08695652173913, 12); // 9 / 34.5
  });

  it('sway: best = smallest, a trial without analysis counts as a trial but has no value', () => {
    // left L2 0.125, L3 none, L4 0.25 -> best 0.125, mean 0.1875; right 0.25, 0.5 -> best 0.25, mean 0.375
    expect(rms!.left).toEqual({ trials: 3, values: 2, best: 0.125, bestTrialId: 'L2', mean: 0.1875 });
    expect(rms!.right).toMatchObject({ best: 0.25, mean: 0.375 });
    expect(rms!.ofBest).toEqual({
      lsiPercent: 50,
      lsiFlagged: true,
      siPercent: expect.closeTo(66.66666666666667, 12),
      weakerSide: 'right',
    });
  });

  it('frequency: no best and no LSI (no weaker side), SI of the means', () => {
    // left 0.5, 0.2 -> mean 0.35; right 0.6, 0.5 -> mean 0.55; SI = 0.2 / 0.45 x 100
    expect(frequency!.left).toMatchObject({ best: null, mean: 0.35 });
    expect(frequency!.ofBest).toEqual({
      lsiPercent: null,
      lsiFlagged: false,
      siPercent: null,
      weakerSide: null,
    });
    expect(frequency!.ofMean.lsiPercent).toBeNull();
    expect(frequency!.ofMean.siPercent).toBeCloseTo(44.44444444444444, 12);
  });

  it('says which side is missing, with every index null', () => {
    const leftOnly = compareSides(
      day.filter((t) => t.setup.stanceSide === 'left'),
      conditions,
      MAIN_METRICS,
    );
    expect(leftOnly.missingSides).toEqual(['right']);
    expect(leftOnly.metrics.map((m) => m.metric)).toEqual([
      'holdTimeS',
      'rms',
      'meanVelocity',
      'ellipseArea',
    ]);
    for (const metric of leftOnly.metrics) {
      expect(metric.right).toEqual({ trials: 0, values: 0, best: null, bestTrialId: null, mean: null });
      expect(metric.ofBest.lsiPercent).toBeNull();
      expect(metric.ofBest.siPercent).toBeNull();
    }
  });

  it('counts interrupted trials only when asked', () => {
    const withCut = compareSides(day, conditions, ['holdTimeS'], { includeInterrupted: true, lastTrials: 1 });
    expect(withCut.trialIds.left).toEqual(['Lh']);
    expect(withCut.metrics[0]!.left.best).toBe(44);
  });
});

describe('progress over time', () => {
  const nextWeek = [
    trial('L7', 'left', '2026-05-11T09:00:00.000+02:00', 41, { rms: 0.2, meanFrequency: 0.4 }),
    trial('L8', 'left', '2026-05-11T09:02:00.000+02:00', 43, { rms: 0.3, meanFrequency: 0.6 }),
  ];
  const trials = [...nextWeek, ...day];

  it('gives every trial as a point and the best of each session as the line', () => {
    const hold = progressSeries(trials, conditions, 'holdTimeS');
    expect(hold.line).toBe('best');
    expect(hold.sides.left.points.map((p) => [p.trialId, p.value])).toEqual([
      ['L1', 20],
      ['L2', 35],
      ['L3', 30],
      ['L4', 25],
      ['L7', 41],
      ['L8', 43],
    ]);
    expect(hold.sides.left.sessions).toEqual([
      // 4 May: best of the last 3 (L2, L3, L4) is L2; L1 (20 s) is a point but not in the best of 3
      {
        date: '2026-05-04',
        timeMs: Date.parse('2026-05-04T09:02:00.000+02:00'),
        value: 35,
        trialId: 'L2',
        trials: 3,
      },
      {
        date: '2026-05-11',
        timeMs: Date.parse('2026-05-11T09:02:00.000+02:00'),
        value: 43,
        trialId: 'L8',
        trials: 2,
      },
    ]);
    expect(hold.sides.right.sessions.map((s) => [s.date, s.value])).toEqual([['2026-05-04', 40]]);
  });

  it('takes the smallest sway as the best, and skips trials without a value', () => {
    const rms = progressSeries(trials, conditions, 'rms');
    expect(rms.sides.left.points.map((p) => p.trialId)).toEqual(['L1', 'L2', 'L4', 'L7', 'L8']);
    expect(rms.sides.left.sessions.map((s) => [s.date, s.value, s.trialId])).toEqual([
      ['2026-05-04', 0.125, 'L2'],
      ['2026-05-11', 0.2, 'L7'],
    ]);
  });

  it('orders sessions by local date, even when a later trial was done on an earlier day elsewhere', () => {
    const travel = [
      trial('Lberlin', 'left', '2026-05-05T08:00:00.000+02:00', 30, null), // 06:00 UTC
      trial('Lseattle', 'left', '2026-05-04T23:30:00.000-07:00', 20, null), // 06:30 UTC, still 4 May there
    ];
    const hold = progressSeries(travel, conditions, 'holdTimeS');
    expect(hold.sides.left.points.map((p) => p.trialId)).toEqual(['Lberlin', 'Lseattle']);
    expect(hold.sides.left.sessions.map((s) => [s.date, s.value])).toEqual([
      ['2026-05-04', 20],
      ['2026-05-05', 30],
    ]);
  });

  it('gives several measures at once, the same as one by one', () => {
    const metrics = ['holdTimeS', 'rms', 'meanFrequency'] as const;
    expect(progressSeriesOf(trials, conditions, metrics)).toEqual(
      metrics.map((metric) => progressSeries(trials, conditions, metric)),
    );
  });

  it('uses startedAtMs when the trial has it', () => {
    const stored = { ...trial('L9', 'left', '2026-05-12T09:00:00.000+02:00', 33, null), startedAtMs: 1234 };
    expect(progressSeries([stored], conditions, 'holdTimeS').sides.left.points[0]!.timeMs).toBe(1234);
  });

  it('draws the session mean for a measure with no direction', () => {
    const frequency = progressSeries(trials, conditions, 'meanFrequency');
    expect(frequency.line).toBe('mean');
    expect(frequency.sides.left.sessions.map((s) => [s.date, s.value, s.trialId])).toEqual([
      ['2026-05-04', 0.35, null], // L2 0.5 and L4 0.2 of the last 3 (L3 has none)
      ['2026-05-11', 0.5, null],
    ]);
  });
});

it('takes stored trials as they come from the history', () => {
  const stored = { ...day[0]!, personId: 'p1' } as unknown as StoredTrial;
  const asComparable: ComparableTrial = stored; // compiles: a StoredTrial is a ComparableTrial
  expect(compareSides([asComparable], conditions, ['holdTimeS']).trialIds.left).toEqual(['L1']);
});
