/**
 * The vocabulary of training mode: the exercises, the feedback settings and what a stored
 * training set carries beside its trial record (src/session/types.ts `TrialRecord.training`).
 *
 * A training set is a trial of kind 'training': the same samples, analysis and end reasons as a
 * test trial, kept apart from the test's trials (norms, left/right and the test's progress use
 * test trials only) by the presence of `TrialRecord.training`.
 */

/**
 * The exercises, all with the phone upright at the chest (SPEC section 1's placement):
 * single-leg stance on the left or right leg, or alternating from set to set; tandem stance
 * (one foot in front of the other, heel to toe); feet together.
 */
export const EXERCISES = ['single-leg', 'tandem', 'feet-together'] as const;
export type Exercise = (typeof EXERCISES)[number];

/** For single-leg stance: which leg stands, or both in turn (left first). */
export const LEG_CHOICES = ['left', 'right', 'alternating'] as const;
export type LegChoice = (typeof LEG_CHOICES)[number];

/**
 * How the sway is heard: 'continuous' (pan, pitch and a loudness growing with the distance
 * outside the dead zone), 'outside-tone' (a tone of fixed loudness only while outside the zone,
 * pan and pitch still following the sway) or 'off' (a control set: no sound, same measures).
 */
export const FEEDBACK_MODES = ['continuous', 'outside-tone', 'off'] as const;
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];

/** Scales the dead zone: easier = wider, harder = narrower (src/training/feedback.ts). */
export const DIFFICULTIES = ['easier', 'normal', 'harder'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** What a stored training set carries beside its trial (exported in the summary CSV). */
export interface TrainingSetInfo {
  /** The session's id: the sets of one session share it. */
  sessionId: string;
  exercise: Exercise;
  /** The standing leg of a single-leg set; null for tandem and feet-together. */
  leg: 'left' | 'right' | null;
  /** 1-based number of the set in its session, and how many sets the session planned. */
  setNumber: number;
  setsPlanned: number;
  feedback: FeedbackMode;
  difficulty: Difficulty;
  /** Radius of the dead zone used, m/s^2 (after the difficulty's scale). */
  deadZoneMs2: number;
  /**
   * Fraction (0..1) of the set's time after the reference second spent inside the dead zone,
   * measured from the stored samples (src/training/time-in-zone.ts); null when the set ended
   * before a reference was taken.
   */
  timeInZone: number | null;
  /** True when the set ended before its hold time (touch-down, stop, interruption): kept, marked. */
  endedEarly: boolean;
}
