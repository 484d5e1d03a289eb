/**
 * `stork analyze` against its yardstick, numpy/scipy (scripts/yardstick_scipy.py: the same
 * SPEC pipeline in one Python process), side by side in one run: whole-process wall-clock
 * time for N = 1, 24 and 240 phone recordings of 45 s at 60 Hz, the median of RUNS runs each,
 * the two commands taking turns so that the machine's other work falls on both alike. Prints
 * the ratio stork / python (issue 13's target: at most 0.2 for 24 recordings) and the
 * per-recording floor (the time a recording adds from 24 to 240). Also checks that both give
 * the same metrics (relative difference), so that the same work is timed.
 *
 * The recordings are the simulator's (tests/sim) completed trials (no touch-down, so the
 * automatic window, 1 s after "go" to the end, is the yardstick's), 45 s, 60 Hz, gyro present,
 * Chromium's 0.1 rounding in some of them, iOS signs in some, jitter and dropped samples as
 * phones deliver; written as Stork samples CSV into a folder under /tmp, removed at the end.
 *
 * CPU time (user + system, from GNU time) is printed beside the wall clock: on a machine
 * shared with other work it moves less than the wall clock does.
 *
 * Needs Debian's numpy and scipy, and GNU time: apt-get install python3-numpy python3-scipy time
 * Run: npx tsx scripts/bench-cli-vs-scipy.ts [runs]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSamplesCsv } from '../src/formats/samples-csv-writer';
import { randomScenario } from '../tests/sim/scenario';
import { simulateScenario } from '../tests/sim/simulate';

/** Runs per command and N; the median is reported. */
const RUNS = Number(process.argv[2] ?? 7);
/** The set sizes: one file, the 24, and ten times that for the per-recording floor. */
const COUNTS = [1, 24, 240];
/** Issue 13's recordings: 45 s at 60 Hz (Chromium's rate). */
const DURATION_S = 45;
const RATE_HZ = 60;

/** Window ends closer than this are the same window (far below a sample interval, 17 ms). */
const WINDOW_TOLERANCE_S = 1e-9;

const root = fileURLToPath(new URL('..', import.meta.url));

