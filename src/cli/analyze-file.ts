/**
 * One file of `stork analyze`: read (any format, a folder or a zip as one recording of another
 * app) and analysed, every trial of it. What it resolves to is plain data, so that a worker
 * thread can hand it to the main thread as it is.
 */
import { analyze } from '../core/analyze';
import { AnalysisError } from '../core/errors';
import type { AnalysisOptions } from '../core/types';
import type { ImportedRecording } from '../formats/combine-sensors';
import { FormatError } from '../formats/format-error';
import {
  readRecordingGroup,
  readRecordings,
  readRecordingsFromAscii,
  type RecordingTrial,
} from '../formats/read-recordings';
import { baseName } from '../formats/sensor-file';
import type { NamedText } from '../formats/zip';
import { importSummary, type AnalyzedTrial } from './output';
import { describeReadError } from './read-error';

/** How a file is read. */
export interface FileReader {
  /** The file's text (UTF-8); rejects with Node's error (code ENOENT, EISDIR...) when it cannot. */
  readFile(path: string): Promise<string>;
  /**
   * The file's bytes when every one is ASCII, else its text (UTF-8), rejecting as `readFile`.
   * The bytes may be a view on a buffer that the next read reuses. Without it, `readFile`.
   */
  readAsciiOrText?(path: string): Promise<Uint8Array | string>;
  /** The file's bytes (for a zip archive). Without it, a zip is read as text (and fails). */
  readBytes?(path: string): Promise<Uint8Array>;
  /**
   * The names of the regular files in a directory. Without it, a directory is an error
   * ("is a directory"); with it, a directory is read as one recording of another app.
   */
  listDirectory?(path: string): Promise<string[]>;
}

/** What became of one file. */
export interface FileOutcome {
  /** Its analysed trials, in file order. */
  trials: AnalyzedTrial[];
  /**
   * What went wrong, one message per problem (`line 17: ax is not a number ("abc")`,
   * `trial "3": window shorter than 2 s (1.24 s)`). A file that cannot be read has one
   * problem and no trials.
   */
  problems: string[];
  /** What did not stop the analysis: rows another app's file had that could not be read. */
  notes: string[];
}

/** A folder's subfolder holding phyphox's metadata files (`meta/device.csv`, `meta/time.csv`). */
const PHYPHOX_META_FOLDER = 'meta';

/** Reads and analyses one file; never rejects (a fault is a problem "unexpected error"). */
export async function analyzeFile(
  file: string,
  options: AnalysisOptions,
  io: FileReader,
): Promise<FileOutcome> {
  const read = await readFileTrials(file, io);
  if (typeof read === 'string') return { trials: [], problems: [read], notes: [] };
  const trials: AnalyzedTrial[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  for (const { trialId, recording, imported } of read) {
    if (imported !== undefined && imported.skippedCount > 0) notes.push(skippedNote(imported));
    try {
      const analyzed: AnalyzedTrial = {
        file,
        trialId,
        result: analyze(recording, options),
        samplesReceived: recording.tS.length,
      };
      if (imported !== undefined) analyzed.imported = importSummary(imported);
      trials.push(analyzed);
    } catch (error) {
      const trialPrefix = trialId === null ? '' : `trial ${JSON.stringify(trialId)}: `;
      problems.push(trialPrefix + describeProblem(error));
    }
  }
  return { trials, problems, notes };
}

/**
 * The trials of a file, or what is wrong with it. A function of its own so that the file's
 * text (50 MB for an hour of 100 Hz samples) can be collected before the analysis starts.
 */
async function readFileTrials(file: string, io: FileReader): Promise<RecordingTrial[] | string> {
  try {
    if (file.toLowerCase().endsWith('.zip') && io.readBytes !== undefined) {
      // Loaded for the first zip only: fflate builds its Huffman tables when loaded (and its
      // Node build loads node:worker_threads), start-up work for a rare kind of file.
      const { unzipCsvFiles } = await import('../formats/zip');
      return [readRecordingGroup(unzipCsvFiles(await io.readBytes(file)))];
    }
    let content: Uint8Array | string;
    try {
      content = io.readAsciiOrText !== undefined ? await io.readAsciiOrText(file) : await io.readFile(file);
    } catch (error) {
      const isDirectory = (error as { code?: unknown } | null)?.code === 'EISDIR';
      if (!isDirectory || io.listDirectory === undefined) return describeReadError(error);
      return [await readDirectory(file, io)];
    }
    // Read at once, before anything else may reuse the bytes' buffer.
    return typeof content === 'string'
      ? readRecordings(content, baseName(file))
      : readRecordingsFromAscii(content, baseName(file));
  } catch (error) {
    if (error instanceof FormatError || !(error instanceof Error) || !('code' in error))
      return describeProblem(error);
    return describeReadError(error);
  }
}

/**
 * A directory as one recording of another app: its CSV files and those of its `meta/` folder
 * (an unpacked Sensor Logger or phyphox export), combined.
 *
 * @throws FormatError prefixed `is a directory: ` when they do not make a recording.
 */
async function readDirectory(directory: string, io: FileReader): Promise<RecordingTrial> {
  const list = io.listDirectory as (path: string) => Promise<string[]>;
  const files: NamedText[] = [];
  const addCsvFiles = async (folder: string, prefix: string) => {
    for (const name of (await list(folder)).filter((entry) => entry.toLowerCase().endsWith('.csv')).sort()) {
      files.push({ name: prefix + name, text: await io.readFile(`${folder}/${name}`) });
    }
  };
  await addCsvFiles(directory, '');
  await addCsvFiles(`${directory}/${PHYPHOX_META_FOLDER}`, `${PHYPHOX_META_FOLDER}/`).catch(() => undefined);
  if (files.length === 0) throw new FormatError(null, 'is a directory without CSV files');
  try {
    return readRecordingGroup(files);
  } catch (error) {
    if (error instanceof FormatError) throw new FormatError(null, `is a directory: ${error.message}`);
    throw error;
  }
}

/** Rows an import left out, in one line: `skipped 2 rows: line 17: x is not a number ("abc"); line 30: ...`. */
function skippedNote(imported: ImportedRecording): string {
  const shown = imported.skipped.slice(0, SKIPPED_ROWS_SHOWN);
  const listed = shown.map((row) => `${baseName(row.file)} line ${row.line}: ${row.reason}`).join('; ');
  const more = imported.skippedCount - shown.length;
  return `skipped ${imported.skippedCount} rows: ${listed}${more > 0 ? `; and ${more} more` : ''}`;
}

/** Skipped rows named in the note; the rest are counted. */
const SKIPPED_ROWS_SHOWN = 3;

/** The message of a reader's or the analysis's error; anything else is a fault, named as such. */
export function describeProblem(error: unknown): string {
  if (error instanceof FormatError || error instanceof AnalysisError) return error.message;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `unexpected error (please report): ${message.split('\n')[0]}`;
}
