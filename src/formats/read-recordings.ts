/**
 * Any file Stork reads, detected from its header, as analysable recordings: what
 * `stork analyze` runs on.
 */
import type { Recording } from '../core/types';
import { analysableRecording, type ImportedRecording } from './combine-sensors';
import { detectFormat, type FileFormat } from './detect-format';
import { FormatError } from './format-error';
import { readRecordingFiles } from './import-files';
import { planFileContents, readFileContents, type FileContents } from './read-file';
import { asciiText, leadingLinesEnd, plainLineFeeds } from './ascii-rows';
import { readCsvTablesAscii } from './csv-table';
import { PLAN_START_LINES, type TablePlan } from './table-plan';
import type { NamedText } from './zip';

/** One trial of a file, whatever its format. */
export interface RecordingTrial {
  format: Exclude<FileFormat, 'unknown'>;
  trialId: string | null;
  recording: Recording;
  /** The 1-based line of the file each sample is on. */
  lines: Int32Array;
  /** For another app's recording: what was converted, left out and decided. */
  imported?: ImportedRecording;
}

/** What a Stork summary CSV is not. */
export const SUMMARY_NOT_SAMPLES_REASON =
  'a Stork summary CSV holds results, not samples: analyse the samples CSV';

/** What metadata files are not. */
export const METADATA_NOT_SAMPLES_REASON =
  'a metadata file holds no samples: give it together with the sensor files (a folder or a zip)';

/**
 * Detects the format and reads every trial of the file. `fileName` tells other apps' sensor
 * files apart (Sensor Logger's sensor is only in the name).
 *
 * @throws FormatError: the readers' errors; UNKNOWN_FORMAT_REASON (read-file.ts) for a header
 *   no format recognises; SUMMARY_NOT_SAMPLES_REASON; METADATA_NOT_SAMPLES_REASON; and
 *   NOT_ANALYSABLE (combine-sensors.ts) for a recording without acceleration with gravity.
 */
export function readRecordings(text: string, fileName = ''): RecordingTrial[] {
  const format = detectFormat(text);
  if (format === 'stork-summary') throw new FormatError(null, SUMMARY_NOT_SAMPLES_REASON);
  if (format === 'sensor-logger-metadata' || format === 'phyphox-meta') {
    throw new FormatError(null, METADATA_NOT_SAMPLES_REASON);
  }
  const contents = readFileContents(text, fileName);
  return tableTrials(contents) ?? [importedTrial(readRecordingFiles([{ name: fileName, text }]))];
}

/**
 * `readRecordings` of the text that ASCII bytes encode (the caller knows they are ASCII, e.g.
 * from Node's `buffer.isAscii`): the same trials and errors. A Stork samples or 2-D sway CSV
 * without quotes is read from the bytes (ascii-rows.ts), with no string of the whole text;
 * any other file as text. The trials hold no reference to the bytes, which may be reused.
 */
export function readRecordingsFromAscii(bytes: Uint8Array, fileName = ''): RecordingTrial[] {
  const lineFeeds = plainLineFeeds(bytes);
  const startEnd = lineFeeds === null ? -1 : leadingLinesEnd(bytes, lineFeeds, PLAN_START_LINES);
  const start = startEnd < 0 ? '' : asciiText(bytes, 0, startEnd);
  const format = startEnd < 0 ? 'unknown' : detectFormat(start);
  if (lineFeeds === null || (format !== 'stork-samples' && format !== 'sway-2d'))
    return readRecordings(asciiText(bytes), fileName);
  const plan = planFileContents(start, fileName) as TablePlan<FileContents>;
  return tableTrials(plan.finish(readCsvTablesAscii(bytes, lineFeeds, plan.request))) as RecordingTrial[];
}

/** The trials of a Stork samples or 2-D sway file, or undefined for another app's sensor file. */
function tableTrials(contents: FileContents): RecordingTrial[] | undefined {
  switch (contents.format) {
    case 'stork-samples':
      return contents.samples.trials.map((trial) => ({ format: contents.format, ...trial }));
    case 'sway-2d':
      return contents.trials.map((trial) => ({ format: contents.format, ...trial }));
    case 'stork-summary':
    case 'sensor-logger-metadata':
    case 'phyphox-meta':
      throw new FormatError(null, METADATA_NOT_SAMPLES_REASON);
    default:
      return undefined;
  }
}

/**
 * The files of one recording of another app (a Sensor Logger export's folder or zip, a phyphox
 * CSV zip), combined into one trial.
 *
 * @throws FormatError naming the file for a file that cannot be read, and as `readRecordings`.
 */
export function readRecordingGroup(files: readonly NamedText[]): RecordingTrial {
  return importedTrial(readRecordingFiles(files));
}

function importedTrial(imported: ImportedRecording): RecordingTrial {
  return {
    format: imported.format,
    trialId: null,
    recording: analysableRecording(imported),
    lines: imported.lines,
    imported,
  };
}
