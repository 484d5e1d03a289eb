import { cleanRows } from './clean';
import { detectTouchdown } from './detect/touchdown';
import { AnalysisError } from './errors';
import { checkRecordingLimits, checkGridSize, finiteGravity } from './input-limits';
import { computeSwayMetrics } from './metrics/sway-metrics';
import {
  analysisVersionOf,
  CHROMIUM_QUANTUM_M_S2,
  DEFAULT_CUTOFF_HZ,
  DEFAULT_FILTER_ORDER,
  DEFAULT_RATE_HZ,
  GAP_WARNING_S,
  LOW_INPUT_RATE_HZ,
  MIN_WINDOW_S,
  SETTLE_S,
  TOUCHDOWN_MARGIN_S,
} from './options';
import { butterworthLowpass, type FilterCoefficients } from './signal/butterworth';
import { filtfilt } from './signal/filtfilt';
import { resampleLinear, uniformGrid, type UniformGrid } from './signal/resample';
import { rotateColumnsHorizontal, rotationToVertical } from './signal/rotation';
import type {
  AnalysisOptions,
  AnalysisResult,
  AnalysisSeries,
  DroppedCounts,
  MotionRecording,
  Recording,
  Series,
} from './types';

interface ResolvedOptions {
  rateHz: number;
  cutoffHz: number;
  filterOrder: number;
}

function resolveOptions(options: AnalysisOptions): ResolvedOptions {
  const rateHz = options.rateHz ?? DEFAULT_RATE_HZ;
  const cutoffHz = options.cutoffHz ?? DEFAULT_CUTOFF_HZ;
  const filterOrder = options.filterOrder ?? DEFAULT_FILTER_ORDER;
  if (!(Number.isFinite(rateHz) && rateHz > 0))
    throw new AnalysisError(`rate must be a positive number of Hz (${rateHz})`);
  if (!(Number.isFinite(cutoffHz) && cutoffHz > 0 && cutoffHz < rateHz / 2)) {
    throw new AnalysisError(`cut-off must lie between 0 and half the rate, ${rateHz / 2} Hz (${cutoffHz})`);
  }
  if (!(Number.isInteger(filterOrder) && filterOrder >= 1)) {
    throw new AnalysisError(`filter order must be a whole number from 1 (${filterOrder})`);
  }
  for (const [name, value] of [
    ['from', options.fromS],
    ['to', options.toS],
  ] as const) {
    if (value !== undefined && !Number.isFinite(value))
      throw new AnalysisError(`${name} must be a number of seconds (${value})`);
  }
  if (options.fromS !== undefined && options.toS !== undefined && !(options.toS > options.fromS)) {
    throw new AnalysisError(`to (${options.toS} s) must be later than from (${options.fromS} s)`);
  }
  return { rateHz, cutoffHz, filterOrder };
}

/** Filtered (zero-phase) and centred copy of a series: SPEC steps 5 and 6. */
function filterAndCentre(coefficients: FilterCoefficients, x: Series): Float64Array {
  const y = filtfilt(coefficients, x);
  const mean = meanOf(y);
  for (let k = 0; k < y.length; k++) y[k] = (y[k] as number) - mean;
  return y;
}

/** The arithmetic mean of a series. */
function meanOf(x: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < x.length; k++) sum += x[k] as number;
  return sum / x.length;
}

/** 1 / the median interval between consecutive times, Hz. */
function medianRateHz(tS: Float64Array): number {
  if (tS.length < 2) return NaN;
  const intervals = new Float64Array(tS.length - 1);
  for (let k = 1; k < tS.length; k++) intervals[k - 1] = (tS[k] as number) - (tS[k - 1] as number);
  return 1 / medianInPlace(intervals);
}

/**
 * The median of finite values, reordering them: the middle one, or for an even count
 * `low + 0.5 * (high - low)` of the middle two (numpy's default, and simple-statistics'
 * `median` to the bit). A selection in place, O(n): the 6 intervals per 100 Hz second of an
 * hour-long recording are too many to copy and sort.
 */
function medianInPlace(values: Float64Array): number {
  const n = values.length;
  const middle = n >> 1;
  const high = selectInPlace(values, middle);
  if (n % 2 === 1) return high;
  let low = values[0] as number; // the largest of values[0, middle), all <= high
  for (let k = 1; k < middle; k++) if ((values[k] as number) > low) low = values[k] as number;
  return low + 0.5 * (high - low);
}

/**
 * The k-th smallest of the values (k from 0), moved to values[k] with the smaller ones before
 * it and the larger after: Hoare's selection (FIND, CACM 1961) with a median-of-three pivot.
 */
function selectInPlace(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const a = values[left] as number;
    const b = values[(left + right) >> 1] as number;
    const c = values[right] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break; // values(j, i) all equal the pivot, k among them
  }
  return values[k] as number;
}

