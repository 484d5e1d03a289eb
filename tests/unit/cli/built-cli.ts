/**
 * The built command line (dist-cli/stork.cjs, loaded by bin/stork.mjs) in real Node
 * processes, for the tests that check what a user runs. The unit project's global set-up
 * (tests/unit/global-setup.ts) builds it once before the files run, so that it is the bundle
 * of the sources under test.
 */
import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Bundles src/cli into dist-cli/stork.cjs and its code cache, as `npm run build:cli` does. */
export function buildCli(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: repositoryRoot, stdio: 'pipe' });
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/stork.mjs ARGS` from the repository root, with `input` on its standard input. */
export function storkProcess(args: string[], input = ''): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/stork.mjs', ...args],
      { cwd: repositoryRoot, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : (error.code as number | null), stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}
