/**
 * What training mode reads of a person's stored trials (src/storage/summaries.ts): the recent
 * sway that sizes the dead zone, and the training sets done, for today's plan and the week.
 */
import { isoWithOffset } from '../session/local-time';
import type { DoneSet } from '../training/programme';
import type { TrialSummary } from '../storage/summaries';

/**
 * The RMS sway distance (SPEC `rms`, m/s^2) of the person's latest trial, test or training, that
 * was not interrupted and was measured with the phone (a force plate's sway is another unit);
 * null when there is none. `trials` newest first (as the store lists them).
 */
export function recentRmsMs2(trials: readonly TrialSummary[]): number | null {
  for (const trial of trials) {
    const metrics = trial.analysis?.metrics;
    if (trial.interrupted || metrics === undefined || metrics.signal !== 'motion') continue;
    const rms = metrics.rms;
    if (typeof rms === 'number' && Number.isFinite(rms) && rms > 0) return rms;
  }
  return null;
}

/** The training sets among `trials`, as today's plan and the week count them. */
export function doneSets(trials: readonly TrialSummary[]): DoneSet[] {
  const sets: DoneSet[] = [];
  for (const trial of trials) {
    const training = trial.training;
    if (!training) continue;
    sets.push({
      localDate: trial.startedAt.slice(0, 10),
      exercise: training.exercise,
      leg: training.leg,
      eyes: trial.setup.eyes,
      surface: trial.setup.surface,
      interrupted: trial.interrupted,
    });
  }
  return sets;
}

/** Today's local date, "YYYY-MM-DD", as the sets' `startedAt` write it. */
export const localToday = (now: Date = new Date()): string => isoWithOffset(now).slice(0, 10);
