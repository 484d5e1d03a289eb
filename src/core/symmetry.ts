/**
 * Left/right symmetry of a measure between the two stance legs (SPEC section 6), in the two
 * conventions clinicians meet, each under its own name:
 *
 * - limb symmetry index, LSI = weaker / stronger x 100 %. For hold time (larger is better)
 *   that is shorter / longer; for sway magnitudes (larger is worse) smaller / larger. Either
 *   way it is min / max x 100 %: 100 % is symmetric, lower is less symmetric, and below
 *   LSI_FLAG_BELOW_PERCENT it is flagged.
 * - symmetry index, SI = (R - L) / (0.5 (R + L)) x 100 % (Herzog W, Nigg BM, Read LJ,
 *   Olsson E 1989, Asymmetries in ground reaction force patterns in normal human gait, Med Sci
 *   Sports Exerc 21(1):110-114): signed, 0 % symmetric, positive when the right value is
 *   larger, from -200 % to +200 %.
 *
 * Both are defined for non-negative measures; a negative or non-finite value gives null.
 */

/**
 * Whether a larger value of a measure means better or worse balance. Frequencies (how fast
 * the sway is, not how much) and the ellipse's angle are neither: they get SI but no LSI,
 * because there is no weaker leg to divide by.
 */
export type MetricDirection = 'larger-is-better' | 'larger-is-worse' | 'no-direction';

/**
 * LSI below this is flagged, %: SPEC section 6 (90 % is the cut-off common in return-to-sport
 * criteria for limb symmetry after knee injury).
 */
export const LSI_FLAG_BELOW_PERCENT = 90;

/** The names shown beside the numbers. */
export const LSI_NAME = 'Limb symmetry index (LSI = weaker / stronger)';
export const SI_NAME = 'Symmetry index (SI, Herzog et al. 1989)';

const usable = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

/**
 * LSI in %, or null: when a value is missing, negative or not finite, when both are 0 (0 / 0:
 * no ratio; two zero hold times are "equal" but say nothing about the legs), or for a measure
 * with no direction. One side 0 and the other not gives 0 %.
 *
 * limbSymmetryIndexPercent(30, 40, 'larger-is-better') // 75 (the left leg held 30 s, the right 40 s)
 */
export function limbSymmetryIndexPercent(
  left: number | null | undefined,
  right: number | null | undefined,
  direction: MetricDirection,
): number | null {
  if (direction === 'no-direction' || !usable(left) || !usable(right)) return null;
  const larger = Math.max(left, right);
  if (larger === 0) return null;
  return (Math.min(left, right) / larger) * 100;
}

/**
 * SI in %, signed (positive: right larger), or null when a value is missing, negative or not
 * finite, or both are 0.
 *
 * symmetryIndexPercent(30, 40) // 28.57... = (40 - 30) / 35 x 100
 */
export function symmetryIndexPercent(
  left: number | null | undefined,
  right: number | null | undefined,
): number | null {
  if (!usable(left) || !usable(right)) return null;
  const mean = 0.5 * (left + right);
  if (mean === 0) return null;
  return ((right - left) / mean) * 100;
}

/**
 * The weaker leg: the one with the shorter hold time, or the larger sway. Null when equal,
 * when a value is not usable, or for a measure with no direction.
 */
export function weakerSide(
  left: number | null | undefined,
  right: number | null | undefined,
  direction: MetricDirection,
): 'left' | 'right' | null {
  if (direction === 'no-direction' || !usable(left) || !usable(right) || left === right) return null;
  const leftIsLarger = left > right;
  return leftIsLarger === (direction === 'larger-is-better') ? 'right' : 'left';
}

/** Both indices for one pair of values, with the flag and the weaker side. */
export interface Symmetry {
  lsiPercent: number | null;
  /** LSI below LSI_FLAG_BELOW_PERCENT (false when there is no LSI). */
  lsiFlagged: boolean;
  siPercent: number | null;
  weakerSide: 'left' | 'right' | null;
}

export function symmetryOf(
  left: number | null | undefined,
  right: number | null | undefined,
  direction: MetricDirection,
): Symmetry {
  const lsiPercent = limbSymmetryIndexPercent(left, right, direction);
  return {
    lsiPercent,
    lsiFlagged: lsiPercent !== null && lsiPercent < LSI_FLAG_BELOW_PERCENT,
    siPercent: symmetryIndexPercent(left, right),
    weakerSide: weakerSide(left, right, direction),
  };
}