/** The kept rows whose three gyro values are finite, as (t, gx, gy, gz) columns. */
function gyroRows(
  recording: MotionRecording,
  index: Uint32Array | null,
  tS: Float64Array,
): { tS: Float64Array; g: [Float64Array, Float64Array, Float64Array]; dropped: number } | null {
  const { gx, gy, gz } = recording;
  if (!gx || !gy || !gz) return null;
  const n = tS.length;
  const row = (k: number): number => (index === null ? k : (index[k] as number));
  let finiteRows = 0;
  for (let k = 0; k < n; k++) {
    const i = row(k);
    if (
      (gx[i] as number) - (gx[i] as number) === 0 &&
      (gy[i] as number) - (gy[i] as number) === 0 &&
      (gz[i] as number) - (gz[i] as number) === 0
    )
      finiteRows++;
  }
  if (
    index === null &&
    finiteRows === n &&
    gx instanceof Float64Array &&
    gy instanceof Float64Array &&
    gz instanceof Float64Array
  ) {
    return { tS, g: [gx, gy, gz], dropped: 0 }; // every row usable: no copies
  }
  const t = new Float64Array(finiteRows);
  const g: [Float64Array, Float64Array, Float64Array] = [
    new Float64Array(finiteRows),
    new Float64Array(finiteRows),
    new Float64Array(finiteRows),
  ];
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const i = row(k);
    const x = gx[i] as number;
    const y = gy[i] as number;
    const z = gz[i] as number;
    if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z))) continue;
    t[kept] = tS[k] as number;
    g[0][kept] = x;
    g[1][kept] = y;
    g[2][kept] = z;
    kept++;
  }
  return { tS: t, g, dropped: n - kept };
}

/** True when every value is a whole multiple of `quantum` (to rounding error). */
function isQuantized(columns: readonly Float64Array[], quantum: number): boolean {
  for (const column of columns) {
    for (let k = 0; k < column.length; k++) {
      const steps = (column[k] as number) / quantum;
      if (Math.abs(steps - Math.round(steps)) > 1e-6) return false;
    }
  }
  return true;
}

/** The longest interval between consecutive times inside [lo, hi], and where it starts. */
function longestGap(tS: Float64Array, loS: number, hiS: number): { gapS: number; atS: number } {
  let gapS = 0;
  let atS = loS;
  for (let k = 1; k < tS.length; k++) {
    const t0 = tS[k - 1] as number;
    const t1 = tS[k] as number;
    if (t1 < loS || t0 > hiS) continue;
    if (t1 - t0 > gapS) {
      gapS = t1 - t0;
      atS = t0;
    }
  }
  return { gapS, atS };
}

const round = (x: number, digits = 2): string => x.toFixed(digits);

/**
 * The whole analysis of SPEC section 3 (version 1), returning the result and the analysed
 * series for charts: clean, window (automatic: SPEC section 5), resample onto a uniform grid,
 * tilt-correct to the vertical (motion), zero-phase low-pass, centre, then every metric of
 * SPEC section 4.
 *
 * Throws AnalysisError for options out of range, fewer than 2 usable rows, or a window
 * shorter than 2 s.
 */
export function analyzeWithSeries(
  recording: Recording,
  options: AnalysisOptions = {},
): { result: AnalysisResult; series: AnalysisSeries } {
  const { result, grid, series } = analyzeOnGrid(recording, options);
  const gridT = new Float64Array(grid.n);
  for (let k = 0; k < grid.n; k++) gridT[k] = grid.startS + k / grid.rateHz;
  return { result, series: { tS: gridT, ...series } };
}

/** The analysis of SPEC sections 3-5 without the series: see `analyzeWithSeries`. */
export function analyze(recording: Recording, options: AnalysisOptions = {}): AnalysisResult {
  return analyzeOnGrid(recording, options).result;
}

