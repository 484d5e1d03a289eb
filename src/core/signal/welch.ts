/**
 * SPEC section 4: power spectral density by Welch's method (Welch PD 1967, "The use of fast Fourier
 * transform for the estimation of power spectra: a method based on time averaging over short,
 * modified periodograms", IEEE Trans Audio Electroacoust 15(2):70-73), with the semantics of
 * `scipy.signal.welch(x, fs, window='hann', nperseg=L)` and its other defaults
 * (https://docs.scipy.org/doc/scipy/reference/generated/scipy.signal.welch.html;
 * scipy/signal/_spectral_py.py `welch` -> `csd` -> `_spectral_helper` -> `_fft_helper`):
 *
 * - window: `get_window('hann', L)`, the periodic ("DFT-even") Hann window
 *   `w[k] = 0.5 + 0.5 cos(-pi + 2 pi k / L)` = `0.5 - 0.5 cos(2 pi k / L)`, evaluated as
 *   scipy's `general_cosine` does;
 * - segments of L samples starting every `L - floor(L/2)` samples (50 % overlap), as many as fit
 *   (`floor((N - noverlap) / step)`), no boundary extension, no zero padding, nfft = L;
 * - each segment: subtract its mean (detrend 'constant'), multiply by the window, real FFT;
 * - density scaling `1 / (fs * sum(w^2))`, one-sided: bins 1 .. L/2 - 1 doubled (not DC, not
 *   the Nyquist bin of an even L); averaged over segments by the mean;
 * - frequencies `k / (L * (1 / fs))`, k = 0 .. L/2 (numpy.fft.rfftfreq).
 *
 * The FFT is `fft.js` (radix-4, power-of-two sizes); one instance, window and work buffers are
 * kept per segment length, so repeated calls allocate only their outputs.
 */
import FFT from 'fft.js';
import { AnalysisError } from '../errors';

/** A one-sided power spectral density: frequencies (Hz), density (unit^2 / Hz), bin width (Hz). */
export interface Spectrum {
  f: Float64Array;
  p: Float64Array;
  df: number;
}

interface Plan {
  fft: FFT;
  window: Float64Array;
  /** sum(w^2) */
  windowPower: number;
  segment: Float64Array;
  /** interleaved complex FFT output, 2 L */
  spectrum: Float64Array;
}

const MAX_CACHED_PLANS = 8;
const plans = new Map<number, Plan>();

/** scipy.signal.get_window('hann', L): periodic Hann, as `general_cosine(L + 1, [0.5, 0.5])[:L]`. */
export function hannPeriodic(length: number): Float64Array {
  const w = new Float64Array(length);
  if (length === 1) {
    w[0] = 1; // scipy's _len_guards: a window of length 1 is [1.0]
    return w;
  }
  // numpy.linspace(-pi, pi, L + 1): k * (2 pi / L) + (-pi)
  const step = (2 * Math.PI) / length;
  for (let k = 0; k < length; k++) w[k] = 0.5 + 0.5 * Math.cos(k * step + -Math.PI);
  return w;
}

function planFor(length: number): Plan {
  let plan = plans.get(length);
  if (plan === undefined) {
    const window = hannPeriodic(length);
    let windowPower = 0;
    for (let i = 0; i < length; i++) windowPower += (window[i] as number) * (window[i] as number);
    plan = {
      fft: new FFT(length),
      window,
      windowPower,
      segment: new Float64Array(length),
      spectrum: new Float64Array(2 * length),
    };
    if (plans.size >= MAX_CACHED_PLANS) {
      const oldest = plans.keys().next().value;
      if (oldest !== undefined) plans.delete(oldest);
    }
    plans.set(length, plan);
  }
  return plan;
}

/**
 * Sum of `x[off .. off + n - 1]` by numpy's pairwise summation (numpy/_core/src/umath/loops_utils.h.src
 * `pairwise_sum`: blocks of at most 128 summed with 8 accumulators, larger runs split in halves at a
 * multiple of 8), so the per-segment mean equals `numpy.mean` bit for bit.
 */
