import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../../src/cli/analyze-file';
import { startWorkerPool, WORKER_MARK } from '../../../src/cli/worker-pool';

const folder = mkdtempSync(join(tmpdir(), 'stork-pool-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * A worker script speaking the pool's messages: ready, then a note per file naming the file
 * and the worker data it got; `boom` throws, `exit` stops the thread with code 3.
 */
const serving = (() => {
  const path = join(folder, 'serving.mjs');
  writeFileSync(
    path,
    `import { parentPort, threadId, workerData } from 'node:worker_threads';
parentPort.postMessage({ kind: 'ready' });
parentPort.on('message', ({ file, options }) => {
  if (file === 'boom') throw new Error('boom in ' + file);
  if (file === 'exit') process.exit(3);
  const note = file + ' ' + JSON.stringify(workerData) + ' ' + JSON.stringify(options) + ' thread ' + threadId;
  parentPort.postMessage({ kind: 'outcome', outcome: { trials: [], problems: [], notes: [note] } });
});
`,
  );
  return pathToFileURL(path);
})();

/** Runs `files` through a pool of `count` threads; resolves to each file's outcome once all are done. */
function throughPool(files: string[], count: number): Promise<Map<string, FileOutcome>> {
  return new Promise((resolve) => {
    const outcomes = new Map<string, FileOutcome>();
    let taken = 0;
    const pool = startWorkerPool(serving, count, () => {
      const file = files[taken];
      if (file === undefined) return undefined;
      taken += 1;
      return {
        file,
        options: { rateHz: 100 },
        finish: (outcome) => {
          expect(outcomes.has(file)).toBe(false);
          outcomes.set(file, outcome);
          if (outcomes.size === files.length) void pool.close().then(() => resolve(outcomes));
        },
      };
    });
  });
}

describe('startWorkerPool', () => {
  it('gives every file to one of the threads once, with its options, the threads marked as workers', async () => {
    const files = Array.from({ length: 12 }, (_, k) => `f${k}.csv`);
    const outcomes = await throughPool(files, 3);
    expect([...outcomes.keys()].sort()).toEqual([...files].sort());
    const threads = new Set<string>();
    for (const [file, outcome] of outcomes) {
      const [note] = outcome.notes;
      expect(note?.startsWith(`${file} ${JSON.stringify(WORKER_MARK)} {"rateHz":100} thread `)).toBe(true);
      threads.add(note?.split(' thread ')[1] as string);
    }
    expect(threads.size).toBeGreaterThanOrEqual(1);
    expect(threads.size).toBeLessThanOrEqual(3);
  }, 30_000);

  it('fails only the file a thread died on, says why, and goes on with another thread', async () => {
    const outcomes = await throughPool(['a.csv', 'boom', 'b.csv', 'exit', 'c.csv', 'd.csv'], 2);
    expect(outcomes.get('boom')).toEqual({
      trials: [],
      problems: ['unexpected error (please report): Error: boom in boom'],
      notes: [],
    });
    expect(outcomes.get('exit')).toEqual({
      trials: [],
      problems: ['unexpected error (please report): the worker thread stopped (exit code 3)'],
      notes: [],
    });
    for (const file of ['a.csv', 'b.csv', 'c.csv', 'd.csv']) expect(outcomes.get(file)?.problems).toEqual([]);
  }, 30_000);
});
