/**
 * Score the touch-down detector on labelled simulated trials against SPEC section 5: a hit is
 * a detection within 0.25 s of the true moment; a trial that reached the cap must give none.
 * Also measures the streaming latency: the time of the sample whose `push` confirmed the
 * touch-down minus the true moment.
 */
import { createTouchdownDetector, type TouchdownOptions } from '../../src/core/detect/touchdown';
import type { SimulatedTrial } from './simulate';

/** SPEC section 5: a detection counts when it is within this of the true moment, s. */
export const HIT_TOLERANCE_S = 0.25;

export interface TrialOutcome {
  seed: number;
  kind: string;
  touchdownS: number | null;
  detectedS: number | null;
  /** detectedS - touchdownS, s (touch-down trials with a detection only) */
  errorS: number | null;
  /** time of the sample at which push() confirmed, minus touchdownS, s */
  latencyS: number | null;
  hit: boolean;
}

export interface DetectorFigures {
  touchdownTrials: number;
  completedTrials: number;
  /** hits / touch-down trials */
  detectionRate: number;
  /** completed trials with any detection / completed trials */
  falsePositiveRate: number;
  /** per outcome kind (foot, step, hop, grab, none): [correct, total] */
  byKind: Record<string, [number, number]>;
  /** |error| of the hits, s: median and 95th percentile */
  absErrorMedianS: number;
  absErrorP95S: number;
  /** signed error of the hits, s: median (positive = detected late) */
  errorMedianS: number;
  /** streaming latency of the hits, s: median, 95th percentile, maximum */
  latencyMedianS: number;
  latencyP95S: number;
  latencyMaxS: number;
  outcomes: TrialOutcome[];
}

/** The q-quantile of sorted values (nearest rank), NaN when empty. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/** Run a fresh streaming detector over one trial, sample by sample, in time order. */
export function runTrial(trial: SimulatedTrial, options: TouchdownOptions = {}): TrialOutcome {
  const r = trial.recording;
  const detector = createTouchdownDetector(options);
  let confirmedAtS: number | null = null;
  for (let i = 0; i < r.tS.length; i++) {
    const found = detector.push(r.tS[i]!, r.ax[i]!, r.ay[i]!, r.az[i]!, r.gx?.[i], r.gy?.[i], r.gz?.[i]);
    if (found !== null) {
      confirmedAtS = r.tS[i]!;
      break;
    }
  }
  const detectedS = detector.touchdownS;
  const truth = trial.touchdownS;
  const errorS = truth !== null && detectedS !== null ? detectedS - truth : null;
  return {
    seed: trial.scenario.seed,
    kind: trial.touchdownKind ?? 'none',
    touchdownS: truth,
    detectedS,
    errorS,
    latencyS: truth !== null && confirmedAtS !== null ? confirmedAtS - truth : null,
    hit: truth === null ? detectedS === null : errorS !== null && Math.abs(errorS) <= HIT_TOLERANCE_S,
  };
}

export function evaluateDetector(
  trials: readonly SimulatedTrial[],
  options: TouchdownOptions = {},
): DetectorFigures {
  const outcomes = trials.map((t) => runTrial(t, options));
  const byKind: Record<string, [number, number]> = {};
  for (const o of outcomes) {
    const k = (byKind[o.kind] ??= [0, 0]);
    k[1]++;
    if (o.hit) k[0]++;
  }
  const withTouchdown = outcomes.filter((o) => o.touchdownS !== null);
  const completed = outcomes.filter((o) => o.touchdownS === null);
  const hits = withTouchdown.filter((o) => o.hit);
  const absErrors = hits.map((o) => Math.abs(o.errorS!)).sort((a, b) => a - b);
  const errors = hits.map((o) => o.errorS!).sort((a, b) => a - b);
  const latencies = hits.map((o) => o.latencyS!).sort((a, b) => a - b);
  return {
    touchdownTrials: withTouchdown.length,
    completedTrials: completed.length,
    detectionRate: hits.length / withTouchdown.length,
    falsePositiveRate: completed.filter((o) => o.detectedS !== null).length / completed.length,
    byKind,
    absErrorMedianS: quantile(absErrors, 0.5),
    absErrorP95S: quantile(absErrors, 0.95),
    errorMedianS: quantile(errors, 0.5),
    latencyMedianS: quantile(latencies, 0.5),
    latencyP95S: quantile(latencies, 0.95),
    latencyMaxS: latencies[latencies.length - 1] ?? Number.NaN,
    outcomes,
  };
}

/** The figures as a few printable lines. */
export function formatFigures(f: DetectorFigures): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  const ms = (x: number): string => `${(1000 * x).toFixed(0)} ms`;
  const kinds = Object.entries(f.byKind)
    .map(([k, [ok, n]]) => `${k} ${ok}/${n}`)
    .join(', ');
  return [
    `touch-down trials: ${f.touchdownTrials}, detected within ${HIT_TOLERANCE_S} s: ${pct(f.detectionRate)}`,
    `completed trials: ${f.completedTrials}, false detections: ${pct(f.falsePositiveRate)}`,
    `correct by kind: ${kinds}`,
    `timing error |detected - true|: median ${ms(f.absErrorMedianS)}, 95th percentile ${ms(f.absErrorP95S)} (signed median ${ms(f.errorMedianS)})`,
    `streaming latency (confirming sample - true): median ${ms(f.latencyMedianS)}, 95th percentile ${ms(f.latencyP95S)}, max ${ms(f.latencyMaxS)}`,
  ].join('\n');
}
