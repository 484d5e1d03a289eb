/**
 * Total excursion (TOTEX, Prieto et al. 1996): the length of the sway path, the sum of the
 * distances between consecutive samples, sqrt(dAP^2 + dML^2). In the signal's unit.
 *
 * @example pathLength([0, 3, 3], [0, 4, 4]) // 5
 */
export function pathLength(ap: ArrayLike<number>, ml: ArrayLike<number>): number {
  let total = 0;
  for (let k = 1; k < ap.length; k++) {
    const dAp = (ap[k] as number) - (ap[k - 1] as number);
    const dMl = (ml[k] as number) - (ml[k - 1] as number);
    // sqrt of the sum of squares: Math.hypot guards against overflow that sway values never reach, at 5x the cost
    total += Math.sqrt(dAp * dAp + dMl * dMl);
  }
  return total;
}

/**
 * Sway area per unit time (AREA-SW, Prieto et al. 1996): the area swept by the radius from the
 * mean point to the sway path, sum |AP[k+1] ML[k] - AP[k] ML[k+1]| / (2 T), with T = N / rate
 * the duration in seconds. In the signal's unit squared per second.
 */
export function swayAreaRate(ap: ArrayLike<number>, ml: ArrayLike<number>, durationS: number): number {
  let total = 0;
  for (let k = 0; k + 1 < ap.length; k++) {
    total += Math.abs((ap[k + 1] as number) * (ml[k] as number) - (ap[k] as number) * (ml[k + 1] as number));
  }
  return total / (2 * durationS);
}
