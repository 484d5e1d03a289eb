import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { ANALYZE_HELP, SHORT_USAGE, STORK_HELP } from '../../../src/cli/help';
import { storkProcess } from './built-cli';

/**
 * Every file of fixtures/imu-standing (15 phone recordings; int3, int4 and int5 are too short to
 * analyse: under 2 s from the settle to 0.5 s before the touch-down flagged where their large
 * swinging starts, docs/analysis.md).
 */
const standing = readdirSync('fixtures/imu-standing')
  .sort()
  .map((name) => `fixtures/imu-standing/${name}`);

describe('bin/stork.mjs (the built command line)', () => {
  it('analyzes real files, reports a missing one on stderr, and exits with the status run() gives', async () => {
    const { code, stdout, stderr } = await storkProcess([
      'analyze',
      'fixtures/cop/BDS00008.csv',
      'fixtures/formats/does-not-exist.csv',
      '--rate',
      '100',
      '--cutoff',
      '20',
      '--format',
      'csv',
    ]);
    expect(stderr).toBe('stork: fixtures/formats/does-not-exist.csv: no such file\n');
    expect(code).toBe(1);
    const lines = stdout.split('\r\n');
    expect(lines[0]?.startsWith('file,trial_id,date_time,')).toBe(true);
    expect(lines[1]?.startsWith('fixtures/cop/BDS00008.csv,,')).toBe(true);
    expect(lines).toHaveLength(3);
  }, 60_000);

  it('exits 2 on a usage error, with the message and the short usage on stderr', async () => {
    const { code, stdout, stderr } = await storkProcess(['analyze', 'x.csv', '--rate', 'x']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`stork: --rate must be a positive number of Hz, got "x"\n${SHORT_USAGE}\n`);
  }, 60_000);

  it('prints the help pages and the version, and exits 0', async () => {
    expect(await storkProcess(['--help'])).toEqual({ code: 0, stdout: STORK_HELP, stderr: '' });
    expect(await storkProcess(['analyze', '--help'])).toEqual({ code: 0, stdout: ANALYZE_HELP, stderr: '' });
    const version = await storkProcess(['--version']);
    expect(version.code).toBe(0);
    // package.json's version; the analysis versions of src/core/options.ts (1 phone, 2 sway).
    expect(version.stdout).toBe(`stork ${packageJson.version} (analysis version 2, 2-D sway 2)\n`);
  }, 60_000);

  it('gives the same bytes with 2 worker threads as with 1, in the order of the input, bad files included', async () => {
    // A bad file in the middle and a missing one at the start: every other file is analysed,
    // and the errors come in input order, without a progress line (stderr is a pipe here).
    const files = [
      'fixtures/formats/missing.csv',
      ...standing.slice(0, 7),
      'fixtures/formats/text-in-number.csv',
      ...standing.slice(7),
    ];
    const one = await storkProcess(['analyze', ...files, '--jobs', '1']);
    const two = await storkProcess(['analyze', ...files, '--jobs', '2']);
    expect(two).toEqual(one);
    expect(one.code).toBe(1);
    const printed = (JSON.parse(one.stdout) as { file: string }[]).map((result) => result.file);
    // int3, int4 and int5 hold under 2 s of stance after the settle: no result (their error lines below).
    expect(printed).toEqual(standing.filter((file) => !/int[345]\.csv$/.test(file)));
    expect(one.stderr.split('\n').map((line) => line.split(':').slice(0, 2).join(':'))).toEqual([
      'stork: fixtures/formats/missing.csv',
      'stork: fixtures/imu-standing/int3.csv',
      'stork: fixtures/imu-standing/int4.csv',
      'stork: fixtures/imu-standing/int5.csv',
      'stork: fixtures/formats/text-in-number.csv',
      '',
    ]);
  }, 60_000);

  it('reads the files to analyse from standard input with --files-from -', async () => {
    const listed = await storkProcess(
      ['analyze', '--files-from', '-', '--format', 'csv'],
      `${standing.join('\n')}\n`,
    );
    const named = await storkProcess(['analyze', ...standing, '--format', 'csv']);
    expect(listed).toEqual(named);
    expect(listed.stdout.split('\r\n')).toHaveLength(1 + 12 + 1);
  }, 60_000);
});
