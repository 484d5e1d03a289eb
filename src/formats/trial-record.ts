/**
 * The shape of a stored trial, as the files carry it. It is the page's `TrialRecord`
 * (src/session/types.ts) field for field; formats may not import the session's types (they
 * import nothing but core), so the shape is spelled out here, and a type test
 * (tests/unit/formats/trial-record.test.ts) checks that the two stay the same.
 */
import type { AnalysisResult } from '../core/types';

export type StorkStanceSide = 'left' | 'right';
export type StorkEyesCondition = 'open' | 'closed';
export type StorkSurface = 'firm' | 'foam';
export type StorkPlacement = 'chest' | 'lumbar' | 'force-plate';
export type StorkDurationCapS = 10 | 20 | 30 | 45 | 60;
export type StorkEndReason = 'completed' | 'touchdown' | 'stopped' | 'hidden' | 'sensor-silent';
export type StorkTrialSource = 'sensor' | 'demo';

/** The values each field may take, for reading them back from text. */
export const TRIAL_VALUES = {
  stanceSide: ['left', 'right'],
  eyes: ['open', 'closed'],
  surface: ['firm', 'foam'],
  placement: ['chest', 'lumbar', 'force-plate'],
  capS: [10, 20, 30, 45, 60],
  endReason: ['completed', 'touchdown', 'stopped', 'hidden', 'sensor-silent'],
  source: ['sensor', 'demo'],
  signBasis: ['countdown', 'after-go', 'none'],
  exercise: ['single-leg', 'tandem', 'feet-together'],
  feedback: ['continuous', 'outside-tone', 'off'],
  difficulty: ['easier', 'normal', 'harder'],
} as const;

export interface StorkTrialSetup {
  stanceSide: StorkStanceSide;
  eyes: StorkEyesCondition;
  surface: StorkSurface;
  placement: StorkPlacement;
  capS: StorkDurationCapS;
}

/** Samples as columns, time in seconds since "go", NaN where a value is missing (SPEC section 7). */
export interface StorkTrialSamples {
  tS: Float64Array;
  ax: Float64Array;
  ay: Float64Array;
  az: Float64Array;
  gx: Float64Array;
  gy: Float64Array;
  gz: Float64Array;
  lx: Float64Array;
  ly: Float64Array;
  lz: Float64Array;
}

export interface StorkSignDecision {
  flipped: boolean;
  upright: boolean;
  basis: 'countdown' | 'after-go' | 'none';
  meanRawAyMS2: number;
  samples: number;
}

/** A finished trial (see `TrialRecord` for what each field means). */
export interface StorkTrialRecord {
  id: string;
  setup: StorkTrialSetup;
  startedAt: string;
  endReason: StorkEndReason;
  interrupted: boolean;
  holdTimeS: number;
  touchdownS: number | null;
  source: StorkTrialSource;
  /**
   * The app the samples were recorded with when the trial was imported from another app's files
   * ('phyphox', 'Sensor Logger'...); absent for trials recorded by Stork (an optional field:
   * stored trials need no migration).
   */
  importedFrom?: string;
  eventsReceived: number;
  inputRateHz: number;
  samples: StorkTrialSamples;
  analysis: AnalysisResult | null;
  analysisError: string | null;
  sign?: StorkSignDecision;
  /** A 2-D sway trial's signal at the times `samples.tS` (see `TrialRecord.sway`). */
  sway?: StorkTrialSway;
  /** A training set's information (see `TrialRecord.training`); absent on a test trial. */
  training?: StorkTrainingInfo;
}

/** A training set's information, as src/training/types.ts `TrainingSetInfo` (docs/training.md). */
export interface StorkTrainingInfo {
  sessionId: string;
  exercise: 'single-leg' | 'tandem' | 'feet-together';
  leg: 'left' | 'right' | null;
  setNumber: number;
  setsPlanned: number;
  feedback: 'continuous' | 'outside-tone' | 'off';
  difficulty: 'easier' | 'normal' | 'harder';
  deadZoneMs2: number;
  timeInZone: number | null;
  endedEarly: boolean;
}

/** A 2-D sway signal at a trial's sample times, in `unit` (null: the input's unit). */
export interface StorkTrialSway {
  ap: Float64Array;
  ml: Float64Array;
  unit: string | null;
}

/** The placement of a 2-D sway trial (a force plate, or another source of a sway CSV). */
export const SWAY_PLACEMENT = 'force-plate' satisfies StorkPlacement;
/** `importedFrom` of a trial imported from a 2-D sway CSV. */
export const SWAY_IMPORTED_FROM = 'force plate / 2-D sway CSV';

/** The sample columns in the samples CSV's order. */
export const SAMPLE_COLUMN_KEYS = ['tS', 'ax', 'ay', 'az', 'gx', 'gy', 'gz', 'lx', 'ly', 'lz'] as const;
