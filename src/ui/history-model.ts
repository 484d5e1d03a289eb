/**
 * The history list: which of a person's trials show under the chosen filters, and what each
 * row says. Pure: trial summaries in (newest first, as the store lists them), rows out.
 */
import type { EyesCondition, StanceSide, Surface } from '../session/types';
import type { TrialSummary } from '../storage/summaries';
import { END_REASON_SHORT, formatDateTime, formatMeasure } from './history-format';
import { EYES_LABELS, STANCE_SIDE_LABELS, SURFACE_LABELS } from './labels';

export interface HistoryFilter {
  side: StanceSide | 'all';
  eyes: EyesCondition | 'all';
  surface: Surface | 'all';
  /** Interrupted trials are kept and marked; they show only when asked for. */
  showInterrupted: boolean;
}

export const DEFAULT_HISTORY_FILTER: HistoryFilter = {
  side: 'all',
  eyes: 'all',
  surface: 'all',
  showInterrupted: false,
};

/** Rows drawn at once: a person may have thousands of trials; more come with "Show more". */
export const HISTORY_PAGE_ROWS = 100;

export function matchesFilter(trial: TrialSummary, filter: HistoryFilter): boolean {
  return (
    (filter.side === 'all' || trial.setup.stanceSide === filter.side) &&
    (filter.eyes === 'all' || trial.setup.eyes === filter.eyes) &&
    (filter.surface === 'all' || trial.setup.surface === filter.surface) &&
    (filter.showInterrupted || !trial.interrupted)
  );
}

export interface FilteredHistory {
  trials: TrialSummary[];
  /** Interrupted trials left out only because "show interrupted" is off. */
  hiddenInterrupted: number;
}

/** The trials that pass the filter, in the order given (newest first). */
export function filterHistory(trials: readonly TrialSummary[], filter: HistoryFilter): FilteredHistory {
  const shown: TrialSummary[] = [];
  let hiddenInterrupted = 0;
  for (const trial of trials) {
    if (matchesFilter(trial, filter)) shown.push(trial);
    else if (trial.interrupted && matchesFilter(trial, { ...filter, showInterrupted: true }))
      hiddenInterrupted++;
  }
  return { trials: shown, hiddenInterrupted };
}

export interface HistoryRow {
  id: string;
  dateTime: string;
  side: string;
  condition: string;
  holdTime: string;
  holdTimeS: number;
  endReason: string;
  interrupted: boolean;
  /** The key sway metric (RMS, m/s²) with its unit, or a dash without an analysis. */
  keyMetric: string;
}

/** What one row of the list says. */
export function historyRow(trial: TrialSummary): HistoryRow {
  const { setup } = trial;
  return {
    id: trial.id,
    dateTime: formatDateTime(trial.startedAt),
    side: STANCE_SIDE_LABELS[setup.stanceSide],
    condition: `${EYES_LABELS[setup.eyes]} · ${SURFACE_LABELS[setup.surface]} · ${setup.capS} s`,
    holdTime: formatMeasure('holdTimeS', trial.holdTimeS),
    holdTimeS: trial.holdTimeS,
    endReason: END_REASON_SHORT[trial.endReason],
    interrupted: trial.interrupted,
    keyMetric: `RMS ${formatMeasure('rms', trial.analysis?.metrics.rms ?? null)}`,
  };
}
