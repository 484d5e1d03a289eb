/**
 * `stork`, the command line (SPEC section 8): argument parsing and printing around the file
 * formats and the analysis. `run` does no I/O of its own, so tests call it in-process with a
 * fake file system and capture what it prints; src/cli/node.ts gives it Node's, and worker
 * threads.
 */
import { ANALYSIS_VERSION, DEFAULT_RATE_HZ, SWAY_ANALYSIS_VERSION } from '../core/options';
import type { AnalysisOptions } from '../core/types';
import packageJson from '../../package.json' with { type: 'json' };
import { analyzeFile, type FileOutcome, type FileReader } from './analyze-file';
import {
  BYTES_PER_THREAD,
  defaultJobs,
  listedFiles,
  parseCommand,
  UsageError,
  type AnalyzeCommand,
} from './arguments';
import { ANALYZE_HELP, SHORT_USAGE, STORK_HELP } from './help';
import { formatResults, type AnalyzedTrial } from './output';
import { ProgressLine } from './progress';
import { describeReadError } from './read-error';
import type { FileTask, WorkerThreads } from './worker-pool';

/** What `run` may do to the world. */
export interface CliIo extends FileReader {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input's text (`--files-from -`). Without it, `-` is a usage error. */
  readStdin?(): Promise<string>;
  /** The default of `--jobs`: the cores there are to use (1 without). */
  cores?: number;
  /**
   * A file's size in bytes, 0 when it has none to tell (a folder, a missing file): for the
   * default of `--jobs`. Without it, that default is one thread.
   */
  fileSize?(path: string): number;
  /**
   * Starts `count` worker threads beside this one, each taking files from `take` while it
   * has some (worker-pool.ts). Without it, files are analysed in this thread, one after
   * another, whatever `--jobs` says.
   */
  startWorkers?(count: number, take: () => FileTask | undefined): WorkerThreads;
  /** Standard error is a terminal: keep a progress line on it. */
  stderrIsTerminal?: boolean;
  /** A monotonic clock, ms (for the progress line). */
  now?(): number;
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
  let files: string[];
  try {
    command = parseCommand(argv, DEFAULT_RATE_HZ);
    files = command.name === 'analyze' ? await filesToAnalyze(command, io) : [];
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`stork: ${error.message}\n${SHORT_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (command.name === 'help') {
    io.stdout(command.topic === 'analyze' ? ANALYZE_HELP : STORK_HELP);
    return EXIT_OK;
  }
  if (command.name === 'version') {
    io.stdout(
      `stork ${packageJson.version} (analysis version ${ANALYSIS_VERSION}, 2-D sway ${SWAY_ANALYSIS_VERSION})\n`,
    );
    return EXIT_OK;
  }
  const jobs = Math.min(
    command.jobs ?? defaultJobs(filesBytes(files, io), files.length, io.cores ?? 1),
    files.length,
  );
  const progress =
    io.stderrIsTerminal === true && files.length > 1
      ? new ProgressLine(io.stderr, io.now ?? (() => performance.now()), files.length)
      : null;
  const say = progress === null ? io.stderr : (lines: string) => progress.message(lines);
  const trials: AnalyzedTrial[] = [];
  let allRead = true;
  try {
    await analyzeInInputOrder(
      files,
      command.options,
      jobs,
      io,
      (file, { trials: fileTrials, problems, notes }, done) => {
        const lines = [...notes, ...problems].map((line) => `stork: ${file}: ${line}\n`).join('');
        if (lines !== '') say(lines);
        if (problems.length > 0) allRead = false;
        for (const trial of fileTrials) trials.push(trial);
        progress?.update(done);
      },
    );
  } finally {
    progress?.clear();
  }
  io.stdout(formatResults(trials, command.format, packageJson.version));
  return allRead ? EXIT_OK : EXIT_BAD_FILE;
}

/**
 * The files named, then those of the `--files-from` lists.
 *
 * @throws UsageError when a list cannot be read, or all of them together name no file.
 */
async function filesToAnalyze(command: AnalyzeCommand, io: CliIo): Promise<string[]> {
  const files = [...command.files];
  for (const list of command.fileLists) {
    let text: string;
    try {
      if (list === '-' && io.readStdin === undefined) throw new UsageError('no standard input to read');
      text = list === '-' && io.readStdin !== undefined ? await io.readStdin() : await io.readFile(list);
    } catch (error) {
      const why = error instanceof UsageError ? error.message : describeReadError(error);
      throw new UsageError(`--files-from ${list}: ${why}`);
    }
    files.push(...listedFiles(text));
  }
  if (files.length === 0)
    throw new UsageError(`--files-from ${command.fileLists.join(', ')}: no file listed`);
  return files;
}

/**
 * Lets the event loop run: a thread's messages (its outcome, its being ready for a file) are
 * events, and this thread's files follow one another in promise callbacks alone, which run
 * before any event. Without a turn between its files, this thread took every file before a
 * thread could ask for one, and `--jobs 2` ran as `--jobs 1`.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The files' sizes added up, for the default of `--jobs`: only as many as it takes to know
 * that every core gets a thread (a list of a hundred thousand files is not all stat-ed).
 */
function filesBytes(files: readonly string[], io: CliIo): number {
  const cores = io.cores ?? 1;
  if (io.fileSize === undefined || cores <= 1 || files.length <= 1) return 0;
  const enough = cores * BYTES_PER_THREAD;
  let total = 0;
  for (const file of files) {
    total += io.fileSize(file);
    if (total >= enough) break;
  }
  return total;
}

/**
 * Analyses `files`, `jobs` at once: this thread and `jobs - 1` worker threads each take the
 * next file when free. Hands each outcome to `emit` in the order of `files`, as soon as it and
 * those before it are done; `done` counts the files finished so far, whatever their order.
 * Outcomes that arrive early wait; emitted ones are not kept.
 */
export async function analyzeInInputOrder(
  files: readonly string[],
  options: AnalysisOptions,
  jobs: number,
  io: CliIo,
  emit: (file: string, outcome: FileOutcome, done: number) => void,
): Promise<void> {
  const waiting = new Map<number, FileOutcome>();
  let next = 0;
  let done = 0;
  let taken = 0;
  let allDone = () => {};
  const finished = new Promise<void>((resolve) => {
    allDone = resolve;
  });
  const finish = (index: number, outcome: FileOutcome) => {
    done += 1;
    waiting.set(index, outcome);
    for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
      waiting.delete(next);
      emit(files[next] as string, ready, done);
      next += 1;
    }
    if (done === files.length) allDone();
  };
  const take = (): FileTask | undefined => {
    if (taken >= files.length) return undefined;
    const index = taken++;
    let finishedOnce = false;
    return {
      file: files[index] as string,
      options,
      finish: (outcome) => {
        if (finishedOnce) return;
        finishedOnce = true;
        finish(index, outcome);
      },
    };
  };
  const threads = jobs > 1 && io.startWorkers !== undefined ? io.startWorkers(jobs - 1, take) : null;
  try {
    // This thread works too, one file at a time (so that it holds one file's text), while the
    // threads start and beside them.
    for (let task = take(); task !== undefined; task = take()) {
      task.finish(await analyzeFile(task.file, task.options, io));
      if (threads !== null) await nextTurn();
    }
    if (files.length > 0) await finished;
  } finally {
    await threads?.close();
  }
}
