import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import published from '../../../fixtures/cop/published.json' with { type: 'json' };

/**
 * The command line on the Santos & Duarte (2016) force-plate recordings against the data
 * set's published per-trial values (fixtures/cop/published.json, from BDSinfoCOP.txt; see
 * fixtures/PROVENANCE.md). `--from 0`: the published values cover the whole 60 s, while the
 * automatic window (SPEC section 5) would start 1 s in. `--rate 100 --cutoff 20`: the
 * recordings' own rate, and a low-pass that leaves the 100 Hz centre of pressure almost as is.
 * - COPvelo, mean speed over the trial = meanVelocity;
 * - COParea, a 95 % prediction ellipse = SPEC's 95 % confidence ellipse * (n+1)/(n-2).
 * Tolerances are the data PROVENANCE's: 0.01 % and 0.05 %. BDS00015, the quietest trial
 * (0.59 cm/s), is 0.015 % below COPvelo: the 20 Hz low-pass takes a larger share of a small
 * path; it gets 0.02 %.
 */
const VELOCITY_TOLERANCE = { default: 1e-4, BDS00015: 2e-4 } as const;
const AREA_TOLERANCE = 5e-4;

describe('stork analyze on published force-plate trials', () => {
  const trials = Object.entries(published.trials);
  it.each(trials)('%s: COPvelo and COParea', async (name, values) => {
    let stdout = '';
    const file = fileURLToPath(new URL(`../../../fixtures/cop/${name}.csv`, import.meta.url));
    const code = await run(['analyze', file, '--rate', '100', '--cutoff', '20', '--from', '0'], {
      readFile: (path) => readFile(path, 'utf8'),
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        throw new Error(text);
      },
    });
    expect(code).toBe(0);
    const [{ metrics }] = JSON.parse(stdout);
    const n = metrics.samples;
    expect(n).toBe(6000);
    const velocityTolerance = name === 'BDS00015' ? VELOCITY_TOLERANCE.BDS00015 : VELOCITY_TOLERANCE.default;
    expect(Math.abs(metrics.meanVelocity / values.COPvelo - 1)).toBeLessThan(velocityTolerance);
    const predictionEllipseArea = (metrics.ellipseArea * (n + 1)) / (n - 2);
    expect(Math.abs(predictionEllipseArea / values.COParea - 1)).toBeLessThan(AREA_TOLERANCE);
  });
});
