import { describe, expect, it } from 'vitest';
import {
  rotateColumns,
  rotateColumnsHorizontal,
  rotationToVertical,
} from '../../../src/core/signal/rotation';

const bits = (x: Float64Array): number[] => Array.from(new Uint32Array(x.buffer));

describe('rotateColumnsHorizontal', () => {
  it('gives the x and z columns of rotateColumns, bit for bit', () => {
    const R = rotationToVertical([0.3, 9.7, -1.2]);
    const x = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i));
    const y = Float64Array.from({ length: 50 }, (_, i) => 9.8 + Math.cos(i));
    const z = Float64Array.from({ length: 50 }, (_, i) => Math.sin(3 * i));
    const [ox, , oz] = rotateColumns(R, x, y, z);
    const [hx, hz] = rotateColumnsHorizontal(R, x, y, z);
    expect(bits(hx)).toEqual(bits(ox));
    expect(bits(hz)).toEqual(bits(oz));
  });
});
