import { describe, expect, it } from 'vitest';
import { ellipseOutline } from '../../../src/ui/charts/ellipse';
import { niceLimit } from '../../../src/ui/charts/sway-path-chart';

describe('ellipseOutline', () => {
  it('puts the major axis along AP at 0 degrees and along ML at 90 degrees', () => {
    // phi = 0 is the end of the major axis: (AP, ML) = major * (cos a, sin a).
    const along = ellipseOutline({ ellipseMajor: 2, ellipseMinor: 1, ellipseAngleDeg: 0 })[0];
    expect(along?.y).toBeCloseTo(2, 12); // y is AP
    expect(along?.x).toBeCloseTo(0, 12); // x is ML
    const across = ellipseOutline({ ellipseMajor: 2, ellipseMinor: 1, ellipseAngleDeg: 90 })[0];
    expect(across?.y).toBeCloseTo(0, 12);
    expect(across?.x).toBeCloseTo(2, 12);
  });

  it('lies on the ellipse with the given semi-axes and angle, and closes', () => {
    const axes = { ellipseMajor: 1.109, ellipseMinor: 0.751, ellipseAngleDeg: 113.77 };
    const outline = ellipseOutline(axes, 37);
    expect(outline).toHaveLength(37);
    const angle = (axes.ellipseAngleDeg * Math.PI) / 180;
    for (const { x: ml, y: ap } of outline) {
      // Coordinates along the major (u) and minor (v) axes: (u/a)^2 + (v/b)^2 = 1 on the outline.
      const u = ap * Math.cos(angle) + ml * Math.sin(angle);
      const v = -ap * Math.sin(angle) + ml * Math.cos(angle);
      expect((u / axes.ellipseMajor) ** 2 + (v / axes.ellipseMinor) ** 2).toBeCloseTo(1, 12);
    }
    expect(outline[36]?.x).toBeCloseTo(outline[0]?.x ?? NaN, 12);
    expect(outline[36]?.y).toBeCloseTo(outline[0]?.y ?? NaN, 12);
  });

  it('spans the minor axis a quarter turn from the major one', () => {
    // 5 points: phi = 0, 90, 180, 270, 360 degrees.
    const outline = ellipseOutline({ ellipseMajor: 3, ellipseMinor: 1, ellipseAngleDeg: 30 }, 5);
    const quarter = outline[1];
    // minor axis direction: (AP, ML) = (-sin a, cos a) at a = 30 degrees
    expect(quarter?.y).toBeCloseTo(-0.5, 12);
    expect(quarter?.x).toBeCloseTo(Math.sqrt(3) / 2, 12);
  });
});

describe('niceLimit', () => {
  it('rounds the sway plot limit up to a round number', () => {
    expect(niceLimit(1.008)).toBe(1.5);
    expect(niceLimit(0.93)).toBe(1);
    expect(niceLimit(2.2)).toBe(3);
    expect(niceLimit(0.061)).toBeCloseTo(0.075, 12);
    expect(niceLimit(0)).toBe(1);
    expect(niceLimit(NaN)).toBe(1);
  });
});
