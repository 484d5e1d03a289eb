/**
 * A trial's samples as growable Float64Array columns (the phyphox idea: sensors write into
 * buffers, analysis reads them): no object is kept per sample, appending is O(1) amortised,
 * and the finished columns are handed to the analysis as they are.
 */
import type { MotionSample, TrialSamples } from './types';

const COLUMNS = ['tS', 'ax', 'ay', 'az', 'gx', 'gy', 'gz', 'lx', 'ly', 'lz'] as const;

/**
 * Rows reserved per second of the duration cap: 100 Hz covers Chromium's 60 Hz and most
 * phones' 100 Hz without growing; faster sensors make the columns double once or twice.
 */
export const ROWS_PER_CAP_SECOND = 100;

export interface SampleColumns {
  /** Rows appended so far. */
  readonly length: number;
  /** Appends one row; values are stored as given (NaN stays NaN). */
  append(
    tS: number,
    ax: number,
    ay: number,
    az: number,
    gx: number,
    gy: number,
    gz: number,
    lx: number,
    ly: number,
    lz: number,
  ): void;
  /** Multiplies the acceleration values (ax..az, lx..lz) of rows [from, length) by -1. */
  flipAccelerations(from: number): void;
  /** Time (s) of row k. */
  timeAt(k: number): number;
  /** Row k as an object (for the few rows read back; the columns keep no objects). */
  row(k: number): MotionSample;
  /** The rows so far as exactly-sized copies (the record keeps no spare capacity). */
  toSamples(): TrialSamples;
}

type Columns = Record<(typeof COLUMNS)[number], Float64Array>;

const allocate = (rows: number): Columns =>
  Object.fromEntries(COLUMNS.map((name) => [name, new Float64Array(rows)])) as Columns;

/** Empty columns with room for `capacity` rows before the first growth (then the room doubles). */
export function createSampleColumns(capacity = 1024): SampleColumns {
  let size = Math.max(16, Math.ceil(capacity));
  let length = 0;
  let c = allocate(size);
  return {
    get length(): number {
      return length;
    },
    append(tS, ax, ay, az, gx, gy, gz, lx, ly, lz): void {
      if (length === size) {
        size *= 2;
        const bigger = allocate(size);
        for (const name of COLUMNS) bigger[name].set(c[name]);
        c = bigger;
      }
      c.tS[length] = tS;
      c.ax[length] = ax;
      c.ay[length] = ay;
      c.az[length] = az;
      c.gx[length] = gx;
      c.gy[length] = gy;
      c.gz[length] = gz;
      c.lx[length] = lx;
      c.ly[length] = ly;
      c.lz[length] = lz;
      length++;
    },
    flipAccelerations(from: number): void {
      for (const column of [c.ax, c.ay, c.az, c.lx, c.ly, c.lz]) {
        for (let k = from; k < length; k++) column[k] = -(column[k] as number);
      }
    },
    timeAt(k: number): number {
      return c.tS[k] as number;
    },
    row(k: number): MotionSample {
      return Object.fromEntries(
        COLUMNS.map((name) => [name, c[name][k] as number]),
      ) as unknown as MotionSample;
    },
    toSamples(): TrialSamples {
      return Object.fromEntries(COLUMNS.map((name) => [name, c[name].slice(0, length)])) as Columns;
    },
  };
}
