/**
 * Stork's own files back into trials: the samples CSV, with the summary CSV when there is one
 * (trial-export.ts writes both). With a summary written by `exportTrialsCsv`, each trial comes
 * back exactly as it was exported: metadata, every sample bit for bit (NaN where a value was
 * missing), and its analysis as stored. Without a summary, or for a trial the summary does not
 * list, the samples are analysed again and what only the summary knows (side, condition,
 * date) is left for the person to give (`setup: null`, `startedAt: null`).
 *
 * A 2-D sway trial (force plate) has its AP and ML in the 2-D sway CSV written beside the
 * samples CSV (`trialSwayCsvParts`): given with the summary, it comes back just as exactly.
 *
 * People are not in the files (the subject column is a name for people reading the file): the
 * page assigns each trial to a person; `subject` is offered as a hint.
 */
import { analyze } from '../core/analyze';
import { AnalysisError } from '../core/errors';
import type { AnalysisResult, DroppedCounts, MotionRecording, SwayMetrics } from '../core/types';
import type { SkippedRow } from './csv-table';
import { readCsvTables } from './csv-table';
import { FormatError, quoteCell } from './format-error';
import { METRIC_KEYS, metricColumnName, type UnitScheme } from './metric-units';
import { planSamplesCsv, type SamplesTrial } from './samples-csv';
import { medianRateHz } from './sample-rate';
import { planSwayCsv, type SwayTrial } from './sway-csv';
import { analysisOfSway, importedSwayTrial, SWAY_FORMAT, timesOnly } from './sway-import';
import { WARNINGS_SEPARATOR } from './summary-csv';
import { readSummaryCsv, type SummaryRow, type SummaryTable, type SummaryValue } from './summary-reader';
import { trainingFromRow } from './training-columns';
import {
  SAMPLE_COLUMN_KEYS,
  TRIAL_VALUES,
  type StorkSignDecision,
  type StorkTrialRecord,
  type StorkTrialSamples,
  type StorkTrialSetup,
  type StorkTrialSway,
} from './trial-record';

export { medianRateHz };

/** A trial read from files: a `StorkTrialRecord` whose id, setup and date may still be unknown. */
export interface ImportedTrialRecord extends Omit<StorkTrialRecord, 'id' | 'setup' | 'startedAt'> {
  /** The trial's id from the file, or null when the file has none (the page gives one). */
  id: string | null;
  /** null when the files do not say: the person chooses side, condition, surface, placement and cap. */
  setup: StorkTrialSetup | null;
  /** ISO 8601 with offset, or null when the files do not say. */
  startedAt: string | null;
}

/** One imported trial and what the page shows about it before saving. */
export interface ImportedTrial {
  record: ImportedTrialRecord;
  /** The summary's subject cell: who the file says it was, to help choose the person. */
  subject: string | null;
  /** Where it came from and what was done to it. */
  origin: {
    format: string;
    files: string[];
    conversions: string[];
    notes: string[];
  };
}

/** The trials of Stork's files and the sample rows left out. */
export interface StorkImport {
  trials: ImportedTrial[];
  /** Sample rows left out (bad cells, wrong cell counts), at most 20 listed. */
  skipped: SkippedRow[];
  skippedCount: number;
}

/** True when every field is known: the record can be stored as it is. */
export function isCompleteRecord(record: ImportedTrialRecord): record is StorkTrialRecord {
  return record.id !== null && record.setup !== null && record.startedAt !== null;
}

/** The interrupting end reasons (SPEC section 1): never counted as a result. */
const INTERRUPTING: readonly string[] = ['hidden', 'sensor-silent'];

/**
 * Reads a samples CSV and, when given, the summary CSV of the same trials and the 2-D sway CSV
 * of their sway trials (the three files of an export).
 *
 * @throws FormatError from any reader (the summary's message starts with `summary: `, the sway
 *   CSV's with `sway: `), and `summary: line 3: trial_id "a" appears twice`, `summary: line 3:
 *   stance_side is not left or right ("up")`. Nothing is returned for a file that cannot be
 *   read, so a page that saves the result in one transaction changes nothing.
 */
