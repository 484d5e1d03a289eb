/**
 * A CSV file with a header row read into numeric columns, split into trials.
 *
 * The shared machinery of every table reader (Stork samples, 2-D sway, phyphox, Sensor Logger,
 * phone exports): find the header, look columns up by name, parse every cell of the wanted
 * columns (a missing value is NaN), check that each row has as many cells as the header and that
 * time never goes backwards within a trial, then split the rows by trial id, keeping the order
 * in which ids first appear. The text may come whole (`readCsvTrials`) or in parts that each end
 * with a line break (`createCsvTableReader`, for streaming): both give the same tables; an ASCII
 * file may also come as its bytes (`readCsvTablesAscii`). The rows are collected by
 * table-builder.ts; the request and the tables' types are in table-types.ts.
 */
import { visitAsciiRows } from './ascii-rows';
import {
  isBlankRange,
  isBlankText,
  lineEndAt,
  stripByteOrderMark,
  visitCsvRows,
  type CsvDelimiter,
} from './csv-text';
import { parseDecimal } from './decimal';
import { readNumberRows } from './number-rows';
import { FormatError } from './format-error';
import { finishTables, TableBuilder } from './table-builder';
import {
  RFC_4180_DIALECT,
  type CsvHeader,
  type CsvTables,
  type TableRequest,
  type TrialTable,
} from './table-types';

export * from './table-types';

/**
 * The first non-blank row of the text, which must be a header.
 *
 * @throws FormatError `file is empty` when there is nothing but white space, and
 *   `no header row` when every cell of the first row is a number or empty.
 */
export function readCsvHeader(input: string, delimiter: CsvDelimiter = ','): CsvHeader {
  if (isBlankText(input)) throw new FormatError(null, 'file is empty');
  const text = headerPart(stripByteOrderMark(input), delimiter);
  const names: string[] = [];
  let headerLine = 0;
  visitCsvRows(
    text,
    {
      beginRow: (line) => {
        headerLine = line;
      },
      cell: (_column, source, start, end) => {
        names.push(source.slice(start, end).trim().toLowerCase());
      },
      endRow: () => 'stop',
    },
    { delimiter },
  );
  if (names.every((name) => parseDecimal(name, 0, name.length) !== null)) {
    throw new FormatError(null, 'no header row');
  }
  return { names, line: headerLine };
}

/**
 * The start of the text up to the end of its first non-blank line, which is the header row
 * when it has no quote (then no cell can span lines); else the whole text. Reading rows of a
 * whole text first looks through all of it (for quotes, for CR line ends): 50 MB for an hour
 * of samples, for one line.
 */
function headerPart(text: string, delimiter: CsvDelimiter): string {
  let start = 0;
  while (start < text.length) {
    // The line ends at the first CR or LF; a CR followed by LF ends it with both.
    const lineEnd = lineEndAt(text, start);
    if (lineEnd === text.length) return text;
    const crlf = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10;
    const next = crlf ? lineEnd + 2 : lineEnd + 1;
    if (!isBlankRange(text, start, lineEnd, delimiter)) {
      const part = text.slice(0, next);
      return part.includes('"') ? text : part;
    }
    start = next;
  }
  return text;
}

/**
 * Each header name's cell index.
 *
 * @throws FormatError `line 1: column ax appears twice` for a repeated non-empty name.
 */
export function columnIndexes(header: CsvHeader): Map<string, number> {
  const indexes = new Map<string, number>();
  header.names.forEach((name, index) => {
    if (name === '') return;
    if (indexes.has(name)) throw new FormatError(header.line, `column ${name} appears twice`);
    indexes.set(name, index);
  });
  return indexes;
}

/**
 * Reads the requested columns of every row after the header and splits them into trials.
 *
 * @throws FormatError, one per kind: `line N: expected 7 cells, found 6`,
 *   `line N: ax is not a number ("abc")`, `line N: t_ms goes backwards (1200 after 1250)`,
 *   `line N: quote not closed`, `no data rows`.
 */
export function readCsvTrials(input: string, request: TableRequest): TrialTable[] {
  return readCsvTables(input, request).tables;
}

/** `readCsvTrials` with the rows left out (for `badRows: 'skip'`). */
export function readCsvTables(input: string, request: TableRequest): CsvTables {
  const text = stripByteOrderMark(input);
  const reader = createCsvTableReader(request, countLineFeeds(text) + 1);
  reader.read(text, 1);
  return reader.finish();
}

/** Reads a table from consecutive parts of its text. */
export interface CsvTableReader {
  /**
   * Reads the next part: whole rows (ending with a line break, or the end of the text), BOM
   * already removed, the first of them on line `firstLine`. The header row is the first
   * non-blank row of the first part.
   */
  read(text: string, firstLine: number): void;
  /** Rows read so far (header excluded, skipped rows excluded). */
  rowCount(): number;
  /** The tables. @throws FormatError `no data rows`, or the first skipped row's problem (see MAX_SKIPPED_SHARE). */
  finish(): CsvTables;
}

/**
 * A table reader fed part by part; `capacityRows` sizes its columns at the start (they grow
 * as needed). Reading the parts of a text one after the other gives exactly what reading the
 * whole text gives.
 */
export function createCsvTableReader(request: TableRequest, capacityRows = 0): CsvTableReader {
  const builder = new TableBuilder(request, capacityRows);
  const delimiter = (request.dialect ?? RFC_4180_DIALECT).delimiter;
  return {
    read: (text, firstLine) => {
      builder.startText();
      visitCsvRows(text, builder, { delimiter, firstLine });
    },
    rowCount: () => builder.rowCount,
    finish: () => finishTables(builder, request),
  };
}

/**
 * `readCsvTables` of the text that ASCII bytes encode, read from the bytes themselves
 * (ascii-rows.ts), with no string of the whole text: the same tables, rows left out and
 * errors. `lineFeeds` are the bytes' line feeds, from `plainLineFeeds` (not null: plain rows).
 */
export function readCsvTablesAscii(
  bytes: Uint8Array,
  lineFeeds: Int32Array,
  request: TableRequest,
): CsvTables {
  const builder = new TableBuilder(request, lineFeeds.length + 1);
  // Most rows of a samples file read by WebAssembly (number-rows.ts), the rest here.
  if (readNumberRows(bytes, lineFeeds, builder) < 0)
    visitAsciiRows(bytes, lineFeeds, builder, (request.dialect ?? RFC_4180_DIALECT).delimiter.charCodeAt(0));
  return finishTables(builder, request);
}

/**
 * Line feeds in the text: an upper bound of the rows (minus one) that sizes the columns once,
 * instead of growing them by doubling, which would need about three times the final memory.
 * (A file with lone CR line ends has none; its columns grow.)
 */
function countLineFeeds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** A row of text cells and the line it starts on. */
export interface TextRow {
  line: number;
  cells: string[];
}

/**
 * The first `maxRows` non-blank rows of a small text as text cells (quotes removed per
 * RFC 4180, BOM skipped): for one-row metadata files, not for samples.
 */
export function readTextRows(input: string, maxRows: number, delimiter: CsvDelimiter = ','): TextRow[] {
  const rows: TextRow[] = [];
  let row: TextRow = { line: 0, cells: [] };
  visitCsvRows(
    stripByteOrderMark(input),
    {
      beginRow: (line) => {
        row = { line, cells: [] };
      },
      cell: (_column, source, start, end) => {
        row.cells.push(source.slice(start, end));
      },
      endRow: () => {
        rows.push(row);
        return rows.length >= maxRows ? 'stop' : undefined;
      },
    },
    { delimiter },
  );
  return rows;
}
