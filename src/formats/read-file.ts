/**
 * Any one file Stork reads, detected from its header, as what it holds: Stork samples, 2-D
 * sway, a Stork summary, or one sensor file of another app (or its metadata). Tables are read
 * through plans (table-plan.ts), so a stream (file-stream.ts) gives the same contents as a
 * whole text.
 */
import { readCsvTables } from './csv-table';
import { isBlankText, stripByteOrderMark } from './csv-text';
import { parseDecimal } from './decimal';
import { detectFormat, type FileFormat } from './detect-format';
import { FormatError } from './format-error';
import { planCoreMotionGCsv, planUbcBalanceTestCsv } from './phone-exports';
import { planPhyphoxCsv, readPhyphoxMeta, type PhyphoxMeta } from './phyphox';
import { planSamplesCsv, type SamplesFile } from './samples-csv';
import { planSensorLoggerCsv, readSensorLoggerMetadata, type SensorLoggerMetadata } from './sensor-logger';
import type { SensorFile } from './sensor-file';
import { readSummaryCsv, type SummaryTable } from './summary-reader';
import { planSwayCsv, type SwayTrial } from './sway-csv';
import { delimiterOfHeader, headerNames, leadingLines, type TablePlan } from './table-plan';

/** What one file holds. */
export type FileContents =
  | { format: 'stork-samples'; samples: SamplesFile }
  | { format: 'sway-2d'; trials: SwayTrial[] }
  | { format: 'stork-summary'; summary: SummaryTable }
  | { format: 'phyphox' | 'sensor-logger' | 'ubc-balance-test' | 'coremotion-g'; sensors: SensorFile }
  | { format: 'sensor-logger-metadata'; metadata: SensorLoggerMetadata }
  | { format: 'phyphox-meta'; meta: PhyphoxMeta };

export interface ReadFileOptions {
  /** What to do with bad rows of a Stork samples file (other apps' files always skip them). @default 'throw' */
  storkBadRows?: 'throw' | 'skip';
}

/** The message for a header no format recognises. */
export const UNKNOWN_FORMAT_REASON =
  'unknown format: not a Stork samples or 2-D sway CSV (t_ms, ax, ay, az or ap, ml), nor a phyphox, ' +
  'Sensor Logger, UBC Balance Test or iPhone g-units export';

/**
 * The plan that reads a table file of this format from its start, or null for the small
 * files that are read whole (summary, metadata).
 *
 * @throws FormatError for a header no format recognises (UNKNOWN_FORMAT_REASON), and the
 *   planners' header errors.
 */
export function planFileContents(
  start: string,
  fileName: string,
  options: ReadFileOptions = {},
): TablePlan<FileContents> | null {
  const format = detectFormat(start);
  switch (format) {
    case 'stork-samples':
      return mapped(planSamplesCsv(start, options.storkBadRows ?? 'throw'), (samples) => ({
        format,
        samples,
      }));
    case 'sway-2d':
      return mapped(planSwayCsv(start), (trials) => ({ format, trials }));
    case 'phyphox':
      return mapped(planPhyphoxCsv(start, fileName), (sensors) => ({ format, sensors }));
    case 'sensor-logger':
      return mapped(planSensorLoggerCsv(start, fileName), (sensors) => ({ format, sensors }));
    case 'ubc-balance-test':
      return mapped(planUbcBalanceTestCsv(start, fileName), (sensors) => ({ format, sensors }));
    case 'coremotion-g':
      return mapped(planCoreMotionGCsv(start, fileName), (sensors) => ({ format, sensors }));
    case 'stork-summary':
    case 'sensor-logger-metadata':
    case 'phyphox-meta':
      return null;
    case 'unknown':
      throw unknownFormat(start);
  }
}

/**
 * Reads one whole file.
 *
 * @throws FormatError: UNKNOWN_FORMAT_REASON, and each reader's errors.
 */
export function readFileContents(
  text: string,
  fileName: string,
  options: ReadFileOptions = {},
): FileContents {
  const plan = planFileContents(text, fileName, options);
  if (plan !== null) return plan.finish(readCsvTables(text, plan.request));
  return readSmallFile(text, detectFormat(text));
}

/** The contents of a file read whole (not a table of samples). */
export function readSmallFile(text: string, format: FileFormat): FileContents {
  switch (format) {
    case 'stork-summary':
      return { format, summary: readSummaryCsv(text) };
    case 'sensor-logger-metadata':
      return { format, metadata: readSensorLoggerMetadata(text) };
    case 'phyphox-meta':
      return { format, meta: readPhyphoxMeta(text) };
    default:
      throw unknownFormat(text);
  }
}

/**
 * The error for a text no format recognises: `file is empty`, `no header row` (the first line
 * is all numbers), or UNKNOWN_FORMAT_REASON on the header's line. The header is not parsed as
 * CSV: with an unknown separator, its quotes may not parse.
 */
function unknownFormat(input: string): FormatError {
  if (isBlankText(input)) return new FormatError(null, 'file is empty');
  const text = stripByteOrderMark(input);
  const [header = ''] = leadingLines(text, 1);
  const cells = headerNames(header, delimiterOfHeader(header));
  if (cells.every((cell) => parseDecimal(cell, 0, cell.length) !== null))
    return new FormatError(null, 'no header row');
  return new FormatError(lineOfFirstNonBlank(text), UNKNOWN_FORMAT_REASON);
}

/** The 1-based line of the first line with something but spaces and tabs (CRLF, LF and CR end lines). */
function lineOfFirstNonBlank(text: string): number {
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) line++;
    else if (code !== 13 && code !== 32 && code !== 9) return line;
  }
  return line;
}

function mapped<T, U>(plan: TablePlan<T>, map: (value: T) => U): TablePlan<U> {
  return { request: plan.request, finish: (read) => map(plan.finish(read)) };
}
