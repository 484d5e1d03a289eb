/**
 * Collects the rows of a table as a reader visits them (csv-table.ts, from a text or its parts;
 * ascii-rows.ts, from ASCII bytes): the wanted cells parsed into numeric columns, a row
 * checked for its cell count, values within their limits and time going forward, the rows
 * split by trial id in the order the ids first appear, and bad rows thrown or left out.
 */
import { MAX_RECORDING_SPAN_S } from '../core/limits';
import { AsciiBlock } from './ascii-block';
import { asciiText, type AsciiRowVisitor } from './ascii-rows';
import { endOfCell, type CsvDelimiter, type RowVisitor } from './csv-text';
import { parseDecimalInto, readDecimal } from './decimal';
import { FormatError, quoteCell } from './format-error';
import { unneutralised } from './formula-text';
import {
  MAX_LISTED_SKIPPED_ROWS,
  MAX_SKIPPED_SHARE,
  RFC_4180_DIALECT,
  type CsvTables,
  type NumericColumn,
  type SkippedRow,
  type TableRequest,
  type TrialTable,
} from './table-types';
import { beyondLimit, type ValueLimit } from './value-limits';

/** The tables of every row read. @throws FormatError as `CsvTableReader.finish`. */
export function finishTables(builder: TableBuilder, request: TableRequest): CsvTables {
  const { skipped, skippedCount } = builder;
  const first = skipped[0];
  const tooMany = skippedCount > MAX_SKIPPED_SHARE * (skippedCount + builder.rowCount);
  if (first !== undefined && (builder.rowCount === 0 || tooMany)) {
    throw new FormatError(first.line, first.reason);
  }
  if (builder.rowCount === 0) {
    if (request.allowNoRows !== true) throw new FormatError(null, 'no data rows');
    return { tables: [], skipped, skippedCount };
  }
  return { tables: builder.trials(), skipped, skippedCount };
}

/** A table whose rows number-rows.ts can read: `TableBuilder.numberRowsPlan`. */
export interface NumberRowsPlan {
  /** Cells per row (the header's). */
  cells: number;
  delimiterCode: number;
  /** For each cell: the column it fills, or -1. */
  columnOfCell: Int32Array;
  scaleOfColumn: Int32Array;
  /** For each column: its largest magnitude (Infinity without a limit). */
  maxAbsOfColumn: Float64Array;
  timeColumn: number;
  /** The request's `maxTimeSpan`, Infinity without one. */
  maxTimeSpan: number;
}

/** Smallest capacity of the column arrays, rows; doubled as needed. */
const INITIAL_CAPACITY_ROWS = 4096;

/**
 * Share of unused capacity up to which a one-trial table hands out views of its arrays
 * rather than copies: blank lines and the header make a few spare rows; growing by doubling
 * can leave up to half unused, which is worth a copy.
 */
const MAX_SPARE_SHARE_FOR_VIEWS = 0.01;

/** Collects rows as they are visited: columns grow by doubling, one trial index per row. */
export class TableBuilder implements RowVisitor, AsciiRowVisitor {
  rowCount = 0;
  readonly skipped: SkippedRow[] = [];
  skippedCount = 0;
  private readonly request: TableRequest;
  private readonly decimalComma: boolean;
  private readonly skipBadRows: boolean;
  /** The problem of the row being read (skip mode), or null while it is fine. */
  private rowProblem: string | null = null;
  /** The trial id cell of the row being read. */
  private rowTrialId = '';
  /** For each cell index: the requested column it fills, or -1. */
  private readonly columnOfCell: Int32Array;
  private readonly scaleOfColumn: Int32Array;
  /** For each requested column: 1 when its cells are read as decimals (no `parse` of its own). */
  private readonly readsDecimal: Uint8Array;
  private readonly delimiter: CsvDelimiter;
  private readonly delimiterCode: number;
  private readonly block = new AsciiBlock();
  private columns: Float64Array[];
  private lines: Int32Array;
  private trialOfRow: Int32Array;
  private readonly trialIds: string[] = [];
  private readonly trialIndexById = new Map<string, number>();
  /** The trial id last found, and its index (-1 before the first). */
  private lastTrialId = '';
  private lastTrialIndex = -1;
  /** Last finite time of each trial, for the "goes backwards" check. */
  private readonly lastTimeOfTrial: number[] = [];
  /** First finite time of each trial and its line, for the span check (NaN before it). */
  private readonly firstTimeOfTrial: number[] = [];
  private readonly firstLineOfTrial: number[] = [];
  /** For each requested column: the largest magnitude of its values (Infinity without a limit). */
  private readonly maxAbsOfColumn: Float64Array;
  private line = 0;
  private headerSeen = false;
  private inHeader = false;

