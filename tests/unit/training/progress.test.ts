/**
 * The training progress series (src/training/progress.ts): per exercise choice, each set a
 * point and each day's mean, sets with feedback apart from the control sets; test trials and
 * interrupted sets left out; sets that ended early kept.
 */
import { describe, expect, it } from 'vitest';
import { exerciseChoices, measureOf, trainingSeries, type ProgressSet } from '../../../src/training/progress';

function set(
  id: string,
  startedAt: string,
  values: { hold: number; rms: number | null; zone: number | null },
  training: Partial<NonNullable<ProgressSet['training']>> = {},
  extra: Partial<ProgressSet> = {},
): ProgressSet {
  return {
    id,
    startedAt,
    setup: { eyes: 'open', surface: 'firm' },
    interrupted: false,
    holdTimeS: values.hold,
    analysis: values.rms === null ? null : { metrics: { rms: values.rms } },
    training: {
      exercise: 'single-leg',
      leg: 'left',
      feedback: 'continuous',
      timeInZone: values.zone,
      endedEarly: false,
      ...training,
    },
    ...extra,
  };
}

const SETS: ProgressSet[] = [
  set('a1', '2026-11-20T09:00:00.000+01:00', { hold: 30, rms: 0.2, zone: 0.5 }),
  set('a2', '2026-11-20T09:02:00.000+01:00', { hold: 20, rms: 0.3, zone: 0.7 }, { endedEarly: true }),
  set('a3', '2026-11-20T09:04:00.000+01:00', { hold: 30, rms: 0.25, zone: 0.4 }, { feedback: 'off' }),
  set('b1', '2026-11-21T23:30:00.000-05:00', { hold: 30, rms: 0.1, zone: 0.9 }, { feedback: 'outside-tone' }),
  set('r1', '2026-11-21T10:00:00.000+01:00', { hold: 25, rms: 0.4, zone: 0.2 }, { leg: 'right' }),
  set(
    't1',
    '2026-11-21T10:10:00.000+01:00',
    { hold: 30, rms: 0.15, zone: null },
    { exercise: 'tandem', leg: null },
  ),
  // An interrupted set, and a test trial: not in the chart.
  set('x1', '2026-11-21T10:20:00.000+01:00', { hold: 3, rms: 0.9, zone: 0.1 }, {}, { interrupted: true }),
  {
    ...set('test', '2026-11-21T10:30:00.000+01:00', { hold: 12, rms: 0.5, zone: null }),
    training: undefined,
  },
];

describe('exerciseChoices', () => {
  it('lists each exercise and leg trained with its sets, single-leg left first', () => {
    expect(exerciseChoices(SETS).map((c) => [c.key, c.sets])).toEqual([
      ['single-leg/left/open/firm', 4],
      ['single-leg/right/open/firm', 1],
      ['tandem/both/open/firm', 1],
    ]);
    expect(exerciseChoices([SETS[7]!])).toEqual([]);
  });
});

describe('trainingSeries', () => {
  const left = { key: 'single-leg/left/open/firm' };

  it('hold time: each set a point, each day the mean, feedback on and off apart', () => {
    const series = trainingSeries(SETS, left, 'holdTimeS');
    expect(series.on.points.map((p) => [p.trialId, p.value, p.endedEarly])).toEqual([
      ['a1', 30, false],
      ['a2', 20, true],
      ['b1', 30, false],
    ]);
    // b1 at 23:30 in New York is the 21st there, whatever the viewer's zone.
    expect(series.on.days).toEqual([
      { date: '2026-11-20', timeMs: Date.parse('2026-11-20T12:00:00Z'), mean: 25, sets: 2 },
      { date: '2026-11-21', timeMs: Date.parse('2026-11-21T12:00:00Z'), mean: 30, sets: 1 },
    ]);
    expect(series.off.points.map((p) => p.trialId)).toEqual(['a3']);
    expect(series.off.days).toEqual([
      { date: '2026-11-20', timeMs: Date.parse('2026-11-20T12:00:00Z'), mean: 30, sets: 1 },
    ]);
  });

  it('sway RMS and time in zone in percent', () => {
    const rms = trainingSeries(SETS, left, 'rms');
    expect(rms.on.days.map((d) => d.mean)).toEqual([0.25, 0.1]);
    const zone = trainingSeries(SETS, left, 'timeInZonePct');
    expect(zone.on.points.map((p) => p.value)).toEqual([50, 70, 90]);
    expect(zone.on.days.map((d) => d.mean)).toEqual([60, 90]);
    expect(zone.off.points.map((p) => p.value)).toEqual([40]);
  });

  it('leaves out sets without the measure, and other exercises', () => {
    expect(trainingSeries(SETS, { key: 'tandem/both/open/firm' }, 'timeInZonePct').on.points).toEqual([]);
    expect(trainingSeries(SETS, { key: 'tandem/both/open/firm' }, 'holdTimeS').on.points).toHaveLength(1);
    expect(
      measureOf(set('n', '2026-11-20T09:00:00Z', { hold: 30, rms: null, zone: null }), 'rms'),
    ).toBeNull();
    expect(
      measureOf(set('n', '2026-11-20T09:00:00Z', { hold: NaN, rms: 1, zone: 1 }), 'holdTimeS'),
    ).toBeNull();
  });
});
