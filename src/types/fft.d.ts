/**
 * Types for `fft.js` (https://github.com/indutny/fft.js, MIT), a radix-4 FFT for power-of-two
 * sizes. The package is CommonJS (`module.exports = FFT`) and its own generated `lib/fft.d.ts`
 * types every argument as `any`; this ambient declaration takes precedence over it and
 * documents what the library actually does (from lib/fft.js, version 4.0.4).
 *
 * Complex arrays are interleaved: `[re0, im0, re1, im1, ...]`, length `2 * size`. Any indexable
 * number store works (plain arrays or `Float64Array`); the library only reads and writes by index.
 */
declare module 'fft.js' {
  type NumberStore = { [index: number]: number; readonly length: number };

  class FFT {
    /** Throws an `Error` unless `size` is a power of two greater than 1. */
    constructor(size: number);
    readonly size: number;
    /** Twiddle factors, `[cos, -sin]` pairs. */
    readonly table: number[];
    /** A plain array of `2 * size` zeros. */
    createComplexArray(): number[];
    /** Real parts of an interleaved complex array (into `storage` when given). */
    fromComplexArray<T extends NumberStore = number[]>(complex: ArrayLike<number>, storage?: T): T;
    /** Interleaves a real input with zero imaginary parts (into `storage` when given). */
    toComplexArray<T extends NumberStore = number[]>(input: ArrayLike<number>, storage?: T): T;
    /** Fills bins `size/2 + 1 .. size - 1` of a `realTransform` output by conjugate symmetry. */
    completeSpectrum(spectrum: NumberStore): void;
    /** Forward complex DFT, `X[k] = sum x[n] e^(-2 pi i k n / size)`; `out` and `data` must differ. */
    transform(out: NumberStore, data: ArrayLike<number>): void;
    /**
     * Forward DFT of a real input of length `size`; fills bins `0 .. size/2` (inclusive, so the
     * Nyquist bin too) of the interleaved `out` (length `2 * size`); `out` and `data` must differ.
     */
    realTransform(out: NumberStore, data: ArrayLike<number>): void;
    /** Inverse complex DFT, scaled by `1 / size`. */
    inverseTransform(out: NumberStore, data: ArrayLike<number>): void;
  }

  export = FFT;
}