/** The n-th recording: the simulator's completed trial of seed 2n+1, made 45 s at 60 Hz with gyro. */
function recordingCsv(index: number): string {
  const scenario = randomScenario(2 * index + 1, false);
  scenario.durationS = DURATION_S;
  scenario.sampling.rateHz = RATE_HZ;
  scenario.sampling.gyroMissing = false;
  return writeSamplesCsv([{ recording: simulateScenario(scenario).recording }]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Wall-clock ms of one whole process, its CPU ms (user + system, all its threads: GNU time),
 * and its standard output.
 */
function timed(command: string, args: string[]): { ms: number; cpuMs: number; stdout: string } {
  const start = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', 'cpu_s=%U+%S', command, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`${command} ${args[0]} failed (${child.status}): ${child.stderr}`);
  const [user, system] = (/cpu_s=([\d.]+)\+([\d.]+)/.exec(child.stderr) ?? []).slice(1).map(Number);
  return { ms, cpuMs: ((user ?? NaN) + (system ?? NaN)) * 1000, stdout: child.stdout };
}

type Printed = { file: string; window: { fromS: number; toS: number }; metrics: Record<string, unknown> }[];

/** The largest relative difference between the metrics both print, and the window differences. */
function agreement(stork: Printed, python: Printed): { worst: number; key: string; windows: number } {
  let worst = 0;
  let key = '';
  let windows = 0;
  python.forEach((theirs, index) => {
    const ours = stork[index] as Printed[number];
    if (ours.file !== theirs.file) throw new Error(`file order differs: ${ours.file} / ${theirs.file}`);
    // Stork reads t_ms as seconds exactly (the point moved); Python divides by 1000: 1 ulp apart.
    const apart = (x: number, y: number) => Math.abs(x - y) > WINDOW_TOLERANCE_S;
    if (apart(ours.window.fromS, theirs.window.fromS) || apart(ours.window.toS, theirs.window.toS)) {
      windows += 1;
      return;
    }
    for (const [name, value] of Object.entries(theirs.metrics)) {
      const mine = ours.metrics[name];
      if (typeof mine !== 'number' || typeof value !== 'number') continue;
      const difference = Math.abs(mine - value) / Math.max(Math.abs(value), 1e-300);
      if (difference > worst) [worst, key] = [difference, name];
    }
  });
  return { worst, key, windows };
}

function main(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  const folder = mkdtempSync(join(tmpdir(), 'stork-yardstick-'));
  try {
    const maxCount = Math.max(...COUNTS);
    const files = Array.from({ length: maxCount }, (_, index) => {
      const file = join(folder, `rec${String(index).padStart(3, '0')}.csv`);
      writeFileSync(file, recordingCsv(index));
      return file;
    });
    const python = (list: string[]) => timed('python3', ['scripts/yardstick_scipy.py', ...list]);
    const stork = (list: string[], extra: string[] = []) =>
      timed(process.execPath, ['bin/stork.mjs', 'analyze', ...list, ...extra]);
    // Warm the disk cache and both interpreters' files once.
    python(files);
    stork(files);
    const check = agreement(JSON.parse(stork(files).stdout), JSON.parse(python(files).stdout));
    console.log(
      `${maxCount} recordings, ${DURATION_S} s at ${RATE_HZ} Hz; same metrics: worst relative difference ` +
        `${check.worst.toExponential(1)} (${check.key}); windows differing (a touch-down found): ${check.windows}`,
    );
    console.log(
      `whole-process wall clock, median of ${RUNS} runs; ${availableParallelism()} cores, ` +
        `load average ${loadavg()[0]?.toFixed(1)} at the start`,
    );
    console.log(
      'N    python_ms  stork_ms  stork_jobs1_ms  ratio  ratio_jobs1  python_cpu_ms  stork_jobs1_cpu_ms  cpu_ratio',
    );
    const perN = new Map<number, { python: number; stork: number; storkOne: number }>();
    for (const count of COUNTS) {
      const list = files.slice(0, count);
      const runs = { python: [] as number[], stork: [] as number[], storkOne: [] as number[] };
      const cpu = { python: [] as number[], storkOne: [] as number[] };
      for (let run = 0; run < RUNS; run++) {
        runs.stork.push(stork(list).ms);
        const theirs = python(list);
        runs.python.push(theirs.ms);
        cpu.python.push(theirs.cpuMs);
        const ours = stork(list, ['--jobs', '1']);
        runs.storkOne.push(ours.ms);
        cpu.storkOne.push(ours.cpuMs);
      }
      const row = { python: median(runs.python), stork: median(runs.stork), storkOne: median(runs.storkOne) };
      const cpuRow = { python: median(cpu.python), storkOne: median(cpu.storkOne) };
      perN.set(count, row);
      console.log(
        [
          String(count).padEnd(4),
          row.python.toFixed(0).padEnd(10),
          row.stork.toFixed(0).padEnd(9),
          row.storkOne.toFixed(0).padEnd(15),
          (row.stork / row.python).toFixed(2).padEnd(6),
          (row.storkOne / row.python).toFixed(2).padEnd(12),
          cpuRow.python.toFixed(0).padEnd(14),
          cpuRow.storkOne.toFixed(0).padEnd(19),
          (cpuRow.storkOne / cpuRow.python).toFixed(2),
        ].join(' '),
      );
    }
    const small = perN.get(24) as { python: number; stork: number; storkOne: number };
    const large = perN.get(240) as { python: number; stork: number; storkOne: number };
    const floor = (key: 'python' | 'stork' | 'storkOne') => (large[key] - small[key]) / (240 - 24);
    console.log(
      `per recording (24 -> 240): python ${floor('python').toFixed(1)} ms, stork ${floor('stork').toFixed(1)} ms ` +
        `(default jobs), ${floor('storkOne').toFixed(1)} ms (--jobs 1)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
