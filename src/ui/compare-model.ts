/**
 * The left/right comparison page's choices and what it says, from one person's trials (pure).
 * The numbers come from src/core/compare.ts (compareSides) and symmetry.ts; this file picks
 * the session and conditions to offer and words the result.
 */
import {
  compareSides,
  isLike,
  isTestTrial,
  localDateOf,
  type ComparableTrial,
  type LikeConditions,
  type SessionSpan,
  type Side,
  type SideComparison,
  type SideSummary,
} from '../core/compare';
import { legsDifference, mdcFor, type LegsDifference } from '../core/detectable-change';
import { MAIN_METRICS, type ComparedMetric } from '../core/metric-direction';
import { LSI_FLAG_BELOW_PERCENT, type Symmetry } from '../core/symmetry';
import {
  conditionsKey,
  conditionsLabel,
  conditionsOf,
  formatMeasure,
  formatPercent,
  metricLabel,
} from './history-format';
import { STANCE_SIDE_LABELS } from './labels';
import { bestMeanWords, leadSentence, verdictOf } from './symmetry-words';

/** Whether a trial counts: a test trial (never a training set), interrupted ones only when asked for. */
const counts = (trial: ComparableTrial, includeInterrupted: boolean): boolean =>
  isTestTrial(trial) && (includeInterrupted || !trial.interrupted);

function inSpan(date: string, span: SessionSpan): boolean {
  return 'date' in span ? date === span.date : date >= span.fromDate && date <= span.toDate;
}

export interface DayOption {
  /** 'YYYY-MM-DD' */
  date: string;
  left: number;
  right: number;
  /** How many different conditions the day's trials were done under (1: all alike). */
  conditions: number;
}

/**
 * The local days with trials that count, newest first, with each side's number of trials and
 * the number of different conditions among them.
 */
