/** The results of `stork analyze` as text: JSON (the default) or the summary CSV (SPEC section 8). */
import type { AnalysisResult } from '../core/types';
import type { ImportedRecording } from '../formats/combine-sensors';
import { writeSummaryCsv } from '../formats/summary-csv';
import type { OutputFormat } from './arguments';

/** One analysed trial of one file. */
export interface AnalyzedTrial {
  /** The path as given on the command line. */
  file: string;
  trialId: string | null;
  result: AnalysisResult;
  /** The rows of the trial in the file (the summary's samples_received). */
  samplesReceived?: number;
  /** For another app's recording: its format and what was converted, left out and decided. */
  imported?: ImportSummary;
}

/**
 * What JSON says of another app's recording (its `import` key): plain data, without the
 * recording's arrays, so that a worker thread hands it over cheaply.
 */
export interface ImportSummary {
  format: ImportedRecording['format'];
  files: string[];
  /** The conversions, the sign's note last. */
  conversions: string[];
  ignored: string[];
  skippedRows: number;
}

/** The summary of an imported recording that JSON prints. */
export function importSummary(imported: ImportedRecording): ImportSummary {
  return {
    format: imported.format,
    files: imported.files,
    conversions: [...imported.conversions, imported.sign.note],
    ignored: imported.ignored,
    skippedRows: imported.skippedCount,
  };
}

/**
 * One array, an object per file and trial, with SPEC section 8's keys; 2-space indent, final
 * LF. Another app's recording also has `import`: its format, the files it was made from, what
 * was converted (units, time, sign), what was left out, and how many rows were skipped.
 */
export function formatJson(trials: readonly AnalyzedTrial[]): string {
  const objects = trials.map(({ file, trialId, result, imported }) => ({
    file,
    trialId,
    window: result.window,
    touchdownS: result.touchdownS,
    holdTimeS: result.holdTimeS,
    dropped: result.dropped,
    metrics: result.metrics,
    analysisVersion: result.analysisVersion,
    warnings: result.warnings,
    ...(imported === undefined
      ? {}
      : {
          import: {
            format: imported.format,
            files: imported.files,
            conversions: imported.conversions,
            ignored: imported.ignored,
            skippedRows: imported.skippedRows,
          },
        }),
  }));
  return `${JSON.stringify(objects, null, 2)}\n`;
}

/** The summary CSV: identity columns the command line does not know are left empty. */
export function formatCsv(trials: readonly AnalyzedTrial[], appVersion: string): string {
  return writeSummaryCsv(
    trials.map(({ file, trialId, result, samplesReceived }) => ({
      result,
      file,
      trialId,
      samplesReceived: samplesReceived ?? null,
      appVersion,
    })),
  );
}

export function formatResults(
  trials: readonly AnalyzedTrial[],
  format: OutputFormat,
  appVersion: string,
): string {
  return format === 'csv' ? formatCsv(trials, appVersion) : formatJson(trials);
}