export function importStorkFiles(
  samplesText: string,
  summaryText?: string | null,
  swayText?: string | null,
): StorkImport {
  const plan = planSamplesCsv(samplesText, 'skip');
  const samplesFile = plan.finish(readCsvTables(samplesText, plan.request));
  const rows = summaryText == null ? new Map<string, SummaryRow>() : summaryRowsById(summaryText);
  let sway: SwayTrial[] = [];
  try {
    // A header alone is an export's sway CSV without sway trials: no trials.
    const swayPlan = swayText == null ? null : planSwayCsv(swayText);
    if (swayText != null && swayPlan !== null)
      sway = swayPlan.finish(readCsvTables(swayText, { ...swayPlan.request, allowNoRows: true }));
  } catch (error) {
    throw error instanceof FormatError ? error.inFile('sway') : error;
  }
  return importStorkTables(samplesFile.trials, rows, samplesFile.skipped, samplesFile.skippedCount, sway);
}

/**
 * The trials from samples already read (`planSamplesCsv`, whole or streamed), summary rows by
 * trial id and the trials of 2-D sway CSVs: the summary's trials in its order, then the
 * samples' trials it does not list (analysed again), then the sway trials it does not list
 * (as a sway CSV alone gives them). A trial id is in the samples or in a sway CSV, not both.
 *
 * @throws FormatError prefixed `summary: ` for a row whose trial has no rows, a phone trial's
 *   row whose id is a sway trial's, and a bad row.
 */
export function importStorkTables(
  samplesTrials: readonly SamplesTrial[],
  summaryRows: ReadonlyMap<string, SummaryRow>,
  skipped: SkippedRow[] = [],
  skippedCount = 0,
  swayTrials: readonly SwayTrial[] = [],
): StorkImport {
  // Trials without an id (a samples file without trial_id) are never described by a row, and
  // each stays its own trial.
  const samplesById = new Map<string, SamplesTrial>();
  for (const trial of samplesTrials) if (trial.trialId !== null) samplesById.set(trial.trialId, trial);
  const swayById = new Map<string, SwayTrial>();
  for (const trial of swayTrials) if (trial.trialId !== null) swayById.set(trial.trialId, trial);
  const described = new Set<SamplesTrial | SwayTrial>();
  const trials: ImportedTrial[] = [];
  for (const [id, row] of summaryRows) {
    const sway = swayById.get(id);
    const samples = sway === undefined ? samplesById.get(id) : undefined;
    if (sway !== undefined) described.add(sway);
    if (samples !== undefined) described.add(samples);
    const expected = row.cells['events_received'];
    if (sway === undefined && samples === undefined && typeof expected === 'number' && expected > 0) {
      throw new FormatError(row.line, `trial ${quoteCell(id)} has no rows in the samples file`, 'summary');
    }
    if (sway !== undefined && row.cells['signal'] === 'motion') {
      const reason = `trial ${quoteCell(id)} is a phone trial, not the 2-D sway trial of that id`;
      throw new FormatError(row.line, reason, 'summary');
    }
    trials.push(
      sway !== undefined
        ? trialFromSummary(id, row, timesOnly(Float64Array.from(sway.recording.tS)), {
            ap: Float64Array.from(sway.recording.ap),
            ml: Float64Array.from(sway.recording.ml),
          })
        : trialFromSummary(id, row, samples === undefined ? emptySamples() : samplesOf(samples)),
    );
  }
  for (const trial of samplesTrials) if (!described.has(trial)) trials.push(trialFromSamples(trial));
  for (const trial of swayTrials) {
    if (described.has(trial)) continue;
    const imported = importedSwayTrial(trial, '');
    imported.origin.files = [];
    trials.push(imported);
  }
  return { trials, skipped, skippedCount };
}

/**
 * The rows of a summary CSV by trial id.
 *
 * @throws FormatError prefixed `summary: `: the reader's errors, a row without a trial id, an id twice.
 */
export function summaryRowsById(summaryText: string): Map<string, SummaryRow> {
  try {
    return summaryRowsOf(readSummaryCsv(summaryText));
  } catch (error) {
    throw error instanceof FormatError ? error.inFile('summary') : error;
  }
}

