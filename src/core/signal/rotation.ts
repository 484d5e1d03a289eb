/**
 * SPEC section 3, step 4: tilt correction, the rotation taking the mean gravity reading onto the
 * world vertical +y.
 *
 * The smallest rotation taking a unit vector u onto a unit vector e (here e = +y) turns about
 * v = u x e by the angle between them; by Rodrigues' rotation formula
 * (https://en.wikipedia.org/wiki/Rodrigues%27_rotation_formula) it is
 *
 *     R = I + [v]x + [v]x^2 / (1 + c),   c = u . e,  |v|^2 = 1 - c^2,
 *
 * with [v]x the cross-product (skew-symmetric) matrix of v. For u = (ux, uy, uz) and e = +y:
 * v = (-uz, 0, ux), c = uy, |v| = r = sin(tilt). The [v]x^2 term is computed through the unit
 * horizontal direction (ux, uz) / r and the factor r^2 / (1 + c), which equals 1 - c; for c < 0 that
 * form avoids the cancellation in 1 + c, so the matrix stays orthonormal to rounding even for a phone
 * held almost upside down, and nothing overflows or underflows for a nearly vertical g. For u = -y
 * exactly (ux = uz = 0) every axis perpendicular to y works; SPEC fixes the half-turn about x,
 * diag(1, -1, -1), which is also the limit of the formula as g approaches -y in the y-z plane.
 */
import { AnalysisError } from '../errors';

export type Vec3 = [number, number, number];
/** Row-major 3x3. */
export type Mat3 = [number, number, number, number, number, number, number, number, number];

/**
 * The smallest rotation taking unit(g) onto +y (Rodrigues' formula); if unit(g) is -y use
 * diag(1,-1,-1). Throws AnalysisError for a zero or non-finite g. World vector = R g-frame vector.
 */
export function rotationToVertical(g: Vec3): Mat3 {
  const [gx, gy, gz] = g;
  if (!(Number.isFinite(gx) && Number.isFinite(gy) && Number.isFinite(gz))) {
    throw new AnalysisError(`rotationToVertical: gravity must be a finite vector (got ${gx}, ${gy}, ${gz})`);
  }
  // Normalise by the largest component first, so tiny or huge vectors neither underflow nor overflow.
  const big = Math.max(Math.abs(gx), Math.abs(gy), Math.abs(gz));
  if (big === 0) {
    throw new AnalysisError('rotationToVertical: gravity is the zero vector, so "down" is undefined');
  }
  const sx = gx / big;
  const sy = gy / big;
  const sz = gz / big;
  const norm = Math.sqrt(sx * sx + sy * sy + sz * sz);
  const ux = sx / norm;
  const uy = sy / norm;
  const uz = sz / norm;
  // Unit horizontal direction (ex, ez) of g, from g itself scaled by its larger horizontal
  // component, so it stays accurate even when ux, uz are subnormal or underflow.
  const hm = Math.max(Math.abs(gx), Math.abs(gz));
  if (hm === 0) {
    return uy > 0 ? [1, 0, 0, 0, 1, 0, 0, 0, 1] : [1, 0, 0, 0, -1, 0, 0, 0, -1];
  }
  const hx = gx / hm;
  const hz = gz / hm;
  const rh = Math.sqrt(hx * hx + hz * hz);
  const ex = hx / rh;
  const ez = hz / rh;
  const c = uy;
  // v = u x y = (-uz, 0, ux); [v]x = [[0, -vz, vy], [vz, 0, -vx], [-vy, vx, 0]]
  //   = [[0, -ux, 0], [ux, 0, uz], [0, -uz, 0]]
  // [v]x^2 = v v^T - |v|^2 I = [[-ux^2, 0, -ux uz], [0, -r^2, 0], [-ux uz, 0, -uz^2]]
  // With r^2 = ux^2 + uz^2 and q = r^2 / (1 + c) (= 1 - c), R = I + [v]x + [v]x^2 / (1 + c) is
  // I + [v]x - q [[ex^2, 0, ex ez], [0, 1, 0], [ex ez, 0, ez^2]].
  // q = r^2 / (1 + c) for c >= 0, and 1 - c for c < 0 (no cancellation either way).
  const q = c >= 0 ? (ux * ux + uz * uz) / (1 + c) : 1 - c;
  return [1 - q * ex * ex, -ux, -q * ex * ez, ux, 1 - q, uz, -q * ex * ez, -uz, 1 - q * ez * ez];
}

function checkSameLength(x: ArrayLike<number>, y: ArrayLike<number>, z: ArrayLike<number>): void {
  if (y.length !== x.length || z.length !== x.length) {
    throw new AnalysisError(
      `rotateColumns: the columns differ in length (${x.length}, ${y.length}, ${z.length})`,
    );
  }
}

/** World column `row` (0 x', 1 y', 2 z'): row `row` of R applied to every sample (x, y, z). */
function worldColumn(
  R: Mat3,
  row: 0 | 1 | 2,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  z: ArrayLike<number>,
): Float64Array {
  const rx = R[3 * row] as number;
  const ry = R[3 * row + 1] as number;
  const rz = R[3 * row + 2] as number;
  const out = new Float64Array(x.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = rx * (x[i] as number) + ry * (y[i] as number) + rz * (z[i] as number);
  }
  return out;
}

/** out = R v, for whole columns at once (x, y, z arrays of equal length), returning new Float64Arrays [x', y', z']. */
export function rotateColumns(
  R: Mat3,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  z: ArrayLike<number>,
): [Float64Array, Float64Array, Float64Array] {
  checkSameLength(x, y, z);
  return [worldColumn(R, 0, x, y, z), worldColumn(R, 1, x, y, z), worldColumn(R, 2, x, y, z)];
}

/**
 * The two horizontal world columns of `rotateColumns`, [x', z'], by the same arithmetic, without
 * computing the vertical one (which sway analysis does not use).
 */
export function rotateColumnsHorizontal(
  R: Mat3,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  z: ArrayLike<number>,
): [Float64Array, Float64Array] {
  checkSameLength(x, y, z);
  return [worldColumn(R, 0, x, y, z), worldColumn(R, 2, x, y, z)];
}
