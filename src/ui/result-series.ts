/**
 * The series the result charts draw, from a finished trial's samples through the same analysis
 * core: the sway path of the analysed window (centred like the metrics, so the ellipse sits on
 * it) and AP/ML over the whole trial (for the time chart, with the window marked on it).
 */
import { analyzeWithSeries } from '../core/analyze';
import type { AnalysisSeries, Recording } from '../core/types';
import type { TrialRecord } from '../session/types';

export interface ResultSeries {
  /** The analysed window's AP/ML, or null when the trial has no analysis. */
  path: AnalysisSeries | null;
  /** AP/ML over the whole trial, or null when the trial is too short to filter. */
  overTime: AnalysisSeries | null;
}

/** What the trial's analysis analysed: a 2-D sway trial's AP and ML, else the phone's samples. */
export function trialRecording(record: TrialRecord): Recording {
  const { samples, sway } = record;
  if (sway !== undefined) return { kind: 'sway', tS: samples.tS, ap: sway.ap, ml: sway.ml };
  return {
    kind: 'motion',
    tS: samples.tS,
    ax: samples.ax,
    ay: samples.ay,
    az: samples.az,
    gx: samples.gx,
    gy: samples.gy,
    gz: samples.gz,
  };
}

function seriesOrNull(recording: Recording, fromS: number, toS: number): AnalysisSeries | null {
  try {
    return analyzeWithSeries(recording, { fromS, toS }).series;
  } catch {
    // too short or unusable: the page says so from record.analysisError
    return null;
  }
}

export function resultSeries(record: TrialRecord): ResultSeries {
  const recording = trialRecording(record);
  const n = record.samples.tS.length;
  const path =
    record.analysis === null
      ? null
      : seriesOrNull(recording, record.analysis.window.fromS, record.analysis.window.toS);
  const overTime =
    n < 2 ? null : seriesOrNull(recording, record.samples.tS[0] ?? 0, record.samples.tS[n - 1] ?? 0);
  return { path, overTime };
}
