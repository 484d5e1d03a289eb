/**
 * RFC 4180 text split into rows of cells, with the physical line number of each row.
 *
 * Two paths that give the same rows: text without any double quote (what Stork and most
 * loggers write) is cut with `indexOf`, and cells are handed over as `[start, end)` ranges
 * of the text, without copying; text with quotes goes through papaparse, which knows
 * RFC 4180's quoting. Line endings may be CRLF, LF or CR, mixed; a byte order mark is
 * skipped; blank lines are skipped but counted.
 */
import Papa from 'papaparse';
import { FormatError } from './format-error';

/** U+FEFF, which some writers (Excel's "CSV UTF-8") put before the first character. */
export const BYTE_ORDER_MARK = '\uFEFF';

/** Receives each non-blank row: its cells as ranges of `source`, and the row's first line. */
export interface RowVisitor {
  /** Called once per row before its cells; `line` is 1-based. */
  beginRow(line: number): void;
  /** Cell number `column` (0-based) is `source.slice(start, end)`. */
  cell(column: number, source: string, start: number, end: number): void;
  /** Called after the row's last cell with the number of cells; return 'stop' to read no further. */
  endRow(cellCount: number): void | 'stop';
  /**
   * Optional, for text without quotes: takes the whole row `source[start, end)` (line break
   * excluded) instead of beginRow, cell and endRow, splitting it at every delimiter itself,
   * as those calls would have it. Lets a reader of numbers scan each character once.
   */
  plainRow?(line: number, source: string, start: number, end: number): void | 'stop';
}

/** The text with a leading byte order mark removed. */
export function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/** True when the text holds nothing but white space (a BOM counts as nothing). */
export function isBlankText(text: string): boolean {
  return stripByteOrderMark(text).trim() === '';
}

/**
 * Where the line that starts at `start` ends: the index of the first CR or LF from `start`, or
 * the text's length. One pass over the line only: `indexOf('\r', start)` would search the rest
 * of the text for every line of a file without CRs, quadratic in the number of lines (1.6
 * million blank lines before a header took minutes).
 */
export function lineEndAt(text: string, start: number): number {
  const length = text.length;
  for (let i = start; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return length;
}

/** The cell separators Stork reads: `,` (RFC 4180), and `;` and tab (phyphox and spreadsheet exports). */
export type CsvDelimiter = ',' | ';' | '\t';

/** How to split the text. */
export interface VisitOptions {
  /** @default ',' */
  delimiter?: CsvDelimiter;
  /** Line number of the text's first line, for a part of a longer text. @default 1 */
  firstLine?: number;
}

/**
 * Visits every non-blank row of `text` (BOM already stripped) in order. A row is blank when
 * it is one cell of nothing but spaces and tabs (a row of empty cells, `,,,`, is not blank).
 * Quoted cells with line breaks make a row span several lines; the line numbers of the rows
 * after it stay right.
 */
export function visitCsvRows(text: string, visitor: RowVisitor, options: VisitOptions = {}): void {
  const delimiter = options.delimiter ?? ',';
  const firstLine = options.firstLine ?? 1;
  if (text.includes('"')) visitQuotedRows(text, visitor, delimiter, firstLine);
  else visitPlainRows(text, visitor, delimiter, firstLine);
}

/** True when the text has a CR that is not part of CRLF (old Mac files, or a mix). */
function hasLoneCarriageReturn(text: string): boolean {
  // indexOf jumps from CR to CR; a regex like /\r(?!\n)/ is several times slower on large files.
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 10) return true;
  }
  return false;
}

/** The fast path: no quotes, so every comma separates cells and every line break ends a row. */
function visitPlainRows(
  input: string,
  visitor: RowVisitor,
  delimiter: CsvDelimiter,
  firstLine: number,
): void {
  const text = hasLoneCarriageReturn(input) ? input.replace(/\r\n?/g, '\n') : input;
  const length = text.length;
  let line = firstLine - 1;
  let lineStart = 0;
  while (lineStart <= length) {
    line++;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = length;
    const next = lineEnd + 1;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    if (!isBlankRange(text, lineStart, lineEnd, delimiter)) {
      const result =
        visitor.plainRow !== undefined
          ? visitor.plainRow(line, text, lineStart, lineEnd)
          : visitCells(visitor, line, text, lineStart, lineEnd, delimiter);
      if (result === 'stop') return;
    }
    lineStart = next;
  }
}

/** One row without quotes, `text[start, end)`, to the visitor cell by cell. */
function visitCells(
  visitor: RowVisitor,
  line: number,
  text: string,
  start: number,
  end: number,
  delimiter: CsvDelimiter,
): void | 'stop' {
  visitor.beginRow(line);
  let cellStart = start;
  let column = 0;
  for (;;) {
    const cellEnd = endOfCell(text, cellStart, end, delimiter);
    visitor.cell(column, text, cellStart, cellEnd);
    column++;
    if (cellEnd === end) break;
    cellStart = cellEnd + 1;
  }
  return visitor.endRow(column);
}

