/**
 * The analysis pipeline's defaults (SPEC sections 3-5). Each is an option or a named
 * constant with the reason for its value.
 */

/**
 * Version of the analysis of a phone (motion) recording. Bump whenever a number it produces may
 * change for the same input: stored trials are re-analysed (src/storage/reanalysis.ts). A
 * change to the pipeline both kinds share bumps SWAY_ANALYSIS_VERSION too. 2: the touch-down
 * detector also confirms gentle touch-downs (src/core/detect/gentle.ts), which can move the
 * automatic window's end of a phone recording; a 2-D sway recording has no touch-down detection,
 * so SWAY_ANALYSIS_VERSION stays 2.
 */
export const ANALYSIS_VERSION = 2;
/**
 * Version of the analysis of a 2-D sway recording (a force plate's centre of pressure), never
 * below ANALYSIS_VERSION. 2: a sway recording has no "go", so its automatic window starts at its
 * first sample (version 1 skipped SETTLE_S, as for a phone); stored sway trials are re-analysed.
 */
export const SWAY_ANALYSIS_VERSION = 2;

/** The current analysis version of a recording of this kind. */
export function analysisVersionOf(signal: 'motion' | 'sway'): number {
  return signal === 'sway' ? SWAY_ANALYSIS_VERSION : ANALYSIS_VERSION;
}

/** Rate of the uniform grid, Hz: SPEC step 3; sway lies below 5 Hz, so 50 Hz leaves a wide margin. */
export const DEFAULT_RATE_HZ = 50;
/** Low-pass cut-off, Hz: SPEC step 5, following the accelerometer-sway literature (Mancini et al. 2012 use 3.5 Hz). */
export const DEFAULT_CUTOFF_HZ = 3.5;
/** Butterworth order: SPEC step 5 (4th order, applied forward and backward). */
export const DEFAULT_FILTER_ORDER = 4;

/** Shortest analysable window, s: SPEC step 2. */
export const MIN_WINDOW_S = 2;
/**
 * Start of the automatic window after "go", s: SPEC section 5, skips the lift-off transient of a
 * phone recording (its t = 0 is "go"). A 2-D sway recording has no "go" and no lift-off: its
 * automatic window starts at its first sample.
 */
export const SETTLE_S = 1.0;
/** The automatic window ends this long before the touch-down, s: SPEC section 5, so the jolt stays out. */
export const TOUCHDOWN_MARGIN_S = 0.5;

/** Input rates below this get a warning, Hz: under 40 Hz the 3.5 Hz band is sampled too thinly for jerk and path length. */
export const LOW_INPUT_RATE_HZ = 40;
/** Chromium rounds DeviceMotion readings to this step, m/s^2 (SPEC section 2). */
export const CHROMIUM_QUANTUM_M_S2 = 0.1;
/** A gap between input samples longer than this (s) is reported: it is bridged by straight-line interpolation. */
export const GAP_WARNING_S = 0.1;
