/**
 * The choices of a training session: the exercise (and leg), eyes, surface, sets, hold time,
 * rest, feedback and difficulty. Every change is handed on at once (the page shows the dead
 * zone and remembers the settings).
 */
import type { DurationCapS } from '../session/types';
import {
  HOLD_TIMES_S,
  normalisedSettings,
  REST_LIMITS_S,
  SETS_LIMITS,
  type SessionSettings,
} from '../training/plan';
import { choiceGroup, numberSelect, type ChoiceOption } from './choice-group';
import { h } from './dom';
import { EYES_LABELS, SURFACE_LABELS } from './labels';
import { DIFFICULTY_LABELS, EXERCISE_LABELS, FEEDBACK_LABELS, LEG_CHOICE_LABELS } from './training-labels';

/** Rests offered, s (within REST_LIMITS_S): short ones for a quick round, long ones for foam. */
export const REST_CHOICES_S = [3, 5, 10, 15, 20, 30, 45, 60, 90, 120] as const;

function entries<K extends string>(labels: Record<K, string>): ChoiceOption<K>[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export interface TrainingForm {
  element: HTMLElement;
  settings(): SessionSettings;
}

export function trainingForm(
  initial: SessionSettings,
  onChange: (settings: SessionSettings) => void,
): TrainingForm {
  const settings: SessionSettings = { ...normalisedSettings(initial) };
  const changed = (): void => {
    legGroup.hidden = settings.exercise !== 'single-leg';
    setsField.label.textContent =
      settings.exercise === 'single-leg' && settings.leg === 'alternating' ? 'Sets per leg' : 'Sets';
    onChange({ ...settings });
  };
  const legGroup = choiceGroup('leg', 'Standing leg', entries(LEG_CHOICE_LABELS), settings.leg, (value) => {
    settings.leg = value;
    changed();
  });
  const setsValues = Array.from(
    { length: SETS_LIMITS.max - SETS_LIMITS.min + 1 },
    (_, k) => SETS_LIMITS.min + k,
  );
  const setsField = numberSelect(
    'training-sets',
    'Sets per leg',
    setsValues,
    settings.setsPerLeg,
    String,
    (value) => {
      settings.setsPerLeg = value;
      changed();
    },
  );
  const restValues = REST_CHOICES_S.filter((s) => s >= REST_LIMITS_S.min && s <= REST_LIMITS_S.max);
  const restField = numberSelect(
    'training-rest',
    'Rest between sets',
    restValues,
    settings.restS,
    (s) => `${s} s`,
    (value) => {
      settings.restS = value;
      changed();
    },
  );
  const element = h(
    'div',
    { className: 'training-form' },
    choiceGroup('exercise', 'Exercise', entries(EXERCISE_LABELS), settings.exercise, (value) => {
      settings.exercise = value;
      changed();
    }),
    legGroup,
    choiceGroup('eyes', 'Eyes', entries(EYES_LABELS), settings.eyes, (value) => {
      settings.eyes = value;
      changed();
    }),
    choiceGroup('surface', 'Surface', entries(SURFACE_LABELS), settings.surface, (value) => {
      settings.surface = value;
      changed();
    }),
    setsField.element,
    choiceGroup(
      'holdS',
      'Hold each set for',
      HOLD_TIMES_S.map((s) => ({ value: s, label: `${s} s` })),
      settings.holdS,
      (value: DurationCapS) => {
        settings.holdS = value;
        changed();
      },
    ),
    restField.element,
    choiceGroup('feedback', 'Sound feedback', entries(FEEDBACK_LABELS), settings.feedback, (value) => {
      settings.feedback = value;
      changed();
    }),
    choiceGroup('difficulty', 'Difficulty', entries(DIFFICULTY_LABELS), settings.difficulty, (value) => {
      settings.difficulty = value;
      changed();
    }),
  );
  legGroup.hidden = settings.exercise !== 'single-leg';
  setsField.label.textContent =
    settings.exercise === 'single-leg' && settings.leg === 'alternating' ? 'Sets per leg' : 'Sets';
  return { element, settings: () => ({ ...settings }) };
}
