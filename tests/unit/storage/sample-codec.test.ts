import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeColumn,
  decodeSamples,
  encodeColumn,
  encodedByteLength,
  encodeSamples,
} from '../../../src/storage/sample-codec';
import { makeSamples, sameSamples } from './trial-factory';

const sameDoubles = (a: Float64Array, b: Float64Array): boolean =>
  a.length === b.length && a.every((value, k) => Object.is(value, b[k]));

describe('sample columns are stored compactly and read back bit for bit', () => {
  it('stores readings rounded to 0.1 (Chromium) as Int16 tenths', () => {
    // 9.8 is read back as 98 / 10, the double nearest 9.8; -0.3 as -3 / 10.
    const column = Float64Array.of(9.8, -0.3, 0.1, 12.7, NaN, 0);
    const encoded = encodeColumn(column);
    expect(encoded).toMatchObject({ encoding: 'quotient', divisor: 10 });
    expect(encoded.encoding === 'quotient' && encoded.values).toBeInstanceOf(Int16Array);
    expect(sameDoubles(decodeColumn(encoded, column.length), column)).toBe(true);
  });

  it('stores readings rounded as round(x / 0.1) * 0.1 as Int16 times 0.1', () => {
    // 3 * 0.1 = 0.30000000000000004, which 3 / 10 (= 0.3) does not give back.
    const column = Float64Array.from([3, 7, -12, 98], (k) => k * 0.1);
    expect(column[0]).toBe(0.30000000000000004);
    const encoded = encodeColumn(column);
    expect(encoded).toMatchObject({ encoding: 'product', step: 0.1 });
    expect(sameDoubles(decodeColumn(encoded, column.length), column)).toBe(true);
  });

  it('keeps -0 apart from 0 in an integer column (rounding -0.04 to tenths gives -0)', () => {
    const column = Float64Array.of(Math.round(-0.04 * 10) / 10, 0, -0.1, NaN);
    expect(Object.is(column[0], -0)).toBe(true);
    const encoded = encodeColumn(column);
    expect(encoded).toMatchObject({ encoding: 'quotient', divisor: 10 });
    const decoded = decodeColumn(encoded, column.length);
    expect(Object.is(decoded[0], -0)).toBe(true);
    expect(Object.is(decoded[1], 0)).toBe(true);
    expect(sameDoubles(decoded, column)).toBe(true);
  });

  it('keeps unrounded doubles (iOS) and infinities as Float64', () => {
    for (const column of [Float64Array.of(9.806650000000001, 0.123456789), Float64Array.of(1, Infinity)]) {
      const encoded = encodeColumn(column);
      expect(encoded.encoding).toBe('float64');
      expect(sameDoubles(decodeColumn(encoded, column.length), column)).toBe(true);
    }
  });

  it('uses Int32 when tenths exceed Int16 (a 4000.5 deg/s spin) and no bytes for an all-NaN column', () => {
    const wide = encodeColumn(Float64Array.of(4000.5, -0.1, NaN));
    expect(wide.encoding === 'quotient' && wide.values).toBeInstanceOf(Int32Array);
    expect(sameDoubles(decodeColumn(wide, 3), Float64Array.of(4000.5, -0.1, NaN))).toBe(true);
    expect(encodeColumn(Float64Array.of(NaN, NaN))).toEqual({ encoding: 'missing' });
    expect(sameDoubles(decodeColumn({ encoding: 'missing' }, 2), Float64Array.of(NaN, NaN))).toBe(true);
  });

  it('gives back any doubles exactly (property: 300 random columns)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double(),
            fc.constant(-0),
            fc.integer({ min: -40000, max: 40000 }).map((k) => k / 10),
          ),
        ),
        (values) => {
          const column = Float64Array.from(values);
          return sameDoubles(decodeColumn(encodeColumn(column), column.length), column);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes 54,000 bytes for a 45 s Chromium trial at 60 Hz instead of 216,000 as Float64', () => {
    const samples = makeSamples(2700);
    const encoded = encodeSamples(samples);
    // tS stays Float64: 2700 * 8 = 21,600; ax..gz as Int16: 6 * 2700 * 2 = 32,400; lx..lz all NaN: 0.
    expect(encoded.columns.tS.encoding).toBe('float64');
    expect(encodedByteLength(encoded)).toBe(21_600 + 32_400);
    expect(sameSamples(decodeSamples(encoded), samples)).toBe(true);
    // Unrounded (iOS-like) readings: 7 Float64 columns, 7 * 2700 * 8 = 151,200 bytes.
    const ios = encodeSamples(makeSamples(2700, { rounded: false }));
    expect(encodedByteLength(ios)).toBe(151_200);
  });

  it('refuses columns of different lengths', () => {
    const samples = makeSamples(10);
    samples.gx = new Float64Array(9);
    expect(() => encodeSamples(samples)).toThrow('samples column gx has 9 rows, tS has 10');
  });

  it('stores a view into a larger buffer without the rest of that buffer', () => {
    const big = new Float64Array(1000).fill(1.234567);
    const encoded = encodeColumn(big.subarray(0, 10));
    expect(encoded.encoding === 'float64' && encoded.values.buffer.byteLength).toBe(80);
  });
});