export function dayOptions(trials: readonly ComparableTrial[], includeInterrupted = false): DayOption[] {
  const days = new Map<string, DayOption>();
  const keys = new Map<string, Set<string>>();
  for (const trial of trials) {
    if (!counts(trial, includeInterrupted)) continue;
    const date = localDateOf(trial.startedAt);
    const day = days.get(date) ?? { date, left: 0, right: 0, conditions: 0 };
    day[trial.setup.stanceSide]++;
    days.set(date, day);
    const ofDay = keys.get(date) ?? new Set<string>();
    ofDay.add(conditionsKey(trial.setup, trial.swayUnit ?? null));
    keys.set(date, ofDay);
    day.conditions = ofDay.size;
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** "7 Dec 2026 (left 1, right 1)", "… (left 1, right 1, under different conditions)": a session's choice. */
export function dayOptionLabel(day: DayOption, formattedDate: string): string {
  const under = day.conditions > 1 ? ', under different conditions' : '';
  return `${formattedDate} (left ${day.left}, right ${day.right}${under})`;
}

export interface ConditionOption {
  key: string;
  conditions: LikeConditions;
  label: string;
  left: number;
  right: number;
}

/**
 * The conditions trials were done under (in the span, when given), with each side's number
 * of trials: those with both sides first, then the most trials.
 */
export function conditionOptions(
  trials: readonly ComparableTrial[],
  span: SessionSpan | null,
  includeInterrupted = false,
): ConditionOption[] {
  const options = new Map<string, ConditionOption>();
  for (const trial of trials) {
    if (!counts(trial, includeInterrupted)) continue;
    if (span && !inSpan(localDateOf(trial.startedAt), span)) continue;
    // A set-up has the fields of its conditions: the key needs no copy of them.
    const key = conditionsKey(trial.setup, trial.swayUnit ?? null);
    let option = options.get(key);
    if (option === undefined) {
      const conditions = conditionsOf(trial.setup, trial.swayUnit ?? null);
      option = { key, conditions, label: conditionsLabel(conditions), left: 0, right: 0 };
      options.set(key, option);
    }
    option[trial.setup.stanceSide]++;
  }
  const both = (option: ConditionOption): number => (option.left > 0 && option.right > 0 ? 1 : 0);
  return [...options.values()].sort(
    (a, b) => both(b) - both(a) || b.left + b.right - (a.left + a.right) || (a.key < b.key ? -1 : 1),
  );
}

export interface CompareChoice {
  span: SessionSpan;
  conditions: LikeConditions;
}

/**
 * What the page opens on: the latest day on which both legs were tested under the same
 * conditions, with those conditions; else the latest day and its most used conditions.
 * Null when no trial counts.
 */
export function defaultCompareChoice(
  trials: readonly ComparableTrial[],
  includeInterrupted = false,
): CompareChoice | null {
  const days = dayOptions(trials, includeInterrupted);
  for (const day of days) {
    const span = { date: day.date };
    const first = conditionOptions(trials, span, includeInterrupted)[0];
    if (first && first.left > 0 && first.right > 0) return { span, conditions: first.conditions };
  }
  const latest = days[0];
  if (!latest) return null;
  const span = { date: latest.date };
  const first = conditionOptions(trials, span, includeInterrupted)[0];
  return first ? { span, conditions: first.conditions } : null;
}

/** Why there is nothing to compare, or 'ready'. */
export type CompareState =
  | { kind: 'no-trials' }
  | { kind: 'no-like' }
  | { kind: 'one-side'; tested: Side; missing: Side }
  | { kind: 'ready' };

/** Whether both legs have trials that count in the span under the conditions. */
export function compareState(
  trials: readonly ComparableTrial[],
  choice: CompareChoice | null,
  includeInterrupted = false,
): CompareState {
  if (!trials.some((trial) => counts(trial, includeInterrupted))) return { kind: 'no-trials' };
  if (choice === null) return { kind: 'no-like' };
  const sides = { left: 0, right: 0 };
  for (const trial of trials) {
    if (!counts(trial, includeInterrupted) || !isLike(trial, choice.conditions)) continue;
    if (!inSpan(localDateOf(trial.startedAt), choice.span)) continue;
    sides[trial.setup.stanceSide]++;
  }
  if (sides.left === 0 && sides.right === 0) return { kind: 'no-like' };
  if (sides.left === 0) return { kind: 'one-side', tested: 'right', missing: 'left' };
  if (sides.right === 0) return { kind: 'one-side', tested: 'left', missing: 'right' };
  return { kind: 'ready' };
}

export interface SideCell {
  best: string;
  mean: string;
  bestValue: number | null;
  meanValue: number | null;
  /** "3 trials" (how many of the side's last trials count). */
  trials: string;
}

export interface SymmetryLine {
  lsi: string;
  lsiValue: number | null;
  /** LSI below LSI_FLAG_BELOW_PERCENT: shown in words as well as in colour. */
  flagged: boolean;
  si: string;
  siValue: number | null;
  /** "Right leg weaker", or a reason there is no LSI. */
  note: string;
}

export interface MetricCard {
  metric: ComparedMetric;
  label: string;
  unit: string;
  left: SideCell;
  right: SideCell;
  ofBest: SymmetryLine;
  ofMean: SymmetryLine;
  /** The leading figure's one sentence (LSI of the best of 3, symmetry-words.ts). */
  lead: string;
  /** Why the best and the mean disagree, or null when they agree. */
  bestMean: string | null;
}

function sideCell(metric: ComparedMetric, summary: SideSummary, conditions: LikeConditions | null): SideCell {
  return {
    best: formatMeasure(metric, summary.best, conditions),
    mean: formatMeasure(metric, summary.mean, conditions),
    bestValue: summary.best,
    meanValue: summary.mean,
    trials: `${summary.values} ${summary.values === 1 ? 'trial' : 'trials'}`,
  };
}

/** The words under an LSI: which leg is weaker, the flag, or why there is no LSI. */
export function symmetryLine(symmetry: Symmetry, hasDirection: boolean): SymmetryLine {
  let note: string;
  if (!hasDirection) note = 'No LSI: neither value is better (a frequency).';
  else if (symmetry.lsiPercent === null) note = 'No LSI: a value is missing.';
  else if (symmetry.weakerSide === null) note = 'Both legs equal.';
  // A smaller difference is within what one trial to the next varies: no leg is called weaker.
  else if (!symmetry.lsiFlagged) note = `${LSI_FLAG_BELOW_PERCENT} % or more: about even.`;
  else
    note = `Below ${LSI_FLAG_BELOW_PERCENT} %: asymmetric. ${STANCE_SIDE_LABELS[symmetry.weakerSide]} weaker.`;
  return {
    lsi: formatPercent(symmetry.lsiPercent),
    lsiValue: symmetry.lsiPercent,
    flagged: symmetry.lsiFlagged,
    si: formatPercent(symmetry.siPercent, true),
    siValue: symmetry.siPercent,
    note,
  };
}

/** One card per measure, from compareSides. */
export function metricCards(
  comparison: SideComparison,
  conditions: LikeConditions | null = null,
): MetricCard[] {
  return comparison.metrics.map((entry) => {
    const { label, unit } = metricLabel(entry.metric, conditions);
    const hasDirection = entry.direction !== 'no-direction';
    return {
      metric: entry.metric,
      label,
      unit,
      left: sideCell(entry.metric, entry.left, conditions),
      right: sideCell(entry.metric, entry.right, conditions),
      ofBest: symmetryLine(entry.ofBest, hasDirection),
      ofMean: symmetryLine(entry.ofMean, hasDirection),
      lead: leadSentence(entry.ofBest, hasDirection, entry.metric === 'holdTimeS'),
      bestMean: bestMeanWords(verdictOf(entry.ofBest, hasDirection), verdictOf(entry.ofMean, hasDirection)),
    };
  });
}

/** The comparison of the page: hold time and the main sway metrics (MAIN_METRICS). */
export function compareForPage(
  trials: readonly ComparableTrial[],
  choice: CompareChoice,
  includeInterrupted = false,
): { comparison: SideComparison; cards: MetricCard[] } {
  const comparison = compareSides(trials, choice.conditions, MAIN_METRICS, {
    span: choice.span,
    includeInterrupted,
  });
  return { comparison, cards: metricCards(comparison, choice.conditions) };
}

/**
 * Whether the legs' best hold times differ by more than the minimal detectable change of the
 * protocol and the person's age on the session's (first) day, or why no value can be said
 * (core/detectable-change.ts).
 */
export function holdTimeDifference(
  comparison: SideComparison,
  choice: CompareChoice,
  birthYear: number | null,
): LegsDifference {
  const hold = comparison.metrics.find((entry) => entry.metric === 'holdTimeS');
  const mdc = mdcFor('holdTimeS', choice.conditions, birthYear, spanDates(choice.span).from);
  return legsDifference(hold?.left.best ?? null, hold?.right.best ?? null, mdc);
}

/** "3 May 2026" or "1 May 2026 – 3 May 2026" style label source: the span's dates. */
export function spanDates(span: SessionSpan): { from: string; to: string } {
  return 'date' in span ? { from: span.date, to: span.date } : { from: span.fromDate, to: span.toDate };
}
