import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatScaled, formatShortest, parseDecimal, readDecimal } from '../../../src/formats/decimal';
import { MAX_LOW_DIGITS, roundedLongQuotient } from '../../../src/formats/long-mantissa';
import { textsAroundMidpoint } from '../helpers/halfway';

const parse = (text: string, scaleExp = 0) => parseDecimal(text, 0, text.length, scaleExp);

describe('parseDecimal', () => {
  it('reads plain decimals like Number()', () => {
    for (const text of [
      '0',
      '9.81',
      '-0.1',
      '+3',
      '.5',
      '5.',
      '1e3',
      '-2.5E-4',
      '123456789012345678',
      '0.1234567890123456789',
    ]) {
      expect(parse(text)).toBe(Number(text));
    }
  });

  it('keeps the sign of -0', () => {
    expect(Object.is(parse('-0'), -0)).toBe(true);
    expect(Object.is(parse('-0.000'), -0)).toBe(true);
  });

  it('reads an empty or blank cell and NaN text as a missing value', () => {
    expect(parse('')).toBeNaN();
    expect(parse('  ')).toBeNaN();
    expect(parse('NaN')).toBeNaN();
    expect(parse('nan')).toBeNaN();
  });

  it('accepts spaces around the number', () => {
    expect(parse(' 1.5 ')).toBe(1.5);
    expect(parse('\t-2')).toBe(-2);
  });

  it('returns null for text that is not a decimal number', () => {
    for (const text of [
      'abc',
      '0x10',
      'Infinity',
      '-inf',
      '1,5',
      '1.2.3',
      '1e',
      'e5',
      '-',
      '.',
      '1 2',
      '1_000',
    ]) {
      expect(parse(text), text).toBeNull();
    }
  });

  it('reads too large a value as Infinity, like Number()', () => {
    expect(parse('1e400')).toBe(Infinity);
    expect(parse('-1e400')).toBe(-Infinity);
  });

  it('reads a range of a longer text', () => {
    expect(parseDecimal('t,1250,x', 2, 6, -3)).toBe(1.25);
  });

  it('scales by a power of ten with one rounding', () => {
    // 1200 ms = 1.2 s, the double nearest 1.2 (not 1200 / 1000 computed twice).
    expect(parse('1200', -3)).toBe(1.2);
    expect(parse('13.873', -3)).toBe(0.013873);
    expect(parse('1.5e2', -3)).toBe(0.15);
    expect(parse('12345678901234567890', -3)).toBe(Number('12345678901234567.89'));
  });

  it('is correctly rounded (the same double as the engine reads) for any decimal text', () => {
    const decimalText = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^\d{1,25}$/),
        fc.option(fc.stringMatching(/^\d{0,25}$/)),
        fc.option(fc.integer({ min: -330, max: 330 })),
      )
      .map(([sign, whole, fraction, exponent]) => {
        const point = fraction === null ? '' : `.${fraction}`;
        const exp = exponent === null ? '' : `e${exponent}`;
        return `${sign}${whole}${point}${exp}`;
      });
    fc.assert(
      fc.property(decimalText, fc.integer({ min: -6, max: 0 }), (text, scaleExp) => {
        const expected =
          scaleExp === 0
            ? Number(text)
            : Number(`${text.replace(/e.*$/, '')}e${exponentOf(text) + scaleExp}`);
        expect(Object.is(parse(text, scaleExp), expected)).toBe(true);
      }),
    );
  });
});

