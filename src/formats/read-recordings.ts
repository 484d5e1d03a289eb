/**
 * Any file Stork reads, detected from its header, as analysable recordings: what
 * `stork analyze` runs on.
 */
import type { Recording } from '../core/types';
import { analysableRecording, type ImportedRecording } from './combine-sensors';
import { detectFormat, type FileFormat } from './detect-format';
import { FormatError } from './format-error';
import { readRecordingFiles } from './import-files';
import { readFileContents } from './read-file';
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
      return [importedTrial(readRecordingFiles([{ name: fileName, text }]))];
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
