/**
 * A table reader split in two, so that the same code reads a whole text and a stream of parts:
 * a format makes a plan from the start of the file (its header and first data row), the table
 * machinery (csv-table.ts) reads the rows, and the plan turns the tables into the format's result.
 */
import { readCsvTables, type CsvTables, type TableRequest } from './csv-table';
import type { CsvDelimiter } from './csv-text';
import { lineEndAt, stripByteOrderMark } from './csv-text';

/** What to read from the rows, and what to make of them. */
export interface TablePlan<T> {
  request: TableRequest;
  /** Builds the result; may throw FormatError (e.g. for what only the data can tell). */
  finish(read: CsvTables): T;
}

/** Makes a plan from the start of a file: the text up to at least its first data row, and its name. */
export type TablePlanner<T> = (start: string, fileName: string) => TablePlan<T>;

/**
 * Non-blank lines the start of a file must hold before a plan is made from it: the header and
 * the first data row (which tells, e.g., a decimal comma).
 */
export const PLAN_START_LINES = 2;

/** Reads a whole text with the plan made from it. */
export function readWithPlan<T>(text: string, fileName: string, planner: TablePlanner<T>): T {
  const plan = planner(text, fileName);
  return plan.finish(readCsvTables(text, plan.request));
}

/**
 * The first `count` non-blank lines of the text (BOM removed), without line ends: the header
 * and the first data rows, which planners look at. Found with indexOf, no regular expression
 * (see detect-format.ts `firstLine`).
 */
export function leadingLines(input: string, count: number): string[] {
  const text = stripByteOrderMark(input);
  const lines: string[] = [];
  let start = 0;
  while (start < text.length && lines.length < count) {
    const end = lineEndAt(text, start);
    const line = text.slice(start, end);
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}

/**
 * The cell separator of a header line: tab when it has one, else `;` when it has one, else `,`.
 * Header names of the formats read here contain neither tabs nor semicolons (phyphox writes
 * `"Time (s)";"X (m/s^2)"` in its semicolon export, `"Time (s)"⇥...` in its tab export).
 */
export function delimiterOfHeader(headerLine: string): CsvDelimiter {
  if (headerLine.includes('\t')) return '\t';
  if (headerLine.includes(';')) return ';';
  return ',';
}

/**
 * Whether numbers use a decimal comma: only possible when cells are not separated by commas,
 * and then any comma in the first data row is one (phyphox "CSV (Semicolon, decimal comma)",
 * "CSV (Tabulator, decimal comma)").
 */
export function usesDecimalComma(delimiter: CsvDelimiter, firstDataLine: string | undefined): boolean {
  return delimiter !== ',' && firstDataLine !== undefined && firstDataLine.includes(',');
}

/** The header's names split by `delimiter`, trimmed, lower case, surrounding quotes removed. */
export function headerNames(headerLine: string, delimiter: CsvDelimiter): string[] {
  return headerLine.split(delimiter).map((cell) => {
    const trimmed = cell.trim();
    const unquoted =
      trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
        ? trimmed.slice(1, -1)
        : trimmed;
    return unquoted.trim().toLowerCase();
  });
}
