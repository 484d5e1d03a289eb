/**
 * The command line's words (SPEC section 8), checked:
 * `stork analyze FILE... [--files-from LIST] [--from S] [--to S] [--rate HZ] [--cutoff HZ]
 * [--format json|csv] [--jobs N]`, `stork --help`, `stork analyze --help`, `stork --version`.
 */
import { parseArgs } from 'node:util';
import type { AnalysisOptions } from '../core/types';

/** Output formats of `analyze`: JSON (the default) or the summary CSV. */
export const OUTPUT_FORMATS = ['json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What a help page is about: the whole command line, or `analyze`. */
export type HelpTopic = 'stork' | 'analyze';

export interface AnalyzeCommand {
  name: 'analyze';
  /** The files named on the command line, in order. */
  files: string[];
  /** `--files-from` lists (a path, or `-` for standard input), in order; their files come after `files`. */
  fileLists: string[];
  options: AnalysisOptions;
  format: OutputFormat;
  /** `--jobs`: worker threads; undefined for the default (defaultJobs). */
  jobs: number | undefined;
}

export type Command = { name: 'help'; topic: HelpTopic } | { name: 'version' } | AnalyzeCommand;

/** Words that do not make a valid command: the message says which and why, on one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  rate: { type: 'string' },
  cutoff: { type: 'string' },
  format: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'files-from': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** The commands there are. */
const COMMANDS = ['analyze', 'help'] as const;

/** A decimal number as the options take it: `12`, `-0.5`, `1e3`; not `abc`, `0x10`, `Infinity`. */
const DECIMAL_OPTION = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A whole number as `--jobs` takes it: `1`, `16`; not `1.5`, `1e3`, `-2`. */
const WHOLE_NUMBER = /^\d+$/;

/**
 * More worker threads than this is a typing error, not a machine (the largest servers have a
 * few hundred cores); each worker costs about 10 MB.
 */
export const MAX_JOBS = 1024;

/**
 * Bytes of files per thread when `--jobs` is not given: a thread (the main one first) for
 * every BYTES_PER_THREAD of the files' sizes or part of them, up to the cores and the files. A
 * thread starts its own V8, loads the bundle and warms up its own JIT (about 0.1 s of a core
 * before its files go at full speed), so it pays off only on enough work, which grows with the
 * bytes to read. On the 2 cores of the development machine one thread was faster on 240
 * recordings of 45 s at 60 Hz (62 MB: 494 against 521 ms), the two the same on 120 files of
 * 60 s at 100 Hz (99 MB), two threads faster from 124 MB on (480 of the short recordings: 719
 * against 770 ms; 240 of the long files, 198 MB: 686 against 810 ms); docs/benchmarks.md, "A
 * whole data set".
 */
export const BYTES_PER_THREAD = 100e6;

/** `--jobs` when not given: a thread per BYTES_PER_THREAD of `totalBytes`, at least 1, at most `cores` and the files. */
export function defaultJobs(totalBytes: number, fileCount: number, cores: number): number {
  return Math.max(1, Math.min(cores, fileCount, Math.ceil(totalBytes / BYTES_PER_THREAD)));
}

/**
 * The command the words ask for.
 *
 * @throws UsageError for an unknown command or option, a missing or bad value
 *   (`--rate must be a positive number of Hz, got "abc"`), `--from` not before `--to`,
 *   `--cutoff` not below half `--rate`, or no file.
 */
export function parseCommand(argv: readonly string[], defaultRateHz: number): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (command !== undefined && !(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command ${JSON.stringify(command)} (the commands: ${COMMANDS.join(', ')})`);
  }
  if (command === 'help') return { name: 'help', topic: files[0] === 'analyze' ? 'analyze' : 'stork' };
  if (values.help) return { name: 'help', topic: command === 'analyze' ? 'analyze' : 'stork' };
  if (values.version) return { name: 'version' };
  if (command === undefined) throw new UsageError('no command');
  const fileLists = values['files-from'] ?? [];
  if (files.length === 0 && fileLists.length === 0) {
    throw new UsageError('analyze: no file given (FILE... or --files-from LIST)');
  }
  const format = values.format ?? 'json';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be json or csv, got ${JSON.stringify(format)}`);
  }
  const options: AnalysisOptions = {};
  const fromS = numberOption('from', values.from, 'a number of seconds');
  const toS = numberOption('to', values.to, 'a number of seconds');
  const rateHz = numberOption('rate', values.rate, 'a positive number of Hz', true);
  const cutoffHz = numberOption('cutoff', values.cutoff, 'a positive number of Hz', true);
  const nyquistHz = (rateHz ?? defaultRateHz) / 2;
  if (cutoffHz !== undefined && !(cutoffHz < nyquistHz)) {
    throw new UsageError(
      `--cutoff must be below half the rate (${nyquistHz} Hz), got ${JSON.stringify(values.cutoff)}`,
    );
  }
  if (fromS !== undefined && toS !== undefined && !(fromS < toS)) {
    throw new UsageError(`--from (${fromS} s) must be before --to (${toS} s)`);
  }
  if (fromS !== undefined) options.fromS = fromS;
  if (toS !== undefined) options.toS = toS;
  if (rateHz !== undefined) options.rateHz = rateHz;
  if (cutoffHz !== undefined) options.cutoffHz = cutoffHz;
  return {
    name: 'analyze',
    files,
    fileLists,
    options,
    format: format as OutputFormat,
    jobs: jobsOption(values.jobs),
  };
}

/** parseArgs's explanation (unknown option, missing value, ambiguous value), on one line. */
function parseArgsMessage(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted !== undefined) {
    return `unknown option ${quoted}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && / argument missing/.test(error.message)) {
    return `${quoted?.split(' ')[0] ?? 'an option'} needs a value`;
  }
  return error.message.replace(/\s*\n\s*/g, ' ');
}

function numberOption(
  name: string,
  text: string | undefined,
  what: string,
  positive = false,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!DECIMAL_OPTION.test(text.trim()) || !Number.isFinite(value) || (positive && !(value > 0))) {
    throw new UsageError(`--${name} must be ${what}, got ${JSON.stringify(text)}`);
  }
  return value;
}

function jobsOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!WHOLE_NUMBER.test(text.trim()) || !(value >= 1 && value <= MAX_JOBS)) {
    throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/**
 * The paths of a `--files-from` list: one a line (LF or CRLF), as written (spaces kept: a
 * path may have them); empty lines are skipped.
 */
export function listedFiles(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line !== '');
}
