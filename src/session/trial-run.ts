/**
 * One trial's working state, from the countdown to the finished record: the state machine
 * (./machine.ts) plus what each transition does with the data. Created per subscription by
 * `runTrial` (./trial.ts), which feeds it inputs; nothing here schedules or subscribes.
 *
 * Time: samples carry their own clock (the event's timeStamp, or the demo recording's time);
 * the trial's axis is that clock minus its reading at "go", so stored times keep the sensor's
 * own spacing. The reading at "go" is taken from the last countdown sample plus the scheduler
 * time since it arrived, or, when the countdown had none, from the first sample after "go"
 * minus the scheduler time since "go".
 */
import { analyze } from '../core/analyze';
import type { TouchdownDetector } from '../core/detect/touchdown';
import { roundHoldTimeS } from '../core/hold-time';
import { SETTLE_S } from '../core/options';
import type { AnalysisResult, MotionRecording } from '../core/types';
import type { TrialCues } from '../sensors/cues';
import { hasAcceleration } from '../sensors/motion';
import { measuredRateHz } from '../sensors/sample-rate';
import { accelerationSign, createSignVote } from '../sensors/sign';
import { createLiveSway } from './live-sway';
import { isoWithOffset } from './local-time';
import { transition, type TrialInputKind, type TrialPhase } from './machine';
import type { TrialCostMeter } from './measure';
import { createSampleColumns, ROWS_PER_CAP_SECOND } from './sample-columns';
import type { TrialState } from './trial';
import {
  INTERRUPTING_REASONS,
  type EndReason,
  type MotionSample,
  type SignDecision,
  type TrialRecord,
  type TrialSamples,
  type TrialSetup,
} from './types';

/**
 * The sign is decided from at least this many readings (1/6 s at 60 Hz): one upright reading
 * already tells +9.8 from -9.8, a few more outvote a jolt. The countdown normally gives
 * hundreds; when it gave fewer (the demo starts at "go"), the first readings after "go" are
 * added, and until the decision samples are stored as delivered, then flipped in place.
 */
export const SIGN_READINGS = 10;

/** Why a trial stopped before "go" has no analysis. */
export const NOT_STARTED_MESSAGE = 'the trial ended before "go": nothing was measured';
/** Why a trial without samples has no analysis. */
export const NO_SAMPLES_MESSAGE = 'no motion samples were recorded';

export type TrialInput =
  | { kind: 'countdown-tick'; secondsLeft: number }
  | { kind: 'sample'; sample: MotionSample }
  | { kind: Exclude<TrialInputKind, 'countdown-tick' | 'sample'> };

export interface TrialRunContext {
  setup: TrialSetup;
  cues: TrialCues;
  source: 'sensor' | 'demo';
  /** The scheduler's clock, ms. */
  clockMs: () => number;
  /** Wall-clock date for `startedAt`. */
  now: () => Date;
  /** Scheduler time at which "go" is due, ms (silence is counted from then). */
  goDueMs: number;
  /** Receives the cost of the end-of-trial analysis (the per-event cost is measured by ./trial.ts). */
  measure?: TrialCostMeter;
  createDetector: () => TouchdownDetector;
  newId: () => string;
}

export interface TrialRun {
  readonly phase: TrialPhase;
  /** Scheduler time of the last sign of life, ms: "go" (or when it is due), or the last reading since. */
  lastHeardMs(): number;
  /** Applies one input; returns the state to show, or null when nothing changed for the UI. */
  handle(input: TrialInput): TrialState | null;
}

const isFiniteNumber = Number.isFinite;

/** The record's samples as the analysis' recording (gyro only when some gyro value exists). */
export function recordingOf(samples: TrialSamples): MotionRecording {
  const hasGyro =
    samples.gx.some(isFiniteNumber) || samples.gy.some(isFiniteNumber) || samples.gz.some(isFiniteNumber);
  const { tS, ax, ay, az, gx, gy, gz } = samples;
  return hasGyro ? { kind: 'motion', tS, ax, ay, az, gx, gy, gz } : { kind: 'motion', tS, ax, ay, az };
}

