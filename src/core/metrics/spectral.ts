import { welch, welchSegmentLength } from '../signal/welch';

/** Upper edge of the band the spectral measures look at, Hz: postural sway lies below it (Prieto et al. 1996 use 0.15-5 Hz). */
export const SPECTRAL_BAND_HZ = 5;
/** Shortest window with spectral measures, s: shorter ones give too few Welch segments to trust. */
export const SPECTRAL_MIN_DURATION_S = 10;

/** Frequency-domain measures of a 2-D sway signal (Prieto et al. 1996, section II-C). */
export interface SpectralMeasures {
  /** sum of P(f) df over 0 < f <= 5 Hz: the signal's unit squared */
  totalPower: number;
  /** lowest bin frequency where the cumulative power reaches 50 % / 95 % of the band's, Hz */
  f50: number;
  f95: number;
  /** sqrt(mu2 / mu0), Hz: CFREQ */
  centroidFrequency: number;
  /** sqrt(1 - mu1^2 / (mu0 mu2)), unitless in [0, 1]: FREQD */
  frequencyDispersion: number;
}

/**
 * Spectral measures of P(f) = P_AP(f) + P_ML(f), each the Welch PSD (scipy.signal.welch
 * semantics: Hann window, L = 2^floor(log2(N/2)), 50 % overlap, constant detrend, density,
 * one-sided), over the band 0 < f <= 5 Hz. mu_k = sum f^k P(f) over the band.
 */
export function spectralMeasures(
  ap: ArrayLike<number>,
  ml: ArrayLike<number>,
  rateHz: number,
): SpectralMeasures {
  const segment = welchSegmentLength(ap.length);
  const spectrumAp = welch(ap, rateHz, segment);
  const spectrumMl = welch(ml, rateHz, segment);
  const { f, df } = spectrumAp;
  let mu0 = 0;
  let mu1 = 0;
  let mu2 = 0;
  let first = -1;
  let last = -1;
  for (let k = 0; k < f.length; k++) {
    const frequency = f[k] as number;
    if (!(frequency > 0 && frequency <= SPECTRAL_BAND_HZ)) continue;
    if (first < 0) first = k;
    last = k;
    const power = (spectrumAp.p[k] as number) + (spectrumMl.p[k] as number);
    mu0 += power;
    mu1 += frequency * power;
    mu2 += frequency * frequency * power;
  }
  const quantile = (fraction: number): number => {
    let cumulative = 0;
    for (let k = first; k <= last; k++) {
      cumulative += (spectrumAp.p[k] as number) + (spectrumMl.p[k] as number);
      if (cumulative >= fraction * mu0) return f[k] as number;
    }
    return f[last] as number;
  };
  return {
    totalPower: mu0 * df,
    f50: quantile(0.5),
    f95: quantile(0.95),
    centroidFrequency: Math.sqrt(mu2 / mu0),
    frequencyDispersion: Math.sqrt(Math.max(0, 1 - (mu1 * mu1) / (mu0 * mu2))),
  };
}
