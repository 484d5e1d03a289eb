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
import { readRecordings, type RecordingTrial } from '../formats/read-recordings';
import packageJson from '../../package.json' with { type: 'json' };
import { parseCommand, USAGE, UsageError } from './arguments';
import { formatResults, type AnalyzedTrial } from './output';
import { describeReadError } from './read-error';

/** What `run` may do to the world. */
export interface CliIo {
  /** The file's text (UTF-8); rejects with Node's error (code ENOENT, EISDIR...) when it cannot. */
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

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
    const problems = await analyzeFile(file, command.options, io, trials);
    for (const problem of problems) io.stderr(`stork: ${file}: ${problem}\n`);
    if (problems.length > 0) allRead = false;
  }
  io.stdout(formatResults(trials, command.format, packageJson.version));
  return allRead ? EXIT_OK : EXIT_BAD_FILE;
}

/**
 * Reads and analyses one file, adding its trials to `trials`; resolves to what went wrong,
 * one message per problem (`line 17: ax is not a number ("abc")`, `trial "3": window shorter
 * than 2 s (1.24 s)`). A file that cannot be read has one problem and no trials.
 */
async function analyzeFile(
  file: string,
  options: AnalysisOptions,
  io: CliIo,
  trials: AnalyzedTrial[],
): Promise<string[]> {
  const read = await readFileTrials(file, io);
  if (typeof read === 'string') return [read];
  const problems: string[] = [];
  for (const { trialId, recording } of read) {
    try {
      trials.push({ file, trialId, result: analyze(recording, options) });
    } catch (error) {
      const trialPrefix = trialId === null ? '' : `trial ${JSON.stringify(trialId)}: `;
      problems.push(trialPrefix + describeProblem(error));
    }
  }
  return problems;
}

/**
 * The trials of a file, or what is wrong with it. A function of its own so that the file's
 * text (50 MB for an hour of 100 Hz samples) can be collected before the analysis starts.
 */
async function readFileTrials(file: string, io: CliIo): Promise<RecordingTrial[] | string> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    return describeReadError(error);
  }
  try {
    return readRecordings(text);
  } catch (error) {
    return describeProblem(error);
  }
}

/** The message of a reader's or the analysis's error; anything else is a fault, named as such. */
function describeProblem(error: unknown): string {
  if (error instanceof FormatError || error instanceof AnalysisError) return error.message;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `unexpected error (please report): ${message.split('\n')[0]}`;
}
