/**
 * The benchmark hook: main-thread cost of handling one motion event during a running trial,
 * and of the end-of-trial analysis. Targets: under 0.1 ms per event (median and 99th
 * percentile), under 20 ms for the analysis of a 45 s trial, in desktop Chromium.
 *
 * Timing uses `performance.now()`. Browsers coarsen it (Chromium: 100 us, or 5 us in a
 * cross-origin-isolated page): serve the benchmark page with COOP/COEP headers, or the
 * per-event figures are rounded to 0 or 0.1 ms.
 */
import { quantile } from 'simple-statistics';

/** What a trial reports into; pass one as `deps.measure`. */
export interface TrialCostMeter {
  /** Cost of handling one running-trial motion event, ms. */
  recordEvent(ms: number): void;
  /** Cost of the end-of-trial analysis, ms. */
  recordAnalysis(ms: number): void;
}

export interface CostSummary {
  /** Events measured (all of them, even beyond the kept window). */
  events: number;
  medianEventMs: number;
  p99EventMs: number;
  maxEventMs: number;
  /** The last end-of-trial analysis, ms, or null before the first. */
  analysisMs: number | null;
}

export interface CostMeter extends TrialCostMeter {
  /** The kept per-event costs, oldest first (at most `capacity`). */
  eventCostsMs(): Float64Array;
  summary(): CostSummary;
  reset(): void;
}

/**
 * A meter that keeps the last `capacity` event costs in a ring (bounded memory: 8192 events
 * cover a 60 s trial at 100 Hz) and the last analysis cost.
 */
export function createCostMeter(capacity = 8192): CostMeter {
  const ring = new Float64Array(capacity);
  let count = 0;
  let analysisMs: number | null = null;
  const kept = (): Float64Array => {
    if (count <= capacity) return ring.slice(0, count);
    const start = count % capacity;
    const out = new Float64Array(capacity);
    out.set(ring.subarray(start));
    out.set(ring.subarray(0, start), capacity - start);
    return out;
  };
  return {
    recordEvent(ms: number): void {
      ring[count % capacity] = ms;
      count++;
    },
    recordAnalysis(ms: number): void {
      analysisMs = ms;
    },
    eventCostsMs: kept,
    summary(): CostSummary {
      const costs = Array.from(kept());
      const pick = (p: number): number => (costs.length === 0 ? NaN : quantile(costs, p));
      return {
        events: count,
        medianEventMs: pick(0.5),
        p99EventMs: pick(0.99),
        maxEventMs: costs.length === 0 ? NaN : Math.max(...costs),
        analysisMs,
      };
    },
    reset(): void {
      count = 0;
      analysisMs = null;
    },
  };
}
