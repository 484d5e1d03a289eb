import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import published from '../../../fixtures/cop/published.json' with { type: 'json' };

/**
 * The command line on the Santos & Duarte (2016) force-plate recordings against the data
 * set's published per-trial values (fixtures/cop/published.json, from BDSinfoCOP.txt; see
 * fixtures/PROVENANCE.md). No `--from`: the published values cover the whole 60 s, and a
 * 2-D sway CSV has no "go", so its automatic window is the whole recording (the 1 s settle is
 * a phone's, SPEC section 5). `--rate 100 --cutoff 20`: the
 * recordings' own rate, and a low-pass that leaves the 100 Hz centre of pressure almost as is.
 * - COPvelo, mean speed over the trial = meanVelocity;
 * - COParea, a 95 % prediction ellipse = SPEC's 95 % confidence ellipse * (n+1)/(n-2).
 * Tolerances are the data PROVENANCE's: 0.01 % and 0.05 %. BDS00015, the quietest trial
 * (0.59 cm/s), is 0.015 % below COPvelo: the 20 Hz low-pass takes a larger share of a small
 * path; it gets 0.02 %.
 */
const VELOCITY_TOLERANCE = { default: 1e-4, BDS00015: 2e-4 } as const;
const AREA_TOLERANCE = 5e-4;

/** `stork analyze FILE --rate 100 --cutoff 20 ...extra`: the exit code and the one result. */
async function analyzed(file: string, extra: string[] = []) {
  let stdout = '';
  const code = await run(['analyze', file, '--rate', '100', '--cutoff', '20', ...extra], {
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      throw new Error(text);
    },
  });
  const [result] = JSON.parse(stdout);
  return { code, result };
}

describe('stork analyze on published force-plate trials', () => {
  const trials = Object.entries(published.trials);
  it.each(trials)('%s: COPvelo and COParea, by default over the whole recording', async (name, values) => {
    const file = fileURLToPath(new URL(`../../../fixtures/cop/${name}.csv`, import.meta.url));
    const { code, result } = await analyzed(file);
    expect(code).toBe(0);
    const { metrics, window } = result;
    // The file's first and last rows (t_s 0.010 and 60.000): all 6000 of them, none skipped.
    expect(window).toEqual({ fromS: 0.01, toS: 60 });
    const n = metrics.samples;
    expect(n).toBe(6000);
    expect(result.analysisVersion).toBe(2);
    const velocityTolerance = name === 'BDS00015' ? VELOCITY_TOLERANCE.BDS00015 : VELOCITY_TOLERANCE.default;
    expect(Math.abs(metrics.meanVelocity / values.COPvelo - 1)).toBeLessThan(velocityTolerance);
    const predictionEllipseArea = (metrics.ellipseArea * (n + 1)) / (n - 2);
    expect(Math.abs(predictionEllipseArea / values.COParea - 1)).toBeLessThan(AREA_TOLERANCE);
  });

  it('gives the same numbers with --from 0 as without (the window already starts at the first row)', async () => {
    const file = fileURLToPath(new URL('../../../fixtures/cop/BDS00008.csv', import.meta.url));
    const whole = await analyzed(file);
    const fromZero = await analyzed(file, ['--from', '0']);
    expect(fromZero.result.metrics).toEqual(whole.result.metrics);
    // --from still replaces the automatic window: the version-1 window, 1 s in, is 5901 samples.
    const fromOne = await analyzed(file, ['--from', '1']);
    expect(fromOne.result.window.fromS).toBe(1);
    expect(fromOne.result.metrics.samples).toBe(5901);
  });
});
