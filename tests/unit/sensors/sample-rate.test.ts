import { describe, expect, it } from 'vitest';
import { measuredRateHz } from '../../../src/sensors/sample-rate';

describe('measuredRateHz', () => {
  it('is 1 / the median interval, so a few late events do not move it', () => {
    // intervals 0.016, 0.017, 0.017, 0.100 (a late event), 0.016: median 0.017
    expect(measuredRateHz([0, 0.016, 0.033, 0.05, 0.15, 0.166])).toBeCloseTo(1 / 0.017, 9);
  });

  it('leaves out repeated and missing times, and is NaN with fewer than two usable times', () => {
    expect(measuredRateHz([0, 0.02, 0.02, NaN, 0.06, 0.08])).toBeCloseTo(50, 9);
    expect(measuredRateHz([1])).toBeNaN();
    expect(measuredRateHz([])).toBeNaN();
    expect(measuredRateHz([1, 1])).toBeNaN();
  });
});
