/**
 * The data that flows through the analysis core. Plain arrays or typed arrays of numbers,
 * seconds for time, SI units for motion (SPEC section 2 and 3).
 */

/** A read-only run of numbers: a plain array or any typed array. */
export type Series = ArrayLike<number>;

/**
 * A phone (or other IMU) recording in the W3C DeviceMotion device frame:
 * x to the right of the screen, y to its top, z out of the screen.
 */
export interface MotionRecording {
  kind: 'motion';
  /** Sample times in seconds (on the recording's own axis: 0 = "go" for Stork's trials). */
  tS: Series;
  /** accelerationIncludingGravity, m/s^2, W3C sign (an upright phone reads y = +9.8). */
  ax: Series;
  ay: Series;
  az: Series;
  /** rotationRate about the device x, y, z axes, deg/s; NaN where missing. Optional as a whole. */
  gx?: Series;
  gy?: Series;
  gz?: Series;
}

/** A 2-D sway signal (centre of pressure from a force plate, or any other source), any unit. */
export interface SwayRecording {
  kind: 'sway';
  tS: Series;
  /** anterior-posterior */
  ap: Series;
  /** medio-lateral */
  ml: Series;
}

export type Recording = MotionRecording | SwayRecording;

/** What cleaning (SPEC section 3 step 1) left out, row counts. */
export interface DroppedCounts {
  /** rows whose time was not a finite number */
  nonFiniteTime: number;
  /** rows with an acceleration (or ap/ml) value that was not a finite number */
  nonFiniteValue: number;
  /** rows whose time was not greater than the previous kept time (after a stable sort) */
  nonIncreasingTime: number;
  /** rows kept for acceleration but left out of the gyro series (a gyro value not finite) */
  nonFiniteGyro: number;
}

/** SPEC section 4: the metric keys are fixed. Spectral keys are null under 10 s, gyro keys without gyro data. */
export interface SwayMetrics {
  signal: 'motion' | 'sway';
  samples: number;
  durationS: number;
  rateHz: number;
  inputRateHz: number;
  rmsAp: number;
  rmsMl: number;
  rms: number;
  meanDistance: number;
  rangeAp: number;
  rangeMl: number;
  pathLength: number;
  meanVelocity: number;
  jerk: number;
  ellipseArea: number;
  ellipseMajor: number;
  ellipseMinor: number;
  ellipseAngleDeg: number;
  swayAreaRate: number;
  meanFrequency: number;
  totalPower: number | null;
  f50: number | null;
  f95: number | null;
  centroidFrequency: number | null;
  frequencyDispersion: number | null;
  gyroRmsAp: number | null;
  gyroRmsMl: number | null;
}

/** Units of each metric for a given signal (m/s^2 for phone motion, the input's unit for sway). */
export type MetricKey = Exclude<keyof SwayMetrics, 'signal'>;

/** Options of the analysis (SPEC section 3); every field has the SPEC's default. */
export interface AnalysisOptions {
  /**
   * Start of the analysis window, s. @default automatic: SETTLE_S after "go" for a phone
   * recording (SPEC section 5); the first sample for a 2-D sway recording, which has no "go"
   */
  fromS?: number;
  /** End of the analysis window, s. @default automatic: touch-down - touchdownMarginS, or the end */
  toS?: number;
  /** Rate of the uniform grid the signal is resampled onto, Hz. @default 50 */
  rateHz?: number;
  /** Low-pass cut-off, Hz. @default 3.5 */
  cutoffHz?: number;
  /** Butterworth order (applied forward and backward, so the effective order doubles). @default 4 */
  filterOrder?: number;
}

/** The outcome of `analyze` (SPEC sections 3-5, 8). */
export interface AnalysisResult {
  /** Bumped whenever a number this analysis produces may change for the same input (options.ts: per kind). */
  analysisVersion: number;
  signal: 'motion' | 'sway';
  /** The window actually analysed, s, on the recording's time axis. */
  window: { fromS: number; toS: number };
  /** Detected foot touch-down (loss of balance), s, or null (always null for a sway recording). */
  touchdownS: number | null;
  /** touchdownS when found, else the recording's last time. */
  holdTimeS: number;
  dropped: DroppedCounts;
  /** Plain-language notes about the input (low rate, quantized input, short window...). */
  warnings: string[];
  metrics: SwayMetrics;
  /** Options in force (defaults filled in). */
  options: { rateHz: number; cutoffHz: number; filterOrder: number };
}

/**
 * The analysed signal, for charts: the uniform grid and the filtered, centred AP and ML
 * series (and gyro series where present). Returned by `analyzeWithSeries`.
 */
export interface AnalysisSeries {
  tS: Float64Array;
  ap: Float64Array;
  ml: Float64Array;
  gyroAp: Float64Array | null;
  gyroMl: Float64Array | null;
}
