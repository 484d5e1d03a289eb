/**
 * Training sets in the history: stored with their `training` field, listed with it (the
 * summary keeps it), and kept out of everything that is the test's: left vs right, the test's
 * progress chart and its norm band, the day and condition choices of those pages.
 */
import { describe, expect, it } from 'vitest';
import { compareSides, progressSeries, type LikeConditions } from '../../../src/core/compare';
import type { TrialRecord } from '../../../src/session/types';
import { decodeSummaries, encodeSummaries, summaryOf } from '../../../src/storage/summaries';
import { toStoredForm } from '../../../src/storage/trials';
import type { TrainingSetInfo } from '../../../src/training/types';
import { compareState, conditionOptions, dayOptions } from '../../../src/ui/compare-model';
import { progressModel } from '../../../src/ui/progress-model';
import { freshStore, makeRecord } from './trial-factory';

const TRAINING: TrainingSetInfo = {
  sessionId: 's1',
  exercise: 'single-leg',
  leg: 'left',
  setNumber: 1,
  setsPlanned: 6,
  feedback: 'continuous',
  difficulty: 'normal',
  deadZoneMs2: 0.17106176181548843,
  timeInZone: 0.6180339887498949,
  endedEarly: false,
};

const trainingSet = (
  id: string,
  side: 'left' | 'right',
  info: Partial<TrainingSetInfo> = {},
): TrialRecord => ({
  ...makeRecord({ id, stanceSide: side, rows: 30 }),
  training: { ...TRAINING, leg: side, ...info },
});

const conditions: LikeConditions = { eyes: 'open', surface: 'firm', placement: 'chest', capS: 45 };

describe('training sets in the store', () => {
  it('are stored and read back with their training field, and listed with it', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'Ada' });
    const set = trainingSet('t1', 'left', { timeInZone: null, endedEarly: true, feedback: 'off' });
    await store.trials.save(set, person.id);
    await store.trials.save(makeRecord({ id: 'test1', rows: 30 }), person.id);
    const got = await store.trials.get('t1');
    expect(got?.training).toEqual(set.training);
    const listed = await store.trials.listByPerson(person.id);
    expect(listed.find((row) => row.id === 't1')?.training).toEqual(set.training);
    expect(listed.find((row) => row.id === 'test1')?.training).toBeUndefined();
    // once more from the summary just written (current) rather than a rebuild
    const again = await store.trials.listByPerson(person.id);
    expect(again.map((row) => row.training ?? null)).toEqual(listed.map((row) => row.training ?? null));
  });

  it('keep the training field through the summary columns, exactly', () => {
    const rows = [trainingSet('a', 'right'), makeRecord({ id: 'b' })].map((record) =>
      summaryOf(toStoredForm(record, 'p1').trial),
    );
    const decoded = decodeSummaries(encodeSummaries('p1', 3, rows));
    expect(decoded[0]?.training).toEqual({ ...TRAINING, leg: 'right' });
    expect('training' in (decoded[1] ?? {})).toBe(false);
  });
});

describe('training sets are not test trials', () => {
  // A left and a right test trial, and training sets of both legs with better numbers.
  const tests = [
    makeRecord({ id: 'L', stanceSide: 'left', holdTimeS: 20 }),
    makeRecord({ id: 'R', stanceSide: 'right', holdTimeS: 30 }),
  ];
  const sets = [trainingSet('tL', 'left'), trainingSet('tR', 'right')];
  const all = [...tests, ...sets];

  it('are left out of left vs right', () => {
    const comparison = compareSides(all, conditions, ['holdTimeS']);
    expect(comparison.trialIds).toEqual({ left: ['L'], right: ['R'] });
    const state = compareState(all, { span: { date: dayOptions(all)[0]!.date }, conditions });
    expect(state.kind).toBe('ready');
  });

  it("are left out of the test's progress and its norm", () => {
    const series = progressSeries(all, conditions, 'holdTimeS');
    expect(series.sides.left.points.map((p) => p.trialId)).toEqual(['L']);
    expect(series.sides.right.points.map((p) => p.trialId)).toEqual(['R']);
    const model = progressModel(all, conditions, 'holdTimeS', { birthYear: 1950, sex: null });
    expect(model.points).toEqual({ left: 1, right: 1 });
  });

  it('alone give no test days, no conditions, and "no trials" on both pages', () => {
    expect(dayOptions(sets)).toEqual([]);
    expect(conditionOptions(sets, null)).toEqual([]);
    expect(progressModel(sets, conditions, 'holdTimeS', { birthYear: 1950, sex: null }).state).toEqual({
      kind: 'no-trials',
    });
  });
});
