/**
 * `stork`, the command line (SPEC section 8): argument parsing and printing around the file
 * formats and the analysis. `run` does no I/O of its own, so tests call it in-process with a
 * fake file system and capture what it prints; bin/stork.mjs gives it Node's.
 */
import { analyze } from '../core/analyze';
import { AnalysisError } from '../core/errors';
import { DEFAULT_RATE_HZ } from '../core/options';
import type { AnalysisOptions } from '../core/types';
import { FormatError } from '../formats/format-error';
import { readRecordingGroup, readRecordings, type RecordingTrial } from '../formats/read-recordings';
import type { ImportedRecording } from '../formats/combine-sensors';
import { baseName } from '../formats/sensor-file';
import { unzipCsvFiles, type NamedText } from '../formats/zip';
import packageJson from '../../package.json' with { type: 'json' };
import { parseCommand, USAGE, UsageError } from './arguments';
import { formatResults, type AnalyzedTrial } from './output';
import { describeReadError } from './read-error';

/** What `run` may do to the world. */
export interface CliIo {
  /** The file's text (UTF-8); rejects with Node's error (code ENOENT, EISDIR...) when it cannot. */
  readFile(path: string): Promise<string>;
  /** The file's bytes (for a zip archive). Without it, a zip is read as text (and fails). */
  readBytes?(path: string): Promise<Uint8Array>;
  /**
   * The names of the regular files in a directory. Without it, a directory is an error
   * ("is a directory"); with it, a directory is read as one recording of another app.
   */
  listDirectory?(path: string): Promise<string[]>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A folder's subfolder holding phyphox's metadata files (`meta/device.csv`, `meta/time.csv`). */
const PHYPHOX_META_FOLDER = 'meta';

/** Exit status: every file analysed. */
export const EXIT_OK = 0;
/** Exit status: some file could not be read or analysed (the others were). */
export const EXIT_BAD_FILE = 1;
/** Exit status: the command line itself is wrong (the usual convention for usage errors). */
export const EXIT_USAGE = 2;

/** Runs the command line `argv` (the words after `stork`) and resolves to the exit status. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let command;
  try {
    command = parseCommand(argv, DEFAULT_RATE_HZ);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`stork: ${error.message}\nUsage: stork analyze FILE... [options]; stork --help for more\n`);
    return EXIT_USAGE;
  }
  if (command.name === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const trials: AnalyzedTrial[] = [];
  let allRead = true;
  for (const file of command.files) {
    const { problems, notes } = await analyzeFile(file, command.options, io, trials);
    for (const line of [...notes, ...problems]) io.stderr(`stork: ${file}: ${line}\n`);
    if (problems.length > 0) allRead = false;
  }
  io.stdout(formatResults(trials, command.format, packageJson.version));
  return allRead ? EXIT_OK : EXIT_BAD_FILE;
}

/**
 * Reads and analyses one file, adding its trials to `trials`; resolves to what went wrong,
 * one message per problem (`line 17: ax is not a number ("abc")`, `trial "3": window shorter
 * than 2 s (1.24 s)`), and notes that do not stop the analysis (rows another app's file had
 * that could not be read: `skipped 2 rows: ...`). A file that cannot be read has one problem
 * and no trials.
 */
async function analyzeFile(
  file: string,
  options: AnalysisOptions,
  io: CliIo,
  trials: AnalyzedTrial[],
): Promise<{ problems: string[]; notes: string[] }> {
  const read = await readFileTrials(file, io);
  if (typeof read === 'string') return { problems: [read], notes: [] };
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
      if (imported !== undefined) analyzed.imported = imported;
      trials.push(analyzed);
    } catch (error) {
      const trialPrefix = trialId === null ? '' : `trial ${JSON.stringify(trialId)}: `;
      problems.push(trialPrefix + describeProblem(error));
    }
  }
  return { problems, notes };
}

/**
 * The trials of a file, or what is wrong with it. A function of its own so that the file's
 * text (50 MB for an hour of 100 Hz samples) can be collected before the analysis starts.
 */
async function readFileTrials(file: string, io: CliIo): Promise<RecordingTrial[] | string> {
  try {
    if (file.toLowerCase().endsWith('.zip') && io.readBytes !== undefined) {
      return [readRecordingGroup(unzipCsvFiles(await io.readBytes(file)))];
    }
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      const isDirectory = (error as { code?: unknown } | null)?.code === 'EISDIR';
      if (!isDirectory || io.listDirectory === undefined) return describeReadError(error);
      return [await readDirectory(file, io)];
    }
    return readRecordings(text, baseName(file));
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
async function readDirectory(directory: string, io: CliIo): Promise<RecordingTrial> {
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
function describeProblem(error: unknown): string {
  if (error instanceof FormatError || error instanceof AnalysisError) return error.message;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `unexpected error (please report): ${message.split('\n')[0]}`;
}
