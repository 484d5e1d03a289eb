/**
 * Any one file Stork reads, detected from its header, as what it holds: Stork samples, 2-D
 * sway, a Stork summary, or one sensor file of another app (or its metadata). Tables are read
 * through plans (table-plan.ts), so a stream (file-stream.ts) gives the same contents as a
 * whole text.
 */
import { readCsvTables, readCsvHeader } from './csv-table';
import { detectFormat, type FileFormat } from './detect-format';
import { FormatError } from './format-error';
import { planCoreMotionGCsv, planUbcBalanceTestCsv } from './phone-exports';
import { planPhyphoxCsv, readPhyphoxMeta, type PhyphoxMeta } from './phyphox';
import { planSamplesCsv, type SamplesFile } from './samples-csv';
import { planSensorLoggerCsv, readSensorLoggerMetadata, type SensorLoggerMetadata } from './sensor-logger';
import type { SensorFile } from './sensor-file';
import { readSummaryCsv, type SummaryTable } from './summary-reader';
import { planSwayCsv, type SwayTrial } from './sway-csv';
import type { TablePlan } from './table-plan';

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

function unknownFormat(text: string): FormatError {
  const header = readCsvHeader(text);
  return new FormatError(header.line, UNKNOWN_FORMAT_REASON);
}

function mapped<T, U>(plan: TablePlan<T>, map: (value: T) => U): TablePlan<U> {
  return { request: plan.request, finish: (read) => map(plan.finish(read)) };
}
