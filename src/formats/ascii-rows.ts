/**
 * The rows of a CSV file given as its bytes, when every byte is ASCII (one character each):
 * what the command line reads, so that no string of the whole text (365 kB for 45 s of
 * full-precision samples) has to be made, its pages faulted in and then collected again.
 *
 * Only the plain case is read from bytes: no double quote anywhere (then every delimiter
 * separates cells and every line feed ends a row, as `visitCsvRows`' fast path has it) and
 * no CR other than one just before an LF. Anything else is read as text (`asciiText`), by
 * the same readers as any file. The rows, their line numbers and which are blank are those
 * `visitCsvRows` finds in the same text.
 */

const CHAR_TAB = 9;
const CHAR_LF = 10;
const CHAR_CR = 13;
const CHAR_SPACE = 32;
const CHAR_QUOTE = 34;

/** Receives each non-blank row as a range of the bytes (line end excluded), and its line. */
export interface AsciiRowVisitor {
  asciiRow(line: number, bytes: Uint8Array, start: number, end: number): void;
}

/**
 * Where every line feed is, when the bytes can be read as plain rows (no double quote, and
 * every CR just before an LF), else null. (That they are ASCII is the caller's to know: Node's
 * `buffer.isAscii`.) Found with the array's own `includes` and `indexOf`, native loops (memchr
 * for a Node Buffer): one search for quotes, then one pass over the line ends, whose places
 * `visitAsciiRows` takes instead of searching again.
 */
export function plainLineFeeds(bytes: Uint8Array): Int32Array | null {
  // Every search is given its start: Node's Buffer `indexOf` turns a missing one into NaN,
  // and its optimised code, made for numbers that are small integers, is thrown away (V8's
  // "not a Smi") on the next file, one of the second recording's slow starts.
  if (bytes.includes(CHAR_QUOTE, 0)) return null;
  // A phone recording's rows are 40-140 bytes long: room for most, grown when short.
  let feeds = new Int32Array(Math.max(64, bytes.length >> 5));
  let count = 0;
  let cr = bytes.indexOf(CHAR_CR, 0);
  for (let at = bytes.indexOf(CHAR_LF, 0); at >= 0; at = bytes.indexOf(CHAR_LF, at + 1)) {
    for (; cr >= 0 && cr < at; cr = bytes.indexOf(CHAR_CR, cr + 1)) if (cr !== at - 1) return null;
    if (count === feeds.length) {
      const more = new Int32Array(2 * count);
      more.set(feeds);
      feeds = more;
    }
    feeds[count++] = at;
  }
  return cr < 0 ? feeds.subarray(0, count) : null;
}

/**
 * Visits every non-blank row in order, as `visitCsvRows` does the same text: a row is blank
 * when it is only spaces and tabs (only spaces when tab is the delimiter). `lineFeeds` are
 * the bytes' line feeds, from `plainLineFeeds`.
 */
export function visitAsciiRows(
  bytes: Uint8Array,
  lineFeeds: Int32Array,
  visitor: AsciiRowVisitor,
  delimiterCode: number,
  firstLine = 1,
): void {
  visitAsciiLines(bytes, lineFeeds, 0, lineFeeds.length + 1, visitor, delimiterCode, firstLine);
}

/**
 * `visitAsciiRows` for the lines `from` to `to - 1` alone (0 is the first line; there are
 * `lineFeeds.length + 1`, the last one after the last line feed).
 */
export function visitAsciiLines(
  bytes: Uint8Array,
  lineFeeds: Int32Array,
  from: number,
  to: number,
  visitor: AsciiRowVisitor,
  delimiterCode: number,
  firstLine = 1,
): void {
  const tabIsBlank = delimiterCode !== CHAR_TAB;
  let lineStart = lineStartOf(lineFeeds, from);
  for (let index = from; index < to; index++) {
    const next = index < lineFeeds.length ? (lineFeeds[index] as number) : bytes.length;
    const lineEnd = withoutCarriageReturn(bytes, lineStart, next);
    if (!isBlankBytes(bytes, lineStart, lineEnd, tabIsBlank))
      visitor.asciiRow(firstLine + index, bytes, lineStart, lineEnd);
    lineStart = next + 1;
  }
}

/** Where line `index` starts (0 is the first line), given the bytes' line feeds. */
export function lineStartOf(lineFeeds: Int32Array, index: number): number {
  return index === 0 ? 0 : (lineFeeds[index - 1] as number) + 1;
}

/**
 * Where the `count`-th non-blank line ends (after its line feed), or -1 when the bytes hold
 * fewer whole lines: the start a format is decided on, as file-stream.ts' LeadingLinesScanner
 * finds it in a text (blank: only spaces and tabs). `lineFeeds` as for `visitAsciiRows`.
 */
export function leadingLinesEnd(bytes: Uint8Array, lineFeeds: Int32Array, count: number): number {
  let found = 0;
  let lineStart = 0;
  for (const feed of lineFeeds) {
    if (!isBlankBytes(bytes, lineStart, withoutCarriageReturn(bytes, lineStart, feed), true)) found++;
    if (found === count) return feed + 1;
    lineStart = feed + 1;
  }
  return -1;
}

/** The end of the line `bytes[start, end)` without the CR of a CRLF. */
function withoutCarriageReturn(bytes: Uint8Array, start: number, end: number): number {
  return end > start && bytes[end - 1] === CHAR_CR ? end - 1 : end;
}

/** True when `bytes[start, end)` is only spaces and tabs (only spaces without `tabIsBlank`), as csv-text's isBlankRange. */
function isBlankBytes(bytes: Uint8Array, start: number, end: number, tabIsBlank: boolean): boolean {
  for (let i = start; i < end; i++) {
    const code = bytes[i] as number;
    if (code !== CHAR_SPACE && !(code === CHAR_TAB && tabIsBlank)) return false;
  }
  return true;
}

/** Characters per `String.fromCharCode` call: well under any engine's limit on arguments. */
const TEXT_CHUNK = 8192;

/** `bytes[start, end)` as text, one character per byte (for ASCII, the text those bytes encode). */
export function asciiText(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (end - start <= TEXT_CHUNK) return String.fromCharCode.apply(null, bytes.subarray(start, end) as never);
  const parts: string[] = [];
  for (let at = start; at < end; at += TEXT_CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(at, Math.min(end, at + TEXT_CHUNK)) as never));
  }
  return parts.join('');
}
