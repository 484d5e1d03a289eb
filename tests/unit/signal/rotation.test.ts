import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnalysisError } from '../../../src/core/errors';
import { rotateColumns, rotationToVertical, type Mat3, type Vec3 } from '../../../src/core/signal/rotation';

function apply(R: Mat3, v: Vec3): Vec3 {
  const [x, y, z] = rotateColumns(R, [v[0]], [v[1]], [v[2]]);
  return [x[0] as number, y[0] as number, z[0] as number];
}

function det(R: Mat3): number {
  const [a, b, c, d, e, f, g, h, i] = R;
  return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
}

function expectRotation(R: Mat3, tol: number): void {
  // R R^T = I
  for (let r = 0; r < 3; r++) {
    for (let s = 0; s < 3; s++) {
      let dot = 0;
      for (let k = 0; k < 3; k++) dot += (R[3 * r + k] as number) * (R[3 * s + k] as number);
      expect(Math.abs(dot - (r === s ? 1 : 0))).toBeLessThanOrEqual(tol);
    }
  }
  expect(Math.abs(det(R) - 1)).toBeLessThanOrEqual(tol);
}

const component = fc.double({ min: -20, max: 20, noNaN: true });
const gravityArb = fc
  .oneof(
    fc.tuple(component, component, component),
    // near -y and near +y: the delicate cases
    fc.tuple(
      fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
      fc.constantFrom(-9.81, 9.81),
      fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
    ),
  )
  .filter(([x, y, z]) => Math.hypot(x, y, z) > 1e-3);

describe('rotationToVertical', () => {
  it('is a rotation (orthonormal, det 1) taking g onto +|g| y', () => {
    fc.assert(
      fc.property(gravityArb, (g) => {
        const R = rotationToVertical(g);
        expectRotation(R, 1e-14);
        const norm = Math.hypot(...g);
        const [x, y, z] = apply(R, g);
        expect(Math.abs(x)).toBeLessThanOrEqual(1e-14 * norm);
        expect(Math.abs(y - norm)).toBeLessThanOrEqual(1e-14 * norm);
        expect(Math.abs(z)).toBeLessThanOrEqual(1e-14 * norm);
      }),
    );
  });

  it('is the smallest such rotation: about g x y, by the angle between g and y', () => {
    fc.assert(
      fc.property(gravityArb, (g) => {
        const R = rotationToVertical(g);
        const norm = Math.hypot(...g);
        const cosAngle = g[1] / norm;
        // trace = 1 + 2 cos(angle)
        expect(R[0] + R[4] + R[8]).toBeCloseTo(1 + 2 * cosAngle, 12);
        // the axis g x y = (-gz, 0, gx) is left where it is
        const axis: Vec3 = [-g[2], 0, g[0]];
        const moved = apply(R, axis);
        for (let k = 0; k < 3; k++)
          expect(Math.abs((moved[k] as number) - axis[k]!)).toBeLessThanOrEqual(1e-14 * norm);
      }),
    );
  });

  it('is the identity for g along +y and diag(1, -1, -1) for g along -y', () => {
    expect(rotationToVertical([0, 9.81, 0])).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(rotationToVertical([0, -9.81, 0])).toEqual([1, 0, 0, 0, -1, 0, 0, 0, -1]);
    expect(rotationToVertical([0, -1e-300, 0])).toEqual([1, 0, 0, 0, -1, 0, 0, 0, -1]);
  });

  it('stays accurate for g a hair away from -y, and for huge or tiny g', () => {
    for (const g of [
      [1e-9, -9.81, 0],
      [0, -9.81, -1e-12],
      [1e-200, -1, 1e-200],
      [1e300, 1e300, -1e300],
      [3e-310, 1e-310, 0],
    ] as Vec3[]) {
      const R = rotationToVertical(g);
      expectRotation(R, 1e-14);
      const big = Math.max(...g.map(Math.abs));
      const scaled: Vec3 = [g[0] / big, g[1] / big, g[2] / big];
      const [x, y, z] = apply(R, scaled);
      const norm = Math.hypot(...scaled);
      expect(Math.abs(x)).toBeLessThan(1e-14);
      expect(Math.abs(y - norm)).toBeLessThan(1e-14);
      expect(Math.abs(z)).toBeLessThan(1e-14);
    }
  });

  it('rejects a zero or non-finite g', () => {
    expect(() => rotationToVertical([0, 0, 0])).toThrow(AnalysisError);
    expect(() => rotationToVertical([0, 0, 0])).toThrow(/zero vector/);
    expect(() => rotationToVertical([NaN, 9.8, 0])).toThrow(/finite vector/);
    expect(() => rotationToVertical([0, Infinity, 0])).toThrow(/finite vector/);
  });
});

describe('rotateColumns', () => {
  it('rotates whole columns, R v per row', () => {
    const R: Mat3 = [0, -1, 0, 1, 0, 0, 0, 0, 1]; // 90 degrees about z
    const [x, y, z] = rotateColumns(R, [1, 0, 2], new Float32Array([0, 1, 3]), [5, 6, 7]);
    expect(Array.from(x)).toEqual([0, -1, -3]);
    expect(Array.from(y)).toEqual([1, 0, 2]);
    expect(Array.from(z)).toEqual([5, 6, 7]);
    expect(x).toBeInstanceOf(Float64Array);
  });

  it('rejects columns of different lengths', () => {
    expect(() => rotateColumns([1, 0, 0, 0, 1, 0, 0, 0, 1], [1, 2], [1], [1, 2])).toThrow(
      /columns differ in length \(2, 1, 2\)/,
    );
  });
});
