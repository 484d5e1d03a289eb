/** The words of training mode on the pages (src/training/types.ts's vocabulary). */
import type { SessionSettings } from '../training/plan';
import type { Difficulty, Exercise, FeedbackMode, LegChoice } from '../training/types';
import { EYES_LABELS, SURFACE_LABELS } from './labels';

export const EXERCISE_LABELS: Record<Exercise, string> = {
  'single-leg': 'Single leg',
  tandem: 'Tandem (heel to toe)',
  'feet-together': 'Feet together',
};
export const LEG_CHOICE_LABELS: Record<LegChoice, string> = {
  left: 'Left leg',
  right: 'Right leg',
  alternating: 'Left and right in turn',
};
export const FEEDBACK_LABELS: Record<FeedbackMode, string> = {
  continuous: 'Continuous sound',
  'outside-tone': 'A tone only outside the zone',
  off: 'Off (a set without sound)',
};
export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  easier: 'Easier',
  normal: 'Normal',
  harder: 'Harder',
};

/** One line for an exercise: "Single leg, left and right in turn · Eyes open · Firm floor · 3 sets per leg of 30 s". */
export function exerciseLine(settings: SessionSettings): string {
  const what =
    settings.exercise === 'single-leg'
      ? `${EXERCISE_LABELS[settings.exercise]}, ${LEG_CHOICE_LABELS[settings.leg].toLowerCase()}`
      : EXERCISE_LABELS[settings.exercise];
  const sets =
    settings.exercise === 'single-leg' && settings.leg === 'alternating'
      ? `${settings.setsPerLeg} sets per leg`
      : `${settings.setsPerLeg} ${settings.setsPerLeg === 1 ? 'set' : 'sets'}`;
  return `${what} · ${EYES_LABELS[settings.eyes]} · ${SURFACE_LABELS[settings.surface]} · ${sets} of ${settings.holdS} s`;
}
