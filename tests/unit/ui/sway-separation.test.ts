/**
 * Force-plate metrics (a 2-D sway signal, cm or the input's unit) and phone metrics (m/s²) are
 * never mixed: compare and progress take only trials of the same placement (SPEC section 6:
 * like with like), and the force plate is a placement of its own.
 */
import { describe, expect, it } from 'vitest';
import type { ComparableTrial, LikeConditions } from '../../../src/core/compare';
import { compareForPage, conditionOptions } from '../../../src/ui/compare-model';
import { progressModel } from '../../../src/ui/progress-model';
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
