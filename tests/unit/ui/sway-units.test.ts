import { describe, expect, it } from 'vitest';
import { KEY_METRICS, swayMetricUnit } from '../../../src/ui/format';

describe("units of a 2-D sway trial's key metrics", () => {
  it('are powers of the signal unit and seconds (SPEC section 4, metric-units.ts)', () => {
    // rms: u; mean velocity = path / T: u/s; ellipse area: u^2; centroid frequency: Hz; jerk: u^2/s.
    expect(KEY_METRICS.map((metric) => swayMetricUnit(metric.key, 'cm'))).toEqual([
      'cm',
      'cm/s',
      'cm²',
      'Hz',
      'cm²/s',
    ]);
  });

  it('say "input unit" when neither the file nor the person gave one', () => {
    expect(swayMetricUnit('rms', null)).toBe('input unit');
    expect(swayMetricUnit('meanVelocity', null)).toBe('input unit/s');
    expect(swayMetricUnit('ellipseArea', null)).toBe('(input unit)²');
  });
});