export function createTrialRun(context: TrialRunContext): TrialRun {
  const { setup, cues, clockMs, measure } = context;
  const capS = setup.capS;
  let phase: TrialPhase = 'countdown';

  const columns = createSampleColumns(capS * ROWS_PER_CAP_SECOND);
  const vote = createSignVote();
  const live = createLiveSway();
  let detector = context.createDetector();
  let sign: SignDecision | null = null;
  let factor: 1 | -1 = 1;

  let goMs = NaN; // scheduler time of "go"
  let goClockS = NaN; // the samples' clock at "go"
  let startedAt = '';
  let lastClockS = NaN; // the samples' clock at the last sample with a time...
  let lastArrivalMs = NaN; // ...and when that sample arrived (scheduler ms)
  let lastReadingMs = NaN; // when the last sample with an acceleration value arrived (silence watch)
  let lastCountdownSample: MotionSample | null = null;
  let eventsReceived = 0;
  let touchdownS: number | null = null;

  /** The trial time (s since "go") at scheduler time `atMs`, extrapolated from the last sample. */
  const trialTimeAt = (atMs: number): number =>
    isFiniteNumber(lastArrivalMs) && isFiniteNumber(goClockS)
      ? lastClockS - goClockS + (atMs - lastArrivalMs) / 1000
      : (atMs - goMs) / 1000;
  const clampToTrial = (tS: number): number => Math.min(capS, Math.max(0, tS));
  const lastStoredS = (): number => {
    for (let k = columns.length - 1; k >= 0; k--) {
      const t = columns.timeAt(k);
      if (isFiniteNumber(t)) return clampToTrial(t);
    }
    return 0;
  };

  /**
   * Feeds one stored row (trial time, normalised sign) to the live preview and the detector
   * (both skip rows without a time or an acceleration value, as the analysis' cleaning does);
   * returns a touch-down time or null.
   */
  const feed = (
    t: number,
    ax: number,
    ay: number,
    az: number,
    gx: number,
    gy: number,
    gz: number,
  ): number | null => {
    live.push(t, ax, ay, az);
    const found = detector.push(t, ax, ay, az, gx, gy, gz);
    if (found === null) return null;
    // The detector is built to pass over the lift-off transient; a detection inside the settle
    // period (SPEC section 5, settleS after "go") is still not taken as the end of the trial:
    // the person is lifting the foot, not putting it down. The detector restarts from here.
    if (found < SETTLE_S) {
      detector = context.createDetector();
      return null;
    }
    return found;
  };

  const decideSign = (basis: 'countdown' | 'after-go'): void => {
    sign = vote.decide(basis);
    factor = accelerationSign(sign);
  };

  /** After-go decision: flip what was stored as delivered, then feed it. */
  const settlePendingRows = (): number | null => {
    decideSign('after-go');
    if (factor === -1) columns.flipAccelerations(0);
    let found: number | null = null;
    for (let k = 0; k < columns.length && found === null; k++) {
      const row = columns.row(k);
      found = feed(row.tS, row.ax, row.ay, row.az, row.gx, row.gy, row.gz);
    }
    return found;
  };

  const runningState = (atMs: number): TrialState => ({
    phase: 'running',
    elapsedS: clampToTrial(trialTimeAt(atMs)),
    samples: columns.length,
    live: live.point(),
  });

  /**
   * Keeps when a sample arrived: for the time axis (any sample with a time) and for the silence
   * watch (only a reading: an event with every acceleration value missing is stored, as every
   * event is, but does not show that the sensor is alive; Chromium keeps firing such empty
   * events when the sensor goes away).
   */
  const noteArrival = (sample: MotionSample, atMs: number): void => {
    if (isFiniteNumber(sample.tS)) {
      lastClockS = sample.tS;
      lastArrivalMs = atMs;
    }
    if (hasAcceleration(sample)) lastReadingMs = atMs;
  };

  /**
   * Stores one sample received while running; returns the input it leads to, if any. `voted`:
   * the sample already counted in the sign vote (the one that arrived at the instant of "go").
   */
  const storeSample = (sample: MotionSample, atMs: number, voted = false): TrialInput | null => {
    if (!isFiniteNumber(goClockS) && isFiniteNumber(sample.tS)) goClockS = sample.tS - (atMs - goMs) / 1000;
    const t = sample.tS - goClockS;
    if (t > capS) return { kind: 'cap' }; // after the end: not part of the trial
    eventsReceived++;
    // factor is 1 while the sign is undecided: those rows are flipped in place once it is
    const ax = factor * sample.ax;
    const ay = factor * sample.ay;
    const az = factor * sample.az;
    const { gx, gy, gz } = sample;
    columns.append(t, ax, ay, az, gx, gy, gz, factor * sample.lx, factor * sample.ly, factor * sample.lz);
    let found: number | null;
    if (sign === null) {
      if (!voted) vote.add(sample.ax, sample.ay, sample.az);
      found = vote.count >= SIGN_READINGS ? settlePendingRows() : null;
    } else {
      found = feed(t, ax, ay, az, gx, gy, gz);
    }
    noteArrival(sample, atMs);
    if (found !== null) {
      touchdownS = found;
      return { kind: 'touchdown' };
    }
    return t >= capS ? { kind: 'cap' } : null;
  };

  const onGo = (atMs: number): TrialState => {
    goMs = atMs;
    startedAt = isoWithOffset(context.now());
    if (vote.count >= SIGN_READINGS) {
      decideSign('countdown');
      const mean = vote.mean();
      if (mean) live.setGravity(factor * mean[0], factor * mean[1], factor * mean[2]);
    }
    if (isFiniteNumber(lastArrivalMs)) goClockS = lastClockS + (atMs - lastArrivalMs) / 1000;
    cues.go();
    // A sample that arrived at the very instant of "go" (same scheduler time) is the trial's first.
    if (lastCountdownSample !== null && lastArrivalMs === atMs) {
      const next = storeSample(lastCountdownSample, atMs, true);
      if (next) return handle(next) ?? runningState(atMs);
    }
    return runningState(atMs);
  };

  const analysisOf = (
    samples: TrialSamples,
  ): { analysis: AnalysisResult | null; analysisError: string | null } => {
    if (samples.tS.length === 0) return { analysis: null, analysisError: NO_SAMPLES_MESSAGE };
    const startedMs = measure ? performance.now() : 0;
    try {
      return { analysis: analyze(recordingOf(samples)), analysisError: null };
    } catch (error) {
      return { analysis: null, analysisError: error instanceof Error ? error.message : String(error) };
    } finally {
      measure?.recordAnalysis(performance.now() - startedMs);
    }
  };

  const finish = (reason: EndReason, input: TrialInput['kind'], atMs: number): TrialState => {
    const started = isFiniteNumber(goMs);
    if (started && sign === null) settlePendingRows();
    let holdTimeS = 0;
    if (started) {
      if (input === 'cap') holdTimeS = capS;
      else if (input === 'touchdown') holdTimeS = touchdownS ?? 0;
      else if (input === 'stop' || input === 'hidden') holdTimeS = clampToTrial(trialTimeAt(atMs));
      else holdTimeS = lastStoredS(); // silent, source-ended: the data ends with the last sample
      // To the nanosecond: finer than any clock, without the noise of subtracting time stamps.
      holdTimeS = roundHoldTimeS(holdTimeS);
    }
    const samples = columns.toSamples();
    const { analysis, analysisError } = started
      ? analysisOf(samples)
      : { analysis: null, analysisError: NOT_STARTED_MESSAGE };
    const record: TrialRecord = {
      id: context.newId(),
      setup,
      startedAt: started ? startedAt : isoWithOffset(context.now()),
      endReason: reason,
      interrupted: !started || INTERRUPTING_REASONS.includes(reason),
      holdTimeS,
      touchdownS: input === 'touchdown' ? touchdownS : null,
      source: context.source,
      eventsReceived,
      inputRateHz: measuredRateHz(samples.tS),
      samples,
      analysis,
      analysisError,
      sign: sign ?? vote.decide('countdown'),
    };
    cues.end(reason);
    return { phase: 'ended', record };
  };

  function handle(input: TrialInput): TrialState | null {
    const step = transition(phase, input.kind);
    if (step === null) return null;
    const atMs = clockMs();
    if (step.to === 'ended') {
      phase = 'ended';
      return finish(step.reason, input.kind, atMs);
    }
    const from = phase;
    phase = step.to;
    switch (input.kind) {
      case 'countdown-tick':
        cues.countdown(input.secondsLeft);
        return { phase: 'countdown', secondsLeft: input.secondsLeft };
      case 'go':
        return onGo(atMs);
      case 'sample': {
        if (from === 'countdown') {
          vote.add(input.sample.ax, input.sample.ay, input.sample.az);
          noteArrival(input.sample, atMs);
          lastCountdownSample = input.sample;
          return null;
        }
        const next = storeSample(input.sample, atMs);
        return next ? handle(next) : null;
      }
      default:
        return runningState(atMs);
    }
  }

  return {
    get phase(): TrialPhase {
      return phase;
    },
    lastHeardMs(): number {
      const since = isFiniteNumber(goMs) ? goMs : context.goDueMs;
      return isFiniteNumber(lastReadingMs) ? Math.max(since, lastReadingMs) : since;
    },
    handle,
  };
}
