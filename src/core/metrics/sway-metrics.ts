import type { SwayMetrics } from '../types';
import { distanceMeasures } from './distance';
import { confidenceEllipse } from './ellipse';
import { jerk } from './jerk';
import { rootMeanSquare } from './numbers';
import { pathMeasures } from './path';
import { SPECTRAL_MIN_DURATION_S, spectralMeasures } from './spectral';

export interface SwaySignal {
  signal: 'motion' | 'sway';
  /** filtered, centred AP and ML on a uniform grid */
  ap: Float64Array;
  ml: Float64Array;
  /** filtered, centred AP-sway and ML-sway angular velocities, deg/s, or null */
  gyroAp: Float64Array | null;
  gyroMl: Float64Array | null;
  rateHz: number;
  inputRateHz: number;
}

/**
 * Every metric of SPEC section 4 from a filtered, centred 2-D sway signal on a uniform grid.
 * T = N / rate. Spectral keys are null under 10 s, gyro keys null without gyro series.
 */
export function computeSwayMetrics(input: SwaySignal): SwayMetrics {
  const { ap, ml, rateHz } = input;
  const samples = ap.length;
  const durationS = samples / rateHz;
  const distance = distanceMeasures(ap, ml);
  const { pathLength: path, swayAreaRate } = pathMeasures(ap, ml, durationS);
  const spectral = durationS >= SPECTRAL_MIN_DURATION_S ? spectralMeasures(ap, ml, rateHz) : null;
  return {
    signal: input.signal,
    samples,
    durationS,
    rateHz,
    inputRateHz: input.inputRateHz,
    ...distance,
    pathLength: path,
    meanVelocity: path / durationS,
    jerk: jerk(ap, ml, rateHz),
    ...confidenceEllipse(ap, ml),
    swayAreaRate,
    // MFREQ (Prieto et al. 1996): the frequency of a circle of radius MDIST travelled at MVELO.
    meanFrequency: path / (2 * Math.PI * distance.meanDistance * durationS),
    totalPower: spectral?.totalPower ?? null,
    f50: spectral?.f50 ?? null,
    f95: spectral?.f95 ?? null,
    centroidFrequency: spectral?.centroidFrequency ?? null,
    frequencyDispersion: spectral?.frequencyDispersion ?? null,
    gyroRmsAp: input.gyroAp ? rootMeanSquare(input.gyroAp) : null,
    gyroRmsMl: input.gyroMl ? rootMeanSquare(input.gyroMl) : null,
  };
}
