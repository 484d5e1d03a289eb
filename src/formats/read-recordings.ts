/**
 * Any file Stork reads, detected from its header, as analysable recordings.
 */
import type { Recording } from '../core/types';
import { readCsvHeader } from './csv-table';
import { detectFormat, type FileFormat } from './detect-format';
import { FormatError } from './format-error';
import { readSamplesCsv } from './samples-csv';
import { readSwayCsv } from './sway-csv';

/** One trial of a file, whatever its format. */
export interface RecordingTrial {
  format: Exclude<FileFormat, 'unknown'>;
  trialId: string | null;
  recording: Recording;
  /** The 1-based line of the file each sample is on. */
  lines: Int32Array;
}

/**
 * Detects the format and reads every trial of the file.
 *
 * @throws FormatError: the readers' errors, and `line 1: not a Stork samples or 2-D sway CSV
 *   (no ax, ay, az or ap, ml columns)` for a header no format recognises.
 */
export function readRecordings(text: string): RecordingTrial[] {
  const format = detectFormat(text);
  switch (format) {
    case 'stork-samples':
      return readSamplesCsv(text).map((trial) => ({ format, ...trial }));
    case 'sway-2d':
      return readSwayCsv(text).map((trial) => ({ format, ...trial }));
    case 'unknown': {
      const header = readCsvHeader(text);
      throw new FormatError(
        header.line,
        'not a Stork samples or 2-D sway CSV (no ax, ay, az or ap, ml columns)',
      );
    }
  }
}
