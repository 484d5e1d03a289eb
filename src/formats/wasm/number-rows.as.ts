/**
 * The number rows of a samples file, read in WebAssembly: AssemblyScript, compiled by
 * scripts/build-wasm.mjs into number-rows-binary.ts, which number-rows.ts runs. The command
 * line reads ASCII files from their bytes (ascii-rows.ts); most of its time on a folder of
 * recordings went to reading their numbers, and on a few dozen files most of that to V8's
 * warm-up (its interpreter and then its optimising compiler, again for every thread). This
 * module is compiled before it runs: with it, reading a first 45 s recording takes about
 * 4 ms and a later one 0.8 ms (0.4 ms of it here), where the JavaScript reader took about 14
 * and 1.2 ms.
 *
 * It takes a row only when table-builder.ts would take it with exactly these values, and
 * stops at the first row of any other kind (a blank line, an empty cell, `NaN`, a value
 * beyond its limit, time going backwards, more or fewer cells, a number readDecimal gives to
 * the engine's `Number()`), which the JavaScript reader then reads, with its messages. What
 * is a number and its double are readDecimal's (decimal.ts) and roundedLongQuotient's
 * (long-mantissa.ts), the same steps in the same IEEE-754 double arithmetic, so the same
 * bits; tests/unit/formats/number-rows.test.ts compares the two readers.
 *
 * Memory is laid out by number-rows.ts (offsets in bytes, all from `layout`): the powers of
 * ten, the per-cell column map, the per-column scales and limits, the output columns, the
 * state and the input bytes. Nothing here allocates.
 */

// The layout's fields (i32 each, from `layout`), written by number-rows.ts.
const POWERS = 0; // f64[23]: 10^0 .. 10^22, exact
const CELL_COLUMN = 4; // i32 per cell: the column it fills, or -1
const COLUMN_SCALE = 8; // i32 per column: its scale exponent (-3: milliseconds to seconds)
const COLUMN_MAX_ABS = 12; // f64 per column: its largest magnitude (Infinity: none)
const OUTPUT = 16; // f64 per column and row: [column * stride + row]
const STATE = 20; // f64[3]: last time, first time (NaN before), longest time span (Infinity: none)

const CHAR_TAB: u32 = 9;
const CHAR_LF: u32 = 10;
const CHAR_CR: u32 = 13;
const CHAR_SPACE: u32 = 32;
const CHAR_PLUS: u32 = 43;
const CHAR_MINUS: u32 = 45;
const CHAR_POINT: u32 = 46;
const CHAR_0: u32 = 48;
const CHAR_LOWER_E: u32 = 101;
const CHAR_UPPER_E: u32 = 69;

/** decimal.ts: digits gathered in an int32 before they are folded into the double. */
const CHUNK_DIGITS: i32 = 9;
const CHUNK_SCALE: f64 = 1e9;
const MAX_EXACT_INTEGER: f64 = 9007199254740991; // 2^53 - 1
const MAX_HIGH_BEFORE_FOLD: f64 = Math.floor((MAX_EXACT_INTEGER - (CHUNK_SCALE - 1)) / CHUNK_SCALE);
const MAX_EXACT_POWER: i32 = 22;
const MAX_EXPONENT: i32 = 1000000000;
/** long-mantissa.ts: Veltkamp's splitting constant and the quotient's margin. */
const SPLITTER: f64 = 134217729; // 2^27 + 1
const QUOTIENT_MARGIN: f64 = 7.888609052210118e-31; // 2^-100

let layout: usize = 0;

@inline
function field(offset: i32): usize {
  return <usize>load<i32>(layout + offset);
}

@inline
function power(k: i32): f64 {
  return load<f64>(field(POWERS) + (<usize>k << 3));
}

/** long-mantissa.ts `splitHigh`. */
@inline
function splitHigh(x: f64): f64 {
  const scaled = SPLITTER * x;
  return scaled - (scaled - x);
}

