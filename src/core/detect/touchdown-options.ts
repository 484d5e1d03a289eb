/**
 * Options of the touch-down (loss-of-balance) detector, SPEC section 5. Every threshold is a
 * named field with its default and the reasoning for it.
 *
 * The detector scores each sample with a "jolt size": the acceleration vector minus the mean
 * of two side windows around it (before and after, each `sideS` long, `guardS` away from the
 * sample). That symmetric kernel cancels gravity, slow sway and any linear trend (a phone
 * slowly turning), and keeps short pulses. The difference is split along the local gravity
 * direction (the side mean) into a vertical and a horizontal part:
 * `jolt = sqrt(max(0, vertical)^2 + (horizontalWeight * horizontal)^2)`
 * (only an upward vertical difference counts: an impact pushes the phone up).
 * A touch-down is confirmed at the first sample whose jolt reaches
 * `max(minJoltMs2, noiseFactor * noise)`, where `noise` is the running mean jolt of the
 * recording itself.
 *
 * Sizes come from the shared reference simulations (fixtures/sim, truth.json: touch-down
 * jolts of 3.0-8.5 m/s^2 lasting 0.06-0.12 s; a lift-off transient right after "go", a
 * 0.4 s half-sine of 1.1-2.5 m/s^2) and from the belt-IMU quiet-standing recordings
 * (fixtures/imu-standing q1-q10: the jolt score stays below 0.1 m/s^2).
 */
import { AnalysisError } from '../errors';

