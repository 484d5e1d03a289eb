/** What the report is made from, and what it says (src/report/report-model.ts). */
import type { ComparableTrial, LikeConditions, Side } from '../core/compare';
import type { ComparedMetric } from '../core/metric-direction';
import type { Sex } from '../core/norms';
import type { Mdc } from '../core/reliability';
import type { EndReason } from '../session/types';
import type { Period } from './period';

/** A training set's part of a stored trial (the optional `training` field, when present). */
export interface ReportTrainingSet {
  sessionId: string;
  exercise: string;
  leg: Side | null;
  setNumber: number;
  setsPlanned: number;
  endedEarly: boolean;
}

export interface ReportTrial extends ComparableTrial {
  endReason: EndReason;
  /** Present on training sets only: they are training done, not test trials. */
  training?: ReportTrainingSet | null;
}

export interface ReportPerson {
  name: string;
  birthYear: number | null;
  sex: Sex | null;
}

export interface ReportInput {
  person: ReportPerson;
  /** The person's trials, any order, any dates (the period picks). */
  trials: readonly ReportTrial[];
  period: Period;
  /** When the report is made, ISO 8601 date-time with offset. */
  printedAt: string;
  analysisVersion: number;
  swayAnalysisVersion: number;
  /** The person's home programme, when one was saved (src/training/programme.ts). */
  programme?: ReportProgramme | null;
}

/** What the report needs of a home programme: its days a week and its exercises. */
export interface ReportProgramme {
  daysPerWeek: number;
  /** The exercises' keys ('single-leg', 'tandem', 'feet-together'), in the plan's order. */
  exercises: readonly string[];
}

export interface TrialRow {
  trialId: string;
  when: string;
  leg: string;
  eyes: string;
  surface: string;
  capS: number;
  hold: string;
  /** The hold time as stored, for checks. */
  holdTimeS: number;
  endReason: string;
  /** The main sway measures, formatted with their units ("–" without an analysis). */
  sway: string[];
}

export interface SymmetryRow {
  metric: ComparedMetric;
  label: string;
  leftBest: string;
  rightBest: string;
  leftMean: string;
  rightMean: string;
  lsiBest: string;
  siBest: string;
  lsiMean: string;
  /** LSI (of best or of mean) below 90 %. */
  flagged: boolean;
}

export interface SidesSection {
  date: string;
  conditions: LikeConditions;
  rows: SymmetryRow[];
  /** The hold-time difference between the legs' bests against the MDC, in words. */
  holdDifference: string;
}

export interface LegProgress {
  side: Side;
  /** Best of each session in the period, oldest first. */
  sessions: { date: string; value: number }[];
  first: { date: string; value: number } | null;
  last: { date: string; value: number } | null;
  /** last - first, s; null with fewer than two sessions. */
  change: number | null;
  /** "beyond the minimal detectable change of 24.1 s" / "within measurement error (...)" / why none. */
  verdict: string | null;
}

export interface ProgressSection {
  conditions: LikeConditions;
  legs: Record<Side, LegProgress>;
  mdc: Mdc;
  /** The Springer 2007 (or another published) norm band at the period's end, or why none. */
  norm: { lowS: number; highS: number; label: string; source: string } | { reason: string };
  fallRisk: { holdBelowS: number; source: string } | { reason: string };
}

export interface TrainingRow {
  exercise: string;
  days: number;
  /** The programme's training days in the period; null when the exercise is not in it. */
  daysPlanned: number | null;
  setsDone: number;
  setsPlanned: number;
  endedEarly: number;
}

export interface TrainingSection {
  daysTrained: number;
  /** Planned training days in the period, when the programme's days a week are known. */
  daysPlanned: number | null;
  rows: TrainingRow[];
}

export interface Footnote {
  /** For the page: "Springer et al. 2007". */
  source: string;
  citation: string;
}

export interface ReportModel {
  who: { name: string; age: string; sex: string };
  period: Period;
  periodLabel: string;
  protocols: { label: string; trials: number }[];
  rows: TrialRow[];
  /** Test trials in the period (rows holds at most MAX_TABLE_ROWS of them, the latest). */
  trialCount: number;
  sides: SidesSection | null;
  progress: ProgressSection | null;
  training: TrainingSection | null;
  summary: string[];
  footnotes: Footnote[];
  analysisVersion: string;
  printed: string;
}
