/**
 * What the person hears during a session (the phone is against the body): the words, pure.
 * The countdown's numbers and "go" come from the test's cues (src/sensors/cues.ts), so a set
 * sounds like a test trial: "Set 2 of 6, right leg, in" ... "3", "2", "1", go.
 */
import type { EndReason } from '../session/types';
import type { PlannedSet } from './plan';
import type { Exercise } from './types';

const EXERCISE_WORDS: Record<Exercise, string> = {
  'single-leg': 'single-leg stance',
  tandem: 'tandem stance',
  'feet-together': 'feet together',
};

/** The exercise and leg in words: "right leg", "tandem stance". */
export function setSubject(set: Pick<PlannedSet, 'exercise' | 'leg'>): string {
  return set.exercise === 'single-leg' && set.leg !== null ? `${set.leg} leg` : EXERCISE_WORDS[set.exercise];
}

/** Said before the set's countdown: "Set 2 of 6, right leg, in". */
export function setAnnouncement(set: PlannedSet): string {
  return `Set ${set.setNumber} of ${set.setsPlanned}, ${setSubject(set)}, in`;
}

/** Said at the end of a set, with how it ended. */
export function setEndWords(set: PlannedSet, reason: EndReason): string {
  const how: Record<EndReason, string> = {
    completed: 'done',
    touchdown: 'ended: foot down',
    stopped: 'stopped',
    hidden: 'interrupted',
    'sensor-silent': 'interrupted: no sensor data',
  };
  return `Set ${set.setNumber} ${how[reason]}.`;
}

/** Said when the rest starts: "Rest, 20 seconds. Next: right leg." */
export function restAnnouncement(restS: number, next: PlannedSet): string {
  return `Rest, ${restS} seconds. Next: ${setSubject(next)}.`;
}

/** Seconds of rest left that are spoken (the others tick silently on the screen). */
export const SPOKEN_REST_S: readonly number[] = [10, 5];

/** Said at a spoken second of the rest: "10 seconds". */
export function restCountdownWords(secondsLeft: number): string {
  return `${secondsLeft} seconds`;
}

export const SESSION_DONE_WORDS = 'Session done.';
export const SESSION_STOPPED_WORDS = 'Session stopped.';
