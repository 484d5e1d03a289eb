/**
 * Print the detector's figures on a simulated labelled set:
 *   npx tsx tests/sim/report.ts [firstSeed=1000] [count=480]
 * Even seeds end in a touch-down, odd seeds reach the cap. Lists the trials it gets wrong.
 */
import { evaluateDetector, formatFigures } from './evaluate';
import { simulateSet } from './simulate';

const firstSeed = Number(process.argv[2] ?? 1000);
const count = Number(process.argv[3] ?? 480);
const started = performance.now();
const trials = simulateSet(firstSeed, count);
const simulated = performance.now();
const figures = evaluateDetector(trials);
const evaluated = performance.now();
const samples = trials.reduce((n, t) => n + t.recording.tS.length, 0);
console.log(`seeds ${firstSeed}-${firstSeed + count - 1}: ${count} trials, ${samples} samples`);
console.log(formatFigures(figures));
console.log(
  `time: simulation ${(simulated - started).toFixed(0)} ms, detection ${(evaluated - simulated).toFixed(0)} ms ` +
    `(${((1000 * (evaluated - simulated)) / samples).toFixed(2)} us per sample)`,
);
for (const o of figures.outcomes.filter((x) => !x.hit)) {
  const found = o.detectedS === null ? 'none' : `${o.detectedS.toFixed(2)} s`;
  const truth = o.touchdownS === null ? 'none' : `${o.touchdownS.toFixed(2)} s`;
  console.log(`  wrong: seed ${o.seed} (${o.kind}): true ${truth}, found ${found}`);
}
