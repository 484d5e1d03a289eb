import { max, min, rootMeanSquare } from 'simple-statistics';
import { asNumbers } from './numbers';

/**
 * Distance measures of a centred 2-D sway signal (Prieto et al. 1996, IEEE Trans Biomed Eng
 * 43(9):956-966, section II-B): the resultant distance d = sqrt(AP^2 + ML^2) from the mean point.
 */
export interface DistanceMeasures {
  /** sqrt(mean(AP^2)), the signal's unit */
  rmsAp: number;
  /** sqrt(mean(ML^2)) */
  rmsMl: number;
  /** sqrt(mean(d^2)): RDIST */
  rms: number;
  /** mean(d): MDIST */
  meanDistance: number;
  /** max(AP) - min(AP) */
  rangeAp: number;
  /** max(ML) - min(ML) */
  rangeMl: number;
}

/**
 * RMS distances, mean distance and ranges of a centred sway signal.
 * Cost O(N). The inputs must have the same, non-zero length.
 *
 * @example distanceMeasures([3, -3], [4, -4]).meanDistance // 5
 */
export function distanceMeasures(ap: ArrayLike<number>, ml: ArrayLike<number>): DistanceMeasures {
  const n = ap.length;
  let sumDistance = 0;
  let sumSquares = 0;
  for (let k = 0; k < n; k++) {
    const a = ap[k] as number;
    const m = ml[k] as number;
    const square = a * a + m * m;
    sumSquares += square;
    sumDistance += Math.sqrt(square);
  }
  return {
    rmsAp: rootMeanSquare(asNumbers(ap)),
    rmsMl: rootMeanSquare(asNumbers(ml)),
    rms: Math.sqrt(sumSquares / n),
    meanDistance: sumDistance / n,
    rangeAp: max(asNumbers(ap)) - min(asNumbers(ap)),
    rangeMl: max(asNumbers(ml)) - min(asNumbers(ml)),
  };
}