/** The rows of a summary table by trial id. @throws FormatError for a row without a trial id, or an id twice. */
export function summaryRowsOf(table: SummaryTable): Map<string, SummaryRow> {
  const byId = new Map<string, SummaryRow>();
  for (const row of table.rows) {
    const id = row.cells['trial_id'];
    if (typeof id !== 'string') throw new FormatError(row.line, 'trial_id is empty');
    if (byId.has(id)) throw new FormatError(row.line, `trial_id ${quoteCell(id)} appears twice`);
    byId.set(id, row);
  }
  return byId;
}

/** A samples CSV trial as the ten sample columns, copied (the reader may hand out views of a longer buffer). */
export function samplesOf(trial: SamplesTrial): StorkTrialSamples {
  const { recording, linear } = trial;
  const n = recording.tS.length;
  const copy = (values: ArrayLike<number> | undefined) =>
    values === undefined ? new Float64Array(n).fill(NaN) : Float64Array.from(values);
  return {
    tS: copy(recording.tS),
    ax: copy(recording.ax),
    ay: copy(recording.ay),
    az: copy(recording.az),
    gx: copy(recording.gx),
    gy: copy(recording.gy),
    gz: copy(recording.gz),
    lx: copy(linear?.lx),
    ly: copy(linear?.ly),
    lz: copy(linear?.lz),
  };
}

function emptySamples(): StorkTrialSamples {
  return Object.fromEntries(
    SAMPLE_COLUMN_KEYS.map((key) => [key, new Float64Array(0)]),
  ) as unknown as StorkTrialSamples;
}

/**
 * The recording the analysis gets from a trial's samples: acceleration, and the gyro columns
 * when any gyro value is finite (what the live trial analyses, src/session/trial-run.ts).
 */
export function recordingOfSamples(samples: StorkTrialSamples): MotionRecording {
  const { tS, ax, ay, az, gx, gy, gz } = samples;
  const hasGyro = [gx, gy, gz].some((column) => column.some(Number.isFinite));
  return hasGyro ? { kind: 'motion', tS, ax, ay, az, gx, gy, gz } : { kind: 'motion', tS, ax, ay, az };
}

/** The analysis of the samples, or its error message; null and null without samples. */
export function analysisOfSamples(
  samples: StorkTrialSamples,
): Pick<StorkTrialRecord, 'analysis' | 'analysisError'> {
  if (samples.tS.length === 0) return { analysis: null, analysisError: null };
  try {
    return { analysis: analyze(recordingOfSamples(samples)), analysisError: null };
  } catch (error) {
    if (error instanceof AnalysisError) return { analysis: null, analysisError: error.message };
    throw error;
  }
}

/** A trial the summary does not describe: analysed again; side, condition and date unknown. */
export function trialFromSamples(trial: SamplesTrial): ImportedTrial {
  const samples = samplesOf(trial);
  const { analysis, analysisError } = analysisOfSamples(samples);
  const lastS = samples.tS.length === 0 ? 0 : (samples.tS[samples.tS.length - 1] as number);
  return {
    record: {
      id: trial.trialId,
      setup: null,
      startedAt: null,
      endReason: analysis?.touchdownS != null ? 'touchdown' : 'completed',
      interrupted: false,
      holdTimeS: analysis?.holdTimeS ?? lastS,
      touchdownS: analysis?.touchdownS ?? null,
      source: 'sensor',
      eventsReceived: samples.tS.length,
      inputRateHz: analysis?.metrics.inputRateHz ?? medianRateHz(samples.tS),
      samples,
      analysis,
      analysisError,
    },
    subject: null,
    origin: {
      format: 'stork-samples',
      files: [],
      conversions: [],
      notes: ['not in the summary: analysed again; side, condition and date to be given'],
    },
  };
}

/** Reads typed cells of one summary row, with messages naming the row's line. */
class RowReader {
  constructor(private readonly row: SummaryRow) {}

  has(column: string): boolean {
    return column in this.row.cells;
  }

  value(column: string): SummaryValue {
    return this.row.cells[column] ?? null;
  }

  text(column: string): string | null {
    const value = this.value(column);
    return typeof value === 'string' ? value : null;
  }

  number(column: string): number | null {
    const value = this.value(column);
    return typeof value === 'number' ? value : null;
  }

