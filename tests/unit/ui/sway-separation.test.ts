/**
 * Force-plate metrics (a 2-D sway signal, cm or the input's unit) and phone metrics (m/s²) are
 * never mixed: compare and progress take only trials of the same placement (SPEC section 6:
 * like with like), and the force plate is a placement of its own.
 */
import { describe, expect, it } from 'vitest';
import type { ComparableTrial, LikeConditions } from '../../../src/core/compare';
import { compareForPage, conditionOptions } from '../../../src/ui/compare-model';
import { historyRow } from '../../../src/ui/history-model';
import { progressModel } from '../../../src/ui/progress-model';
import type { TrialSummary } from '../../../src/storage';
import { makeAnalysis } from '../storage/trial-factory';

/** A trial whose rms says which placement it is (0.2 m/s² phone, 0.9 force plate): easy to tell apart below. */
function trial(
  id: string,
  side: 'left' | 'right',
  placement: 'chest' | 'force-plate',
  day: string,
): ComparableTrial {
  return {
    id,
    startedAt: `2026-03-0${day}T10:00:00.000+01:00`,
    setup: { stanceSide: side, eyes: 'open', surface: 'firm', placement, capS: 60 },
    interrupted: false,
    holdTimeS: 30,
    analysis: { metrics: makeAnalysis({ rms: placement === 'chest' ? 0.2 : 0.9 }).metrics },
  };
}

const TRIALS = [
  trial('p1', 'left', 'chest', '1'),
  trial('p2', 'right', 'chest', '1'),
  trial('f1', 'left', 'force-plate', '1'),
  trial('f2', 'right', 'force-plate', '1'),
  trial('f3', 'left', 'force-plate', '2'),
];
const conditions = (placement: 'chest' | 'force-plate'): LikeConditions => ({
  eyes: 'open',
  surface: 'firm',
  placement,
  capS: 60,
});

describe('force-plate and phone trials are never compared or charted together', () => {
  it('are offered as separate conditions', () => {
    const options = conditionOptions(TRIALS, null);
    expect(options.map((option) => [option.conditions.placement, option.left, option.right])).toEqual([
      ['force-plate', 2, 1],
      ['chest', 1, 1],
    ]);
    expect(options[0]!.label).toBe('Eyes open · Firm floor · Force plate · 60 s');
  });

  it('compare takes only the chosen placement’s trials', () => {
    const span = { date: '2026-03-01' };
    const phone = compareForPage(TRIALS, { span, conditions: conditions('chest') }).comparison;
    const plate = compareForPage(TRIALS, { span, conditions: conditions('force-plate') }).comparison;
    // Every rms compared is the placement's own value (0.2 phone, 0.9 plate), never the other's.
    const rmsOf = (comparison: typeof phone) => {
      const entry = comparison.metrics.find((metric) => metric.metric === 'rms')!;
      return [entry.left.best, entry.right.best];
    };
    expect(rmsOf(phone)).toEqual([0.2, 0.2]);
    expect(rmsOf(plate)).toEqual([0.9, 0.9]);
  });

  it('progress charts only the chosen placement’s trials', () => {
    const person = { birthYear: null, sex: null };
    const plate = progressModel(TRIALS, conditions('force-plate'), 'rms', person);
    expect(plate.points).toEqual({ left: 2, right: 1 });
    const values = [...plate.series.sides.left.points, ...plate.series.sides.right.points].map(
      (p) => p.value,
    );
    expect(values).toEqual([0.9, 0.9, 0.9]);
    const phone = progressModel(TRIALS, conditions('chest'), 'rms', person);
    expect(phone.points).toEqual({ left: 1, right: 1 });
  });
});

describe('force-plate trials in different units are never compared or charted together', () => {
  /** Force-plate trials whose rms says their unit: 0.9 in cm, 9 in mm (the same sway), 5 unknown. */
  const plate = (id: string, side: 'left' | 'right', unit: string | null, rms: number): ComparableTrial => ({
    ...trial(id, side, 'force-plate', '1'),
    analysis: { metrics: makeAnalysis({ rms }).metrics },
    swayUnit: unit,
  });
  const PLATES = [
    plate('cm1', 'left', 'cm', 0.9),
    plate('cm2', 'right', 'cm', 0.9),
    plate('cm3', 'left', 'cm', 0.9),
    plate('mm1', 'left', 'mm', 9),
    plate('mm2', 'right', 'mm', 9),
    plate('u1', 'left', null, 5),
  ];
  const inUnit = (unit: string | null): LikeConditions => ({ ...conditions('force-plate'), swayUnit: unit });

  it('are offered as separate conditions, each with its unit', () => {
    const options = conditionOptions(PLATES, null);
    expect(options.map((option) => [option.label, option.left, option.right])).toEqual([
      ['Eyes open · Firm floor · Force plate (cm) · 60 s', 2, 1],
      ['Eyes open · Firm floor · Force plate (mm) · 60 s', 1, 1],
      ['Eyes open · Firm floor · Force plate · 60 s', 1, 0],
    ]);
    expect(new Set(options.map((option) => option.key)).size).toBe(3);
  });

  it('compare and progress take only the trials of the chosen unit', () => {
    const span = { date: '2026-03-01' };
    const rmsOf = (unit: string | null) => {
      const entry = compareForPage(PLATES, { span, conditions: inUnit(unit) }).comparison.metrics.find(
        (metric) => metric.metric === 'rms',
      )!;
      return [entry.left.best, entry.right.best];
    };
    expect(rmsOf('cm')).toEqual([0.9, 0.9]);
    expect(rmsOf('mm')).toEqual([9, 9]);
    const person = { birthYear: null, sex: null };
    const cm = progressModel(PLATES, inUnit('cm'), 'rms', person);
    expect(cm.points).toEqual({ left: 2, right: 1 });
    const values = [...cm.series.sides.left.points, ...cm.series.sides.right.points].map((p) => p.value);
    // One point per cm trial (cm1, cm3 left; cm2 right), never the mm trials' 9 or the unknown unit's 5.
    expect(values).toEqual([0.9, 0.9, 0.9]);
    expect(progressModel(PLATES, inUnit(null), 'rms', person).points).toEqual({ left: 1, right: 0 });
  });

  it('the history row gives a force-plate RMS in its unit, or says it is the signal’s own', () => {
    const row = (swayUnit: string | null) =>
      historyRow({
        ...plate('x', 'left', swayUnit, 0.9),
        personId: 'p',
        startedAtMs: 0,
        endReason: 'completed',
        touchdownS: null,
        source: 'sensor',
        eventsReceived: 6000,
        inputRateHz: 100,
        analysisVersion: 1,
        analysis: { metrics: { ...makeAnalysis({ rms: 0.9 }).metrics, signal: 'sway' } },
        analysisError: null,
        sampleCount: 6000,
        sampleBytes: 0,
      } as TrialSummary).keyMetric;
    // formatMetricValue writes 0.9 as "0.9" (three significant digits, no trailing zeros).
    expect(row('cm')).toBe('RMS 0.9 cm');
    expect(row(null)).toBe('RMS 0.9 (signal’s unit)');
  });
});
