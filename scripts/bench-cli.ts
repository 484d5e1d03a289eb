/**
 * Benchmark of `stork analyze` on long recordings: CSV text to JSON result (read, detect,
 * analyse, print), for 15, 30 and 60 minutes of 100 Hz samples (7 columns), with numbers as
 * iOS writes them and as Chromium does, to check the targets of under 1 s and under 200 MB for
 * one hour and to show linear growth.
 *
 * Each measurement is a fresh plain Node process set up as the command line is (no warmed-up
 * JIT; scripts/bench-cli-child.mjs) that reads the file, times text -> JSON through the command
 * line's `run`, and reports its peak resident memory (process.resourceUsage().maxRSS, Node
 * itself included).
 * The table shows the median of RUNS processes per case, wall-clock and CPU time (user +
 * system: less sensitive to other work on the machine, though the JIT's and GC's own threads
 * count in it). The last column times the whole command, `node bin/stork.mjs analyze FILE`,
 * start-up included, once.
 *
 * Run: npx tsx scripts/bench-cli.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Processes per recording length; the median is reported. */
const RUNS = 5;
/** Recording lengths, minutes. */
const LENGTHS_MIN = [15, 30, 60];
/** Sample rate of the made-up recordings, Hz: the highest SPEC section 5 names. */
const RATE_HZ = 100;

/**
 * How numbers look in the file. `full`: as iOS delivers them and the app writes them, the
 * shortest text of a double (15-17 significant digits), the slowest case to read and the
 * largest file. `chromium`: accelerations and rotation rates rounded to 0.1 as Chromium
 * delivers them (SPEC section 2); times still full doubles (differences of clock readings).
 */
type NumberStyle = 'full' | 'chromium';

/**
 * A made-up but plausible samples CSV: t_ms with up to 0.5 ms of timing jitter, the phone
 * upright on the chest (gravity on y) with slow sway and sensor noise on every axis, gyro in
 * deg/s.
 */
function plausibleSamplesCsv(minutes: number, style: NumberStyle): string {
  let seed = 12345;
  const random = () => {
    // xorshift32: repeatable noise without a dependency.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const noise = (amplitude: number) => (random() - 0.5) * 2 * amplitude;
  const reading = style === 'full' ? (x: number) => x : (x: number) => Math.round(x * 10) / 10;
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
        reading(swayMl + noise(0.05)),
        reading(9.81 + noise(0.05)),
        reading(swayAp + noise(0.05)),
        reading(2 * Math.cos(2 * Math.PI * 0.4 * t) + noise(0.3)),
        reading(noise(0.3)),
        reading(1.5 * Math.cos(2 * Math.PI * 0.6 * t) + noise(0.3)),
      ].join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** The cases of the table: every length with full-precision numbers, then as Chromium writes them. */
const CASES: { minutes: number; style: NumberStyle }[] = (['full', 'chromium'] as const).flatMap((style) =>
  LENGTHS_MIN.map((minutes) => ({ minutes, style })),
);

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  const dir = mkdtempSync(join(tmpdir(), 'stork-bench-'));
  try {
    console.log(`text -> JSON, ${RATE_HZ} Hz, 7 columns, median of ${RUNS} fresh processes each`);
    console.log(
      'minutes  numbers   rows     file_MB  median_ms  cpu_ms  ms_per_100k_rows  max_rss_MB  whole_command_ms',
    );
    for (const { minutes, style } of CASES) {
      const file = join(dir, `${minutes}min-${style}.csv`);
      const text = plausibleSamplesCsv(minutes, style);
      writeFileSync(file, text);
      const rows = minutes * 60 * RATE_HZ;
      const runs = Array.from({ length: RUNS }, () => {
        const out = execFileSync(process.execPath, ['scripts/bench-cli-child.mjs', file], {
          cwd: root,
          encoding: 'utf8',
        });
        return JSON.parse(out.trim().split('\n').pop() as string) as {
          ms: number;
          cpuMs: number;
          maxRssMb: number;
        };
      });
      const ms = median(runs.map((run) => run.ms));
      const cpuMs = median(runs.map((run) => run.cpuMs));
      const rssMb = median(runs.map((run) => run.maxRssMb));
      const commandStart = performance.now();
      execFileSync(process.execPath, ['bin/stork.mjs', 'analyze', file], { cwd: root, stdio: 'ignore' });
      const commandMs = performance.now() - commandStart;
      console.log(
        [
          String(minutes).padEnd(8),
          style.padEnd(9),
          String(rows).padEnd(8),
          (text.length / 1e6).toFixed(1).padEnd(8),
          ms.toFixed(0).padEnd(10),
          cpuMs.toFixed(0).padEnd(7),
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

main();