  constructor(request: TableRequest, capacityRows: number) {
    this.request = request;
    this.decimalComma = (request.dialect ?? RFC_4180_DIALECT).decimalComma;
    this.skipBadRows = request.badRows === 'skip';
    const capacity = Math.max(INITIAL_CAPACITY_ROWS, capacityRows);
    this.lines = new Int32Array(capacity);
    this.trialOfRow = new Int32Array(capacity);
    this.columnOfCell = new Int32Array(request.header.names.length).fill(-1);
    request.columns.forEach((column, index) => {
      this.columnOfCell[column.cell] = index;
    });
    this.scaleOfColumn = Int32Array.from(request.columns, (column) => column.scaleExp);
    this.readsDecimal = Uint8Array.from(request.columns, (column) => (column.parse === undefined ? 1 : 0));
    this.delimiter = (request.dialect ?? RFC_4180_DIALECT).delimiter;
    this.delimiterCode = this.delimiter.charCodeAt(0);
    this.columns = request.columns.map(() => new Float64Array(capacity));
    this.maxAbsOfColumn = Float64Array.from(request.columns, (column) => column.limit?.maxAbs ?? Infinity);
    if (request.trialCell === null) this.newTrial('');
  }

  beginRow(line: number): void {
    this.line = line;
    // The header's two flags are stored on every row, not in a branch the header alone takes:
    // V8 optimises this per-row code during the first file, and a branch it has never seen
    // taken makes it throw that code away when the next file's header comes (see
    // docs/benchmarks.md, the second recording).
    const header = !this.headerSeen;
    this.headerSeen = true;
    this.inHeader = header;
    if (header) return;
    this.rowProblem = null;
    this.rowTrialId = '';
    if (this.rowCount === this.lines.length) this.grow();
    this.lines[this.rowCount] = line;
  }

  cell(cellIndex: number, source: string, start: number, end: number): void {
    if (this.inHeader || this.rowProblem !== null) return;
    const row = this.rowCount;
    if (cellIndex === this.request.trialCell) {
      this.rowTrialId = source.slice(start, end);
      return;
    }
    const column = this.columnOfCell[cellIndex];
    if (column === undefined || column < 0) return;
    const spec = this.request.columns[column] as NumericColumn;
    const values = this.columns[column] as Float64Array;
    if (spec.parse === undefined) {
      if (parseDecimalInto(source, start, end, values, row, this.scaleOfColumn[column], this.decimalComma)) {
        this.checkLimit(column, source, start, end);
        return;
      }
    } else {
      const value = spec.parse(source, start, end);
      if (value !== null) {
        values[row] = value;
        this.checkLimit(column, source, start, end);
        return;
      }
    }
    this.notValid(column, source, start, end);
  }

  /** True once the header row has been visited: the rows that follow are data. */
  get headerDone(): boolean {
    return this.headerSeen;
  }

  /**
   * What number-rows.ts needs to read this table's rows itself, or null when it cannot: rows
   * with a trial id, a column with a `parse` of its own, or a decimal comma.
   */
  numberRowsPlan(): NumberRowsPlan | null {
    const { request } = this;
    if (request.trialCell !== null || this.decimalComma || this.readsDecimal.includes(0)) return null;
    return {
      cells: request.header.names.length,
      delimiterCode: this.delimiterCode,
      columnOfCell: this.columnOfCell,
      scaleOfColumn: this.scaleOfColumn,
      maxAbsOfColumn: this.maxAbsOfColumn,
      timeColumn: request.timeColumn,
      maxTimeSpan: request.maxTimeSpan ?? Infinity,
    };
  }

  /** The one trial's last time and first time (NaN before its first row), as `readNumberRows` reads on from them. */
  numberRowsTimes(): { lastTime: number; firstTime: number } {
    return { lastTime: this.lastTimeOfTrial[0] as number, firstTime: this.firstTimeOfTrial[0] as number };
  }

