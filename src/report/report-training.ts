/**
 * Training done in the period (training sets are stored trials with a `training` field):
 * days trained against the plan, and per exercise the days, sets done and sets planned.
 * Null when the period has no training set: the report then has no training section.
 */
import { localDateOf } from '../core/compare';
import { periodDays, type Period } from './period';
import type { ReportTrial, TrainingSection } from './report-types';

const EXERCISE_WORDS: Record<string, string> = {
  'single-leg': 'Single-leg stance',
  tandem: 'Tandem stance',
  'feet-together': 'Feet together',
};

export function trainingSection(
  trials: readonly ReportTrial[],
  period: Period,
  plannedDaysPerWeek: number | null,
): TrainingSection | null {
  const sets = trials.filter((t) => t.training);
  if (sets.length === 0) return null;
  const days = new Set<string>();
  const byExercise = new Map<
    string,
    { days: Set<string>; done: number; sessions: Map<string, number>; early: number }
  >();
  for (const trial of sets) {
    const set = trial.training;
    if (!set) continue;
    const date = localDateOf(trial.startedAt);
    const entry = byExercise.get(set.exercise) ?? { days: new Set(), done: 0, sessions: new Map(), early: 0 };
    // An interrupted set (page hidden, sensor silent) is not training done.
    if (!trial.interrupted) {
      days.add(date);
      entry.days.add(date);
      entry.done++;
    }
    if (set.endedEarly) entry.early++;
    entry.sessions.set(set.sessionId, Math.max(entry.sessions.get(set.sessionId) ?? 0, set.setsPlanned));
    byExercise.set(set.exercise, entry);
  }
  return {
    daysTrained: days.size,
    daysPlanned:
      plannedDaysPerWeek === null ? null : Math.round((plannedDaysPerWeek * periodDays(period)) / 7),
    rows: [...byExercise.entries()].map(([exercise, entry]) => ({
      exercise: EXERCISE_WORDS[exercise] ?? exercise,
      days: entry.days.size,
      setsDone: entry.done,
      setsPlanned: [...entry.sessions.values()].reduce((a, b) => a + b, 0),
      endedEarly: entry.early,
    })),
  };
}
