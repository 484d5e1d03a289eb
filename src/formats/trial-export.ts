/**
 * The history's trials as files (SPEC section 7): the samples CSV of the chosen trials and the
 * summary CSV, one row per trial. Together they are lossless: `importStorkFiles` (trial-import.ts)
 * gives back the same trials, every sample bit for bit and the same analysis.
 *
 * The summary has SPEC's columns (summary-csv.ts) and then these, so nothing of a trial is lost:
 * - `trial_touchdown_s`: the touch-down the live trial detected (the trial's `touchdownS`; SPEC's
 *   `touchdown_s` is the analysis's), `interrupted`, `source`, `events_received`,
 *   `trial_input_rate_hz` (the trial's measured rate; `input_rate_hz` is the analysis's);
 * - `analysis_hold_time_s`, `analysis_rate_hz`, `analysis_cutoff_hz`, `analysis_filter_order`:
 *   the rest of the analysis result; `analysis_error`: why there is none; `analysis_non_finite`:
 *   the metrics that are NaN or infinite, as `key=NaN` separated by spaces (a metric cell is
 *   empty for those and for null, so this tells them apart);
 * - `sign_flipped`, `sign_upright`, `sign_basis`, `sign_mean_raw_ay_m_s2`, `sign_samples`: how
 *   the sign of the accelerations was decided (empty for trials stored before it was kept);
 * - `imported_from`: the app of a trial imported from another app's files (empty for Stork's);
 * - `kind` (`test` or `training`) and a training set's information (training-columns.ts).
 *
 * Text cells that look like formulas are neutralised with a `'` (summary-csv.ts), and the reader
 * takes it off again. Numbers are number cells: not neutralised, shortest round-trip text; a
 * non-finite number is an empty cell and -0 is written 0 (the summary's rule; samples keep -0).
 */
import type { AnalysisResult } from '../core/types';
import { METRIC_KEYS } from './metric-units';
import { samplesCsvHeader, samplesCsvRows, type SamplesCsvLayout } from './samples-csv-writer';
import { SWAY_COLUMNS, writeSwayCsv } from './sway-csv';
import {
  summaryColumns,
  summaryCsvText,
  summaryRow,
  type SummaryCell,
  type SummaryScheme,
} from './summary-csv';
import { TRIAL_COLUMN_TYPES } from './summary-reader';
import { trainingCells } from './training-columns';
import type { StorkTrialRecord } from './trial-record';

/** What the files say besides the trials. */
export interface TrialExportMeta {
  /** The app's version, in every row's `app_version`. */
  appVersion: string;
  /** The `subject` cell of a trial: the person's name or code, as the page chooses. @default empty */
  subjectOf?: (record: StorkTrialRecord) => string | null;
  /** Start the summary with a UTF-8 byte-order mark, for Excel (SummaryCsvOptions). @default false */
  byteOrderMark?: boolean;
}

/** The two files. */
export interface TrialExport {
  samplesCsv: string;
  summaryCsv: string;
}

/** Every samples CSV column: a stored trial has all ten sample columns (NaN where missing) and an id. */
const TRIAL_SAMPLES_LAYOUT: SamplesCsvLayout = { gyro: true, linear: true, trialId: true };

/** The summary's columns after SPEC's, in order. */
export const TRIAL_SUMMARY_EXTRA_COLUMNS = Object.keys(TRIAL_COLUMN_TYPES);

/**
 * The summary CSV's header for trials: SPEC's columns and the trial columns. The metric columns
 * are the phone's (`motion`: `rms_ap_m_s2`...), and with 2-D sway trials (`both`) also those in
 * the signal's unit (`rms_ap_u`..., `stork analyze`'s names for a sway file), which hold the
 * sway trials' metrics (summary-csv.ts).
 */
export function trialSummaryColumns(scheme: SummaryScheme = 'motion'): string[] {
  return [...summaryColumns(scheme), ...TRIAL_SUMMARY_EXTRA_COLUMNS];
}

/** `both` when a trial is a 2-D sway trial, else `motion` (an export of phone trials only is as it always was). */
export function trialSummaryScheme(records: readonly StorkTrialRecord[]): SummaryScheme {
  return records.some((record) => record.sway !== undefined) ? 'both' : 'motion';
}

/**
 * Both files for the trials, in the given order.
 *
 * @throws RangeError when two records share an id or a sample column is not as long as `tS`.
 */
export function exportTrialsCsv(records: readonly StorkTrialRecord[], meta: TrialExportMeta): TrialExport {
  return {
    samplesCsv: [...trialSamplesCsvParts(records)].join(''),
    summaryCsv: trialSummaryCsv(records, meta),
  };
}

/**
 * The samples CSV in parts: the header, then one part per trial. For a long history, give the
 * parts to a `Blob` one by one instead of joining them into one string (a 5,000-trial history
 * is over 1 GB of text, more than a string may hold).
 *
 * @throws RangeError as `exportTrialsCsv`.
 */