  /**
   * Rows number-rows.ts has read, on lines `firstLine` to `firstLine + count - 1`: column c's
   * values are `values[c * stride, c * stride + count)`; after them the trial's last time is
   * `lastTime` and its first `firstTime`. The same rows and state as `asciiRow` on each line.
   */
  appendNumberRows(
    values: Float64Array,
    stride: number,
    count: number,
    firstLine: number,
    lastTime: number,
    firstTime: number,
  ): void {
    if (count === 0) return;
    while (this.rowCount + count > this.lines.length) this.grow();
    const row = this.rowCount;
    this.columns.forEach((column, c) => column.set(values.subarray(c * stride, c * stride + count), row));
    for (let k = 0; k < count; k++) this.lines[row + k] = firstLine + k;
    this.trialOfRow.fill(0, row, row + count);
    if (this.request.maxTimeSpan !== undefined && Number.isNaN(this.firstTimeOfTrial[0])) {
      this.firstTimeOfTrial[0] = firstTime;
      this.firstLineOfTrial[0] = firstLine;
    }
    this.lastTimeOfTrial[0] = lastTime;
    this.line = firstLine + count - 1;
    this.rowCount += count;
  }

  /** A new text (a part of a stream) begins: its rows are not in the bytes of the last one. */
  startText(): void {
    this.block.clear();
  }

  /**
   * A row of text without quotes (RowVisitor.plainRow), read in one pass over its bytes when
   * it is ASCII (AsciiBlock): the decimal cells are read where they start and must end at a
   * delimiter or the row's end; every other cell goes through `cell`. The same rows, values
   * and problems as beginRow, cell and endRow.
   */
  plainRow(line: number, text: string, start: number, end: number): void {
    this.beginRow(line);
    if (this.inHeader) return;
    const offset = this.block.offsetOf(text, start, end);
    if (offset < 0) this.textCells(text, start, end);
    else this.byteCells(this.block.bytes, offset, end + offset - start, text, offset - start);
  }

  /**
   * A row of ASCII bytes without quotes (ascii-rows.ts `visitAsciiRows`): the same rows, values
   * and problems as `plainRow` on the text those bytes encode.
   */
  asciiRow(line: number, bytes: Uint8Array, start: number, end: number): void {
    this.beginRow(line);
    if (!this.inHeader) this.byteCells(bytes, start, end, null, 0);
  }

  /**
   * The cells and the end of a row begun, `bytes[start, rowEnd)`, in one pass: the decimal
   * cells are read where they start and must end at a delimiter or the row's end; every other
   * cell goes through `cell`. Where a cell's text is needed (`cell`, a message), it is
   * `text[i - shift]` for `bytes[i]`, or made from the bytes when `text` is null.
   */
  private byteCells(
    bytes: Uint8Array,
    start: number,
    rowEnd: number,
    text: string | null,
    shift: number,
  ): void {
    const delimiter = this.delimiterCode;
    const row = this.rowCount;
    let cellStart = start;
    let cellIndex = 0;
    for (;;) {
      const column = cellIndex < this.columnOfCell.length ? (this.columnOfCell[cellIndex] as number) : -1;
      let cellEnd: number;
      if (column >= 0 && this.readsDecimal[column] === 1 && this.rowProblem === null) {
        const values = this.columns[column] as Float64Array;
        const stop = readDecimal(
          bytes,
          cellStart,
          rowEnd,
          delimiter,
          values,
          row,
          this.scaleOfColumn[column] as number,
          this.decimalComma,
        );
        const isNumber = stop === rowEnd || (stop >= 0 && bytes[stop] === delimiter);
        cellEnd = isNumber ? stop : endOfByteCell(bytes, cellStart, rowEnd, delimiter);
        if (!isNumber) this.notValid(column, ...cellText(bytes, cellStart, cellEnd, text, shift));
        // checkLimit's own test first, so that a value within the limit costs no call (the
        // first recordings run in V8's interpreter, where a call per cell counts).
        else if (Math.abs(values[row] as number) > (this.maxAbsOfColumn[column] as number))
          this.checkLimit(column, ...cellText(bytes, cellStart, cellEnd, text, shift));
      } else {
        cellEnd = endOfByteCell(bytes, cellStart, rowEnd, delimiter);
        if (text !== null) this.cell(cellIndex, text, cellStart - shift, cellEnd - shift);
        else this.cell(cellIndex, asciiText(bytes, cellStart, cellEnd), 0, cellEnd - cellStart);
      }
      cellIndex++;
      if (cellEnd === rowEnd) break;
      cellStart = cellEnd + 1;
    }
    this.endRow(cellIndex);
  }