/** long-mantissa.ts `productError`: x * 10^j - product, exactly. */
@inline
function productError(x: f64, j: i32, product: f64): f64 {
  const xHigh = splitHigh(x);
  const xLow = x - xHigh;
  const p = power(j);
  const pHigh = splitHigh(p);
  const pLow = p - pHigh;
  return xHigh * pHigh - product + xHigh * pLow + xLow * pHigh + xLow * pLow;
}

/** long-mantissa.ts `roundedLongQuotient`, step for step. */
function roundedLongQuotient(high: f64, low: f64, lowDigits: i32, k: i32): f64 {
  const product = high * power(lowDigits);
  const productLow = productError(high, lowDigits, product);
  const sum = product + low;
  const errors = low - (sum - product) + productLow;
  const s = sum + errors;
  const sLow = errors - (s - sum);
  const divisor = power(k);
  const tHigh = s / divisor;
  const pi = tHigh * divisor;
  const piLow = productError(tHigh, k, pi);
  const deltaHigh = s - pi;
  const delta = deltaHigh - piLow + sLow;
  const tLow = delta / divisor;
  const zHigh = tHigh + tLow;
  const zLow = tLow - (zHigh - tHigh);
  const margin = zHigh * QUOTIENT_MARGIN;
  return zHigh + (zLow - margin) == zHigh + (zLow + margin) ? zHigh : NaN;
}

/** Sets where the layout's fields are (number-rows.ts writes them there). */
export function setLayout(at: usize): void {
  layout = at;
}

/** Where `readNumber` stopped: after the number and the blanks after it. */
let numberEnd: usize = 0;

/**
 * The byte at `at`; at the end, the line feed number-rows.ts puts after the bytes (a last
 * line without one ends there), which no loop here reads past.
 */
@inline
function peek(at: usize): u32 {
  return <u32>load<u8>(at);
}

@inline
function isBlank(code: u32, tabIsBlank: bool): bool {
  return code == CHAR_SPACE || (code == CHAR_TAB && tabIsBlank);
}

@inline
function isDigit(code: u32): bool {
  return code - CHAR_0 < 10;
}

/** True at a row's end: LF, CR LF, or the end of the bytes. */
@inline
function isRowEnd(at: usize): bool {
  const code = peek(at);
  return code == CHAR_LF || (code == CHAR_CR && <u32>load<u8>(at + 1) == CHAR_LF);
}

/**
 * readDecimal's number at `at` (after blanks), times 10^scaleExp, or NaN when this reader
 * does not take it (no number, NaN text, or a number readDecimal gives to Number()). Sets
 * `numberEnd` after the number and the blanks after it.
 */
@inline
function readNumber(start: usize, scaleExp: i32, tabIsBlank: bool): f64 {
  let at = start;
  let code = peek(at);
  while (isBlank(code, tabIsBlank)) code = peek(++at);
  const negative = code == CHAR_MINUS;
  if (negative || code == CHAR_PLUS) code = peek(++at);
  let high: f64 = 0;
  let chunk: i32 = 0;
  let chunkDigits: i32 = 0;
  let exact = true;
  let digits: i32 = 0;
  while (isDigit(code)) {
    if (chunkDigits == CHUNK_DIGITS) {
      if (high > MAX_HIGH_BEFORE_FOLD) exact = false;
      high = high * CHUNK_SCALE + <f64>chunk;
      chunk = 0;
      chunkDigits = 0;
    }
    chunk = chunk * 10 + <i32>(code - CHAR_0);
    chunkDigits++;
    digits++;
    code = peek(++at);
  }
  let decimals: i32 = 0;
  if (code == CHAR_POINT) {
    code = peek(++at);
    while (isDigit(code)) {
      if (chunkDigits == CHUNK_DIGITS) {
        if (high > MAX_HIGH_BEFORE_FOLD) exact = false;
        high = high * CHUNK_SCALE + <f64>chunk;
        chunk = 0;
        chunkDigits = 0;
      }
      chunk = chunk * 10 + <i32>(code - CHAR_0);
      chunkDigits++;
      decimals++;
      code = peek(++at);
    }
    digits += decimals;
  }
  if (digits == 0) return NaN; // no number, or the NaN text: the JavaScript reader's
  let exponent: i32 = 0;
  if (code == CHAR_LOWER_E || code == CHAR_UPPER_E) {
    code = peek(++at);
    const negativeExponent = code == CHAR_MINUS;
    if (negativeExponent || code == CHAR_PLUS) code = peek(++at);
    if (!isDigit(code)) return NaN; // `1e`: not a number
    while (isDigit(code)) {
      // readDecimal's Math.min(exponent * 10 + digit, MAX_EXPONENT), without overflow.
      exponent =
        exponent >= MAX_EXPONENT / 10 ? MAX_EXPONENT : min(exponent * 10 + <i32>(code - CHAR_0), MAX_EXPONENT);
      code = peek(++at);
    }
    if (negativeExponent) exponent = -exponent;
  }
  const divisorExp = decimals - exponent - scaleExp;
  const mantissa = high * power(chunkDigits) + <f64>chunk;
  let value: f64 = NaN;
  if (exact && divisorExp >= -MAX_EXACT_POWER && divisorExp <= MAX_EXACT_POWER) {
    if (mantissa <= MAX_EXACT_INTEGER) {
      value = divisorExp >= 0 ? mantissa / power(divisorExp) : mantissa * power(-divisorExp);
    } else if (divisorExp >= 0) {
      value = roundedLongQuotient(high, <f64>chunk, chunkDigits, divisorExp);
    }
  }
  if (value != value) return NaN;
  while (isBlank(code, tabIsBlank)) code = peek(++at);
  numberEnd = at;
  return negative ? -value : value;
}