/** Where the cell that starts at `start` ends, in a row without quotes that ends at `rowEnd`. */
export function endOfCell(text: string, start: number, rowEnd: number, delimiter: CsvDelimiter): number {
  const at = text.indexOf(delimiter, start);
  return at < 0 || at > rowEnd ? rowEnd : at;
}

/**
 * True when text[start, end) is empty or only spaces and tabs (only spaces when tab is the
 * delimiter: there a line of tabs is a row of empty cells, as `,,,` is with commas).
 */
export function isBlankRange(
  text: string,
  start: number,
  end: number,
  delimiter: CsvDelimiter = ',',
): boolean {
  const tabIsBlank = delimiter !== '\t';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && !(code === 9 && tabIsBlank)) return false;
  }
  return true;
}

const CHAR_QUOTE = 34;
const CHAR_LF = 10;
const CHAR_CR = 13;

/**
 * Finds the line breaks that end rows: those outside quoted cells, as papaparse reads RFC 4180
 * (a cell is quoted when its first character is a double quote; inside, `""` is a quote and a
 * lone `"` ends it; a quote later in an unquoted cell is just a character). Works on a text
 * given in parts: its state carries over from one `scan` to the next.
 */
export class RowBreakScanner {
  private readonly delimiter: number;
  private inQuotedCell = false;
  private atCellStart = true;

  constructor(delimiter: CsvDelimiter) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Scans `text` from `from`, calling `onBreak(start, end)` for each row break (`end - start`
   * is 2 for CRLF, else 1). Returns where it stopped: `text.length`, or earlier at a character
   * that needs the next one to be told apart (a CR that may be followed by LF, a quote in a
   * quoted cell that may be followed by another) when `more` says more text will follow.
   */
  scan(text: string, from: number, more: boolean, onBreak: (start: number, end: number) => void): number {
    const length = text.length;
    for (let i = from; i < length; i++) {
      const code = text.charCodeAt(i);
      if (this.inQuotedCell) {
        if (code !== CHAR_QUOTE) continue;
        if (i + 1 === length && more) return i;
        if (text.charCodeAt(i + 1) === CHAR_QUOTE) i++;
        else this.inQuotedCell = false;
        continue;
      }
      if (code === CHAR_QUOTE && this.atCellStart) {
        this.inQuotedCell = true;
        this.atCellStart = false;
      } else if (code === this.delimiter) {
        this.atCellStart = true;
      } else if (code === CHAR_LF) {
        onBreak(i, i + 1);
        this.atCellStart = true;
      } else if (code === CHAR_CR) {
        if (i + 1 === length && more) return i;
        const crlf = text.charCodeAt(i + 1) === CHAR_LF;
        onBreak(i, crlf ? i + 2 : i + 1);
        if (crlf) i++;
        this.atCellStart = true;
      } else {
        this.atCellStart = false;
      }
    }
    return length;
  }
}

/** The text with every row break (RowBreakScanner) made LF; line breaks inside quoted cells kept as they are. */
function rowBreaksAsLineFeeds(text: string, delimiter: CsvDelimiter): string {
  const parts: string[] = [];
  let copied = 0;
  new RowBreakScanner(delimiter).scan(text, 0, false, (start, end) => {
    if (end - start === 1 && text.charCodeAt(start) === CHAR_LF) return;
    parts.push(text.slice(copied, start), '\n');
    copied = end;
  });
  parts.push(text.slice(copied));
  return parts.join('');
}

/** The RFC 4180 path: papaparse, one row at a time, on text whose row breaks are all LF. */
function visitQuotedRows(
  input: string,
  visitor: RowVisitor,
  delimiter: CsvDelimiter,
  firstLine: number,
): void {
  const text = input.includes('\r') ? rowBreaksAsLineFeeds(input, delimiter) : input;
  let nextLine = firstLine;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      const cells = result.data;
      const line = nextLine;
      nextLine += 1 + countLineBreaks(cells);
      const quoteError = result.errors.find((error) => error.type === 'Quotes');
      if (quoteError !== undefined) {
        throw new FormatError(line, quoteError.code === 'MissingQuotes' ? 'quote not closed' : 'stray quote');
      }
      if (cells.length === 1 && isBlankRange(cells[0] as string, 0, (cells[0] as string).length)) return;
      visitor.beginRow(line);
      for (let column = 0; column < cells.length; column++) {
        const cell = cells[column] as string;
        visitor.cell(column, cell, 0, cell.length);
      }
      if (visitor.endRow(cells.length) === 'stop') parser.abort();
    },
  });
}

/** Line breaks inside a row's quoted cells (each CRLF, LF or CR counts once). */
function countLineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.includes('\n') || cell.includes('\r')) count += cell.match(/\r\n?|\n/g)?.length ?? 0;
  }
  return count;
}
