/**
 * `stork analyze --jobs N`: N - 1 worker threads (node:worker_threads) beside the main thread,
 * each reading and analysing one file at a time in its own V8 isolate. A thread takes the next
 * file when it is ready (its code loaded) and whenever it finishes one, so that files go to
 * whichever thread is free and the main thread does not wait for threads still starting. The
 * threads run the command line's bundle itself (src/cli/node.ts), which serves files when it
 * is started with WORKER_MARK.
 */
import type { Worker } from 'node:worker_threads';
import type { AnalysisOptions } from '../core/types';
import type { FileOutcome } from './analyze-file';

/** The worker data that makes the bundle serve files instead of running the command line. */
export const WORKER_MARK = { storkWorker: true } as const;

/**
 * The argument a worker thread is started with (its process.argv ends with it), so that the
 * bundle can tell a thread it started without loading node:worker_threads in every `stork`
 * process: most never start a thread, and loading the module (with its streams) took 0.4 ms
 * of each start. Only a thread that also has WORKER_MARK serves files.
 */
export const WORKER_ARGUMENT = '--stork-worker-thread';

/** A file to analyse, and where its outcome goes (called once). */
export interface FileTask {
  file: string;
  options: AnalysisOptions;
  finish(outcome: FileOutcome): void;
}

/** What the main thread sends a worker. */
export interface FileJob {
  file: string;
  options: AnalysisOptions;
}

/** What a worker sends back: that it is ready, or a file's outcome. */
export type WorkerMessage = { kind: 'ready' } | { kind: 'outcome'; outcome: FileOutcome };

/** Threads analysing files; `close` stops them (once every file is done). */
export interface WorkerThreads {
  close(): Promise<void>;
}

/**
 * Starts `count` threads running `script` (a file: URL) with WORKER_MARK; each asks `take` for
 * a file when it is ready and after each outcome, until `take` has none. A thread that dies
 * (out of memory on a hostile file, a fault) fails the file it had, one line of its own
 * ("unexpected error (please report): ..."), and another takes its place.
 */
export function startWorkerPool(script: URL, count: number, take: () => FileTask | undefined): WorkerThreads {
  const workers = new Set<Worker>();
  const tasks = new Map<Worker, FileTask>();
  let closing = false;
  // A thread that dies with a file is replaced, up to `count` times: not forever when threads cannot start.
  let replacements = count;

  const give = (worker: Worker) => {
    const task = take();
    if (task === undefined) return;
    tasks.set(worker, task);
    worker.postMessage({ file: task.file, options: task.options } satisfies FileJob);
  };

  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const start = () => {
    const worker = new Worker(script, { workerData: WORKER_MARK, argv: [WORKER_ARGUMENT] });
    workers.add(worker);
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'outcome') {
        const task = tasks.get(worker);
        tasks.delete(worker);
        task?.finish(message.outcome);
      }
      give(worker);
    });
    const die = (why: string) => {
      if (!workers.delete(worker)) return;
      const task = tasks.get(worker);
      tasks.delete(worker);
      if (task === undefined || closing) return;
      task.finish({ trials: [], problems: [`unexpected error (please report): ${why}`], notes: [] });
      if (replacements > 0) {
        replacements -= 1;
        start();
      }
    };
    worker.on('error', (error) => die(`${error.name}: ${error.message.split('\n')[0]}`));
    worker.on('exit', (code) => die(`the worker thread stopped (exit code ${code})`));
  };

  for (let k = 0; k < count; k++) start();
  return {
    async close() {
      closing = true;
      await Promise.all([...workers].map((worker) => worker.terminate()));
    },
  };
}