export interface TouchdownOptions {
  /**
   * Smallest jolt that counts as a touch-down, m/s^2, whatever the noise. A touch-down is a
   * jolt of several m/s^2 (the shared simulations: 3.0 m/s^2 and up; sampled at 50 Hz, the
   * highest sample of a 60 ms half-sine can be 0.87 of its peak, so 2.6 m/s^2). The lift-off
   * transient (up to 2.5 m/s^2, but slow: the kernel passes 0.37 of a 0.4 s half-sine and
   * 0.61 of a 0.3 s one, so at most 1.5 m/s^2), arm movements, corrections and taps stay below.
   * @default 2.0
   */
  minJoltMs2?: number;
  /**
   * The threshold never falls below this many times the recording's own running mean jolt
   * (`noise`): a jolt must stand out of what this person and phone usually produce. Quiet
   * single-leg sway gives a mean jolt of 0.05-0.25 m/s^2, so the 2.0 m/s^2 floor rules
   * there; in a recording with strong fast movement the threshold rises with it (the belt
   * IMU's large-sway recordings int1-int5: mean jolt up to 0.6-1.2 m/s^2, threshold up to
   * 4.6-9.6 m/s^2).
   * 8 times the mean absolute value is about 10 standard deviations of a Gaussian signal.
   * @default 8
   */
  noiseFactor?: number;
  /**
   * Time constant of the running mean jolt, s: long enough to average several sway cycles
   * (0.3-0.8 Hz), short enough to follow a change within a trial.
   * @default 3
   */
  noiseTauS?: number;
  /**
   * Length of each side window of the kernel, s. The kernel passes a sinusoid of frequency f
   * at 1 - mean(cos(2 pi f tau)) over tau in [guardS, guardS + sideS]: with 0.1 s, 6 % at
   * 0.5 Hz (sway), 24 % at 1 Hz, 83 % at 2 Hz, all of a 50-120 ms jolt. Longer sides would
   * pass more of a short lift-off bump (0.8 of a 0.3 s half-sine with 0.2 s sides); 0.1 s
   * still holds 5-10 samples at 50-100 Hz.
   * @default 0.1
   */
  sideS?: number;
  /**
   * Gap between the scored sample and each side window, s: half the longest jolt
   * (0.12 s), so when the kernel sits on a jolt's peak its sides do not overlap the jolt.
   * @default 0.06
   */
  guardS?: number;
  /**
   * Weight of the horizontal part of the jolt. A touch-down and a hop landing jolt mostly
   * vertically (the shared simulations: horizontal about a third of vertical); the horizontal
   * part also carries sway, arm movements and the phone turning (gravity moving between
   * axes), so it counts less. 0.4 still lets a mostly horizontal jolt of 5 m/s^2 or more
   * (a hand hitting a support) through; on the simulated set 0.3 missed more grabs and 0.5
   * let sway raise the threshold over small touch-downs.
   * @default 0.4
   */
  horizontalWeight?: number;
  /**
   * A single sample farther than this from the median of itself and its two neighbours (on
   * any axis), m/s^2, is a glitch and is replaced by that median. A real jolt lasts 50 ms or
   * more, so at 50 Hz or faster its neighbours share it; one shared simulation (case02)
   * carries a 1755 m/s^2 single-sample glitch.
   * @default 20
   */
  spikeMs2?: number;
  /**
   * A gentle touch-down (src/core/detect/gentle.ts): smallest upward jolt that makes a sample a
   * candidate, m/s^2. A foot put down softly jolts the phone by 0.5-2 m/s^2; the kernel passes
   * 0.6-0.9 of a 0.06-0.2 s pulse, so 0.4 keeps the softest. The belt IMU's quiet standing
   * (fixtures/imu-standing q1-q10) stays under 0.3 m/s^2. Infinity turns the gentle path off.
   * @default 0.4
   */
  gentleMinJoltMs2?: number;
  /**
   * ... and at least this many times the running mean jolt: quiet single-leg sway gives a mean
   * jolt of 0.05-0.25 m/s^2, so the floor rules there; with more movement the candidate must
   * stand out of it (3 times the mean absolute value: about 4 standard deviations).
   * @default 3
   */
  gentleNoiseFactor?: number;
  /**
   * Smallest upward impulse of a gentle touch-down, m/s (the integral of |a| - g from 0.15 s
   * before the candidate to 0.25 s after it). A half-sine of peak A over D carries 2AD/pi: 0.5
   * m/s^2 over 0.06 s gives 0.019, 2 m/s^2 over 0.2 s 0.25; a tap on the phone (up to 1.2 m/s^2
   * over 0.02-0.05 s, on any axis) at most 0.038, but it does not change the sway. On the
   * simulated sets (tests/sim, seeds 5000-5099 and 9000-9099) 0.02 found the most landings for
   * the fewest false detections (0.015 more of both, 0.025 fewer of both).
   * @default 0.02
   */
  gentleMinImpulseMs?: number;
  /**
   * Deepest fall allowed before a gentle touch-down, as a fraction of its peak jolt: the lowest
   * 0.1 s mean of |a| - g from 0.7 to 0.05 s before the candidate may be at most this far below
   * 0. A knee dip's upward half, which looks like a soft landing, follows a fall as deep as it
   * (the simulated dips: 0.3-1.2 m/s^2 down, then as much up); the 0.1 m/s^2 rounding and the
   * sway stay within a few hundredths.
   * @default 0.3
   */
  gentleMaxFall?: number;
  /**
   * Largest impulse per m/s^2 of the candidate's peak jolt, s: a landing is short (its impulse
   * is 2D/pi = 0.04-0.13 s times its peak for 0.06-0.2 s), the lift-off's weight shift slow
   * (0.3-0.5 s: 0.2-0.3 s times its peak over the same window, and the kernel passes less of its
   * peak), so 0.2 keeps most of the lift-off out; the first 2 s are left out anyway.
   * @default 0.2
   */
  gentleMaxImpulseS?: number;
  /**
   * Largest fast sway 0.12-0.32 s after the candidate, as a multiple of its usual level (the
   * median of 0.2 s blocks from 1.5 to 0.6 s before): two feet make it drop, but within the 0.5 s
   * a live confirmation may take it has dropped only partly (the weight moves over about
   * 0.4 s; on the simulated gentle set the ratio was 0.4-1.0 for most, above 1 for a tenth),
   * so the check is that it has not grown the way it does in a stumble or a burst of sway.
   * 1.5 lost more touch-downs made while the hands move the phone than it saved false ones.
   * @default 2
   */
  gentleSwayRatio?: number;
}

