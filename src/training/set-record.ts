/**
 * A finished set -> its stored form: the trial record with its `training` field (./types.ts),
 * and what is said when it ends. Pure: the session (src/session/training-session.ts) calls it
 * with the record the trial made.
 */
import type { TrialRecord } from '../session/types';
import { INTERRUPTING_REASONS } from '../session/types';
import { restAnnouncement, SESSION_DONE_WORDS, SESSION_STOPPED_WORDS, setEndWords } from './announcements';
import type { PlannedSet, SessionSettings } from './plan';
import { timeInZone } from './time-in-zone';
import type { TrainingSetInfo } from './types';

export interface SetContext {
  sessionId: string;
  set: PlannedSet;
  settings: SessionSettings;
  /** The dead zone's radius used for this set, m/s^2 (./feedback.ts deadZoneRadius). */
  deadZoneMs2: number;
}

/** The training information of a finished set; time in zone measured from its stored samples. */
export function trainingInfo(record: TrialRecord, context: SetContext): TrainingSetInfo {
  const { set, settings } = context;
  const placement = record.setup.placement === 'lumbar' ? 'lumbar' : 'chest';
  return {
    sessionId: context.sessionId,
    exercise: set.exercise,
    leg: set.leg,
    setNumber: set.setNumber,
    setsPlanned: set.setsPlanned,
    feedback: settings.feedback,
    difficulty: settings.difficulty,
    deadZoneMs2: context.deadZoneMs2,
    timeInZone: timeInZone(record.samples, context.deadZoneMs2, { placement }),
    endedEarly: record.endReason !== 'completed',
  };
}

/** The record as stored: the trial's, with `training`. */
export function trainingRecord(record: TrialRecord, context: SetContext): TrialRecord {
  return { ...record, training: trainingInfo(record, context) };
}

/** How the session goes on after a set: the next set after a rest, or the end. */
export type AfterSet = 'rest' | 'done' | 'stopped' | 'interrupted';

/**
 * What follows a set: an interruption (page hidden, sensor silent) or the Stop button ends the
 * session; a touch-down or the end of the demo recording end only the set (kept, marked
 * `endedEarly`), and the session rests before the next one; after the last set it is done.
 */
export function afterSet(record: TrialRecord, stopPressed: boolean, isLast: boolean): AfterSet {
  if (INTERRUPTING_REASONS.includes(record.endReason)) return 'interrupted';
  if (stopPressed) return 'stopped';
  return isLast ? 'done' : 'rest';
}

/** Said at the end of a set: its end, then the rest and the next set, or the session's end. */
export function afterSetWords(
  set: PlannedSet,
  record: TrialRecord,
  next: AfterSet,
  nextSet: PlannedSet | null,
  restS: number,
): string {
  const end = setEndWords(set, record.endReason);
  if (next === 'rest' && nextSet !== null) return `${end} ${restAnnouncement(restS, nextSet)}`;
  return `${end} ${next === 'done' ? SESSION_DONE_WORDS : SESSION_STOPPED_WORDS}`;
}
