/**
 * Numbers as CSV text and back, exactly.
 *
 * Writing uses the shortest text that reads back to the same double (ECMAScript's
 * Number::toString, which is what `String(x)` does). Reading is correctly rounded: the
 * common case (at most 15-16 significant digits, at most 22 decimals) is Clinger's fast
 * path, an exact integer divided by an exact power of ten, one IEEE rounding
 * (Clinger WD 1990, "How to read floating point numbers accurately", PLDI); everything else
 * goes to the engine's own correctly rounded `Number()`.
 *
 * Times are stored in seconds but written in milliseconds (`t_ms`). Multiplying and dividing
 * by 1000 in binary floating point does not always give back the same double, so the
 * milliseconds text is the seconds' shortest text with the decimal point moved three places
 * (`formatScaled`), and reading moves it back before rounding (`parseDecimal` with
 * `scaleExp = -3`): seconds survive a write and a read bit for bit.
 */

/** Exact powers of ten as doubles: 10^22 is the largest that is exact (5^22 < 2^53). */
const EXACT_POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
] as const;

/** Largest integer below which every integer is an exact double (2^53 - 1). */
const MAX_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;

/** A decimal number as CSV cells hold it: sign, digits with an optional point, optional exponent. */
const DECIMAL_SYNTAX = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?$/;

const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_POINT = 46;
const CHAR_MINUS = 45;
const CHAR_PLUS = 43;

/**
 * Reads the number in `text[start, end)` times 10^scaleExp, correctly rounded.
 *
 * Accepted: `[+-]digits[.digits][e[+-]digits]` (also `.5` and `5.`), with spaces or tabs
 * around it. An empty (or blank) cell and the text `NaN` in any case are a missing value:
 * NaN. Returns null for anything else (`abc`, `0x10`, `Infinity`, `1,5`), so the caller can
 * say which cell is wrong. Too large a value reads as +-Infinity, as `Number()` does.
 *
 * @example parseDecimal('t,1250,x', 2, 6, -3) // 1.25
 */
export function parseDecimal(text: string, start: number, end: number, scaleExp = 0): number | null {
  let i = start;
  let negative = false;
  let code = text.charCodeAt(i);
  if (code === CHAR_MINUS) {
    negative = true;
    i++;
  } else if (code === CHAR_PLUS) {
    i++;
  }
  let mantissa = 0;
  let decimals = 0;
  let digits = 0;
  for (; i < end; i++) {
    code = text.charCodeAt(i);
    if (code < CHAR_0 || code > CHAR_9) break;
    mantissa = mantissa * 10 + (code - CHAR_0);
    digits++;
  }
  if (i < end && code === CHAR_POINT) {
    for (i++; i < end; i++) {
      code = text.charCodeAt(i);
      if (code < CHAR_0 || code > CHAR_9) break;
      mantissa = mantissa * 10 + (code - CHAR_0);
      digits++;
      decimals++;
    }
  }
  if (i === end && digits > 0) {
    const divisorExp = decimals - scaleExp;
    if (mantissa <= MAX_EXACT_INTEGER && divisorExp >= 0 && divisorExp <= 22) {
      const value = mantissa / (EXACT_POWERS_OF_TEN[divisorExp] as number);
      return negative ? -value : value;
    }
    // Plain decimal syntax, too many digits for the fast path (17-digit doubles): the engine rounds.
    const cell = text.slice(start, end);
    return Number(scaleExp === 0 ? cell : `${cell}e${scaleExp}`);
  }
  return parseDecimalSlow(text.slice(start, end), scaleExp);
}

/** The general case of parseDecimal: syntax check, then the engine's correctly rounded reader. */
function parseDecimalSlow(cell: string, scaleExp: number): number | null {
  const trimmed = cell.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'nan') return NaN;
  const match = DECIMAL_SYNTAX.exec(trimmed);
  if (match === null) return null;
  if (scaleExp === 0) return Number(trimmed);
  const exponent = (match[2] === undefined ? 0 : Number(match[2])) + scaleExp;
  return Number(`${match[1]}e${exponent}`);
}

/**
 * The shortest text that reads back to the same double; `-0` keeps its sign; NaN and
 * +-Infinity are written as an empty cell (a missing value).
 */
export function formatShortest(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

/**
 * `value` times 10^scaleExp as text, made by moving the decimal point of `value`'s shortest
 * text, so that `parseDecimal(text, 0, text.length, -scaleExp)` gives `value` back exactly.
 * Plain notation for magnitudes in [1e-6, 1e21), like `String`, exponent notation outside.
 * NaN and +-Infinity give an empty cell.
 *
 * @example formatScaled(1.25, 3) // '1250'
 */
export function formatScaled(value: number, scaleExp: number): string {
  const shortest = formatShortest(value);
  if (shortest === '' || shortest === '0' || shortest === '-0') return shortest;
  const match = DECIMAL_SYNTAX.exec(shortest);
  if (match === null || match[1] === undefined) return shortest;
  let mantissa = match[1];
  const sign = mantissa.startsWith('-') ? '-' : '';
  if (sign) mantissa = mantissa.slice(1);
  const point = mantissa.indexOf('.');
  let digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  // value = 0.digits * 10^pointPos
  let pointPos = (point < 0 ? mantissa.length : point) + Number(match[2] ?? '0') + scaleExp;
  const leadingZeros = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(leadingZeros).replace(/0+$/, '');
  pointPos -= leadingZeros;
  return sign + placeDecimalPoint(digits, pointPos);
}

/** Writes 0.digits * 10^pointPos in the notation `String` would choose for that magnitude. */
function placeDecimalPoint(digits: string, pointPos: number): string {
  if (pointPos >= digits.length && pointPos <= 21) return digits + '0'.repeat(pointPos - digits.length);
  if (pointPos > 0 && pointPos < digits.length)
    return `${digits.slice(0, pointPos)}.${digits.slice(pointPos)}`;
  if (pointPos <= 0 && pointPos > -6) return `0.${'0'.repeat(-pointPos)}${digits}`;
  const exponent = pointPos - 1;
  const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
  return `${digits.slice(0, 1)}${fraction}e${exponent >= 0 ? '+' : ''}${exponent}`;
}