/** `analyzeWithSeries` but for the series' time axis, which only charts need. */
function analyzeOnGrid(
  recording: Recording,
  options: AnalysisOptions,
): { result: AnalysisResult; grid: UniformGrid; series: Omit<AnalysisSeries, 'tS'> } {
  const resolved = resolveOptions(options);
  const { rateHz } = resolved;
  const values =
    recording.kind === 'motion' ? [recording.ax, recording.ay, recording.az] : [recording.ap, recording.ml];
  if (recording.tS.length === 0) throw new AnalysisError('the recording has no rows');
  const clean = cleanRows(recording.tS, values);
  const tS = clean.tS;
  if (tS.length < 2) {
    throw new AnalysisError(
      `fewer than 2 usable rows (${tS.length} of ${recording.tS.length} have a finite time and values)`,
    );
  }
  checkRecordingLimits(recording.kind, tS, clean.columns);
  const gyro = recording.kind === 'motion' ? gyroRows(recording, clean.index, tS) : null;
  if (gyro) checkRecordingLimits('rotation', gyro.tS, gyro.g);
  const dropped: DroppedCounts = { ...clean.dropped, nonFiniteGyro: gyro ? gyro.dropped : 0 };

  const touchdownS =
    recording.kind === 'motion'
      ? detectTouchdown({ tS, ax: clean.columns[0]!, ay: clean.columns[1]!, az: clean.columns[2]! })
      : null;
  const firstS = tS[0] as number;
  const lastS = tS[tS.length - 1] as number;
  // A phone's t = 0 is "go": skip the lift-off. A force plate's recording has no "go": all of it.
  const fromS = options.fromS ?? (recording.kind === 'motion' ? SETTLE_S : firstS);
  const toS = options.toS ?? (touchdownS !== null ? touchdownS - TOUCHDOWN_MARGIN_S : Infinity);
  const loS = Math.max(firstS, fromS);
  const hiS = Math.min(lastS, toS);
  if (!(hiS - loS >= MIN_WINDOW_S)) {
    const span = hiS > loS ? `${round(hiS - loS)} s, from ${round(loS)} to ${round(hiS)} s` : 'empty';
    throw new AnalysisError(`window shorter than ${MIN_WINDOW_S} s (${span})`);
  }

  checkGridSize(loS, hiS, rateHz);
  const grid: UniformGrid = uniformGrid(loS, hiS, rateHz);
  const coefficients = butterworthLowpass(resolved.filterOrder, resolved.cutoffHz, rateHz);
  const warnings: string[] = [];
  let apRaw: Float64Array;
  let mlRaw: Float64Array;
  let gyroAp: Float64Array | null = null;
  let gyroMl: Float64Array | null = null;
  if (recording.kind === 'motion') {
    const [ax, ay, az] = clean.columns.map((column) => resampleLinear(tS, column, grid)) as [
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    const rotation = rotationToVertical(finiteGravity([meanOf(ax), meanOf(ay), meanOf(az)]));
    const [worldX, worldZ] = rotateColumnsHorizontal(rotation, ax, ay, az);
    apRaw = worldZ;
    mlRaw = worldX;
    if (gyro && gyro.tS.length >= 2) {
      const covers = (gyro.tS[0] as number) <= loS && (gyro.tS[gyro.tS.length - 1] as number) >= hiS;
      if (covers) {
        const [gx, gy, gz] = gyro.g.map((column) => resampleLinear(gyro.tS, column, grid)) as [
          Float64Array,
          Float64Array,
          Float64Array,
        ];
        const [worldGx, worldGz] = rotateColumnsHorizontal(rotation, gx, gy, gz);
        gyroAp = filterAndCentre(coefficients, worldGx);
        gyroMl = filterAndCentre(coefficients, worldGz);
      } else {
        warnings.push('gyroscope data does not cover the analysis window: no gyro metrics');
      }
    }
    if (isQuantized(clean.columns, CHROMIUM_QUANTUM_M_S2)) {
      warnings.push(`input quantized to ${CHROMIUM_QUANTUM_M_S2} m/s^2: small sway is measured coarsely`);
    }
  } else {
    [apRaw, mlRaw] = clean.columns.map((column) => resampleLinear(tS, column, grid)) as [
      Float64Array,
      Float64Array,
    ];
  }
  const ap = filterAndCentre(coefficients, apRaw);
  const ml = filterAndCentre(coefficients, mlRaw);

  const inputRateHz = medianRateHz(tS);
  const metrics = computeSwayMetrics({
    signal: recording.kind,
    ap,
    ml,
    gyroAp,
    gyroMl,
    rateHz,
    inputRateHz,
  });

  if (inputRateHz < LOW_INPUT_RATE_HZ) {
    warnings.push(
      `sample rate below ${LOW_INPUT_RATE_HZ} Hz (${round(inputRateHz, 1)} Hz): fast sway is lost`,
    );
  }
  const gap = longestGap(tS, loS, hiS);
  if (gap.gapS > GAP_WARNING_S) {
    warnings.push(
      `gap of ${round(gap.gapS)} s in the input at ${round(gap.atS)} s, bridged by interpolation`,
    );
  }
  if (metrics.totalPower === null) warnings.push('window shorter than 10 s: no spectral metrics');
  const droppedRows = dropped.nonFiniteTime + dropped.nonFiniteValue + dropped.nonIncreasingTime;
  if (droppedRows > 0) {
    warnings.push(
      `${droppedRows} of ${recording.tS.length} rows left out (${dropped.nonFiniteTime} without a time, ` +
        `${dropped.nonFiniteValue} with a missing value, ${dropped.nonIncreasingTime} not later than the row before)`,
    );
  }

  return {
    grid,
    result: {
      analysisVersion: analysisVersionOf(recording.kind),
      signal: recording.kind,
      window: { fromS: loS, toS: hiS },
      touchdownS,
      holdTimeS: touchdownS ?? lastS,
      dropped,
      warnings,
      metrics,
      options: resolved,
    },
    series: { ap, ml, gyroAp, gyroMl },
  };
}