describe('parseDecimal with 16 to 19 significant digits (more than a double holds)', () => {
  /** The digits of `mantissa` with the point `decimals` places from the right. */
  const withPoint = (mantissa: bigint, decimals: number) => {
    const digits = mantissa.toString().padStart(decimals + 1, '0');
    return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  };

  it('agrees with Number() bit for bit, scaled or not', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10n ** 15n, max: 10n ** 19n - 1n }),
        fc.integer({ min: 0, max: 22 }),
        fc.constantFrom(0, -3),
        fc.boolean(),
        (mantissa, decimals, scaleExp, negative) => {
          const text = (negative ? '-' : '') + withPoint(mantissa, decimals);
          const expected = Number(scaleExp === 0 ? text : `${text}e${scaleExp}`);
          expect(Object.is(parse(text, scaleExp), expected)).toBe(true);
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('rounds exact ties to even, like Number()', () => {
    // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: the even one, 2^53, wins.
    expect(parse('9007199254740993')).toBe(9007199254740992);
    expect(parse('9007199254740995')).toBe(9007199254740996);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 2n ** 53n, max: 2n ** 63n }),
        fc.integer({ min: 0, max: 3 }),
        (base, decimals) => {
          // An odd multiple of half the spacing of doubles at that size: an exact tie.
          const spacing = 2n ** BigInt(base.toString(2).length - 53);
          const tie = (base / spacing) * spacing + spacing / 2n;
          const text = withPoint(tie * 10n ** BigInt(decimals), decimals);
          expect(Object.is(parse(text), Number(text))).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads back every double from its shortest text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = String(value);
        expect(Object.is(parse(text), value) || (Object.is(value, -0) && Object.is(parse(text), 0))).toBe(
          true,
        );
      }),
      { numRuns: 20000 },
    );
  });
});

function exponentOf(text: string): number {
  const match = /e(-?\d+)$/.exec(text);
  return match === null ? 0 : Number(match[1]);
}

