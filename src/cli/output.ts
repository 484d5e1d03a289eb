/** The results of `stork analyze` as text: JSON (the default) or the summary CSV (SPEC section 8). */
import type { AnalysisResult } from '../core/types';
import { writeSummaryCsv } from '../formats/summary-csv';
import type { OutputFormat } from './arguments';

/** One analysed trial of one file. */
export interface AnalyzedTrial {
  /** The path as given on the command line. */
  file: string;
  trialId: string | null;
  result: AnalysisResult;
}

/** One array, an object per file and trial, with SPEC section 8's keys; 2-space indent, final LF. */
export function formatJson(trials: readonly AnalyzedTrial[]): string {
  const objects = trials.map(({ file, trialId, result }) => ({
    file,
    trialId,
    window: result.window,
    touchdownS: result.touchdownS,
    holdTimeS: result.holdTimeS,
    dropped: result.dropped,
    metrics: result.metrics,
    analysisVersion: result.analysisVersion,
    warnings: result.warnings,
  }));
  return `${JSON.stringify(objects, null, 2)}\n`;
}

/** The summary CSV: identity columns the command line does not know are left empty. */
export function formatCsv(trials: readonly AnalyzedTrial[], appVersion: string): string {
  return writeSummaryCsv(trials.map(({ file, trialId, result }) => ({ result, file, trialId, appVersion })));
}

export function formatResults(
  trials: readonly AnalyzedTrial[],
  format: OutputFormat,
  appVersion: string,
): string {
  return format === 'csv' ? formatCsv(trials, appVersion) : formatJson(trials);
}
