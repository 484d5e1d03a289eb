/**
 * Which file format a text is, from its header alone.
 *
 * Detectors are tried in order; the first that recognises the header wins. Each looks at the
 * first non-blank line as written and at its comma-separated cells (trimmed, lower case,
 * quotes removed), so a detector for a `;`- or tab-separated export (phyphox) can inspect the
 * raw line and one for a known column set (Sensor Logger: `time,seconds_elapsed,z,y,x`) can
 * inspect the cells. Add a format by adding a name and a detector.
 */
import { isBlankText, stripByteOrderMark } from './csv-text';

export type FileFormat = 'stork-samples' | 'sway-2d' | 'unknown';

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
 * The known formats. Samples before sway: a header with acceleration columns is a samples
 * file (even with one column missing, so the reader can say which); one with ap or ml is sway.
 */
export const FORMAT_DETECTORS: readonly FormatDetector[] = [
  {
    format: 'stork-samples',
    matches: ({ cells }) => ['ax', 'ay', 'az'].some((name) => cells.includes(name)),
  },
  { format: 'sway-2d', matches: ({ cells }) => ['ap', 'ml'].some((name) => cells.includes(name)) },
];

/** The format of `text`, or 'unknown' (also for an empty text). */
export function detectFormat(text: string): FileFormat {
  const header = firstLine(text);
  if (header === null) return 'unknown';
  return FORMAT_DETECTORS.find((detector) => detector.matches(header))?.format ?? 'unknown';
}

/** Longest stretch of text searched for the first line: a header is never this long. */
const HEADER_SEARCH_CHARS = 65536;

/** The first non-blank line of the text, or null when there is none. */
export function firstLine(input: string): HeaderLine | null {
  if (isBlankText(input)) return null;
  const text = stripByteOrderMark(input).slice(0, HEADER_SEARCH_CHARS);
  const line = text.split(/\r\n?|\n/).find((candidate) => candidate.trim() !== '');
  if (line === undefined) return null;
  const cells = line.split(',').map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase(),
  );
  return { text: line, cells };
}