describe('formatShortest', () => {
  it('is String(x) for finite numbers, -0 for negative zero, empty for NaN and infinities', () => {
    expect(formatShortest(9.81)).toBe('9.81');
    expect(formatShortest(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatShortest(-0)).toBe('-0');
    expect(formatShortest(1e21)).toBe('1e+21');
    expect(formatShortest(NaN)).toBe('');
    expect(formatShortest(Infinity)).toBe('');
    expect(formatShortest(-Infinity)).toBe('');
  });
});

describe('formatScaled', () => {
  it('moves the decimal point of the shortest text', () => {
    expect(formatScaled(1.25, 3)).toBe('1250');
    expect(formatScaled(0.013873, 3)).toBe('13.873');
    expect(formatScaled(1.2, 3)).toBe('1200');
    expect(formatScaled(0, 3)).toBe('0');
    expect(formatScaled(-0, 3)).toBe('-0');
    expect(formatScaled(-0.0001, 3)).toBe('-0.1');
    expect(formatScaled(1e-7, 3)).toBe('0.0001');
    expect(formatScaled(1e-12, 3)).toBe('1e-9');
    expect(formatScaled(1.5e17, 3)).toBe('150000000000000000000');
    expect(formatScaled(1.5e19, 3)).toBe('1.5e+22');
    expect(formatScaled(123.456, 3)).toBe('123456');
    expect(formatScaled(5e-324, 3)).toBe('5e-321');
    expect(formatScaled(NaN, 3)).toBe('');
  });

  it('gives back every finite double bit for bit when read with the opposite scale', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (seconds) => {
        const text = formatScaled(seconds, 3);
        expect(Object.is(parse(text, -3), seconds)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('roundedLongQuotient (17 to 25 significant digits over a power of ten)', () => {
  /** M = high * 10^lowDigits + low as text with the point k places from the right, for Number(). */
  const asText = (high: bigint, low: bigint, lowDigits: number, k: number) => {
    const digits = (high * 10n ** BigInt(lowDigits) + low).toString();
    return `${digits}e-${k}`;
  };

  it('is Number() of the same decimal, or NaN (left to Number()) and never another double', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 53n - 1n }),
        fc.integer({ min: 1, max: MAX_LOW_DIGITS }),
        fc.bigInt({ min: 0n, max: 10n ** 9n - 1n }),
        fc.integer({ min: 0, max: 22 }),
        (high, lowDigits, lowAny, k) => {
          const low = lowAny % 10n ** BigInt(lowDigits);
          fc.pre(high * 10n ** BigInt(lowDigits) + low >= 2n ** 53n);
          const value = roundedLongQuotient(Number(high), Number(low), lowDigits, k);
          if (!Number.isNaN(value)) expect(value).toBe(Number(asText(high, low, lowDigits, k)));
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('leaves an exact tie between two doubles to Number()', () => {
    // 2^53 + 1 = 9007199254740993 lies halfway between 2^53 and 2^53 + 2; so does 2^53 + 1
    // written with decimals (90071992547409930 / 10).
    expect(roundedLongQuotient(900719925474099, 3, 1, 0)).toBeNaN();
    expect(roundedLongQuotient(900719925474099, 30, 2, 1)).toBeNaN();
    // One more (or less) in the last digit is no tie.
    expect(roundedLongQuotient(900719925474099, 4, 1, 0)).toBe(9007199254740994);
    expect(roundedLongQuotient(900719925474099, 29, 2, 1)).toBe(9007199254740992);
  });
});

describe('parseDecimal near halfway between two doubles, and at the ends of the range', () => {
  it('agrees with Number() just below and just above the midpoint of a double and the next one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e20, noNaN: true }),
        fc.integer({ min: 17, max: 25 }),
        (x, significant) => {
          for (const text of textsAroundMidpoint(x, significant)) {
            expect(Object.is(parse(text), Number(text)), text).toBe(true);
          }
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('reads subnormals, the smallest and largest doubles, and 2^53 +- 1', () => {
    for (const text of [
      '4.9406564584124654e-324',
      '5e-324',
      '2.2250738585072009e-308',
      '2.2250738585072014e-308',
      '1.7976931348623157e308',
      '1.7976931348623159e308',
      '9007199254740991',
      '9007199254740992',
      '9007199254740993',
      '9007199254740993.0000000001',
      '0.000000123456789012345678',
    ]) {
      expect(Object.is(parse(text), Number(text)), text).toBe(true);
    }
  });
});

describe('readDecimal (a number where a cell starts)', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const out = new Float64Array(1);
  const read = (text: string, delimiter = 44, scaleExp = 0, decimalComma = false) => {
    const stop = readDecimal(bytes(text), 0, text.length, delimiter, out, 0, scaleExp, decimalComma);
    return { stop, value: out[0] };
  };

  it('stops after the number and the blanks that follow, at the delimiter', () => {
    expect(read('1.5,2')).toEqual({ stop: 3, value: 1.5 });
    expect(read(' -2.5e1 ;x', 59)).toEqual({ stop: 8, value: -25 });
    expect(read('1250,', 44, -3)).toEqual({ stop: 4, value: 1.25 });
    expect(read('0,25;', 59, 0, true)).toEqual({ stop: 4, value: 0.25 });
  });

  it('does not take a tab delimiter for a blank', () => {
    expect(read('7\t8', 9).stop).toBe(1);
    expect(read('7\t8', 44).stop).toBe(2);
  });

  it('reads an empty cell and NaN text as NaN', () => {
    expect(read(',1').stop).toBe(0);
    expect(read(',1').value).toBeNaN();
    expect(read('  ,1').stop).toBe(2);
    expect(read('NaN ,1').stop).toBe(4);
    expect(read('nAn').value).toBeNaN();
  });

  it('stops where the number ends when something else follows (the caller rejects the cell)', () => {
    expect(read('12abc').stop).toBe(2);
    expect(read('1 2').stop).toBe(2);
    expect(read('1.5.3').stop).toBe(3);
  });

  it('returns -1 where no number starts', () => {
    for (const text of ['abc', '-', '.', 'e5', '1e', '1e+,', '+nan', 'Infinity'])
      expect(read(text).stop, text).toBe(-1);
  });
});