export function* trialSamplesCsvParts(records: readonly StorkTrialRecord[]): Generator<string> {
  checkUniqueIds(records);
  yield samplesCsvHeader(TRIAL_SAMPLES_LAYOUT);
  for (const [index, record] of records.entries()) {
    // A 2-D sway trial has no phone samples: its AP and ML are in the sway file (trialSwayCsvParts).
    if (record.sway !== undefined) continue;
    const { samples } = record;
    yield samplesCsvRows(
      {
        trialId: record.id,
        recording: {
          kind: 'motion',
          tS: samples.tS,
          ax: samples.ax,
          ay: samples.ay,
          az: samples.az,
          gx: samples.gx,
          gy: samples.gy,
          gz: samples.gz,
        },
        linear: { lx: samples.lx, ly: samples.ly, lz: samples.lz },
      },
      index,
      TRIAL_SAMPLES_LAYOUT,
    );
  }
}

/**
 * The 2-D sway CSV of the trials' 2-D sway trials (force plate): `t_ms,ap,ml,trial_id`, header
 * first, then one part per sway trial; just the header when there is none. The samples CSV
 * leaves these trials out, so an export with sway trials is three files (samples, sway, summary).
 *
 * @throws RangeError as `exportTrialsCsv`.
 */
export function* trialSwayCsvParts(records: readonly StorkTrialRecord[]): Generator<string> {
  checkUniqueIds(records);
  yield [SWAY_COLUMNS.timeMs, SWAY_COLUMNS.ap, SWAY_COLUMNS.ml, SWAY_COLUMNS.trialId].join(',') + '\r\n';
  for (const record of records) {
    if (record.sway === undefined) continue;
    const { tS } = record.samples;
    const text = writeSwayCsv([
      { trialId: record.id, recording: { kind: 'sway', tS, ap: record.sway.ap, ml: record.sway.ml } },
    ]);
    yield text.slice(text.indexOf('\r\n') + 2);
  }
}

/**
 * The summary CSV of the trials: one row each, SPEC's columns then the trial columns. A 2-D
 * sway trial's row says `signal` sway and its unit in `signal_unit` (empty when unknown), and
 * has its metrics in the columns in the signal's unit (`trialSummaryScheme`).
 */
export function trialSummaryCsv(records: readonly StorkTrialRecord[], meta: TrialExportMeta): string {
  checkUniqueIds(records);
  const scheme = trialSummaryScheme(records);
  return summaryCsvText(
    trialSummaryColumns(scheme),
    records.map((record) => [...specCells(record, meta, scheme), ...trialCells(record)]),
    { byteOrderMark: meta.byteOrderMark ?? false },
  );
}

function specCells(record: StorkTrialRecord, meta: TrialExportMeta, scheme: SummaryScheme): SummaryCell[] {
  const sway = record.sway === undefined ? {} : { signal: 'sway' as const, signalUnit: record.sway.unit };
  return summaryRow(
    {
      result: record.analysis,
      trialId: record.id,
      dateTime: record.startedAt,
      subject: meta.subjectOf?.(record) ?? null,
      stanceSide: record.setup.stanceSide,
      eyes: record.setup.eyes,
      surface: record.setup.surface,
      placement: record.setup.placement,
      capS: record.setup.capS,
      holdTimeS: record.holdTimeS,
      endReason: record.endReason,
      samplesReceived: record.samples.tS.length,
      appVersion: meta.appVersion,
      ...sway,
    },
    scheme,
  );
}

/** The cells of TRIAL_SUMMARY_EXTRA_COLUMNS, in that order. */
function trialCells(record: StorkTrialRecord): SummaryCell[] {
  const analysis: AnalysisResult | null = record.analysis;
  const { sign } = record;
  const cells: Record<string, SummaryCell> = {
    trial_touchdown_s: finite(record.touchdownS),
    interrupted: record.interrupted,
    source: record.source,
    events_received: finite(record.eventsReceived),
    trial_input_rate_hz: finite(record.inputRateHz),
    analysis_hold_time_s: finite(analysis?.holdTimeS),
    analysis_rate_hz: finite(analysis?.options.rateHz),
    analysis_cutoff_hz: finite(analysis?.options.cutoffHz),
    analysis_filter_order: finite(analysis?.options.filterOrder),
    analysis_error: record.analysisError ?? '',
    analysis_non_finite: analysis === null ? '' : nonFiniteMetrics(analysis),
    sign_flipped: sign?.flipped ?? null,
    sign_upright: sign?.upright ?? null,
    sign_basis: sign?.basis ?? '',
    sign_mean_raw_ay_m_s2: finite(sign?.meanRawAyMS2),
    sign_samples: finite(sign?.samples),
    imported_from: record.importedFrom ?? '',
    ...trainingCells(record),
  };
  return TRIAL_SUMMARY_EXTRA_COLUMNS.map((name) => cells[name] ?? null);
}

/** `f50=NaN jerk=Infinity`: the metrics whose value is a number but not finite. */
export function nonFiniteMetrics(analysis: AnalysisResult): string {
  return METRIC_KEYS.filter((key) => {
    const value = analysis.metrics[key];
    return typeof value === 'number' && !Number.isFinite(value);
  })
    .map((key) => `${key}=${String(analysis.metrics[key])}`)
    .join(' ');
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function checkUniqueIds(records: readonly StorkTrialRecord[]): void {
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.id)) throw new RangeError(`trial id ${JSON.stringify(record.id)} is used twice`);
    seen.add(record.id);
  }
}
