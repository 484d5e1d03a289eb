/**
 * Summary CSV (SPEC section 7): one row per analysed trial, for spreadsheets and pandas.
 *
 * One header row, `,` separators, `.` decimals, CRLF line ends, written by papaparse's
 * `unparse`. Numbers are number cells, the shortest text that reads back to the same double
 * (a negative number stays a number, never neutralised); a missing or non-finite number is an
 * empty cell. Text cells a spreadsheet would run as a formula are neutralised with a leading
 * `'` (FORMULA_TRIGGER). Columns, in order:
 * - identity: file, trial_id, date_time (ISO 8601 with offset), subject, stance_side, eyes,
 *   surface, placement, cap_s, hold_time_s (to the nanosecond, core/hold-time.ts), end_reason:
 *   empty where unknown;
 * - signal (`motion` or `sway`), signal_unit (`m/s^2` for motion, empty when the file did not
 *   say, as for a 2-D sway CSV), window_from_s, window_to_s, touchdown_s, samples_received (the
 *   rows the trial has, before any cleaning or resampling; the metric `samples_analysed` is N,
 *   on the analysis's grid);
 * - every metric of SPEC section 4 with its unit in the name (metric-units.ts): with the
 *   `motion` scheme (`rms_ap_m_s2`) when every row is a phone recording, else the `generic`
 *   scheme (`rms_ap_u`, u given per row in signal_unit); or, scheme `both` (the page's export of
 *   phone and 2-D sway trials), the `motion` columns and then the `generic` columns whose name
 *   differs (those in a power of u: `rms_ap_u`...), a phone trial's metrics in the first, a
 *   sway trial's in the second (and in the columns of fixed unit, `f50_hz`, which both share),
 *   each row's other cells empty;
 * - dropped_non_finite_time, dropped_non_finite_value, dropped_non_increasing_time,
 *   dropped_non_finite_gyro (rows, SPEC section 3 step 1), warnings (joined by ` | `),
 *   app_version, analysis_version.
 * Every column is described for people in docs/summary-csv.md. Files written before these names
 * (`condition`, `samples`, no samples_received) still read (summary-reader.ts).
 */
import Papa from 'papaparse';
import { roundHoldTimeS } from '../core/hold-time';
import type { AnalysisResult, DroppedCounts, MetricKey } from '../core/types';
import { BYTE_ORDER_MARK } from './csv-text';
import { FORMULA_TRIGGER } from './formula-text';
import { METRIC_KEYS, metricColumnName, snakeCase, type UnitScheme } from './metric-units';

/** One row: an analysis result and what is known about the trial it came from. */
export interface SummaryTrial {
  /** null for a trial that could not be analysed: its result cells are empty. */
  result: AnalysisResult | null;
  file?: string | null;
  trialId?: string | null;
  /** ISO 8601 with offset, e.g. `2025-03-14T09:26:53+01:00`. */
  dateTime?: string | null;
  subject?: string | null;
  stanceSide?: string | null;
  /** Eyes `open` / `closed`. */
  eyes?: string | null;
  surface?: string | null;
  placement?: string | null;
  capS?: number | null;
  /** Defaults to `result.holdTimeS`; written to the nanosecond (roundHoldTimeS). */
  holdTimeS?: number | null;
  /** The rows the trial has (samples_received), before cleaning and resampling. */
  samplesReceived?: number | null;
  endReason?: string | null;
  appVersion?: string | null;
  /** `signal` when there is no result to say it (a sway trial that could not be analysed). */
  signal?: AnalysisResult['signal'] | null;
  /** The unit of a sway signal (signal_unit), when known; a motion signal's is always m/s^2. */
  signalUnit?: string | null;
}

/**
 * The metric columns of a summary: one unit scheme (metric-units.ts), or `both`: the `motion`
 * columns, then the `generic` ones whose name differs (see the module comment).
 */
export type SummaryScheme = UnitScheme | 'both';

/** Unit of a phone's acceleration signal, as written in signal_unit. */
export const MOTION_SIGNAL_UNIT = 'm/s^2';

/** Separator of several warnings in the one warnings cell. */
export const WARNINGS_SEPARATOR = ' | ';

/** Formula-like text (formula-text.ts): papaparse writes such a text cell with a `'` in front. */
export { FORMULA_TRIGGER };

const IDENTITY_COLUMNS = [
  'file',
  'trial_id',
  'date_time',
  'subject',
  'stance_side',
  'eyes',
  'surface',
  'placement',
  'cap_s',
  'hold_time_s',
  'end_reason',
  'signal',
  'signal_unit',
  'window_from_s',
  'window_to_s',
  'touchdown_s',
  'samples_received',
] as const;

/** Columns a summary written before them does not have: read as empty (summary-reader.ts). */
export const OPTIONAL_SUMMARY_COLUMNS: readonly string[] = ['samples_received'];

const DROPPED_KEYS: readonly (keyof DroppedCounts)[] = [
  'nonFiniteTime',
  'nonFiniteValue',
  'nonIncreasingTime',
  'nonFiniteGyro',
];

const TRAILING_COLUMNS = ['warnings', 'app_version', 'analysis_version'] as const;

/** Metrics whose `generic` column is not their `motion` column: those in a power of the signal's unit. */
const SIGNAL_UNIT_KEYS: readonly MetricKey[] = METRIC_KEYS.filter(
  (key) => metricColumnName(key, 'generic') !== metricColumnName(key, 'motion'),
);

