import { describe, expect, it } from 'vitest';
import { createCostMeter } from '../../../src/session/measure';

describe('cost meter', () => {
  it('summarises event costs by median and 99th percentile, and keeps the last analysis cost', () => {
    const meter = createCostMeter();
    for (let k = 1; k <= 100; k++) meter.recordEvent(k / 1000); // 0.001 ... 0.1 ms
    meter.recordAnalysis(12.5);
    const summary = meter.summary();
    // simple-statistics `quantile` interpolates between ranks at (n - 1) p (numpy's default):
    // 0.5 -> rank 49.5 of 0..99 -> 50.5; 0.99 -> rank 98.01 -> 99.01 (thousandths of a ms)
    expect(summary.events).toBe(100);
    expect(summary.medianEventMs).toBeCloseTo(0.0505, 12);
    expect(summary.p99EventMs).toBeCloseTo(0.09901, 12);
    expect(summary.maxEventMs).toBe(0.1);
    expect(summary.analysisMs).toBe(12.5);
  });

  it('keeps at most `capacity` costs, the latest ones, oldest first (bounded memory)', () => {
    const meter = createCostMeter(4);
    for (let k = 1; k <= 6; k++) meter.recordEvent(k);
    expect(Array.from(meter.eventCostsMs())).toEqual([3, 4, 5, 6]);
    expect(meter.summary().events).toBe(6);
    meter.reset();
    expect(meter.summary()).toMatchObject({ events: 0, analysisMs: null });
    expect(meter.summary().medianEventMs).toBeNaN();
  });
});
