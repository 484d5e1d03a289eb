import { mean } from './numbers';

/** Probability covered by the confidence ellipse (Prieto et al. 1996: 95 %). */
export const ELLIPSE_PROBABILITY = 0.95;

/** The 95 % confidence ellipse of a 2-D sway signal. */
export interface ConfidenceEllipse {
  /** 2 pi F sqrt(det C): AREA-CE, the signal's unit squared */
  ellipseArea: number;
  /** semi-axes sqrt(2 F lambda) for the larger and smaller eigenvalue of C */
  ellipseMajor: number;
  ellipseMinor: number;
  /** angle of the major axis from the AP axis towards ML, degrees in [0, 180) */
  ellipseAngleDeg: number;
}

/**
 * The F statistic with 2 and N - 2 degrees of freedom at `probability`, in closed form:
 * F(p; 2, n) = (n / 2) ((1 - p)^(-2/n) - 1) (Prieto et al. 1996, eq. for AREA-CE).
 */
export function fStatistic2(samples: number, probability = ELLIPSE_PROBABILITY): number {
  const dof = samples - 2;
  return (dof / 2) * (Math.pow(1 - probability, -2 / dof) - 1);
}

/**
 * The 95 % confidence ellipse of the points (AP, ML): C is the population covariance
 * (divided by N), its eigenvalues give the semi-axes and the area (Prieto et al. 1996, AREA-CE).
 * Needs N > 2.
 */
export function confidenceEllipse(ap: ArrayLike<number>, ml: ArrayLike<number>): ConfidenceEllipse {
  const n = ap.length;
  const meanAp = mean(ap);
  const meanMl = mean(ml);
  let cAA = 0;
  let cMM = 0;
  let cAM = 0;
  for (let k = 0; k < n; k++) {
    const a = (ap[k] as number) - meanAp;
    const m = (ml[k] as number) - meanMl;
    cAA += a * a;
    cMM += m * m;
    cAM += a * m;
  }
  cAA /= n;
  cMM /= n;
  cAM /= n;
  const f = fStatistic2(n);
  const half = (cAA + cMM) / 2;
  const spread = Math.hypot((cAA - cMM) / 2, cAM);
  const lambdaMajor = half + spread;
  const lambdaMinor = Math.max(half - spread, 0);
  const det = Math.max(cAA * cMM - cAM * cAM, 0);
  // Principal-axis angle of a symmetric 2x2 matrix: theta = atan2(2 c_AM, c_AA - c_MM) / 2.
  let angleDeg = (0.5 * Math.atan2(2 * cAM, cAA - cMM) * 180) / Math.PI;
  if (angleDeg < 0) angleDeg += 180;
  if (angleDeg >= 180) angleDeg -= 180;
  return {
    ellipseArea: 2 * Math.PI * f * Math.sqrt(det),
    ellipseMajor: Math.sqrt(2 * f * lambdaMajor),
    ellipseMinor: Math.sqrt(2 * f * lambdaMinor),
    ellipseAngleDeg: angleDeg,
  };
}
