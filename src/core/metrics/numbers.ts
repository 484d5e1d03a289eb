/**
 * simple-statistics declares its inputs as `number[]` but only reads `length` and indices,
 * so typed arrays can be passed without copying.
 */
export function asNumbers(x: ArrayLike<number>): number[] {
  return x as unknown as number[];
}
