/**
 * SPEC section 3, step 5: zero-phase filtering, `scipy.signal.filtfilt(b, a, x)` with its defaults
 * (method 'pad', padtype 'odd', padlen = 3 * max(len(a), len(b))).
 *
 * Sources: scipy/signal/_signaltools.py `filtfilt`, `lfilter_zi`, `_validate_pad`, and
 * scipy/signal/_arraytools.py `odd_ext`
 * (https://docs.scipy.org/doc/scipy/reference/generated/scipy.signal.filtfilt.html,
 * https://docs.scipy.org/doc/scipy/reference/generated/scipy.signal.lfilter_zi.html);
 * the filter itself is `scipy.signal.lfilter`'s direct form II transposed
 * (Oppenheim & Schafer, Discrete-Time Signal Processing, 3rd ed., section 6.5.3), with the state
 * update in the same operation order as scipy's C loop so that results agree to rounding.
 */
import { AnalysisError } from '../errors';
import type { FilterCoefficients } from './butterworth';

/** Coefficients divided by a[0] and zero-padded to a common length (as lfilter and lfilter_zi do). */
interface Normalized {
  b: Float64Array;
  a: Float64Array;
}

function normalize(coefficients: FilterCoefficients, where: string): Normalized {
  const a = coefficients.a;
  const bIn = coefficients.b;
  // lfilter_zi strips leading zeros of a; lfilter would reject a[0] = 0. Reject both clearly.
  if (a.length < 1 || bIn.length < 1) {
    throw new AnalysisError(`${where}: the filter needs at least one b and one a coefficient`);
  }
  const a0 = a[0] as number;
  if (!(a0 !== 0 && Number.isFinite(a0))) {
    throw new AnalysisError(`${where}: a[0] must be a finite non-zero number (got ${a0})`);
  }
  const n = Math.max(a.length, bIn.length);
  const bn = new Float64Array(n);
  const an = new Float64Array(n);
  for (let i = 0; i < bIn.length; i++) bn[i] = a0 === 1 ? (bIn[i] as number) : (bIn[i] as number) / a0;
  for (let i = 0; i < a.length; i++) an[i] = a0 === 1 ? (a[i] as number) : (a[i] as number) / a0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(bn[i] as number) || !Number.isFinite(an[i] as number)) {
      throw new AnalysisError(`${where}: the filter coefficients must be finite numbers`);
    }
  }
  return { b: bn, a: an };
}

/** lfilter_zi on normalised, equal-length coefficients. */
function ziOf(b: Float64Array, a: Float64Array): Float64Array {
  const n = a.length;
  const m = n - 1;
  const zi = new Float64Array(m);
  if (m === 0) return zi;
  // Solve (I - A) zi = B with A = companion(a).T, B = b[1:] - a[1:] * b[0], as scipy does
  // (numpy.linalg.solve: LU with partial pivoting). The matrix is small (order x order).
  const M = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  const b0 = b[0] as number;
  for (let i = 0; i < m; i++) {
    // companion(a) first row is -a[1:]/a[0], sub-diagonal ones; its transpose has -a[1:] down the
    // first column and ones on the super-diagonal. I - A:
    M[i * m] = (i === 0 ? 1 : 0) + (a[i + 1] as number);
    if (i + 1 < m) M[i * m + i + 1] = -1;
    if (i > 0) M[i * m + i] = 1;
    rhs[i] = (b[i + 1] as number) - (a[i + 1] as number) * b0;
  }
  // Gaussian elimination with partial pivoting (LAPACK dgesv's algorithm).
  const perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  for (let col = 0; col < m; col++) {
    let piv = col;
    let best = Math.abs(M[col * m + col] as number);
    for (let r = col + 1; r < m; r++) {
      const v = Math.abs(M[r * m + col] as number);
      if (v > best) {
        best = v;
        piv = r;
      }
    }
    if (best === 0) {
      throw new AnalysisError('lfilterZi: the filter has a pole at z = 1 (no steady state for a step input)');
    }
    if (piv !== col) {
      for (let c = 0; c < m; c++) {
        const t = M[col * m + c] as number;
        M[col * m + c] = M[piv * m + c] as number;
        M[piv * m + c] = t;
      }
      const t = rhs[col] as number;
      rhs[col] = rhs[piv] as number;
      rhs[piv] = t;
    }
    const d = M[col * m + col] as number;
    for (let r = col + 1; r < m; r++) {
      const f = (M[r * m + col] as number) / d;
      if (f === 0) continue;
      for (let c = col + 1; c < m; c++)
        M[r * m + c] = (M[r * m + c] as number) - f * (M[col * m + c] as number);
      rhs[r] = (rhs[r] as number) - f * (rhs[col] as number);
    }
  }
  for (let r = m - 1; r >= 0; r--) {
    let s = rhs[r] as number;
    for (let c = r + 1; c < m; c++) s -= (M[r * m + c] as number) * (zi[c] as number);
    zi[r] = s / (M[r * m + r] as number);
  }
  return zi;
}

