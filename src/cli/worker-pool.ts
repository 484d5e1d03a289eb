/**
 * `stork analyze --jobs N`: N worker threads (node:worker_threads), each reading and analysing
 * one file at a time in its own V8 isolate; a file goes to the first thread that is free. The
 * threads run the command line's bundle itself (src/cli/node.ts), which serves files when it
 * is started as a worker.
 */
import { Worker } from 'node:worker_threads';
import type { AnalysisOptions } from '../core/types';
import type { FileOutcome } from './analyze-file';
import type { FileAnalyzer } from './main';

/** The worker data that makes the bundle serve files instead of running the command line. */
export const WORKER_MARK = { storkWorker: true } as const;

/** A file for a worker. */
export interface FileJob {
  file: string;
  options: AnalysisOptions;
}

interface Job extends FileJob {
  resolve(outcome: FileOutcome): void;
}

/** Starts `count` threads running `script` (a file: URL) as workers. */
export function startWorkerPool(script: URL, count: number): FileAnalyzer {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let closing = false;

  const dispatch = () => {
    while (queue.length > 0 && idle.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as Job;
      busy.set(worker, job);
      worker.postMessage({ file: job.file, options: job.options } satisfies FileJob);
    }
  };

  const start = () => {
    const worker = new Worker(script, { workerData: WORKER_MARK });
    worker.on('message', (outcome: FileOutcome) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      job?.resolve(outcome);
      dispatch();
    });
    // A thread that dies (out of memory, a fault) fails its file, and another takes its place.
    const fail = (why: string) => {
      const job = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      job?.resolve({ trials: [], problems: [`unexpected error (please report): ${why}`], notes: [] });
      if (!closing) {
        start();
        dispatch();
      }
    };
    worker.on('error', (error) => fail(`${error.name}: ${error.message.split('\n')[0]}`));
    worker.on('exit', (code) => {
      if (!closing && (busy.has(worker) || idle.includes(worker))) fail(`worker thread exited (${code})`);
    });
    idle.push(worker);
  };

  for (let k = 0; k < count; k++) start();
  return {
    analyze(file, options) {
      return new Promise<FileOutcome>((resolve) => {
        queue.push({ file, options, resolve });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all([...idle, ...busy.keys()].map((worker) => worker.terminate()));
    },
  };
}
