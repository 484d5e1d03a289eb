/**
 * Benchmark of `stork analyze` on long recordings: CSV text to JSON result (read, detect,
 * analyse, print), for 15, 30 and 60 minutes of 100 Hz samples (7 columns), to check the
 * targets of under 1 s and under 200 MB for one hour and to show linear growth.
 *
 * Each measurement is a fresh Node process (as the command line runs: no warmed-up JIT) that
 * reads the file, times text -> JSON, and reports its peak resident memory
 * (process.resourceUsage().maxRSS, which includes Node and tsx themselves). The table shows
 * the median of RUNS processes per length. The last column times the whole command,
 * `node bin/stork.mjs analyze FILE`, start-up included, once.
 *
 * Run: npx tsx scripts/bench-cli.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatJson } from '../src/cli/output';
import { analyze } from '../src/core/analyze';
import { readRecordings } from '../src/formats/read-recordings';

/** Processes per recording length; the median is reported. */
const RUNS = 5;
/** Recording lengths, minutes. */
const LENGTHS_MIN = [15, 30, 60];
/** Sample rate of the made-up recordings, Hz: the highest SPEC section 5 names. */
const RATE_HZ = 100;
const CHILD_FLAG = '--child';

/**
 * A made-up but plausible samples CSV: t_ms with up to 0.5 ms of timing jitter, the phone
 * upright on the chest (gravity on y) with slow sway and sensor noise on every axis, gyro in
 * deg/s. Numbers are written as the app writes them (String of a double: 15-17 significant
 * digits, the slowest case to read; Chromium's 0.1-rounded values read faster).
 */
function plausibleSamplesCsv(minutes: number): string {
  let seed = 12345;
  const random = () => {
    // xorshift32: repeatable noise without a dependency.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const noise = (amplitude: number) => (random() - 0.5) * 2 * amplitude;
  const rows = ['t_ms,ax,ay,az,gx,gy,gz'];
  const n = minutes * 60 * RATE_HZ;
  for (let k = 0; k < n; k++) {
    const t = k / RATE_HZ;
    const tMs = k * (1000 / RATE_HZ) + noise(0.5);
    const swayAp = 0.15 * Math.sin(2 * Math.PI * 0.4 * t) + 0.05 * Math.sin(2 * Math.PI * 1.3 * t);
    const swayMl = 0.12 * Math.sin(2 * Math.PI * 0.6 * t + 1);
    rows.push(
      [
        tMs,
        swayMl + noise(0.05),
        9.81 + noise(0.05),
        swayAp + noise(0.05),
        2 * Math.cos(2 * Math.PI * 0.4 * t) + noise(0.3),
        noise(0.3),
        1.5 * Math.cos(2 * Math.PI * 0.6 * t) + noise(0.3),
      ].join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}

/** In the child: one text -> JSON run on `file`, printed as JSON for the parent. */
function measureOnce(file: string): void {
  const text = readFileSync(file, 'utf8');
  const start = performance.now();
  const trials = readRecordings(text).map(({ trialId, recording }) => ({
    file,
    trialId,
    result: analyze(recording),
  }));
  const json = formatJson(trials);
  const ms = performance.now() - start;
  const rows = trials.reduce((sum, trial) => sum + trial.result.metrics.samples, 0);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, maxRssMb, jsonChars: json.length, gridSamples: rows }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function main(): void {
  const thisFile = fileURLToPath(import.meta.url);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'stork-bench-'));
  try {
    console.log(`text -> JSON, ${RATE_HZ} Hz, 7 columns, median of ${RUNS} fresh processes each`);
    console.log('minutes  rows     file_MB  median_ms  ms_per_100k_rows  max_rss_MB  whole_command_ms');
    for (const minutes of LENGTHS_MIN) {
      const file = join(dir, `${minutes}min.csv`);
      const text = plausibleSamplesCsv(minutes);
      writeFileSync(file, text);
      const rows = minutes * 60 * RATE_HZ;
      const runs = Array.from({ length: RUNS }, () => {
        const out = execFileSync(process.execPath, ['--import', 'tsx', thisFile, CHILD_FLAG, file], {
          cwd: root,
          encoding: 'utf8',
        });
        return JSON.parse(out.trim().split('\n').pop() as string) as { ms: number; maxRssMb: number };
      });
      const ms = median(runs.map((run) => run.ms));
      const rssMb = median(runs.map((run) => run.maxRssMb));
      const commandStart = performance.now();
      execFileSync(process.execPath, ['bin/stork.mjs', 'analyze', file], { cwd: root, stdio: 'ignore' });
      const commandMs = performance.now() - commandStart;
      console.log(
        [
          String(minutes).padEnd(8),
          String(rows).padEnd(8),
          (text.length / 1e6).toFixed(1).padEnd(8),
          ms.toFixed(0).padEnd(10),
          ((ms / rows) * 1e5).toFixed(1).padEnd(17),
          rssMb.toFixed(0).padEnd(11),
          commandMs.toFixed(0),
        ].join(' '),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG) measureOnce(process.argv[3] as string);
else main();
