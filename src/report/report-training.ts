/**
 * Training done in the period (training sets are stored trials with a `training` field):
 * days trained against the home programme, and per exercise the days trained against the days
 * planned, the sets done and the sets the sessions planned. An exercise of the programme that
 * was never trained has its row with 0 days, since a plan not followed is what the therapist
 * needs to see. Null when the period has no training set and no programme is known: the report
 * then has no training section.
 *
 * The days planned are the programme's days a week times the period's weeks, rounded: the
 * programme as it is now, since earlier versions of it are not kept.
 */
import { localDateOf } from '../core/compare';
import { periodDays, type Period } from './period';
import type { ReportProgramme, ReportTrial, TrainingRow, TrainingSection } from './report-types';

const EXERCISE_WORDS: Record<string, string> = {
  'single-leg': 'Single-leg stance',
  tandem: 'Tandem stance',
  'feet-together': 'Feet together',
};

interface ExerciseDone {
  days: Set<string>;
  done: number;
  /** Per session, the sets it planned. */
  sessions: Map<string, number>;
  early: number;
}

const nothingDone = (): ExerciseDone => ({ days: new Set(), done: 0, sessions: new Map(), early: 0 });

export function trainingSection(
  trials: readonly ReportTrial[],
  period: Period,
  programme: ReportProgramme | null,
): TrainingSection | null {
  const sets = trials.filter((t) => t.training);
  if (sets.length === 0 && programme === null) return null;
  const days = new Set<string>();
  // The programme's exercises first, in its order; then any other exercise trained.
  const byExercise = new Map<string, ExerciseDone>(
    (programme?.exercises ?? []).map((exercise) => [exercise, nothingDone()]),
  );
  for (const trial of sets) {
    const set = trial.training;
    if (!set) continue;
    const date = localDateOf(trial.startedAt);
    const entry = byExercise.get(set.exercise) ?? nothingDone();
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
  const daysPlanned =
    programme === null ? null : Math.round((programme.daysPerWeek * periodDays(period)) / 7);
  const planned = new Set(programme?.exercises ?? []);
  const rows: TrainingRow[] = [...byExercise.entries()].map(([exercise, entry]) => ({
    exercise: EXERCISE_WORDS[exercise] ?? exercise,
    days: entry.days.size,
    daysPlanned: planned.has(exercise) ? daysPlanned : null,
    setsDone: entry.done,
    setsPlanned: [...entry.sessions.values()].reduce((a, b) => a + b, 0),
    endedEarly: entry.early,
  }));
  return { daysTrained: days.size, daysPlanned, rows };
}
