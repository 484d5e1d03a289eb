import type { DroppedCounts, Series } from './types';

/**
 * The rows of a recording that the analysis may use (SPEC section 3 step 1): sorted by time
 * (stable), every time and value finite, every time greater than the one before.
 */
export interface CleanRows {
  /** Kept sample times, s, strictly increasing. */
  tS: Float64Array;
  /** Kept value columns, in the order they were given. */
  columns: Float64Array[];
  /** Indices (into the input) of the kept rows, in time order; null when every row was kept in place. */
  index: Uint32Array | null;
  dropped: Pick<DroppedCounts, 'nonFiniteTime' | 'nonFiniteValue' | 'nonIncreasingTime'>;
}

/** A stable ordering of row indices by time; a plain index list when the times are already in order. */
function orderByTime(tS: Series): Uint32Array {
  const n = tS.length;
  const order = new Uint32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && (tS[i] as number) < (tS[i - 1] as number)) sorted = false;
  }
  if (sorted) return order;
  // Array.prototype.sort is stable (ES2019); NaN times sort last and are dropped below.
  const keyed = Array.from(order);
  keyed.sort((i, j) => {
    const a = tS[i] as number;
    const b = tS[j] as number;
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
    if (Number.isNaN(b)) return -1;
    return a - b;
  });
  return Uint32Array.from(keyed);
}

/** True when the columns are Float64Arrays, every value finite and the times strictly increasing. */
function isCleanAlready(tS: Series, values: readonly Series[]): boolean {
  if (!(tS instanceof Float64Array) || !values.every((column) => column instanceof Float64Array))
    return false;
  let lastT = -Infinity;
  for (let i = 0; i < tS.length; i++) {
    const t = tS[i] as number;
    if (!(t > lastT) || t - t !== 0) return false;
    lastT = t;
  }
  for (const column of values) {
    for (let i = 0; i < column.length; i++) {
      const v = column[i] as number;
      if (v - v !== 0) return false;
    }
  }
  return true;
}

/**
 * Cleans a recording: stable sort by t; drop rows whose t or any value column is not finite;
 * drop rows whose t is not greater than the previous kept t. Counts each kind of drop.
 *
 * Cost: O(n) for input already in time order, O(n log n) otherwise. Input that is already
 * clean (Float64Array columns) is returned as it is, without a copy: do not change it afterwards.
 *
 * @example cleanRows([0, 0.02, 0.01], [[1, 2, 3]]) // keeps t = 0, 0.01, 0.02
 */
export function cleanRows(tS: Series, values: readonly Series[]): CleanRows {
  const n = tS.length;
  for (const column of values) {
    if (column.length !== n)
      throw new RangeError(`columns differ in length (${column.length} and ${n} rows)`);
  }
  if (isCleanAlready(tS, values)) {
    // The common case (a file or a trial written in order): keep the input, no copies.
    return {
      tS: tS as Float64Array,
      columns: values as Float64Array[],
      index: null,
      dropped: { nonFiniteTime: 0, nonFiniteValue: 0, nonIncreasingTime: 0 },
    };
  }
  const order = orderByTime(tS);
  const keptIndex = new Uint32Array(n);
  let kept = 0;
  let nonFiniteTime = 0;
  let nonFiniteValue = 0;
  let nonIncreasingTime = 0;
  let lastT = -Infinity;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const t = tS[i] as number;
    if (t - t !== 0) {
      nonFiniteTime++;
      continue;
    }
    let finite = true;
    for (let c = 0; c < values.length; c++) {
      const v = (values[c] as Series)[i] as number;
      // v - v is 0 for a finite number and NaN for NaN and +-Infinity: cheaper than Number.isFinite
      if (v - v !== 0) {
        finite = false;
        break;
      }
    }
    if (!finite) {
      nonFiniteValue++;
      continue;
    }
    if (!(t > lastT)) {
      nonIncreasingTime++;
      continue;
    }
    lastT = t;
    keptIndex[kept++] = i;
  }
  const index = keptIndex.slice(0, kept);
  const outT = new Float64Array(kept);
  const columns = values.map(() => new Float64Array(kept));
  for (let k = 0; k < kept; k++) {
    const i = index[k] as number;
    outT[k] = tS[i] as number;
    for (let c = 0; c < values.length; c++)
      (columns[c] as Float64Array)[k] = (values[c] as Series)[i] as number;
  }
  return { tS: outT, columns, index, dropped: { nonFiniteTime, nonFiniteValue, nonIncreasingTime } };
}