function pairwiseSum(x: ArrayLike<number>, off: number, n: number): number {
  if (n < 8) {
    let s = -0;
    for (let i = 0; i < n; i++) s += x[off + i] as number;
    return s;
  }
  if (n <= 128) {
    let r0 = x[off] as number,
      r1 = x[off + 1] as number,
      r2 = x[off + 2] as number,
      r3 = x[off + 3] as number,
      r4 = x[off + 4] as number,
      r5 = x[off + 5] as number,
      r6 = x[off + 6] as number,
      r7 = x[off + 7] as number;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      r0 += x[off + i] as number;
      r1 += x[off + i + 1] as number;
      r2 += x[off + i + 2] as number;
      r3 += x[off + i + 3] as number;
      r4 += x[off + i + 4] as number;
      r5 += x[off + i + 5] as number;
      r6 += x[off + i + 6] as number;
      r7 += x[off + i + 7] as number;
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) s += x[off + i] as number;
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(x, off, n2) + pairwiseSum(x, off + n2, n - n2);
}

/** SPEC's default segment length, `2^floor(log2(n / 2))`. Throws AnalysisError for n < 2. */
export function welchSegmentLength(n: number): number {
  if (!(Number.isSafeInteger(n) && n >= 2)) {
    throw new AnalysisError(`Welch: a spectrum needs at least 2 samples (got ${n})`);
  }
  let length = 1;
  while (length * 2 <= n / 2) length *= 2;
  return length;
}

/**
 * Welch power spectral density of `x` sampled at `rateHz`, `scipy.signal.welch` semantics (see the
 * module comment). `segmentLength` defaults to {@link welchSegmentLength}; it must be a power of
 * two no larger than `x.length` (fft.js sizes). `df = rateHz / L`. Values that are not finite
 * propagate into the result. Throws AnalysisError for a bad rate or segment length.
 */
export function welch(x: ArrayLike<number>, rateHz: number, segmentLength?: number): Spectrum {
  if (!(Number.isFinite(rateHz) && rateHz > 0)) {
    throw new AnalysisError(`Welch: the sampling rate must be a positive finite number (got ${rateHz} Hz)`);
  }
  const n = x.length;
  const L = segmentLength ?? welchSegmentLength(n);
  if (!(Number.isSafeInteger(L) && L >= 1 && (L & (L - 1)) === 0 && L <= 2 ** 30)) {
    throw new AnalysisError(`Welch: the segment length must be a power of two (got ${L})`);
  }
  if (L > n) {
    throw new AnalysisError(`Welch: the segment length ${L} is longer than the signal (${n} samples)`);
  }
  const half = L >>> 1;
  const bins = half + 1;
  const f = new Float64Array(bins);
  const p = new Float64Array(bins);
  // numpy.fft.rfftfreq(L, d=1/fs): arange(0, L//2 + 1) * (1.0 / (L * d))
  const binWidth = 1.0 / (L * (1 / rateHz));
  for (let k = 0; k < bins; k++) f[k] = k * binWidth;
  const df = rateHz / L;
  if (L === 1) {
    // A one-sample segment minus its mean is zero: the density is 0 at f = 0.
    return { f, p, df };
  }

  const noverlap = half;
  const step = L - noverlap;
  const segments = Math.floor((n - noverlap) / step);
  const { fft, window, windowPower, segment, spectrum } = planFor(L);
  const scale = 1.0 / (rateHz * windowPower);
  for (let s = 0; s < segments; s++) {
    const off = s * step;
    const mean = pairwiseSum(x, off, L) / L;
    for (let i = 0; i < L; i++) segment[i] = ((x[off + i] as number) - mean) * (window[i] as number);
    fft.realTransform(spectrum, segment);
    // DC and Nyquist (even L) once, the bins between twice (one-sided density).
    let re = spectrum[0] as number;
    let im = spectrum[1] as number;
    p[0] = (p[0] as number) + (re * re + im * im) * scale;
    for (let k = 1; k < half; k++) {
      re = spectrum[2 * k] as number;
      im = spectrum[2 * k + 1] as number;
      p[k] = (p[k] as number) + (re * re + im * im) * scale * 2;
    }
    re = spectrum[2 * half] as number;
    im = spectrum[2 * half + 1] as number;
    p[half] = (p[half] as number) + (re * re + im * im) * scale;
  }
  for (let k = 0; k < bins; k++) p[k] = (p[k] as number) / segments;
  return { f, p, df };
}
