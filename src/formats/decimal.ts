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

/** A decimal number's syntax: sign, digits with an optional point, optional exponent. */
const DECIMAL_SYNTAX = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?$/;

const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_POINT = 46;
const CHAR_COMMA = 44;
const CHAR_MINUS = 45;
const CHAR_PLUS = 43;
const CHAR_LOWER_E = 101;
const CHAR_UPPER_E = 69;

/**
 * Reads the number in `text[start, end)` times 10^scaleExp, correctly rounded.
 *
 * Accepted: `[+-]digits[.digits][e[+-]digits]` (also `.5` and `5.`), with spaces or tabs
 * around it. An empty (or blank) cell and the text `NaN` in any case are a missing value:
 * NaN. Returns null for anything else (`abc`, `0x10`, `Infinity`, `1,5`), so the caller can
 * say which cell is wrong. Too large a value reads as +-Infinity, as `Number()` does.
 * With `decimalComma` the decimal separator is `,` instead of `.` (`1,5` reads 1.5 and
 * `1.5` is not a number): the "decimal comma" exports of phyphox and European spreadsheets.
 *
 * Reads character codes, with no regular expression: V8 keeps the subject of the last match
 * alive, and a cell is a slice that keeps the whole file's text alive.
 *
 * @example parseDecimal('t,1250,x', 2, 6, -3) // 1.25
 */
export function parseDecimal(
  text: string,
  start: number,
  end: number,
  scaleExp = 0,
  decimalComma = false,
): number | null {
  const decimalPoint = decimalComma ? CHAR_COMMA : CHAR_POINT;
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  if (start === end) return NaN;
  let i = start;
  let code = text.charCodeAt(i);
  const negative = code === CHAR_MINUS;
  if (negative || code === CHAR_PLUS) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  for (; i < end; i++) {
    code = text.charCodeAt(i);
    if (code < CHAR_0 || code > CHAR_9) break;
    mantissa = mantissa * 10 + (code - CHAR_0);
    digits++;
  }
  if (i < end && code === decimalPoint) {
    for (i++; i < end; i++) {
      code = text.charCodeAt(i);
      if (code < CHAR_0 || code > CHAR_9) break;
      mantissa = mantissa * 10 + (code - CHAR_0);
      digits++;
      decimals++;
    }
  }
  if (digits === 0) return isNaNText(text, start, end) ? NaN : null;
  const mantissaEnd = i;
  let exponent = 0;
  if (i < end && (code === CHAR_LOWER_E || code === CHAR_UPPER_E)) {
    i++;
    code = text.charCodeAt(i);
    const negativeExponent = code === CHAR_MINUS;
    if (negativeExponent || code === CHAR_PLUS) i++;
    const exponentStart = i;
    for (; i < end; i++) {
      code = text.charCodeAt(i);
      if (code < CHAR_0 || code > CHAR_9) break;
      exponent = Math.min(exponent * 10 + (code - CHAR_0), MAX_EXPONENT);
    }
    if (i === exponentStart) return null;
    if (negativeExponent) exponent = -exponent;
  }
  if (i !== end) return null;
  const divisorExp = decimals - exponent - scaleExp;
  // Clinger's fast path: an exact integer over an exact power of ten, one rounding.
  if (mantissa <= MAX_EXACT_INTEGER && divisorExp >= 0 && divisorExp <= 22) {
    const value = mantissa / (EXACT_POWERS_OF_TEN[divisorExp] as number);
    return negative ? -value : value;
  }
  // Everything else (17-digit doubles, large exponents): the engine rounds correctly.
  let mantissaText = text.slice(start, mantissaEnd);
  if (decimalComma) mantissaText = mantissaText.replace(',', '.');
  return Number(`${mantissaText}e${exponent + scaleExp}`);
}

/**
 * Exponents are capped here while read: beyond it every cell of a sane length reads as 0 or
 * Infinity anyway, and the exponent stays a safe integer.
 */
const MAX_EXPONENT = 1e9;

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** True when text[start, end) is `nan` in any case. */
function isNaNText(text: string, start: number, end: number): boolean {
  return end - start === 3 && text.slice(start, end).toLowerCase() === 'nan';
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
