/**
 * Which file format a text is, from its header alone.
 *
 * Detectors are tried in order; the first that recognises the header wins. Each looks at the
 * first non-blank line as written and at its comma-separated cells (trimmed, lower case,
 * quotes removed), so a detector for a `;`- or tab-separated export (phyphox) can inspect the
 * raw line and one for a known column set (Sensor Logger: `time,seconds_elapsed,z,y,x`) can
 * inspect the cells. Add a format by adding a name and a detector.
 */
import { lineEndAt, stripByteOrderMark } from './csv-text';
import { isCoreMotionGHeader, isUbcBalanceTestHeader } from './phone-exports';
import { isPhyphoxHeader } from './phyphox';
import { isSensorLoggerHeader, isSensorLoggerMetadataHeader } from './sensor-logger';

export type FileFormat =
  | 'stork-samples'
  | 'sway-2d'
  | 'stork-summary'
  | 'phyphox'
  | 'phyphox-meta'
  | 'sensor-logger'
  | 'sensor-logger-metadata'
  | 'ubc-balance-test'
  | 'coremotion-g'
  | 'unknown';

/** What detectors see of a file. */
export interface HeaderLine {
  /** The first non-blank line, BOM removed, without its line end. */
  text: string;
  /** Its comma-separated cells, trimmed, lower case, with surrounding double quotes removed. */
  cells: string[];
}

export interface FormatDetector {
  format: Exclude<FileFormat, 'unknown'>;
  matches(header: HeaderLine): boolean;
}

/**
 * The known formats. Order matters where headers overlap: the summary CSV and the UBC export
 * (`ts,ax,ay,az,...`) before the samples CSV (any header with acceleration columns is a samples
 * file, even with one column missing, so the reader can say which); samples before sway (a
 * header with ap or ml).
 */
export const FORMAT_DETECTORS: readonly FormatDetector[] = [
  {
    format: 'stork-summary',
    matches: ({ cells }) => cells.includes('trial_id') && cells.includes('analysis_version'),
  },
  { format: 'ubc-balance-test', matches: ({ text }) => isUbcBalanceTestHeader(text) },
  { format: 'sensor-logger-metadata', matches: ({ text }) => isSensorLoggerMetadataHeader(text) },
  { format: 'sensor-logger', matches: ({ text }) => isSensorLoggerHeader(text) },
  { format: 'phyphox', matches: ({ text }) => isPhyphoxHeader(text) },
  { format: 'phyphox-meta', matches: ({ text }) => isPhyphoxMetaHeader(text) },
  { format: 'coremotion-g', matches: ({ text }) => isCoreMotionGHeader(text) },
  {
    format: 'stork-samples',
    matches: ({ cells }) => ['ax', 'ay', 'az'].some((name) => cells.includes(name)),
  },
  { format: 'sway-2d', matches: ({ cells }) => ['ap', 'ml'].some((name) => cells.includes(name)) },
];

/** phyphox's `meta/device.csv` (`"property";"value"`) and `meta/time.csv` (`"event";"experiment time";...`). */
function isPhyphoxMetaHeader(text: string): boolean {
  const normalised = text.replace(/"/g, '').toLowerCase();
  return /^property[;,\t]value$/.test(normalised) || /^event[;,\t]experiment time[;,\t]/.test(normalised);
}

/** The format of `text`, or 'unknown' (also for an empty text). */
export function detectFormat(text: string): FileFormat {
  const header = firstLine(text);
  if (header === null) return 'unknown';
  return FORMAT_DETECTORS.find((detector) => detector.matches(header))?.format ?? 'unknown';
}

/**
 * The first non-blank line of the text, or null when there is none.
 *
 * Found with indexOf, not a regular expression: V8 keeps the subject of the last regular
 * expression match alive (RegExp.lastMatch), and a substring keeps its whole parent string
 * alive, so a regex on a slice of a 50 MB file would keep the file in memory during the
 * analysis that follows.
 */
export function firstLine(input: string): HeaderLine | null {
  const text = stripByteOrderMark(input);
  let start = 0;
  while (start < text.length) {
    const end = lineEndAt(text, start);
    const line = text.slice(start, end);
    if (line.trim() !== '') return { text: line, cells: line.split(',').map(headerCell) };
    start = end + 1;
  }
  return null;
}

/** A header cell as detectors compare it: trimmed, without surrounding double quotes, lower case. */
function headerCell(cell: string): string {
  const trimmed = cell.trim();
  const unquoted =
    trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
  return unquoted.toLowerCase();
}
