/**
 * Numbers as CSV text and back, exactly.
 *
 * Writing uses the shortest text that reads back to the same double (ECMAScript's
 * Number::toString, which is what `String(x)` does). Reading is correctly rounded, the same
 * double `Number()` gives, mostly without calling it (see `readDecimal`).
 *
 * Times are stored in seconds but written in milliseconds (`t_ms`). Multiplying and dividing
 * by 1000 in binary floating point does not always give back the same double, so the
 * milliseconds text is the seconds' shortest text with the decimal point moved three places
 * (`formatScaled`), and reading moves it back before rounding (`parseDecimal` with
 * `scaleExp = -3`): seconds survive a write and a read bit for bit.
 */

import { EXACT_POWERS_OF_TEN, MAX_LOW_DIGITS, roundedLongQuotient } from './long-mantissa';

/** A decimal number's syntax: sign, digits with an optional point, optional exponent. */
const DECIMAL_SYNTAX = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?$/;

/** Digits gathered in an int32 before they are folded into the double: 10^9 < 2^31. */
const CHUNK_DIGITS = MAX_LOW_DIGITS;
const CHUNK_SCALE = 1e9;

/** Largest `high` for which high * 10^9 + a chunk stays below 2^53, so exact. */
const MAX_HIGH_BEFORE_FOLD = Math.floor((Number.MAX_SAFE_INTEGER - (CHUNK_SCALE - 1)) / CHUNK_SCALE);

/** Largest integer below which every integer is an exact double (2^53 - 1). */
const MAX_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;

/** Largest power of ten for Clinger's fast path: 10^22 is the largest exact double. */
const MAX_EXACT_POWER = 22;

const CHAR_0 = 48;
const CHAR_9 = 57;
const CHAR_POINT = 46;
const CHAR_COMMA = 44;
const CHAR_MINUS = 45;
const CHAR_PLUS = 43;
const CHAR_LOWER_E = 101;
const CHAR_UPPER_E = 69;

/** Where `parseDecimal` has `parseDecimalInto` put its number. */
const parsed = new Float64Array(1);

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
 * @example parseDecimal('t,1250,x', 2, 6, -3) // 1.25
 */
export function parseDecimal(
  text: string,
  start: number,
  end: number,
  scaleExp = 0,
  decimalComma = false,
): number | null {
  return parseDecimalInto(text, start, end, parsed, 0, scaleExp, decimalComma) ? (parsed[0] as number) : null;
}

/**
 * `parseDecimal` that puts the number in `out[index]` and returns true, or returns false for
 * text that is not a number (`out[index]` may have been written then). For readers of many
 * cells: a number returned from a call is a heap allocation in V8 unless the call is inlined.
 */
export function parseDecimalInto(
  text: string,
  start: number,
  end: number,
  out: Float64Array,
  index: number,
  scaleExp = 0,
  decimalComma = false,
): boolean {
  const length = end - start;
  if (cellBytes.length < length) cellBytes = new Uint8Array(Math.max(length, 2 * cellBytes.length));
  for (let k = 0; k < length; k++) {
    const code = text.charCodeAt(start + k);
    cellBytes[k] = code < NOT_ASCII ? code : NOT_ASCII;
  }
  return readDecimal(cellBytes, 0, length, NO_DELIMITER, out, index, scaleExp, decimalComma) === length;
}

/**
 * The cell `parseDecimalInto` reads, as bytes: one per character, characters beyond ASCII as
 * NOT_ASCII, which no number holds (a cell with one is not a number anyway).
 */
let cellBytes = new Uint8Array(64);
const NOT_ASCII = 0x80;

/** `readDecimal`'s delimiter when the number fills a range of its own. */
export const NO_DELIMITER = -1;

const CHAR_TAB = 9;
const CHAR_SPACE = 32;

/**
 * Reads the number that starts at `bytes[start]` (ASCII text; spaces and tabs before it are
 * skipped), puts it times 10^scaleExp in `out[index]`, and returns where it stopped: after
 * the number and the spaces and tabs that follow it, at `limit` at the latest. The cell holds
 * that number when this is `limit` or a `delimiter` (a character code; a tab delimiter is not
 * skipped as a blank). Returns -1 when no number starts there. What is a number is as for
 * `parseDecimal`: an empty cell (only blanks up to `limit` or a delimiter) and `NaN` in any
 * case read as NaN.
 *
 * One pass over the bytes (reading a string's characters costs several times more), no
 * regular expression. Three ways to the double, all giving the one `Number()` gives:
 * - a mantissa below 2^53 (at most 15-16 significant digits: Chromium's readings) and at most
 *   22 decimals: Clinger's fast path, an exact integer divided or multiplied by an exact power
 *   of ten, one IEEE rounding (Clinger 1990, "How to read floating point numbers
 *   accurately", PLDI);
 * - a longer mantissa (17 digits and more: the shortest text of most doubles, as iOS readings
 *   are written) with at most 22 decimals: double-word division with a rounding check
 *   (long-mantissa.ts);
 * - anything else (more than about 25 digits, larger exponents), and the rare quotients too
 *   close to a halfway point between two doubles for that check: the engine's own `Number()`.
 */
