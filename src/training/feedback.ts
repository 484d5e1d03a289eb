/**
 * The live audio feedback's mapping: the person's sway (medio-lateral, antero-posterior, m/s^2,
 * relative to their reference posture; ./sway-tracker.ts) -> a stereo pan, a pitch and a gain.
 * Pure: the Web Audio graph that plays it is src/sensors/feedback-audio.ts.
 *
 * What is taken from the audio-biofeedback (ABF) literature, and what is chosen here:
 * - The signal: the trunk's horizontal (AP and ML) acceleration from a body-worn accelerometer,
 *   low-passed, relative to the start of the trial. Chiari L, Dozza M, Cappello A, Horak FB,
 *   Macellari V, Giansanti D (2005), "Audio-biofeedback for balance improvement: an
 *   accelerometry-based system", IEEE Trans Biomed Eng 52(12):2108-2111: "the two-dimensional
 *   horizontal trunk accelerations [are converted] into a stereo sound by modulating its
 *   frequency, level, and left/right balance". Franco C et al. (2012/2013), iBalance-ABF,
 *   IEEE Trans Biomed Eng 60(1):211-215, do the same on a smartphone, but from trunk *angles*
 *   (a Kalman filter of accelerometer and gyroscope); Stork uses the acceleration, as Chiari and
 *   Dozza do, because it is what the analysis measures (SPEC section 3) and a phone's gravity
 *   reading of a slow lean is the lean's angle: g sin(theta).
 * - The mapping: ML sway -> left/right balance (pan), AP sway -> pitch, distance -> level
 *   (Chiari 2005). The side is the sway's: a lean to the left is heard on the left (as the
 *   issue asks; Chiari 2005's sound moves to the side of the sway). Forward is a higher pitch:
 *   the papers' abstracts do not say which way, so we chose "up is forward", the more common
 *   sonification convention.
 * - The dead zone: Dozza M, Chiari L, Horak FB (2005), "Audio-biofeedback improves balance in
 *   patients with bilateral vestibular loss", Arch Phys Med Rehabil 86(7):1401-1403, count the
 *   "time spent within +/-1 degree threshold from their baseline" as an outcome. One degree of
 *   trunk lean is g sin(1 deg) = 0.171 m/s^2 of horizontal gravity reading: the default radius.
 *   Where the person has a recent measurement, the radius is their RMS sway instead (the
 *   papers use one threshold for everyone; a person far worse or better than 1 degree would
 *   hear always or never a sound). Our choice, explained at DEAD_ZONE_PER_RMS.
 * - The gains: Chiari 2005 raise the level with the acceleration along a saturating curve; we
 *   use a linear ramp from silence at the zone's edge to full level at FULL_SCALE_ZONES times
 *   the radius, then flat: monotone (tested), simple to explain, and never deafening.
 * Dozza M, Horak FB, Chiari L (2007), "Auditory biofeedback substitutes for loss of sensory
 * information in maintaining stance", Exp Brain Res 178:37-48, is the same system in more
 * conditions; nothing is taken from it beyond the above.
 */
import type { Difficulty, FeedbackMode } from './types';

/** Standard gravity, m/s^2 (CGPM 1901). */
export const STANDARD_GRAVITY_MS2 = 9.80665;

/**
 * The default dead-zone radius, m/s^2: Dozza et al. 2005's +/-1 degree threshold as a gravity
 * reading, g sin(1 deg) = 0.1711 m/s^2.
 */
export const DEFAULT_DEAD_ZONE_MS2 = STANDARD_GRAVITY_MS2 * Math.sin(Math.PI / 180);

/**
 * The dead zone as a multiple of the person's recent RMS sway distance (SPEC `rms`). With
 * round 2-D Gaussian sway the distance is Rayleigh-distributed and its RMS is sqrt(2) sigma,
 * so 1 - exp(-1) = 63 % of the time falls inside one RMS: a target the person reaches most of
 * the time, and can improve on. The literature is silent on a personal zone; this is ours.
 */
export const DEAD_ZONE_PER_RMS = 1;

/** Smallest and largest radius from a recent RMS, m/s^2: a glitch of a trial must not make the zone absurd. */
export const DEAD_ZONE_LIMITS_MS2 = { min: 0.03, max: 1.5 } as const;

