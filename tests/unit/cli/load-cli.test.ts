/**
 * bin/load-cli.mjs: the built bundle is loaded with the code cache the build made for it, and
 * a cache of another build is never handed to V8 (which would check only the source's
 * length). Run in a child Node process, as bin/stork.mjs runs it: V8 accepts a cache only
 * with the V8 flags it was made with, and Vitest's workers may have others.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './built-cli';

interface Loaded {
  /** V8's verdict on the cache handed to it; absent when none was. */
  rejected: boolean | undefined;
  /** The version line the loaded bundle's `run` printed. */
  printed: string;
}

/** Loads the built bundle with its cache, its build line changed to `otherBuild` when given. */
function load(otherBuild?: string): Loaded {
  const script = `
import { readFileSync } from 'node:fs';
import { BUNDLE_PATH, CODE_CACHE_PATH, compileCli } from './bin/load-cli.mjs';
const otherBuild = process.argv[1];
let cache = readFileSync(CODE_CACHE_PATH);
if (otherBuild) cache = Buffer.concat([Buffer.from('// stork build ' + otherBuild + '\\n'), cache.subarray(cache.indexOf(10) + 1)]);
const { script, cli } = compileCli(readFileSync(BUNDLE_PATH, 'utf8'), cache);
let printed = '';
await cli.run(['--version'], { readFile: async () => '', stdout: (text) => { printed += text; }, stderr: () => {} });
process.stdout.write(JSON.stringify({ rejected: script.cachedDataRejected, printed }));
`;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script, otherBuild ?? ''], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as Loaded;
}

describe('loading the built command line', () => {
  it('hands V8 the code cache the build made, and V8 takes it', () => {
    const loaded = load();
    expect(loaded.rejected).toBe(false);
    expect(loaded.printed).toMatch(/^stork \d+\.\d+\.\d+ \(analysis version/);
  }, 60_000);

  it('does not hand V8 the cache of another build, and runs the bundle without it', () => {
    const loaded = load('0123456789abcdef');
    expect(loaded.rejected).toBeUndefined();
    expect(loaded.printed).toMatch(/^stork \d+\.\d+\.\d+ \(analysis version/);
  }, 60_000);
});
