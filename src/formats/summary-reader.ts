/**
 * Reads a summary CSV back (summary-csv.ts writes it; trial-export.ts adds the columns that make
 * a trial's export lossless): the header is checked, and every cell is parsed with its column's
 * type. Numbers are read exactly (decimal.ts), so a number written as the shortest round-trip
 * text comes back as the same double; `true`/`false` are booleans; an empty cell is null; text
 * cells lose the `'` that neutralised a formula-like text, and only that one.
 *
 * A summary written before the columns were renamed still reads: its `condition` is read as
 * `eyes` and its `samples` as `samples_analysed` (LEGACY_COLUMN_NAMES), and samples_received,
 * which it does not have, is empty.
 */
import { readTextRows } from './csv-table';
import { parseDecimal } from './decimal';
import { FormatError, quoteCell } from './format-error';
import { METRIC_KEYS, metricColumnName, type UnitScheme } from './metric-units';
import { OPTIONAL_SUMMARY_COLUMNS, summaryColumns, type SummaryScheme } from './summary-csv';
import { unneutralised } from './formula-text';
import { PERCENT_SCALE_EXP, TRAINING_COLUMN_TYPES } from './training-columns';

/** How a column's cells are read. */
export type SummaryColumnType = 'text' | 'number' | 'integer' | 'boolean' | 'date-time' | 'percent';

/** A parsed cell: null for an empty cell. */
export type SummaryValue = string | number | boolean | null;

/** One row, cells by column name (as written in the header, lower case). */
export interface SummaryRow {
  line: number;
  cells: Record<string, SummaryValue>;
}

export interface SummaryTable {
  /** `motion` (`rms_ap_m_s2`), `generic` (`rms_ap_u`) or `both` (the page's export with sway trials), from the header. */
  scheme: SummaryScheme;
  /** The header's names, lower case, in file order; a legacy name as its new one (LEGACY_COLUMN_NAMES). */
  columns: string[];
  rows: SummaryRow[];
}

/**
 * Columns trial-export.ts writes after SPEC section 7's, so that the history's trials come back
 * whole (each is described where it is written).
 */
export const TRIAL_COLUMN_TYPES: Readonly<Record<string, SummaryColumnType>> = {
  trial_touchdown_s: 'number',
  interrupted: 'boolean',
  source: 'text',
  events_received: 'integer',
  trial_input_rate_hz: 'number',
  analysis_hold_time_s: 'number',
  analysis_rate_hz: 'number',
  analysis_cutoff_hz: 'number',
  analysis_filter_order: 'integer',
  analysis_error: 'text',
  analysis_non_finite: 'text',
  sign_flipped: 'boolean',
  sign_upright: 'boolean',
  sign_basis: 'text',
  sign_mean_raw_ay_m_s2: 'number',
  sign_samples: 'integer',
  imported_from: 'text',
  // A training set's information (training-columns.ts); `kind` says test or training.
  ...TRAINING_COLUMN_TYPES,
};

/** The type of each column summary-csv.ts writes (every scheme) and of the trial columns; others are text. */
export const SUMMARY_COLUMN_TYPES: Readonly<Record<string, SummaryColumnType>> = {
  date_time: 'date-time',
  cap_s: 'number',
  hold_time_s: 'number',
  window_from_s: 'number',
  window_to_s: 'number',
  touchdown_s: 'number',
  samples_received: 'integer',
  ...Object.fromEntries(
    (['motion', 'generic'] as const).flatMap((scheme) =>
      METRIC_KEYS.map((key) => [metricColumnName(key, scheme), key === 'samples' ? 'integer' : 'number']),
    ),
  ),
  dropped_non_finite_time: 'integer',
  dropped_non_finite_value: 'integer',
  dropped_non_increasing_time: 'integer',
  dropped_non_finite_gyro: 'integer',
  analysis_version: 'integer',
  ...TRIAL_COLUMN_TYPES,
};

/**
 * The names of summaries written before the columns said what they are, and the new ones:
 * `condition` was the eyes, `samples` the samples on the analysis's grid.
 */
export const LEGACY_COLUMN_NAMES: Readonly<Record<string, string>> = {
  condition: 'eyes',
  samples: 'samples_analysed',
};

