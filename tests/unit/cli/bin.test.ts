import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs bin/stork.mjs in a real Node process from the repository root. */
function storkProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/stork.mjs', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : (error.code as number | null), stdout, stderr });
    });
  });
}

describe('bin/stork.mjs', () => {
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

  it('exits 2 on a usage error', async () => {
    const { code, stdout, stderr } = await storkProcess(['analyze', 'x.csv', '--rate', 'abc']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe('stork: --rate: not a number ("abc")');
  }, 60_000);
});