  /** The cells and the end of a row begun, from the text itself (a row with characters beyond ASCII). */
  private textCells(text: string, start: number, end: number): void {
    let cellStart = start;
    let cellIndex = 0;
    for (;;) {
      const cellEnd = endOfCell(text, cellStart, end, this.delimiter);
      this.cell(cellIndex, text, cellStart, cellEnd);
      cellIndex++;
      if (cellEnd === end) break;
      cellStart = cellEnd + 1;
    }
    this.endRow(cellIndex);
  }

  /** The problem of a cell of `column` just read, when its value lies beyond the column's limit. */
  private checkLimit(column: number, source: string, start: number, end: number): void {
    const value = (this.columns[column] as Float64Array)[this.rowCount] as number;
    if (!(Math.abs(value) > (this.maxAbsOfColumn[column] as number))) return;
    const spec = this.request.columns[column] as NumericColumn;
    this.problem(
      beyondLimit(spec.name, quoteCell(source.slice(start, end).trim()), spec.limit as ValueLimit),
    );
  }

  /** The problem of a cell of `column` that is not what it should be. */
  private notValid(column: number, source: string, start: number, end: number): void {
    const spec = this.request.columns[column] as NumericColumn;
    this.problem(
      `${spec.name} is not ${spec.expected ?? 'a number'} (${quoteCell(source.slice(start, end))})`,
    );
  }

  endRow(cellCount: number): void {
    if (this.inHeader) return;
    const expected = this.request.header.names.length;
    if (this.rowProblem === null && cellCount !== expected) {
      this.problem(`expected ${expected} cells, found ${cellCount}`);
    }
    if (this.rowProblem === null) this.checkTimeGoesForward();
    if (this.rowProblem !== null) {
      this.skippedCount++;
      if (this.skipped.length < MAX_LISTED_SKIPPED_ROWS)
        this.skipped.push({ line: this.line, reason: this.rowProblem });
      return;
    }
    this.trialOfRow[this.rowCount] = this.trialOfId(this.request.trialCell === null ? '' : this.rowTrialId);
    this.rowCount++;
  }

  /** A bad row: thrown at once, or (skip mode) remembered and the row left out. */
  private problem(reason: string): void {
    if (!this.skipBadRows) throw new FormatError(this.line, reason);
    this.rowProblem = reason;
  }

  /** The rows split by trial, in the order the trial ids first appeared. */
  trials(): TrialTable[] {
    const n = this.rowCount;
    // The writers put a `'` before a formula-like id (formula-text.ts); the id is without it.
    const trialIdOf = (id: string) => (this.request.trialCell === null ? null : unneutralised(id));
    if (this.trialIds.length === 1) {
      const asViews = this.lines.length - n <= n * MAX_SPARE_SHARE_FOR_VIEWS;
      const cut = <T extends Float64Array | Int32Array>(array: T) =>
        (asViews ? array.subarray(0, n) : array.slice(0, n)) as T;
      return [
        {
          trialId: trialIdOf(this.trialIds[0] as string),
          columns: this.columns.map(cut),
          lines: cut(this.lines),
        },
      ];
    }
    const rowsOfTrial = new Int32Array(this.trialIds.length);
    for (let row = 0; row < n; row++) {
      const trial = this.trialOfRow[row] as number;
      rowsOfTrial[trial] = (rowsOfTrial[trial] as number) + 1;
    }
    const tables = this.trialIds.map((id, trial): TrialTable => ({
      trialId: trialIdOf(id),
      columns: this.columns.map(() => new Float64Array(rowsOfTrial[trial] as number)),
      lines: new Int32Array(rowsOfTrial[trial] as number),
    }));
    const filled = new Int32Array(this.trialIds.length);
    for (let row = 0; row < n; row++) {
      const trial = this.trialOfRow[row] as number;
      const table = tables[trial] as TrialTable;
      const at = filled[trial] as number;
      filled[trial] = at + 1;
      table.lines[at] = this.lines[row] as number;
      for (let c = 0; c < this.columns.length; c++) {
        (table.columns[c] as Float64Array)[at] = (this.columns[c] as Float64Array)[row] as number;
      }
    }
    return tables;
  }

  private trialOfId(id: string): number {
    return this.knownTrial(id) ?? this.newTrial(id);
  }

