/** Runs the project's own command line, `stork analyze FILE --format json`, and parses its answer. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const STORK = resolve(import.meta.dirname, '../../../bin/stork.mjs');

export interface CliAnalysis {
  file: string;
  window: { fromS: number; toS: number };
  touchdownS: number | null;
  holdTimeS: number;
  metrics: Record<string, number | string | null>;
}

export async function storkAnalyze(path: string, options: readonly string[] = []): Promise<CliAnalysis> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    STORK,
    'analyze',
    path,
    ...options,
    '--format',
    'json',
  ]);
  const results = JSON.parse(stdout) as CliAnalysis[];
  const first = results[0];
  if (results.length !== 1 || first === undefined)
    throw new Error(`stork analyze ${path}: expected one result, got ${results.length}`);
  return first;
}
