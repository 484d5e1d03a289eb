/**
 * The derivative of a uniformly sampled series with `numpy.gradient` semantics: central
 * differences inside, one-sided first differences at both ends, spacing 1 / rate.
 * Needs at least 2 samples.
 */
export function gradient(x: ArrayLike<number>, rateHz: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  if (n < 2) return out;
  out[0] = ((x[1] as number) - (x[0] as number)) * rateHz;
  out[n - 1] = ((x[n - 1] as number) - (x[n - 2] as number)) * rateHz;
  for (let k = 1; k < n - 1; k++) out[k] = ((x[k + 1] as number) - (x[k - 1] as number)) * 0.5 * rateHz;
  return out;
}

/**
 * Jerk (Mancini et al. 2012, J NeuroEng Rehabil 9:59, ISway JERK): half the time integral of
 * the squared derivative of the sway signal, 0.5 * sum((AP')^2 + (ML')^2) / rate.
 * For an acceleration signal in m/s^2 the unit is m^2/s^5.
 */
export function jerk(ap: ArrayLike<number>, ml: ArrayLike<number>, rateHz: number): number {
  // `gradient`'s differences, made as they are summed rather than into two arrays first: one
  // pass, no allocation, and the same expressions in the same order, so the same doubles.
  const n = ap.length;
  let total = 0;
  if (n < 2) return (0.5 * total) / rateHz;
  /** The squared one-sided derivative between samples `before` and `after` (at either end). */
  const atEnd = (before: number, after: number): number => {
    const dAp = ((ap[after] as number) - (ap[before] as number)) * rateHz;
    const dMl = ((ml[after] as number) - (ml[before] as number)) * rateHz;
    return dAp ** 2 + dMl ** 2;
  };
  total += atEnd(0, 1);
  for (let k = 1; k < n - 1; k++) {
    const dAp = ((ap[k + 1] as number) - (ap[k - 1] as number)) * 0.5 * rateHz;
    const dMl = ((ml[k + 1] as number) - (ml[k - 1] as number)) * 0.5 * rateHz;
    total += dAp ** 2 + dMl ** 2;
  }
  total += atEnd(n - 2, n - 1);
  return (0.5 * total) / rateHz;
}
