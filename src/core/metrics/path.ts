/**
 * Total excursion (TOTEX, Prieto et al. 1996): the length of the sway path, the sum of the
 * distances between consecutive samples, sqrt(dAP^2 + dML^2). In the signal's unit.
 *
 * @example pathLength([0, 3, 3], [0, 4, 4]) // 5
 */
export function pathLength(ap: ArrayLike<number>, ml: ArrayLike<number>): number {
  return pathMeasures(ap, ml, 1).pathLength;
}

/**
 * Sway area per unit time (AREA-SW, Prieto et al. 1996): the area swept by the radius from the
 * mean point to the sway path, sum |AP[k+1] ML[k] - AP[k] ML[k+1]| / (2 T), with T = N / rate
 * the duration in seconds. In the signal's unit squared per second.
 */
export function swayAreaRate(ap: ArrayLike<number>, ml: ArrayLike<number>, durationS: number): number {
  return pathMeasures(ap, ml, durationS).swayAreaRate;
}

/**
 * `pathLength` and `swayAreaRate` (over `durationS`) in one pass over the consecutive pairs of
 * samples, each sum as those two make it (same terms, same order: the same doubles).
 */
export function pathMeasures(
  ap: ArrayLike<number>,
  ml: ArrayLike<number>,
  durationS: number,
): { pathLength: number; swayAreaRate: number } {
  let length = 0;
  let area = 0;
  for (let k = 1; k < ap.length; k++) {
    const apBefore = ap[k - 1] as number;
    const mlBefore = ml[k - 1] as number;
    const apNow = ap[k] as number;
    const mlNow = ml[k] as number;
    const dAp = apNow - apBefore;
    const dMl = mlNow - mlBefore;
    // sqrt of the sum of squares: Math.hypot guards against overflow that sway values never reach, at 5x the cost
    length += Math.sqrt(dAp * dAp + dMl * dMl);
    area += Math.abs(apNow * mlBefore - apBefore * mlNow);
  }
  return { pathLength: length, swayAreaRate: area / (2 * durationS) };
}