/**
 * `scipy.signal.lfilter_zi(b, a)`: the initial state of the direct form II transposed filter for
 * which the response to a constant input of 1 is constant from the first sample (the step
 * response's steady state). Length `max(len(a), len(b)) - 1`. Throws AnalysisError for a[0] = 0,
 * non-finite coefficients, or a pole at z = 1.
 */
export function lfilterZi(coefficients: FilterCoefficients): Float64Array {
  const { b, a } = normalize(coefficients, 'lfilterZi');
  return ziOf(b, a);
}

/**
 * Runs lfilter (direct form II transposed) in place over `y[0 .. len-1]` when `dir = 1`, or over
 * `y[len-1 .. 0]` when `dir = -1` (the backward pass of filtfilt without reversing the array),
 * starting from state `zi * y[first]`.
 */
function lfilterInPlace(
  b: Float64Array,
  a: Float64Array,
  zi: Float64Array,
  y: Float64Array,
  dir: 1 | -1,
): void {
  const len = y.length;
  const n = b.length;
  const start = dir === 1 ? 0 : len - 1;
  const x0 = y[start] as number;
  if (n === 5) {
    // Order 4 (the SPEC default), unrolled with the state in locals.
    const b0 = b[0] as number,
      b1 = b[1] as number,
      b2 = b[2] as number,
      b3 = b[3] as number,
      b4 = b[4] as number;
    const a1 = a[1] as number,
      a2 = a[2] as number,
      a3 = a[3] as number,
      a4 = a[4] as number;
    let z0 = (zi[0] as number) * x0,
      z1 = (zi[1] as number) * x0,
      z2 = (zi[2] as number) * x0,
      z3 = (zi[3] as number) * x0;
    for (let k = 0, i = start; k < len; k++, i += dir) {
      const xn = y[i] as number;
      const yn = z0 + b0 * xn;
      z0 = z1 + xn * b1 - yn * a1;
      z1 = z2 + xn * b2 - yn * a2;
      z2 = z3 + xn * b3 - yn * a3;
      z3 = xn * b4 - yn * a4;
      y[i] = yn;
    }
    return;
  }
  const m = n - 1;
  const z = new Float64Array(m);
  for (let j = 0; j < m; j++) z[j] = (zi[j] as number) * x0;
  const b0 = b[0] as number;
  for (let k = 0, i = start; k < len; k++, i += dir) {
    const xn = y[i] as number;
    if (m === 0) {
      y[i] = b0 * xn;
      continue;
    }
    const yn = (z[0] as number) + b0 * xn;
    for (let j = 0; j < m - 1; j++) {
      z[j] = (z[j + 1] as number) + xn * (b[j + 1] as number) - yn * (a[j + 1] as number);
    }
    z[m - 1] = xn * (b[m] as number) - yn * (a[m] as number);
    y[i] = yn;
  }
}

/** The default pad length of `filtfilt`: `3 * max(len(a), len(b))`. */
export function filtfiltPadLength(coefficients: FilterCoefficients): number {
  return 3 * Math.max(coefficients.a.length, coefficients.b.length);
}

/**
 * `scipy.signal.filtfilt(b, a, x)` with its defaults: odd extension of
 * `padlen = 3 * max(len(a), len(b))` samples at both ends (`2 x[0] - x[padlen..1]` before,
 * `2 x[N-1] - x[N-2..N-1-padlen]` after), forward lfilter from `lfilter_zi * ext[0]`, backward
 * lfilter from `lfilter_zi * y[last]`, padding cut off. Zero phase, squared magnitude response.
 * Throws AnalysisError when `x.length <= padlen` (scipy's rule) and for bad coefficients.
 */
export function filtfilt(coefficients: FilterCoefficients, x: ArrayLike<number>): Float64Array {
  const { b, a } = normalize(coefficients, 'filtfilt');
  const pad = filtfiltPadLength(coefficients);
  const N = x.length;
  if (N <= pad) {
    throw new AnalysisError(
      `filtfilt: the signal has ${N} samples; it needs more than padlen = ${pad} (3 x the number of coefficients)`,
    );
  }
  const zi = ziOf(b, a);
  // odd_ext: [2 x0 - x[pad..1], x, 2 x[N-1] - x[N-2 .. N-1-pad]]
  const ext = new Float64Array(N + 2 * pad);
  const first = x[0] as number;
  const last = x[N - 1] as number;
  for (let i = 0; i < pad; i++) ext[i] = 2 * first - (x[pad - i] as number);
  for (let i = 0; i < N; i++) ext[pad + i] = x[i] as number;
  for (let i = 0; i < pad; i++) ext[pad + N + i] = 2 * last - (x[N - 2 - i] as number);

  lfilterInPlace(b, a, zi, ext, 1);
  lfilterInPlace(b, a, zi, ext, -1);
  return ext.slice(pad, pad + N);
}
