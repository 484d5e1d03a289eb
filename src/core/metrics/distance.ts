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
  // One pass for all of them. They were seven (this loop, then simple-statistics' rootMeanSquare,
  // max and min of each axis), and the command line's first recordings run in V8's interpreter,
  // where every pass loads and boxes each value again. The arithmetic is simple-statistics',
  // operation for operation (Math.pow(x, 2) summed in order; max and min from the first value,
  // so a NaN there stays), so the values are the same to the bit.
  const n = ap.length;
  let sumDistance = 0;
  let sumSquares = 0;
  let squaresAp = 0;
  let squaresMl = 0;
  let maxAp = ap[0] as number;
  let minAp = maxAp;
  let maxMl = ml[0] as number;
  let minMl = maxMl;
  for (let k = 0; k < n; k++) {
    const a = ap[k] as number;
    const m = ml[k] as number;
    const square = a * a + m * m;
    sumSquares += square;
    sumDistance += Math.sqrt(square);
    squaresAp += Math.pow(a, 2);
    squaresMl += Math.pow(m, 2);
    if (a > maxAp) maxAp = a;
    if (a < minAp) minAp = a;
    if (m > maxMl) maxMl = m;
    if (m < minMl) minMl = m;
  }
  return {
    rmsAp: Math.sqrt(squaresAp / n),
    rmsMl: Math.sqrt(squaresMl / n),
    rms: Math.sqrt(sumSquares / n),
    meanDistance: sumDistance / n,
    rangeAp: maxAp - minAp,
    rangeMl: maxMl - minMl,
  };
}