/**
 * Reads rows from `from` (the start of a line) up to `to`, at most `maxRows`, each of
 * exactly `cells` cells separated by `delimiter`, into the output columns (`stride` rows
 * apart: column c's value of row r at c * stride + r); stops before the
 * first row it does not take. Returns the rows taken; the state holds the last time and the
 * first time after them.
 */
export function readRows(
  from: usize,
  to: usize,
  maxRows: i32,
  stride: i32,
  cells: i32,
  delimiter: u32,
  timeColumn: i32,
): i32 {
  let at = from;
  const tabIsBlank = delimiter != CHAR_TAB;
  const cellColumn = field(CELL_COLUMN);
  const columnScale = field(COLUMN_SCALE);
  const columnMaxAbs = field(COLUMN_MAX_ABS);
  const output = field(OUTPUT);
  const state = field(STATE);
  let lastTime = load<f64>(state);
  let firstTime = load<f64>(state, 8);
  const maxTimeSpan = load<f64>(state, 16);
  let rows: i32 = 0;
  while (rows < maxRows && at < to) {
    const rowStart = at;
    let taken = true;
    let time: f64 = NaN;
    for (let cell: i32 = 0; cell < cells; cell++) {
      const column = load<i32>(cellColumn + (<usize>cell << 2));
      if (column < 0) {
        // A cell no column wants: to the next delimiter or the row's end.
        while (peek(at) != delimiter && !isRowEnd(at)) at++;
      } else {
        const value = readNumber(at, load<i32>(columnScale + (<usize>column << 2)), tabIsBlank);
        if (value != value || abs(value) > load<f64>(columnMaxAbs + (<usize>column << 3))) {
          taken = false;
          break;
        }
        at = numberEnd;
        store<f64>(output + ((<usize>column * <usize>stride + <usize>rows) << 3), value);
        if (column == timeColumn) time = value;
      }
      if (cell < cells - 1) {
        if (peek(at) != delimiter) {
          taken = false;
          break;
        }
        at++;
      } else if (!isRowEnd(at)) {
        taken = false;
        break;
      }
    }
    // table-builder.ts checkTimeGoesForward and checkTimeSpan: the time (a finite number read
    // above; NaN only if never read) not before the last, nor too long after the first.
    const first = firstTime != firstTime ? time : firstTime;
    if (!taken || !(time >= lastTime) || time - first > maxTimeSpan) {
      at = rowStart;
      break;
    }
    lastTime = time;
    firstTime = first;
    if (peek(at) == CHAR_CR) at++;
    at++; // the line feed (or past the end)
    rows++;
  }
  store<f64>(state, lastTime);
  store<f64>(state, firstTime, 8);
  return rows;
}
