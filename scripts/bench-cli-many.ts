/**
 * `stork analyze` on a whole data set: 2,000 phone recordings of 60 s at 100 Hz (7 columns,
 * full-precision numbers as iOS writes them, like scripts/bench-cli.ts's) in one call, through
 * `--files-from`, with `--jobs 1` and `--jobs 2`: files per second (whole process, start-up
 * included) and the process's peak resident memory (GNU time's %M: the main thread and the
 * worker threads, which share the process). Median of RUNS runs per job count, taking turns.
 *
 * The recordings are written once to a folder under /tmp (about 1.4 GB) and removed at the
 * end; each differs (seeded noise), so that no two files are the same text.
 *
 * Needs /usr/bin/time (Debian: apt-get install time).
 * Run: npx tsx scripts/bench-cli-many.ts [files] [runs]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The data set: 2,000 recordings. */
const FILES = Number(process.argv[2] ?? 2000);
const RUNS = Number(process.argv[3] ?? 3);
const DURATION_S = 60;
/** SPEC section 5's highest rate. */
const RATE_HZ = 100;
const JOBS = [1, 2];

const root = fileURLToPath(new URL('..', import.meta.url));

/** A plausible recording (as scripts/bench-cli.ts makes them): upright phone, slow sway, noise. */
function recordingCsv(seed: number): string {
  let state = seed * 2654435761 || 1;
  const random = () => {
    // xorshift32: repeatable noise without a dependency.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const noise = (amplitude: number) => (random() - 0.5) * 2 * amplitude;
  const phase = random() * 2 * Math.PI;
  const rows = ['t_ms,ax,ay,az,gx,gy,gz'];
  for (let k = 0; k < DURATION_S * RATE_HZ; k++) {
    const t = k / RATE_HZ;
    const swayAp = 0.15 * Math.sin(2 * Math.PI * 0.4 * t + phase) + 0.05 * Math.sin(2 * Math.PI * 1.3 * t);
    const swayMl = 0.12 * Math.sin(2 * Math.PI * 0.6 * t + 1);
    rows.push(
      [
        k * (1000 / RATE_HZ) + noise(0.5),
        swayMl + noise(0.05),
        9.81 + noise(0.05),
        swayAp + noise(0.05),
        2 * Math.cos(2 * Math.PI * 0.4 * t + phase) + noise(0.3),
        noise(0.3),
        1.5 * Math.cos(2 * Math.PI * 0.6 * t) + noise(0.3),
      ].join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** One whole `stork analyze --files-from LIST --jobs N`: wall-clock ms and peak RSS, MB. */
function analyse(list: string, jobs: number): { ms: number; peakMb: number; results: number } {
  const start = performance.now();
  const child = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'peak_kb=%M',
      process.execPath,
      'bin/stork.mjs',
      'analyze',
      '--files-from',
      list,
      '--jobs',
      String(jobs),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 },
  );
  const ms = performance.now() - start;
  if (child.status !== 0)
    throw new Error(`stork analyze failed (${child.status}): ${child.stderr.slice(0, 500)}`);
  const peakKb = Number(/peak_kb=(\d+)/.exec(child.stderr)?.[1]);
  return { ms, peakMb: peakKb / 1024, results: (JSON.parse(child.stdout) as unknown[]).length };
}

function main(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  const folder = mkdtempSync(join(tmpdir(), 'stork-many-'));
  try {
    const files: string[] = [];
    let bytes = 0;
    for (let index = 0; index < FILES; index++) {
      const file = join(folder, `rec${String(index).padStart(4, '0')}.csv`);
      const text = recordingCsv(index + 1);
      bytes += text.length;
      writeFileSync(file, text);
      files.push(file);
    }
    const list = join(folder, 'files.txt');
    writeFileSync(list, `${files.join('\n')}\n`);
    console.log(
      `${FILES} recordings of ${DURATION_S} s at ${RATE_HZ} Hz (${(bytes / 1e6).toFixed(0)} MB), ` +
        `median of ${RUNS} runs; ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} at the start`,
    );
    analyse(list, 2); // warm the page cache
    const runs = new Map(JOBS.map((jobs) => [jobs, [] as { ms: number; peakMb: number; results: number }[]]));
    for (let run = 0; run < RUNS; run++) for (const jobs of JOBS) runs.get(jobs)?.push(analyse(list, jobs));
    console.log('jobs  seconds  files_per_s  peak_rss_MB');
    for (const jobs of JOBS) {
      const measured = runs.get(jobs) ?? [];
      if (measured.some((one) => one.results !== FILES)) throw new Error('a recording was not analysed');
      const ms = median(measured.map((one) => one.ms));
      console.log(
        [
          String(jobs).padEnd(5),
          (ms / 1000).toFixed(1).padEnd(8),
          (FILES / (ms / 1000)).toFixed(0).padEnd(12),
          median(measured.map((one) => one.peakMb)).toFixed(0),
        ].join(' '),
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
