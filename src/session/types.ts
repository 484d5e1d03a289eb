/**
 * The vocabulary of one single-leg stance trial, shared by sensors, session, storage and ui.
 * SPEC section 1: sides are the stance leg; the trial ends at the first of cap, touch-down,
 * stop, or an interruption (page hidden, sensor silent), which is never counted as a result.
 *
 * The interfaces of src/sensors and src/session built on these types: docs/live-test-contract.md.
 */
import type { AnalysisResult } from '../core/types';
import type { TrainingSetInfo } from '../training/types';

export type StanceSide = 'left' | 'right';
export type EyesCondition = 'open' | 'closed';
export type Surface = 'firm' | 'foam';
/**
 * Where the signal was measured: a phone on the chest or at the lower back, or a force plate
 * (a 2-D sway trial imported from a sway CSV: never offered for a live trial).
 */
export type Placement = 'chest' | 'lumbar' | 'force-plate';
/** The placements a live trial may use (a phone's). */
export const PHONE_PLACEMENTS = ['chest', 'lumbar'] as const satisfies readonly Placement[];
export type PhonePlacement = (typeof PHONE_PLACEMENTS)[number];
/** Selectable duration caps, s (SPEC section 1: 45 s default). */
export const DURATION_CAPS_S = [10, 20, 30, 45, 60] as const;
export type DurationCapS = (typeof DURATION_CAPS_S)[number];

export interface TrialSetup {
  stanceSide: StanceSide;
  eyes: EyesCondition;
  surface: Surface;
  placement: Placement;
  capS: DurationCapS;
}

export const DEFAULT_SETUP: TrialSetup = {
  stanceSide: 'left',
  eyes: 'open',
  surface: 'firm',
  placement: 'chest',
  capS: 45,
};

/**
 * One DeviceMotion reading in Stork's frame (SPEC section 2): W3C sign, SI units, rotation
 * rate in deg/s. A missing vector or component is NaN. `tS` is the event's own timestamp in
 * seconds (performance clock), never derived from `interval`.
 */
export interface MotionSample {
  tS: number;
  ax: number;
  ay: number;
  az: number;
  gx: number;
  gy: number;
  gz: number;
  lx: number;
  ly: number;
  lz: number;
}

/**
 * How the trial ended. `completed`: the cap was reached; `touchdown`: loss of balance detected
 * from the signal; `stopped`: the person pressed Stop; `hidden`: the page was hidden;
 * `sensor-silent`: events stopped arriving. The last two are interruptions.
 */
export type EndReason = 'completed' | 'touchdown' | 'stopped' | 'hidden' | 'sensor-silent';

export const INTERRUPTING_REASONS: readonly EndReason[] = ['hidden', 'sensor-silent'];

/** Samples of a trial as columns, time in seconds since "go" (SPEC section 7, t_ms / 1000). */
export interface TrialSamples {
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

/**
 * What was decided about the sign of the accelerations of a trial (SPEC section 2: iOS WebKit
 * reports them with the opposite sign; see src/sensors/sign.ts for the sources).
 */
export interface SignDecision {
  /** True when every acceleration value (ax..az and lx..lz) was multiplied by -1 before storing. */
  flipped: boolean;
  /**
   * False when the mean reading did not lie clearly along y (the phone was not upright, e.g.
   * lying flat): the sign cannot be told from the data and the readings were kept as delivered.
   */
  upright: boolean;
  /**
   * Which readings decided: those of the countdown (the phone already upright), the first
   * readings after "go" when the countdown had none, or 'none' (no complete reading at all).
   */
  basis: 'countdown' | 'after-go' | 'none';
  /** Mean raw (as delivered) y reading over those samples, m/s^2; NaN with none. */
  meanRawAyMS2: number;
  /** How many readings decided. */
  samples: number;
}

/** A finished trial: what the result screen shows and what the history stores. */
export interface TrialRecord {
  id: string;
  setup: TrialSetup;
  /** ISO 8601 date-time with the local offset, of "go". */
  startedAt: string;
  endReason: EndReason;
  /**
   * True for `hidden` and `sensor-silent`, and for a trial stopped before "go" (nothing was
   * measured): shown as interrupted, never counted as a result.
   */
  interrupted: boolean;
  /** Time from "go" to the end event, s. */
  holdTimeS: number;
  touchdownS: number | null;
  /** Where the samples came from: the phone's sensors or the bundled demo replay. */
  source: 'sensor' | 'demo';
  /**
   * For a trial imported from another app's files: that app ('phyphox', 'Sensor Logger'...).
   * Absent for Stork's own trials (optional: stored trials need no migration).
   */
  importedFrom?: string;
  /** Number of devicemotion events delivered during the trial (equals the stored sample count). */
  eventsReceived: number;
  /** Measured input rate, Hz (1 / median interval). */
  inputRateHz: number;
  samples: TrialSamples;
  /** The end-of-trial analysis, or null when the trial was too short to analyse (with the reason). */
  analysis: AnalysisResult | null;
  analysisError: string | null;
  /** How the sign of the accelerations was decided (absent in records made before it was kept). */
  sign?: SignDecision;
  /**
   * A 2-D sway trial's signal (placement 'force-plate', imported from a sway CSV): AP and ML
   * at the times `samples.tS`, whose phone columns are then all NaN. Absent for phone trials
   * (optional: stored trials need no migration).
   */
  sway?: TrialSway;
  /**
   * Present on a set of a training session (src/training/types.ts, docs/training.md), absent on
   * a test trial: norms, left vs right and the test's progress use only trials without it.
   */
  training?: TrainingSetInfo;
}

/** A 2-D sway signal (centre of pressure or another source) at a trial's sample times. */
export interface TrialSway {
  /** anterior-posterior, in `unit` */
  ap: Float64Array;
  /** medio-lateral, in `unit` */
  ml: Float64Array;
  /** The signal's unit when the file or the person gave one ('cm', 'mm'...), else null (the input's unit). */
  unit: string | null;
}
