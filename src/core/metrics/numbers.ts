/**
 * The two statistics of simple-statistics the metrics used, with its arithmetic operation for
 * operation, so that they give the same values to the bit (its 7.x `mean`, `sum` and
 * `rootMeanSquare`), on typed arrays. Not imported from it: loading simple-statistics computes a
 * table of the normal distribution (310 values, 30 terms each) that the command line never uses,
 * at every start.
 */

/**
 * The mean, as simple-statistics' `mean`: the sum compensated for rounding (Kahan-Babuska,
 * Neumaier's variant) from the first value, divided by the length.
 *
 * @throws Error for an empty input, as simple-statistics does.
 */
export function mean(x: ArrayLike<number>): number {
  if (x.length === 0) throw new Error('mean requires at least one data point');
  let sum = x[0] as number;
  let correction = 0;
  for (let i = 1; i < x.length; i++) {
    const value = x[i] as number;
    const transition = sum + value;
    if (Math.abs(sum) >= Math.abs(value)) correction += sum - transition + value;
    else correction += value - transition + sum;
    sum = transition;
  }
  return (sum + correction) / x.length;
}

/**
 * sqrt(mean(x^2)), as simple-statistics' `rootMeanSquare` (`Math.pow(x, 2)` summed in order).
 *
 * @throws Error for an empty input, as simple-statistics does.
 */
export function rootMeanSquare(x: ArrayLike<number>): number {
  if (x.length === 0) throw new Error('rootMeanSquare requires at least one data point');
  let sumOfSquares = 0;
  for (let i = 0; i < x.length; i++) sumOfSquares += Math.pow(x[i] as number, 2);
  return Math.sqrt(sumOfSquares / x.length);
}
