/**
 * SPEC section 3, step 5: design of the digital Butterworth low-pass.
 *
 * The design is the classical one, step for step as `scipy.signal.butter(order, cutoffHz, fs=rateHz)`
 * does it (scipy/signal/_filter_design.py: `iirfilter` -> `buttap` -> `lp2lp_zpk` -> `bilinear_zpk`
 * -> `zpk2tf`; https://docs.scipy.org/doc/scipy/reference/generated/scipy.signal.butter.html):
 *
 * 1. Analog prototype (cut-off 1 rad/s): no zeros, poles `p_m = -exp(i pi m / (2N))`,
 *    `m = -N+1, -N+3, ..., N-1` (the left half of the unit circle), gain 1.
 * 2. Pre-warping, with scipy's normalisation fs = 2: `Wn = cutoff / (rate / 2)`,
 *    `wo = 2 fs tan(pi Wn / fs) = 4 tan(pi Wn / 2)`, so that the digital filter's -3 dB point lands
 *    exactly on the cut-off after the frequency compression of the bilinear map.
 * 3. Low-pass to low-pass: `p -> wo p`, gain `wo^N`.
 * 4. Bilinear transform `s = 2 fs (z - 1) / (z + 1)`: `p -> (2fs + p) / (2fs - p)`, N zeros at z = -1
 *    (the zeros at infinity), gain `k * prod(2fs - z) / prod(2fs - p)`
 *    (Oppenheim & Schafer, Discrete-Time Signal Processing, 3rd ed., section 7.2.2 "Bilinear
 *    Transformation", with the pre-warping of eq. 7.26).
 * 5. Polynomials: `b = k poly(zeros)`, `a = real(poly(poles))`, expanded by repeated convolution with
 *    `[1, -root]` in the same order as numpy, with numpy's complex division (Smith's method), so the
 *    coefficients agree with scipy to the last bit or two.
 */
import { AnalysisError } from '../errors';

/** Transfer-function coefficients, `H(z) = (b0 + b1 z^-1 + ...) / (a0 + a1 z^-1 + ...)`. */
export interface FilterCoefficients {
  b: number[];
  a: number[];
}

/** Largest order accepted: the 'ba' form loses all precision long before this. */
const MAX_ORDER = 64;

/** numpy's complex division (Smith 1962), which `bilinear_zpk` relies on; returns [re, im]. */
function complexDivide(ar: number, ai: number, br: number, bi: number): [number, number] {
  if (Math.abs(br) >= Math.abs(bi)) {
    if (br === 0 && bi === 0) return [ar / Math.abs(br), ai / Math.abs(br)];
    const rat = bi / br;
    const scl = 1.0 / (br + bi * rat);
    return [(ar + ai * rat) * scl, (ai - ar * rat) * scl];
  }
  const rat = br / bi;
  const scl = 1.0 / (bi + br * rat);
  return [(ar * rat + ai) * scl, (ai * rat - ar) * scl];
}

/**
 * Digital Butterworth low-pass of any order by the bilinear transform with pre-warping, same as
 * `scipy.signal.butter(order, cutoffHz, fs=rateHz)` ('ba' output). Throws AnalysisError when the
 * cut-off is not in (0, rate/2), the rate is not a positive finite number, or the order is not an
 * integer >= 1.
 */
export function butterworthLowpass(order: number, cutoffHz: number, rateHz: number): FilterCoefficients {
  if (!Number.isInteger(order) || order < 1 || order > MAX_ORDER) {
    throw new AnalysisError(
      `Butterworth: the order must be an integer from 1 to ${MAX_ORDER} (got ${order})`,
    );
  }
  if (!(Number.isFinite(rateHz) && rateHz > 0)) {
    throw new AnalysisError(
      `Butterworth: the sampling rate must be a positive finite number (got ${rateHz} Hz)`,
    );
  }
  if (!(cutoffHz > 0 && cutoffHz < rateHz / 2)) {
    throw new AnalysisError(
      `Butterworth: the cut-off must be between 0 and half the sampling rate, ${rateHz / 2} Hz (got ${cutoffHz} Hz)`,
    );
  }
  const N = order;
  // Step 2: pre-warping (scipy: Wn = Wn / (fs/2); fs = 2.0; warped = 2 * fs * tan(pi * Wn / fs)).
  const Wn = cutoffHz / (rateHz / 2);
  const fsNorm = 2.0;
  const wo = 2 * fsNorm * Math.tan((Math.PI * Wn) / fsNorm);
  const fs2 = 2.0 * fsNorm;

  // Steps 1, 3, 4: prototype poles, scaled, mapped to the z plane; gain.
  const pr = new Float64Array(N);
  const pi = new Float64Array(N);
  let denR = 1; // prod(fs2 - p_lp), complex, multiplied left to right like numpy.prod
  let denI = 0;
  for (let j = 0; j < N; j++) {
    const m = -N + 1 + 2 * j;
    // numpy evaluates 1j*pi*m/(2N) as a complex division by (2N + 0j), i.e. times 1/(2N).
    const theta = Math.PI * m * (1 / (2 * N));
    // buttap: p = -exp(1j*theta); lp2lp_zpk: p_lp = wo * p
    const sr = wo * -Math.cos(theta);
    const si = wo * -Math.sin(theta);
    // bilinear_zpk: p_z = (fs2 + p) / (fs2 - p)
    const [zr, zi] = complexDivide(fs2 + sr, si, fs2 - sr, -si);
    pr[j] = zr;
    pi[j] = zi;
    const dr = fs2 - sr;
    const di = -si;
    const nr = denR * dr - denI * di;
    const ni = denR * di + denI * dr;
    denR = nr;
    denI = ni;
  }
  const kLp = 1.0 * Math.pow(wo, N);
  const k = kLp * complexDivide(1.0, 0.0, denR, denI)[0];

  // Step 5: a = poly(poles) by repeated convolution with [1, -p]; keep the real part.
  let ar = new Float64Array([1]);
  let ai = new Float64Array([0]);
  for (let j = 0; j < N; j++) {
    const wr = -(pr[j] as number);
    const wi = -(pi[j] as number);
    const len = ar.length;
    const nr = new Float64Array(len + 1);
    const ni = new Float64Array(len + 1);
    for (let i = 0; i <= len; i++) {
      let sr = 0;
      let si = 0;
      if (i < len) {
        sr += ar[i] as number;
        si += ai[i] as number;
      }
      if (i > 0) {
        const xr = ar[i - 1] as number;
        const xi = ai[i - 1] as number;
        sr += xr * wr - xi * wi;
        si += xr * wi + xi * wr;
      }
      nr[i] = sr;
      ni[i] = si;
    }
    ar = nr;
    ai = ni;
  }
  // b = k * poly([-1] * N): the binomial coefficients C(N, i) (exact in double up to N = 56).
  let bp = [1];
  for (let j = 0; j < N; j++) {
    const next = new Array<number>(bp.length + 1);
    for (let i = 0; i <= bp.length; i++)
      next[i] = (i < bp.length ? (bp[i] as number) : 0) + (i > 0 ? (bp[i - 1] as number) : 0);
    bp = next;
  }
  return { b: bp.map((c) => k * c), a: Array.from(ar) };
}
