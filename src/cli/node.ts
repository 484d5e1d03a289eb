/**
 * The command line on Node: `run` with Node's file system, standard streams and worker
 * threads. scripts/build-cli.mjs bundles this file (and all it imports) into
 * dist-cli/stork.cjs, which bin/stork.mjs loads (bin/load-cli.mjs); in a worker thread that
 * bin/stork.mjs started, the same bundle serves files to analyse.
 */
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { analyzeFile, type FileReader } from './analyze-file';
import { run, type CliIo } from './main';
import {
  startWorkerPool,
  WORKER_ARGUMENT,
  WORKER_MARK,
  type FileJob,
  type WorkerMessage,
} from './worker-pool';

export { run };

/**
 * Node's file system as the readers need it. Files are read synchronously: a thread reads one
 * file and then analyses it, with nothing else to do meanwhile, and fs/promises' readFile (in
 * parts of 512 KiB, each a round trip through libuv's thread pool) left the thread idle for about
 * 4 ms per 365 kB recording (90 of 700 ms for 24, in a CPU profile).
 */
export function nodeFileReader(): FileReader {
  return {
    readFile: async (path) => readFileSync(path, 'utf8'),
    readAsciiOrText: async (path) => {
      const bytes = readIntoSharedBuffer(path);
      return isAscii(bytes) ? bytes : bytes.toString('utf8');
    },
    readBytes: async (path) => new Uint8Array(readFileSync(path)),
    listDirectory: async (path) =>
      (await readdir(path, { withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name),
  };
}

/** What files are read into (readIntoSharedBuffer): grown as needed, kept for the next file. */
let sharedBuffer = Buffer.alloc(0);

/**
 * A file's bytes, read into `sharedBuffer`: a view on it, valid until the next call (a Buffer,
 * whose `includes` and `indexOf` are memchr, which ascii-rows.ts' searches use). One buffer
 * for every file, rather than a new one each (readFileSync), whose fresh pages each cost a
 * fault (11-13 µs on the development machine, about 90 for a 365 kB recording). A file that
 * says its size is 0 (a pipe, /proc) is read to its end by readFileSync.
 *
 * @throws Node's error, as readFileSync (ENOENT, EISDIR, EACCES...).
 */
export function readIntoSharedBuffer(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return readFileSync(fd);
    if (sharedBuffer.length < size)
      sharedBuffer = Buffer.allocUnsafeSlow(Math.max(size, 2 * sharedBuffer.length));
    let length = 0;
    while (length < size) {
      const read = readSync(fd, sharedBuffer, length, size - length, length);
      if (read === 0) break;
      length += read;
    }
    return sharedBuffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** A file's size in bytes (a folder's own, small), or 0 when it cannot be read (CliIo.fileSize). */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** All of standard input, as UTF-8 text. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs `stork` with the process's arguments, and sets its exit status. `workerScript` is what
 * worker threads run (bin/stork.mjs: the bundle, loaded with its code cache).
 */
export async function main(workerScript: URL): Promise<void> {
  // A reader that stops early (`stork analyze ... | head`) closes the pipe: not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const io: CliIo = {
    ...nodeFileReader(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    cores: availableParallelism(),
    fileSize,
    startWorkers: (count, take) => startWorkerPool(workerScript, count, take),
    stderrIsTerminal: process.stderr.isTTY === true,
    now: () => performance.now(),
  };
  process.exitCode = await run(process.argv.slice(2), io);
}

/** A worker thread's loop: ready (its code loaded), then a file in, its outcome out, one at a time. */
function serveFiles(port: MessagePort): void {
  const reader = nodeFileReader();
  port.on('message', async ({ file, options }: FileJob) => {
    port.postMessage({
      kind: 'outcome',
      outcome: await analyzeFile(file, options, reader),
    } satisfies WorkerMessage);
  });
  port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
}

/**
 * True in a worker thread that startWorkerPool started: the bundle serves files there, and
 * bin/stork.mjs does not run the command line. node:worker_threads is loaded only in a thread
 * started with WORKER_ARGUMENT (see there).
 */
export const servesFiles = process.argv.includes(WORKER_ARGUMENT) && startServingFiles();

function startServingFiles(): boolean {
  const { isMainThread, parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
  if (isMainThread || parentPort === null || (workerData as typeof WORKER_MARK | null)?.storkWorker !== true)
    return false;
  serveFiles(parentPort);
  return true;
}
