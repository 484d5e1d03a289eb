/**
 * A training session's plan: the exercise and its settings -> the list of sets, each with the
 * trial set-up it runs with. Pure.
 */
import {
  DURATION_CAPS_S,
  type DurationCapS,
  type EyesCondition,
  type Surface,
  type TrialSetup,
} from '../session/types';
import type { Difficulty, Exercise, FeedbackMode, LegChoice } from './types';

/** Hold times offered per set, s: the test's caps within the 10-60 s. */
export const HOLD_TIMES_S = DURATION_CAPS_S;
/** Defaults of the issue: 3 sets per leg, 30 s hold, 20 s rest. */
export const DEFAULT_SETS_PER_LEG = 3;
export const DEFAULT_HOLD_S: DurationCapS = 30;
export const DEFAULT_REST_S = 20;
/** Accepted ranges: sets per leg (or per session for a two-footed stance) and rest, s. */
export const SETS_LIMITS = { min: 1, max: 10 } as const;
export const REST_LIMITS_S = { min: 3, max: 120 } as const;

export interface SessionSettings {
  exercise: Exercise;
  /** Only single-leg stance uses it. */
  leg: LegChoice;
  eyes: EyesCondition;
  surface: Surface;
  /** Sets per leg (alternating: this many on each leg); sets of the session for a two-footed stance. */
  setsPerLeg: number;
  holdS: DurationCapS;
  restS: number;
  feedback: FeedbackMode;
  difficulty: Difficulty;
}

export const DEFAULT_SESSION: SessionSettings = {
  exercise: 'single-leg',
  leg: 'alternating',
  eyes: 'open',
  surface: 'firm',
  setsPerLeg: DEFAULT_SETS_PER_LEG,
  holdS: DEFAULT_HOLD_S,
  restS: DEFAULT_REST_S,
  feedback: 'continuous',
  difficulty: 'normal',
};

/** One set of a session. */
export interface PlannedSet {
  /** 1-based. */
  setNumber: number;
  setsPlanned: number;
  exercise: Exercise;
  /** The standing leg of single-leg stance; null for tandem and feet-together. */
  leg: 'left' | 'right' | null;
  /**
   * The trial's set-up: phone at the chest, the hold time as the cap. A two-footed stance has
   * no stance leg; its `stanceSide` is 'left' only because a trial set-up needs one: training
   * sets are told apart by `TrialRecord.training`, whose `leg` is null then.
   */
  setup: TrialSetup;
}

const clampInt = (value: number, lo: number, hi: number): number =>
  Math.min(hi, Math.max(lo, Math.round(Number.isFinite(value) ? value : lo)));

/** The settings with numbers kept in range (sets, rest) and the hold time one of HOLD_TIMES_S. */
export function normalisedSettings(settings: SessionSettings): SessionSettings {
  return {
    ...settings,
    setsPerLeg: clampInt(settings.setsPerLeg, SETS_LIMITS.min, SETS_LIMITS.max),
    restS: clampInt(settings.restS, REST_LIMITS_S.min, REST_LIMITS_S.max),
    holdS: (HOLD_TIMES_S as readonly number[]).includes(settings.holdS) ? settings.holdS : DEFAULT_HOLD_S,
  };
}

/**
 * The sets of a session, in order: single-leg on one leg = setsPerLeg sets on it; alternating =
 * left, right, left, right... (setsPerLeg on each, left first); tandem and feet-together =
 * setsPerLeg sets.
 */
export function planSets(settings: SessionSettings): PlannedSet[] {
  const s = normalisedSettings(settings);
  const legs: ('left' | 'right' | null)[] = [];
  for (let k = 0; k < s.setsPerLeg; k++) {
    if (s.exercise !== 'single-leg') legs.push(null);
    else if (s.leg === 'alternating') legs.push('left', 'right');
    else legs.push(s.leg);
  }
  return legs.map((leg, k) => ({
    setNumber: k + 1,
    setsPlanned: legs.length,
    exercise: s.exercise,
    leg,
    setup: { stanceSide: leg ?? 'left', eyes: s.eyes, surface: s.surface, placement: 'chest', capS: s.holdS },
  }));
}