/** The metric columns of a scheme, each with its metric, in file order. */
function metricColumns(scheme: SummaryScheme): [MetricKey, string][] {
  const named = (keys: readonly MetricKey[], unit: UnitScheme) =>
    keys.map((key): [MetricKey, string] => [key, metricColumnName(key, unit)]);
  return scheme === 'both'
    ? [...named(METRIC_KEYS, 'motion'), ...named(SIGNAL_UNIT_KEYS, 'generic')]
    : named(METRIC_KEYS, scheme);
}

/** The header of a summary CSV with the given unit scheme. */
export function summaryColumns(scheme: SummaryScheme): string[] {
  return [
    ...IDENTITY_COLUMNS,
    ...metricColumns(scheme).map(([, name]) => name),
    ...DROPPED_KEYS.map((key) => `dropped_${snakeCase(key)}`),
    ...TRAILING_COLUMNS,
  ];
}

/** `motion` when every trial is a phone recording (or there are none), else `generic`. */
export function unitSchemeOf(trials: readonly SummaryTrial[]): UnitScheme {
  return trials.every((trial) => trial.result === null || trial.result.signal === 'motion')
    ? 'motion'
    : 'generic';
}

/** A cell: text (neutralised if it looks like a formula), a number cell, or empty (null). */
export type SummaryCell = string | number | boolean | null;

/** How the text is written. */
export interface SummaryCsvOptions {
  /**
   * Start with a UTF-8 byte-order mark (U+FEFF), so that Excel opens the file as UTF-8 (without
   * it, Excel for Windows reads a CSV in the system's code page: "Müller" becomes "MÃ¼ller").
   * Stork's readers, pandas (`encoding='utf-8-sig'`) and LibreOffice skip it.
   * @default false
   */
  byteOrderMark?: boolean;
}

/** The summary CSV text: header, one row per trial, CRLF after every row. */
export function writeSummaryCsv(trials: readonly SummaryTrial[], options: SummaryCsvOptions = {}): string {
  const scheme = unitSchemeOf(trials);
  return summaryCsvText(
    summaryColumns(scheme),
    trials.map((trial) => summaryRow(trial, scheme)),
    options,
  );
}

/**
 * A summary-style CSV from its header and rows: `,`, CRLF after every row, numbers as the
 * shortest round-trip text, formula-like text neutralised (FORMULA_TRIGGER).
 */
export function summaryCsvText(
  fields: readonly string[],
  rows: readonly SummaryCell[][],
  options: SummaryCsvOptions = {},
): string {
  const mark = options.byteOrderMark === true ? BYTE_ORDER_MARK : '';
  // papaparse writes an empty row for empty data; a header alone is just the names.
  if (rows.length === 0) return `${mark}${fields.join(',')}\r\n`;
  const csv = Papa.unparse<SummaryCell[]>(
    { fields: [...fields], data: rows as SummaryCell[][] },
    { delimiter: ',', newline: '\r\n', quotes: false, escapeFormulae: FORMULA_TRIGGER, header: true },
  );
  return `${mark}${csv}\r\n`;
}

/**
 * The cells of a trial's row, in `summaryColumns(scheme)` order. With `both`, a motion result's
 * metrics are in the `motion` columns and a sway result's in the `generic` ones (the columns
 * of fixed unit are in both sets): the other set's cells are empty.
 */
export function summaryRow(trial: SummaryTrial, scheme: SummaryScheme = 'motion'): SummaryCell[] {
  const { result } = trial;
  const columns = metricColumns(scheme);
  if (result === null) {
    // Metrics, dropped counts and warnings empty; app_version; analysis_version empty.
    const identity = identityCells(trial, null);
    const empty = new Array<null>(columns.length + DROPPED_KEYS.length + 1).fill(null);
    return [...identity, ...empty, text(trial.appVersion), null];
  }
  const metrics = result.metrics;
  const own = new Set(
    metricColumns(result.signal === 'motion' ? 'motion' : 'generic').map(([, name]) => name),
  );
  return [
    ...identityCells(trial, result),
    ...columns.map(([key, name]) => (scheme !== 'both' || own.has(name) ? number(metrics[key]) : null)),
    ...DROPPED_KEYS.map((key) => number(result.dropped[key])),
    text(result.warnings.join(WARNINGS_SEPARATOR)),
    text(trial.appVersion),
    number(result.analysisVersion),
  ];
}

/** The cells of IDENTITY_COLUMNS. */
function identityCells(trial: SummaryTrial, result: AnalysisResult | null): SummaryCell[] {
  return [
    text(trial.file),
    text(trial.trialId),
    text(trial.dateTime),
    text(trial.subject),
    text(trial.stanceSide),
    text(trial.eyes),
    text(trial.surface),
    text(trial.placement),
    number(trial.capS),
    number(roundedHoldTime(trial.holdTimeS ?? result?.holdTimeS)),
    text(trial.endReason),
    result?.signal ?? trial.signal ?? '',
    signalUnit(result?.signal ?? trial.signal, trial.signalUnit),
    number(result?.window.fromS),
    number(result?.window.toS),
    number(result?.touchdownS),
    number(trial.samplesReceived),
  ];
}

function roundedHoldTime(seconds: number | null | undefined): number | null | undefined {
  return typeof seconds === 'number' ? roundHoldTimeS(seconds) : seconds;
}

/** m/s^2 for a motion signal, the given unit for a sway signal (empty when unknown), else empty. */
function signalUnit(
  signal: AnalysisResult['signal'] | null | undefined,
  unit: string | null | undefined,
): string {
  if (signal === 'motion') return MOTION_SIGNAL_UNIT;
  return signal === 'sway' ? text(unit) : '';
}

function text(value: string | null | undefined): string {
  return value ?? '';
}

/** A number cell, or an empty cell for a missing or non-finite number. -0 is written 0. */
function number(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
