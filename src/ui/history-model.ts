/**
 * The history list: which of a person's trials show under the chosen filters, and what each
 * row says. Pure: trial summaries in (newest first, as the store lists them), rows out.
 */
import type { EyesCondition, StanceSide, Surface } from '../session/types';
import type { TrialSummary } from '../storage/summaries';
import { END_REASON_SHORT, formatDateTime, formatMeasure } from './history-format';
import { formatMetricValue } from './format';
import { EYES_LABELS, PLACEMENT_LABELS, STANCE_SIDE_LABELS, SURFACE_LABELS } from './labels';

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
  /** The key sway metric (RMS, m/s²; a force-plate trial's in its signal's unit) with its unit, or a dash without an analysis. */
  keyMetric: string;
}

/** What one row of the list says. */
export function historyRow(trial: TrialSummary): HistoryRow {
  const { setup } = trial;
  return {
    id: trial.id,
    dateTime: formatDateTime(trial.startedAt),
    side: STANCE_SIDE_LABELS[setup.stanceSide],
    condition:
      setup.placement === 'force-plate'
        ? `${EYES_LABELS[setup.eyes]} · ${SURFACE_LABELS[setup.surface]} · ${PLACEMENT_LABELS[setup.placement]} · ${setup.capS} s`
        : `${EYES_LABELS[setup.eyes]} · ${SURFACE_LABELS[setup.surface]} · ${setup.capS} s`,
    holdTime: formatMeasure('holdTimeS', trial.holdTimeS),
    holdTimeS: trial.holdTimeS,
    endReason: END_REASON_SHORT[trial.endReason],
    interrupted: trial.interrupted,
    // A 2-D sway trial's metrics are in its signal's unit: the stored one, or "signal's unit" when none was given.
    keyMetric:
      trial.analysis?.metrics.signal === 'sway'
        ? `RMS ${formatMetricValue(trial.analysis.metrics.rms)} ${trial.swayUnit == null ? '(signal’s unit)' : trial.swayUnit}`
        : `RMS ${formatMeasure('rms', trial.analysis?.metrics.rms ?? null)}`,
  };
}

/**
 * The trials chosen in the history list for an export: a set of trial ids. Immutable: each
 * change gives a new set. It may hold trials of several people (chosen one person at a time).
 */
export type TrialChoice = ReadonlySet<string>;

export const NO_CHOICE: TrialChoice = new Set<string>();

/** The choice with `id` added (`chosen`) or taken out. */
export function toggleChoice(choice: TrialChoice, id: string, chosen: boolean): TrialChoice {
  if (choice.has(id) === chosen) return choice;
  const next = new Set(choice);
  if (chosen) next.add(id);
  else next.delete(id);
  return next;
}

/** The choice with every one of `trials` added ("choose all shown"). */
export function chooseAll(choice: TrialChoice, trials: readonly { id: string }[]): TrialChoice {
  const next = new Set(choice);
  for (const trial of trials) next.add(trial.id);
  return next.size === choice.size ? choice : next;
}

/** How the choice stands against a list: chosen in all, chosen among those listed, of all listed. */
export interface ChoiceCount {
  chosen: number;
  chosenListed: number;
  listed: number;
}

export function choiceCount(choice: TrialChoice, listed: readonly { id: string }[]): ChoiceCount {
  let chosenListed = 0;
  for (const trial of listed) if (choice.has(trial.id)) chosenListed++;
  return { chosen: choice.size, chosenListed, listed: listed.length };
}

const trials = (n: number): string => `${n} ${n === 1 ? 'trial' : 'trials'}`;

/**
 * What the list says about the choice: "No trials chosen", "3 trials chosen", or with those
 * not in the list named: "3 trials chosen, 1 of them not in this list" (another person's, or
 * hidden by the filters).
 */
export function choiceLabel(count: ChoiceCount): string {
  if (count.chosen === 0) return 'No trials chosen';
  const elsewhere = count.chosen - count.chosenListed;
  return elsewhere === 0
    ? `${trials(count.chosen)} chosen`
    : `${trials(count.chosen)} chosen, ${elsewhere} of them not in this list`;
}

/**
 * The choice as text for keeping (sessionStorage) and back: ids joined by newlines (a trial id
 * is a UUID or time + random, never a newline). Anything that is not a list of non-empty
 * strings reads as no choice.
 */
export function choiceToText(choice: TrialChoice): string {
  return [...choice].join('\n');
}

export function choiceFromText(text: string | null): TrialChoice {
  if (text === null || text === '') return NO_CHOICE;
  return new Set(text.split('\n').filter((id) => id !== ''));
}