export function readDecimal(
  bytes: Uint8Array,
  start: number,
  limit: number,
  delimiter: number,
  out: Float64Array,
  index: number,
  scaleExp: number,
  decimalComma: boolean,
): number {
  const tabIsBlank = delimiter !== CHAR_TAB;
  let i = start;
  while (i < limit && isBlank(bytes[i] as number, tabIsBlank)) i++;
  if (i === limit || (bytes[i] as number) === delimiter) {
    out[index] = NaN;
    return i;
  }
  const numberStart = i;
  const decimalPoint = decimalComma ? CHAR_COMMA : CHAR_POINT;
  let code = bytes[i] as number;
  const negative = code === CHAR_MINUS;
  if (negative || code === CHAR_PLUS) i++;
  // The mantissa's digits as high * 10^chunkDigits + chunk: the last digits (at most
  // CHUNK_DIGITS) in an int32, and those before them in a double, exact while below 2^53 (not
  // `exact` beyond). Folding nine digits at a time keeps the double's multiply-add, whose
  // latency is what limits this loop, out of the per-digit work.
  let high = 0;
  let chunk = 0;
  let chunkDigits = 0;
  let exact = true;
  const integerStart = i;
  for (; i < limit; i++) {
    code = bytes[i] as number;
    if (code < CHAR_0 || code > CHAR_9) break;
    if (chunkDigits === CHUNK_DIGITS) {
      if (high > MAX_HIGH_BEFORE_FOLD) exact = false;
      high = high * CHUNK_SCALE + chunk;
      chunk = 0;
      chunkDigits = 0;
    }
    chunk = chunk * 10 + (code - CHAR_0);
    chunkDigits++;
  }
  let digits = i - integerStart;
  let decimals = 0;
  if (i < limit && code === decimalPoint) {
    const fractionStart = ++i;
    for (; i < limit; i++) {
      code = bytes[i] as number;
      if (code < CHAR_0 || code > CHAR_9) break;
      if (chunkDigits === CHUNK_DIGITS) {
        if (high > MAX_HIGH_BEFORE_FOLD) exact = false;
        high = high * CHUNK_SCALE + chunk;
        chunk = 0;
        chunkDigits = 0;
      }
      chunk = chunk * 10 + (code - CHAR_0);
      chunkDigits++;
    }
    decimals = i - fractionStart;
    digits += decimals;
  }
  if (digits === 0) {
    if (!isNaNText(bytes, numberStart, limit)) return -1;
    out[index] = NaN;
    i = numberStart + NAN_TEXT.length;
  } else {
    const mantissaEnd = i;
    let exponent = 0;
    if (i < limit && (code === CHAR_LOWER_E || code === CHAR_UPPER_E)) {
      i++;
      code = bytes[i] as number;
      const negativeExponent = code === CHAR_MINUS;
      if (negativeExponent || code === CHAR_PLUS) i++;
      const exponentStart = i;
      for (; i < limit; i++) {
        code = bytes[i] as number;
        if (code < CHAR_0 || code > CHAR_9) break;
        exponent = Math.min(exponent * 10 + (code - CHAR_0), MAX_EXPONENT);
      }
      if (i === exponentStart) return -1;
      if (negativeExponent) exponent = -exponent;
    }
    // The value is the mantissa over 10^divisorExp; the mantissa is exact when below 2^53
    // (had it been 2^53 or more, its rounded value would be too).
    const divisorExp = decimals - exponent - scaleExp;
    const mantissa = high * (EXACT_POWERS_OF_TEN[chunkDigits] as number) + chunk;
    let value = NaN;
    if (exact && divisorExp >= -MAX_EXACT_POWER && divisorExp <= MAX_EXACT_POWER) {
      if (mantissa <= MAX_EXACT_INTEGER) {
        // Clinger's fast path: an exact integer and an exact power of ten, one rounding.
        value =
          divisorExp >= 0
            ? mantissa / (EXACT_POWERS_OF_TEN[divisorExp] as number)
            : mantissa * (EXACT_POWERS_OF_TEN[-divisorExp] as number);
      } else if (divisorExp >= 0) {
        value = roundedLongQuotient(high, chunk, chunkDigits, divisorExp); // NaN when too close to call
      }
    }
    if (value !== value) {
      // Everything else: the engine rounds correctly.
      let mantissaText = asciiDecoder.decode(bytes.subarray(numberStart, mantissaEnd));
      if (decimalComma) mantissaText = mantissaText.replace(',', '.');
      value = Number(`${mantissaText}e${exponent + scaleExp}`);
    } else if (negative) value = -value;
    out[index] = value;
  }
  while (i < limit && isBlank(bytes[i] as number, tabIsBlank)) i++;
  return i;
}

/**
 * Exponents are capped here while read: beyond it every cell of a sane length reads as 0 or
 * Infinity anyway, and the exponent stays a safe integer.
 */
const MAX_EXPONENT = 1e9;

function isBlank(code: number, tabIsBlank: boolean): boolean {
  return code === CHAR_SPACE || (code === CHAR_TAB && tabIsBlank);
}

/** The mantissa for `Number()`: sign, digits and a decimal point or comma, all ASCII. */
const asciiDecoder = new TextDecoder();

/** The missing-value text, read in any case. */
const NAN_TEXT = 'nan';

/** True when bytes[start, limit) starts with `nan` in any case. */
function isNaNText(bytes: Uint8Array, start: number, limit: number): boolean {
  if (limit - start < NAN_TEXT.length) return false;
  for (let k = 0; k < NAN_TEXT.length; k++) {
    // ASCII letters: setting bit 5 gives the lower case.
    if (((bytes[start + k] as number) | 0x20) !== NAN_TEXT.charCodeAt(k)) return false;
  }
  return true;
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