/** How the difficulty scales the radius: easier is a 1.5x wider zone, harder a 1.5x narrower one. */
export const DIFFICULTY_SCALE: Record<Difficulty, number> = { easier: 1.5, normal: 1, harder: 1 / 1.5 };

/** Full pan, full pitch bend and full level are reached at this many radii from the reference. */
export const FULL_SCALE_ZONES = 3;
/** Loudest level of the continuous feedback (0..1): below the cues' beeps (0.6, src/sensors/cues.ts). */
export const MAX_FEEDBACK_GAIN = 0.4;
/** Level of the 'outside-tone' mode's tone (0..1). */
export const OUTSIDE_TONE_GAIN = 0.3;
/** Pitch at the reference (A4), Hz, and the bend at full scale, octaves (up = forward). */
export const BASE_PITCH_HZ = 440;
export const PITCH_RANGE_OCTAVES = 1;

/** A sway relative to the reference posture, m/s^2: `ml` positive to the person's right, `ap` positive forward. */
export interface SwayPoint {
  ml: number;
  ap: number;
}

/** What the sound should be now. */
export interface FeedbackSound {
  /** -1 (all left) .. +1 (all right), StereoPannerNode's convention. */
  pan: number;
  pitchHz: number;
  /** 0 (silent) .. MAX_FEEDBACK_GAIN. */
  gain: number;
  /** Distance from the reference, m/s^2. */
  distanceMs2: number;
  inZone: boolean;
}

/** The silence of 'off' and of no sway yet. */
export const SILENCE: FeedbackSound = {
  pan: 0,
  pitchHz: BASE_PITCH_HZ,
  gain: 0,
  distanceMs2: 0,
  inZone: true,
};

/**
 * The dead zone's radius, m/s^2: the person's recent RMS sway distance times DEAD_ZONE_PER_RMS
 * (kept within DEAD_ZONE_LIMITS_MS2), or DEFAULT_DEAD_ZONE_MS2 without one (null, not finite or
 * not positive), times the difficulty's scale.
 */
export function deadZoneRadius(recentRmsMs2: number | null, difficulty: Difficulty): number {
  const personal =
    recentRmsMs2 !== null && Number.isFinite(recentRmsMs2) && recentRmsMs2 > 0
      ? Math.min(
          DEAD_ZONE_LIMITS_MS2.max,
          Math.max(DEAD_ZONE_LIMITS_MS2.min, recentRmsMs2 * DEAD_ZONE_PER_RMS),
        )
      : DEFAULT_DEAD_ZONE_MS2;
  return personal * DIFFICULTY_SCALE[difficulty];
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * The sound for a sway point: pan = ML / full scale, pitch = BASE_PITCH_HZ * 2^(AP / full scale
 * * PITCH_RANGE_OCTAVES), both clamped at full scale (FULL_SCALE_ZONES radii); the gain is 0
 * inside the zone (distance <= radius) and outside it grows linearly with the distance beyond
 * the edge up to MAX_FEEDBACK_GAIN at full scale ('continuous'), or is OUTSIDE_TONE_GAIN
 * ('outside-tone'), or 0 ('off'). Depends on the distance only through the gain: turning the
 * sway about the vertical moves the pan and pitch but never the loudness. A non-finite point or
 * radius gives SILENCE.
 */
export function feedbackSound(sway: SwayPoint, deadZoneMs2: number, mode: FeedbackMode): FeedbackSound {
  const { ml, ap } = sway;
  if (!(Number.isFinite(ml) && Number.isFinite(ap) && Number.isFinite(deadZoneMs2) && deadZoneMs2 > 0))
    return SILENCE;
  const full = FULL_SCALE_ZONES * deadZoneMs2;
  const distanceMs2 = Math.hypot(ml, ap);
  const inZone = distanceMs2 <= deadZoneMs2;
  let gain = 0;
  if (!inZone && mode === 'continuous')
    gain = MAX_FEEDBACK_GAIN * Math.min(1, (distanceMs2 - deadZoneMs2) / (full - deadZoneMs2));
  else if (!inZone && mode === 'outside-tone') gain = OUTSIDE_TONE_GAIN;
  return {
    pan: clamp(ml / full, -1, 1),
    pitchHz: BASE_PITCH_HZ * 2 ** (clamp(ap / full, -1, 1) * PITCH_RANGE_OCTAVES),
    gain,
    distanceMs2,
    inZone,
  };
}