  boolean(column: string): boolean | null {
    const value = this.value(column);
    return typeof value === 'boolean' ? value : null;
  }

  /** A cell that must hold one of `allowed`. @throws FormatError `line 3: stance_side is not left or right ("up")` */
  oneOf<T extends string | number>(column: string, allowed: readonly T[]): T {
    const value = this.value(column);
    if (!allowed.includes(value as T)) {
      const words = allowed.length === 2 ? allowed.join(' or ') : `one of ${allowed.join(', ')}`;
      throw new FormatError(this.row.line, `${column} is not ${words} (${quoteCell(String(value ?? ''))})`);
    }
    return value as T;
  }

  /** A cell that must not be empty. @throws FormatError `line 3: date_time is empty` */
  required<T>(column: string, value: T | null): T {
    if (value === null) throw new FormatError(this.row.line, `${column} is empty`);
    return value;
  }
}

/** The analysis columns trial-export.ts adds: with them the analysis is read, not recomputed. */
const ANALYSIS_COLUMNS = [
  'analysis_hold_time_s',
  'analysis_rate_hz',
  'analysis_cutoff_hz',
  'analysis_filter_order',
];

/**
 * A trial from its summary row and its samples. A 2-D sway trial has its AP and ML from the
 * sway CSV (`signal`), or none when it had no samples (a row saying `sway`, without samples);
 * its unit is the row's `signal_unit` (empty: unknown).
 */
function trialFromSummary(
  id: string,
  row: SummaryRow,
  samples: StorkTrialSamples,
  signal: Pick<StorkTrialSway, 'ap' | 'ml'> | null = null,
): ImportedTrial {
  const cells = new RowReader(row);
  try {
    const swaySignal =
      signal ??
      (samples.tS.length === 0 && cells.text('signal') === 'sway'
        ? { ap: new Float64Array(0), ml: new Float64Array(0) }
        : null);
    const sway: StorkTrialSway | null =
      swaySignal === null ? null : { ...swaySignal, unit: cells.text('signal_unit') };
    const setup: StorkTrialSetup = {
      stanceSide: cells.oneOf('stance_side', TRIAL_VALUES.stanceSide),
      eyes: cells.oneOf('eyes', TRIAL_VALUES.eyes),
      surface: cells.oneOf('surface', TRIAL_VALUES.surface),
      placement: cells.oneOf('placement', TRIAL_VALUES.placement),
      capS: cells.oneOf('cap_s', TRIAL_VALUES.capS),
    };
    const endReason = cells.oneOf('end_reason', TRIAL_VALUES.endReason);
    const exported = ANALYSIS_COLUMNS.every((column) => cells.has(column));
    const notes: string[] = [];
    let analysis: AnalysisResult | null;
    let analysisError: string | null;
    if (exported) {
      analysis = cells.number('analysis_version') === null ? null : analysisFromRow(cells);
      analysisError = cells.text('analysis_error');
    } else {
      ({ analysis, analysisError } =
        sway === null
          ? analysisOfSamples(samples)
          : analysisOfSway({ kind: 'sway', tS: samples.tS, ap: sway.ap, ml: sway.ml }));
      notes.push('the summary has no stored analysis: analysed again');
    }
    const record: ImportedTrialRecord = {
      id,
      setup,
      startedAt: cells.required('date_time', cells.text('date_time')),
      endReason,
      interrupted: cells.boolean('interrupted') ?? INTERRUPTING.includes(endReason),
      holdTimeS: cells.required('hold_time_s', cells.number('hold_time_s')),
      touchdownS: cells.has('trial_touchdown_s')
        ? cells.number('trial_touchdown_s')
        : (analysis?.touchdownS ?? null),
      source: cells.has('source') ? cells.oneOf('source', TRIAL_VALUES.source) : 'sensor',
      ...importedFromOf(cells),
      eventsReceived: cells.number('events_received') ?? samples.tS.length,
      inputRateHz: cells.has('trial_input_rate_hz')
        ? (cells.number('trial_input_rate_hz') ?? NaN)
        : (analysis?.metrics.inputRateHz ?? medianRateHz(samples.tS)),
      samples,
      analysis,
      analysisError,
    };
    const sign = signFromRow(cells);
    if (sign !== null) record.sign = sign;
    if (sway !== null) record.sway = sway;
    const training = trainingFromRow(row);
    if (training !== null) record.training = training;
    return {
      record,
      subject: cells.text('subject'),
      origin: { format: sway === null ? 'stork-samples' : SWAY_FORMAT, files: [], conversions: [], notes },
    };
  } catch (error) {
    throw error instanceof FormatError ? error.inFile('summary') : error;
  }
}

