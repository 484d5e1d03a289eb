import { describe, expect, it } from 'vitest';
import { formatMetricValue, formatSeconds, formatTimer, KEY_METRICS } from '../../../src/ui/format';

describe('formatting for the pages', () => {
  it('shows times with one decimal, like a stopwatch', () => {
    expect(formatSeconds(32.890795)).toBe('32.9 s');
    expect(formatSeconds(10)).toBe('10.0 s');
    expect(formatTimer(4.96)).toBe('5.0');
    expect(formatTimer(-0.01)).toBe('0.0');
  });

  it('shows metrics with three significant digits and a dash when missing', () => {
    // values from fixtures/demo/case01.json (numpy reference for the demo recording)
    expect(formatMetricValue(0.5467677269668927)).toBe('0.547');
    expect(formatMetricValue(341.180141728838)).toBe('341');
    expect(formatMetricValue(4.087394350926307)).toBe('4.09');
    expect(formatMetricValue(null)).toBe('–');
    expect(formatMetricValue(NaN)).toBe('–');
  });

  it('lists the five key metrics of the issue, each with a unit', () => {
    expect(KEY_METRICS.map((metric) => metric.key)).toEqual([
      'rms',
      'meanVelocity',
      'ellipseArea',
      'centroidFrequency',
      'jerk',
    ]);
    for (const metric of KEY_METRICS) expect(metric.unit.length).toBeGreaterThan(0);
  });
});
