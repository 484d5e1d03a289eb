/**
 * Prints the median and 99th-percentile time of `analyze` (the whole SPEC pipeline with the
 * touch-down detector) for three recording lengths at 60 Hz, to show the 2 ms target for 45 s
 * and linear growth. Run: npx tsx scripts/bench-analyze.ts
 */
import { analyze } from '../src/core/analyze';
import { QUIET_STANCE, syntheticMotion } from '../tests/unit/helpers/synthetic';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

console.log('length_s  rows    median_ms  p99_ms  median_us_per_row');
for (const durationS of [45, 180, 720]) {
  const recording = syntheticMotion({ ...QUIET_STANCE, durationS, rateHz: 60 });
  const runs = Math.max(30, Math.round(20_000 / durationS));
  for (let i = 0; i < 200; i++) analyze(recording); // warm up: let the JIT reach its optimising tier
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    analyze(recording);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = quantile(times, 0.5);
  console.log(
    `${String(durationS).padEnd(9)} ${String(recording.tS.length).padEnd(7)} ${median.toFixed(3).padEnd(10)} ${quantile(times, 0.99).toFixed(3).padEnd(7)} ${((median * 1000) / recording.tS.length).toFixed(3)}`,
  );
}