/** ISO 8601 date-time with an offset (`Z` or `+01:00`), seconds and fraction optional. */
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Rows a summary may have: 100,000 trials (a 5,000-trial history is 5,000). */
const MAX_SUMMARY_ROWS = 100_000;

/**
 * Reads a summary CSV.
 *
 * @throws FormatError, one wording per kind: `file is empty`, `line 1: missing column
 *   rms_ap_m_s2`, `line 1: column cap_s appears twice`, `line 4: expected 62 cells, found 61`,
 *   `line 4: cap_s is not a number ("abc")`, `line 4: samples is not a whole number ("1.5")`,
 *   `line 4: interrupted is not true or false ("yes")`, `line 4: date_time is not a date-time
 *   with offset ("2025-03-14 09:26")`, `line 4: time_in_zone_pct is not a percentage from 0 to 100
 *   ("140")`.
 */
export function readSummaryCsv(text: string): SummaryTable {
  const [header, ...rows] = readTextRows(text, MAX_SUMMARY_ROWS + 1);
  if (header === undefined) throw new FormatError(null, 'file is empty');
  const named = header.cells.map((cell) => cell.trim().toLowerCase());
  // A legacy name is read as the new one, unless the file also has the new one (then it is any other column).
  const columns = named.map((name) => {
    const renamed = LEGACY_COLUMN_NAMES[name];
    return renamed !== undefined && !named.includes(renamed) ? renamed : name;
  });
  const seen = new Set<string>();
  for (const name of columns) {
    if (name !== '' && seen.has(name)) throw new FormatError(header.line, `column ${name} appears twice`);
    seen.add(name);
  }
  const missingOf = (scheme: SummaryScheme) =>
    summaryColumns(scheme).filter((name) => !seen.has(name) && !OPTIONAL_SUMMARY_COLUMNS.includes(name));
  const missingMotion = missingOf('motion');
  const missingGeneric = missingOf('generic');
  const closer: UnitScheme = missingMotion.length <= missingGeneric.length ? 'motion' : 'generic';
  const missing = closer === 'motion' ? missingMotion : missingGeneric;
  if (missing.length > 0) throw new FormatError(header.line, `missing column ${missing[0]}`);
  const scheme: SummaryScheme = missingOf('both').length === 0 ? 'both' : closer;
  return {
    scheme,
    columns,
    rows: rows.map(({ line, cells }) => {
      if (cells.length !== columns.length) {
        throw new FormatError(line, `expected ${columns.length} cells, found ${cells.length}`);
      }
      const parsed: Record<string, SummaryValue> = {};
      columns.forEach((name, index) => {
        if (name !== '') parsed[name] = parseCell(name, cells[index] as string, line);
      });
      return { line, cells: parsed };
    }),
  };
}

/**
 * A cell read as its column's type; a `percent` cell (0 to 100) as the fraction it stands for,
 * exactly (training-columns.ts). @throws FormatError naming the column and quoting the cell.
 */
export function parseCell(column: string, cell: string, line: number): SummaryValue {
  const type = SUMMARY_COLUMN_TYPES[column] ?? 'text';
  if (cell === '') return null;
  if (type === 'text') return unneutralised(cell);
  if (cell.trim() === '') return null;
  const wrong = (what: string) => new FormatError(line, `${column} is not ${what} (${quoteCell(cell)})`);
  switch (type) {
    case 'number':
    case 'integer': {
      const value = parseDecimal(cell, 0, cell.length);
      if (value === null || Number.isNaN(value)) throw wrong('a number');
      if (type === 'integer' && !Number.isInteger(value)) throw wrong('a whole number');
      return value;
    }
    case 'boolean': {
      const lower = cell.trim().toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw wrong('true or false');
      return lower === 'true';
    }
    case 'percent': {
      const fraction = parseDecimal(cell, 0, cell.length, -PERCENT_SCALE_EXP);
      if (fraction === null || Number.isNaN(fraction)) throw wrong('a number');
      if (!(fraction >= 0 && fraction <= 1)) throw wrong('a percentage from 0 to 100');
      return fraction;
    }
    case 'date-time':
      if (!DATE_TIME_WITH_OFFSET.test(cell.trim())) throw wrong('a date-time with offset');
      return cell.trim();
  }
}
