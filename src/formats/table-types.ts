/**
 * What a table reader is asked for and what it gives (csv-table.ts reads it, table-builder.ts
 * collects the rows): the dialect, the header, the numeric columns with their limits, the
 * request, the trials' tables and the rows left out.
 */
import type { CsvDelimiter } from './csv-text';
import type { ValueLimit } from './value-limits';

/** How cells are separated and how numbers are written. */
export interface CsvDialect {
  delimiter: CsvDelimiter;
  /** True when numbers use a decimal comma (`1,5`), only possible with `;` or tab delimiters. */
  decimalComma: boolean;
}

/** RFC 4180: commas between cells, a point in numbers. */
export const RFC_4180_DIALECT: CsvDialect = { delimiter: ',', decimalComma: false };

/** A row left out of a table read with `badRows: 'skip'`, and why (the FormatError's reason). */
export interface SkippedRow {
  line: number;
  reason: string;
}

/** The header row: cell texts trimmed and in lower case, and the line it is on. */
export interface CsvHeader {
  names: string[];
  line: number;
}

/** A numeric column to read: where it is and how to scale it. */
export interface NumericColumn {
  /** Name for messages, as in `line 17: ax is not a number ("abc")`. */
  name: string;
  /** Cell index in each row (from `columnIndexes`). */
  cell: number;
  /** Each value is multiplied by 10^scaleExp while it is read, exactly: -3 reads ms as s. */
  scaleExp: number;
  /**
   * Reads the cell `source[start, end)` instead of `parseDecimal` (timestamps, epoch
   * nanoseconds): a number, NaN for a missing value, or null when the cell is not valid.
   * Called once per row, in row order.
   */
  parse?: (source: string, start: number, end: number) => number | null;
  /** What the cell should be, for the message when `parse` refuses it. @default 'a number' */
  expected?: string;
  /** The largest magnitude a value may have (value-limits.ts); beyond it the row is bad. */
  limit?: ValueLimit;
}

/** What to read from the rows after the header. */
export interface TableRequest {
  header: CsvHeader;
  columns: NumericColumn[];
  /** Index into `columns` of the time column, which must not go backwards within a trial. */
  timeColumn: number;
  /** Cell index of the trial id column, or null when the file is one trial. */
  trialCell: number | null;
  /** @default RFC_4180_DIALECT */
  dialect?: CsvDialect;
  /**
   * 'throw' (the default): the first bad row is a FormatError. 'skip': bad rows (wrong cell
   * count, a cell that is not a number, time going backwards) are left out and listed, unless
   * more than MAX_SKIPPED_SHARE of the rows are bad: then the first one is thrown.
   */
  badRows?: 'throw' | 'skip';
  /** True when a header without rows is a valid (empty) table rather than `no data rows`. @default false */
  allowNoRows?: boolean;
  /**
   * Longest span of one trial's times, in the time column's values as read (after `scaleExp`
   * or `parse`): a row later than its trial's first time by more is bad (MAX_RECORDING_SPAN_S).
   * @default Infinity
   */
  maxTimeSpan?: number;
}

/** What `createCsvTableReader` gives at the end. */
export interface CsvTables {
  tables: TrialTable[];
  /** Rows left out (badRows 'skip'), at most MAX_LISTED_SKIPPED_ROWS of them. */
  skipped: SkippedRow[];
  /** How many rows were left out in all. */
  skippedCount: number;
}

/**
 * Largest share of bad rows a file read with `badRows: 'skip'` may have. A cut-off last row or
 * a stray note line are worth reading past; when one row in ten is bad, the file is more likely
 * not what its header says (another separator, another format), and its numbers would mislead.
 */
export const MAX_SKIPPED_SHARE = 0.1;

/** Skipped rows listed one by one; the rest are only counted (a message stays readable). */
export const MAX_LISTED_SKIPPED_ROWS = 20;

/** The rows of one trial. */
export interface TrialTable {
  /** The trial id cell's text (as written, untrimmed), or null without a trial id column. */
  trialId: string | null;
  /**
   * One array per requested column, in request order; NaN where a cell was empty. May be a
   * view on a slightly longer buffer (a few spare rows), so do not use `.buffer` as the data.
   */
  columns: Float64Array[];
  /** The 1-based line of the file each row is on. */
  lines: Int32Array;
}