export const DEFAULT_TOUCHDOWN_OPTIONS: Required<TouchdownOptions> = {
  minJoltMs2: 2.0,
  noiseFactor: 8,
  noiseTauS: 3,
  sideS: 0.1,
  guardS: 0.06,
  horizontalWeight: 0.4,
  spikeMs2: 20,
  gentleMinJoltMs2: 0.4,
  gentleNoiseFactor: 3,
  gentleMinImpulseMs: 0.02,
  gentleMaxFall: 0.3,
  gentleMaxImpulseS: 0.2,
  gentleSwayRatio: 2,
};

/** What each option must be: `finite` excludes Infinity; every option must be >= 0 (or > 0). */
const OPTION_RULES: Record<keyof TouchdownOptions, { positive: boolean; finite: boolean }> = {
  // Infinity is allowed: it turns detection (or the glitch filter) off.
  minJoltMs2: { positive: false, finite: false },
  spikeMs2: { positive: true, finite: false },
  noiseFactor: { positive: false, finite: true },
  noiseTauS: { positive: true, finite: true },
  sideS: { positive: true, finite: true },
  guardS: { positive: false, finite: true },
  horizontalWeight: { positive: false, finite: true },
  gentleMinJoltMs2: { positive: false, finite: false },
  gentleNoiseFactor: { positive: false, finite: true },
  gentleMinImpulseMs: { positive: false, finite: true },
  gentleMaxFall: { positive: false, finite: false },
  gentleMaxImpulseS: { positive: true, finite: false },
  gentleSwayRatio: { positive: true, finite: false },
};

/**
 * The options in force: `options` over DEFAULT_TOUCHDOWN_OPTIONS (an undefined field keeps
 * its default). Throws AnalysisError naming the first option that is not a usable number.
 */
export function resolveTouchdownOptions(options: TouchdownOptions = {}): Required<TouchdownOptions> {
  // Every field written out, not `{ ...DEFAULT_TOUCHDOWN_OPTIONS }`: V8 gave the spread's first
  // 8 copies another hidden class than the later ones, and the detector's optimised code, made
  // for the first, was thrown away and compiled again for the second (4 of the 17
  // deoptimisations of `stork analyze` on 24 recordings: feed, commitPending,
  // scoreReadySamples, scoreCentre). A literal has one hidden class from the start.
  const d = DEFAULT_TOUCHDOWN_OPTIONS;
  const resolved: Required<TouchdownOptions> = {
    minJoltMs2: d.minJoltMs2,
    noiseFactor: d.noiseFactor,
    noiseTauS: d.noiseTauS,
    sideS: d.sideS,
    guardS: d.guardS,
    horizontalWeight: d.horizontalWeight,
    spikeMs2: d.spikeMs2,
    gentleMinJoltMs2: d.gentleMinJoltMs2,
    gentleNoiseFactor: d.gentleNoiseFactor,
    gentleMinImpulseMs: d.gentleMinImpulseMs,
    gentleMaxFall: d.gentleMaxFall,
    gentleMaxImpulseS: d.gentleMaxImpulseS,
    gentleSwayRatio: d.gentleSwayRatio,
  };
  for (const key of Object.keys(OPTION_RULES) as (keyof TouchdownOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    const rule = OPTION_RULES[key];
    const ok =
      typeof value === 'number' &&
      !Number.isNaN(value) &&
      (rule.positive ? value > 0 : value >= 0) &&
      (!rule.finite || Number.isFinite(value));
    if (!ok) {
      const kind = `${rule.positive ? 'a positive' : 'a non-negative'}${rule.finite ? ' finite' : ''} number`;
      throw new AnalysisError(`Touch-down detector: ${key} must be ${kind} (got ${String(value)})`);
    }
    resolved[key] = value;
  }
  return resolved;
}