  /** A trial id not seen before: its index, and it is the last found (rows come in runs). */
  private newTrial(id: string): number {
    const index = this.trialIds.length;
    this.trialIds.push(id);
    this.trialIndexById.set(id, index);
    // Made the last found here, so that a one-trial table's rows never look their id up: a
    // branch V8's optimised per-row code would not have seen taken (see beginRow).
    this.lastTrialId = id;
    this.lastTrialIndex = index;
    this.lastTimeOfTrial.push(-Infinity);
    this.firstTimeOfTrial.push(NaN);
    this.firstLineOfTrial.push(0);
    return index;
  }

  /** The index of a trial id seen before, else undefined (the last one found is kept: rows come in runs). */
  private knownTrial(id: string): number | undefined {
    // Only strings compared (no null before the first id): V8 keeps one kind of comparison.
    if (id !== this.lastTrialId || this.lastTrialIndex < 0) {
      const index = this.trialIndexById.get(id);
      if (index === undefined) return undefined;
      this.lastTrialId = id;
      this.lastTrialIndex = index;
    }
    return this.lastTrialIndex;
  }

  /** A row later than its trial's first time by more than `maxTimeSpan` is the row's problem. */
  private checkTimeSpan(trial: number, time: number): void {
    if (time === Infinity || time === -Infinity) {
      const column = this.request.columns[this.request.timeColumn] as NumericColumn;
      this.problem(`${column.name} is not a finite time (${time})`);
      return;
    }
    // The trial's first time and line are this row's when none is recorded yet (NaN), stored
    // on every row rather than in a branch taken once per trial, as in beginRow.
    const recorded = this.firstTimeOfTrial[trial] as number;
    const isFirst = recorded !== recorded;
    const first = isFirst ? time : recorded;
    const line = this.line;
    const firstLines = this.firstLineOfTrial;
    this.firstTimeOfTrial[trial] = first;
    firstLines[trial] = isFirst ? line : (firstLines[trial] as number);
    if (time - first > (this.request.maxTimeSpan as number)) {
      const column = this.request.columns[this.request.timeColumn] as NumericColumn;
      this.problem(
        `${column.name} is more than ${MAX_RECORDING_SPAN_S / 3600} h after the trial's first row ` +
          `(line ${this.firstLineOfTrial[trial]}): a time cell is broken, or the recording is too long`,
      );
    }
  }

  private checkTimeGoesForward(): void {
    const row = this.rowCount;
    const time = (this.columns[this.request.timeColumn] as Float64Array)[row] as number;
    if (Number.isNaN(time)) return;
    const id = this.request.trialCell === null ? '' : this.rowTrialId;
    const trial = this.knownTrial(id);
    const last = trial === undefined ? -Infinity : (this.lastTimeOfTrial[trial] as number);
    if (time < last) {
      const column = this.request.columns[this.request.timeColumn] as NumericColumn;
      const shown = (value: number) => formatForMessage(value * 10 ** -column.scaleExp);
      this.problem(`${column.name} goes backwards (${shown(time)} after ${shown(last)})`);
      return;
    }
    const index = trial ?? this.trialOfId(id);
    if (this.request.maxTimeSpan !== undefined) {
      this.checkTimeSpan(index, time);
      if (this.rowProblem !== null) return;
    }
    this.lastTimeOfTrial[index] = time;
  }

  private grow(): void {
    const capacity = this.lines.length * 2;
    this.lines = grown(this.lines, capacity);
    this.trialOfRow = grown(this.trialOfRow, capacity);
    this.columns = this.columns.map((column) => grown(column, capacity));
  }
}

/** Where the cell that starts at `bytes[start]` ends, in a row without quotes that ends at `rowEnd`. */
function endOfByteCell(bytes: Uint8Array, start: number, rowEnd: number, delimiter: number): number {
  let at = start;
  while (at < rowEnd && bytes[at] !== delimiter) at++;
  return at;
}

/** For a message: the cell `bytes[start, end)` as a text and its range, in `text` (shifted) or made from the bytes. */
function cellText(
  bytes: Uint8Array,
  start: number,
  end: number,
  text: string | null,
  shift: number,
): [string, number, number] {
  if (text !== null) return [text, start - shift, end - shift];
  const cell = asciiText(bytes, start, end);
  return [cell, 0, cell.length];
}

function grown<T extends Int32Array | Float64Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

/** A number for a message: 12 significant digits, so 1.2 s read as ms shows as 1200, not 1200.0000000000002. */
function formatForMessage(value: number): string {
  return String(Number(value.toPrecision(12)));
}
