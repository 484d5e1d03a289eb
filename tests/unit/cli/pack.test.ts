/**
 * The package as a user gets it: `npm pack`, installed into an empty folder (no TypeScript,
 * no esbuild, no sources), and `npx stork analyze` there prints what the command line of this
 * repository prints, byte for byte. Takes a few seconds to a minute: npm packs (building the
 * bundle) and installs (offline when npm's cache has what it needs, else from the registry).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import { nodeFileReader } from '../../../src/cli/node';
import { fixturePath } from '../helpers/fixtures';
import { repositoryRoot } from './built-cli';

const execute = promisify(execFile);

/** npm, from a shell-free spawn: `npm` is a script on Linux and macOS (npm.cmd on Windows). */
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The commands compared: a phone recording, another app's file, a force-plate trial as CSV. */
const COMMANDS: string[][] = [
  ['analyze', fixturePath('demo/case01.csv')],
  [
    'analyze',
    fixturePath('sensorlogger/malimsZen_SM-N986B_TotalAcceleration.csv'),
    fixturePath('sim/case03.csv'),
  ],
  ['analyze', fixturePath('cop/BDS00008.csv'), '--rate', '100', '--cutoff', '20', '--format', 'csv'],
  ['analyze', fixturePath('formats/text-in-number.csv'), fixturePath('imu-standing/q1.csv'), '--jobs', '2'],
];

/** What the command line of the sources prints for `argv`, in this process. */
async function inRepository(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    ...nodeFileReader(),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe('the packed package', () => {
  let folder = '';
  let app = '';
  let packedFiles: string[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'stork-pack-'));
    app = join(folder, 'app');
    mkdirSync(app);
    const { stdout } = await execute(NPM, ['pack', '--json', '--pack-destination', folder], {
      cwd: repositoryRoot,
      maxBuffer: 16 * 1024 * 1024,
    });
    // npm prints the prepack script's banner before the JSON.
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('[\n'))) as {
      filename: string;
      files: { path: string }[];
    }[];
    packedFiles = (packed?.files ?? []).map((file) => file.path).sort();
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'stork-install-check', private: true }));
    await execute(
      NPM,
      ['install', join(folder, packed?.filename ?? ''), '--prefer-offline', '--no-audit', '--no-fund'],
      { cwd: app },
    );
  }, 180_000);

  afterAll(() => {
    if (folder !== '') rmSync(folder, { recursive: true, force: true });
  });

  it('holds the built command line and nothing to build it with', () => {
    expect(packedFiles).toEqual([
      'README.md',
      'bin/load-cli.mjs',
      'bin/stork.mjs',
      'dist-cli/stork.cjs',
      'dist-cli/stork.cjs.cache',
      'package.json',
    ]);
    // Installed: the package alone, no dependency (the bundle has them), no TypeScript tooling.
    expect(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['stork']);
    expect(existsSync(join(app, 'node_modules', '.bin', 'stork'))).toBe(true);
  });

  it.each(COMMANDS)(
    'npx stork %s prints what the sources print, byte for byte',
    async (...argv) => {
      const expected = await inRepository(argv);
      const installed = await execute(NPM, ['exec', '--no', '--', 'stork', ...argv], { cwd: app }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          stdout: error.stdout,
          stderr: error.stderr,
        }),
      );
      expect(installed).toEqual(expected);
      expect(expected.stdout.length).toBeGreaterThan(1000);
    },
    60_000,
  );
});