const DROPPED_COLUMNS: readonly [keyof DroppedCounts, string][] = [
  ['nonFiniteTime', 'dropped_non_finite_time'],
  ['nonFiniteValue', 'dropped_non_finite_value'],
  ['nonIncreasingTime', 'dropped_non_increasing_time'],
  ['nonFiniteGyro', 'dropped_non_finite_gyro'],
];

/** Metrics that are null when not computed (SPEC section 4: spectral keys under 10 s, gyro keys without gyro). */
const NULLABLE_METRICS: ReadonlySet<string> = new Set([
  'totalPower',
  'f50',
  'f95',
  'centroidFrequency',
  'frequencyDispersion',
  'gyroRmsAp',
  'gyroRmsMl',
]);

/** The analysis a trial-export row holds; an empty cell is null for a nullable metric, else NaN. */
function analysisFromRow(cells: RowReader): AnalysisResult {
  const signal = cells.oneOf('signal', ['motion', 'sway'] as const);
  const numberOr = (column: string, missing: number) => cells.number(column) ?? missing;
  const metrics = { signal } as Record<string, unknown>;
  const nonFinite = new Map(
    (cells.text('analysis_non_finite') ?? '')
      .split(' ')
      .filter((entry) => entry !== '')
      .map((entry) => entry.split('=') as [string, string]),
  );
  // The row's own columns: a sway signal's in its unit (`rms_ap_u`) when the file has them,
  // else (a summary of phone units only, as the page wrote before) the other set's.
  const own: UnitScheme = signal === 'sway' ? 'generic' : 'motion';
  const other: UnitScheme = signal === 'sway' ? 'motion' : 'generic';
  for (const key of METRIC_KEYS) {
    const column = metricColumnName(key, own);
    const value = cells.number(cells.has(column) ? column : metricColumnName(key, other));
    const special = nonFinite.get(key);
    metrics[key] =
      value ?? (special !== undefined ? Number(special) : NULLABLE_METRICS.has(key) ? null : NaN);
  }
  const dropped = Object.fromEntries(
    DROPPED_COLUMNS.map(([key, column]) => [key, numberOr(column, 0)]),
  ) as unknown as DroppedCounts;
  const warnings = cells.text('warnings');
  return {
    analysisVersion: cells.required('analysis_version', cells.number('analysis_version')),
    signal,
    window: { fromS: numberOr('window_from_s', NaN), toS: numberOr('window_to_s', NaN) },
    touchdownS: cells.number('touchdown_s'),
    holdTimeS: numberOr('analysis_hold_time_s', NaN),
    dropped,
    warnings: warnings === null ? [] : warnings.split(WARNINGS_SEPARATOR),
    metrics: metrics as unknown as SwayMetrics,
    options: {
      rateHz: numberOr('analysis_rate_hz', NaN),
      cutoffHz: numberOr('analysis_cutoff_hz', NaN),
      filterOrder: numberOr('analysis_filter_order', NaN),
    },
  };
}

/** `importedFrom` when the row names another app (the `imported_from` column), else nothing. */
function importedFromOf(cells: RowReader): Pick<StorkTrialRecord, 'importedFrom'> {
  const app = cells.text('imported_from');
  return app === null ? {} : { importedFrom: app };
}

function signFromRow(cells: RowReader): StorkSignDecision | null {
  const flipped = cells.boolean('sign_flipped');
  if (flipped === null) return null;
  return {
    flipped,
    upright: cells.boolean('sign_upright') ?? false,
    basis: cells.oneOf('sign_basis', TRIAL_VALUES.signBasis),
    meanRawAyMS2: cells.number('sign_mean_raw_ay_m_s2') ?? NaN,
    samples: cells.number('sign_samples') ?? 0,
  };
}
