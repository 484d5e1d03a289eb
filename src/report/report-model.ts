/**
 * The clinician's one-page report, as data (pure): who, the period, the protocols, the test
 * trials, left against right on the latest day with both legs, hold-time progress per leg with
 * its measurement error and norm, training done, a summary in words and the sources.
 */
import { compareSides, localDateOf, metricValue, type LikeConditions, type Side } from '../core/compare';
import { MAIN_METRICS } from '../core/metric-direction';
import { possibleAges } from '../core/norms';
import { legsDifference, mdcFor } from '../core/detectable-change';
import {
  conditionsKey,
  conditionsLabel,
  conditionsOf,
  END_REASON_SHORT,
  formatDateTime,
  formatDay,
  formatMeasure,
  formatPercent,
  metricLabel,
} from '../ui/history-format';
import { EYES_LABELS, SURFACE_LABELS } from '../ui/labels';
import { inPeriod } from './period';
import { footnotesFor } from './report-sources';
import { holdTimeProgress } from './report-progress';
import { reportSummary } from './report-summary';
import { trainingSection } from './report-training';
import type { ReportInput, ReportModel, ReportTrial, SidesSection, TrialRow } from './report-types';

/**
 * Most trial rows one page holds beside the other sections (A4 and Letter, 8 pt): the latest
 * ones are shown and the page says how many more the history has.
 */
export const MAX_TABLE_ROWS = 12;

/** The sway measures of the trial table: the main ones of compare.ts (hold time has its own column). */
export const TABLE_SWAY_METRICS = MAIN_METRICS.filter((metric) => metric !== 'holdTimeS');

const LEG: Record<Side, string> = { left: 'Left', right: 'Right' };

function ageText(birthYear: number | null, toDate: string): string {
  if (birthYear === null) return 'age not given';
  const [youngest, oldest] = possibleAges(birthYear, Number(toDate.slice(0, 4)));
  return `${youngest}–${oldest} years (born ${birthYear})`;
}

function row(trial: ReportTrial): TrialRow {
  const conditions = conditionsOf(trial.setup, trial.swayUnit ?? null);
  return {
    trialId: trial.id,
    when: formatDateTime(trial.startedAt),
    leg: LEG[trial.setup.stanceSide],
    eyes: EYES_LABELS[trial.setup.eyes].replace('Eyes ', ''),
    surface: SURFACE_LABELS[trial.setup.surface].replace(' floor', '').replace(' pad', ''),
    capS: trial.setup.capS,
    hold: formatMeasure('holdTimeS', trial.holdTimeS, conditions),
    holdTimeS: trial.holdTimeS,
    endReason: END_REASON_SHORT[trial.endReason],
    sway: TABLE_SWAY_METRICS.map((metric) => formatMeasure(metric, metricValue(trial, metric), conditions)),
  };
}

/** The protocols of the trials, with how many trials each: most first. */
function protocolsOf(
  trials: readonly ReportTrial[],
): { conditions: LikeConditions; trials: number; sides: Set<Side> }[] {
  const byKey = new Map<string, { conditions: LikeConditions; trials: number; sides: Set<Side> }>();
  for (const trial of trials) {
    const conditions = conditionsOf(trial.setup, trial.swayUnit ?? null);
    const key = conditionsKey(conditions);
    const entry = byKey.get(key) ?? { conditions, trials: 0, sides: new Set<Side>() };
    entry.trials++;
    entry.sides.add(trial.setup.stanceSide);
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.sides.size - a.sides.size || b.trials - a.trials);
}

/** Left against right on the latest day when both legs were tested under the same protocol. */
function latestSides(trials: readonly ReportTrial[], input: ReportInput): SidesSection | null {
  const dates = [...new Set(trials.map((t) => localDateOf(t.startedAt)))].sort().reverse();
  for (const date of dates) {
    const both = protocolsOf(trials.filter((t) => localDateOf(t.startedAt) === date)).find(
      (p) => p.sides.size === 2,
    );
    if (!both) continue;
    const { conditions } = both;
    const comparison = compareSides(trials, conditions, MAIN_METRICS, { span: { date } });
    const rows = comparison.metrics.map((m) => ({
      metric: m.metric,
      label: metricLabel(m.metric, conditions).label,
      leftBest: formatMeasure(m.metric, m.left.best, conditions),
      rightBest: formatMeasure(m.metric, m.right.best, conditions),
      leftMean: formatMeasure(m.metric, m.left.mean, conditions),
      rightMean: formatMeasure(m.metric, m.right.mean, conditions),
      lsiBest: formatPercent(m.ofBest.lsiPercent),
      siBest: formatPercent(m.ofBest.siPercent, true),
      lsiMean: formatPercent(m.ofMean.lsiPercent),
      flagged: m.ofBest.lsiFlagged || m.ofMean.lsiFlagged,
    }));
    const hold = comparison.metrics.find((m) => m.metric === 'holdTimeS');
    const mdc = mdcFor('holdTimeS', conditions, input.person.birthYear, date);
    const holdDifference = legsDifference(hold?.left.best ?? null, hold?.right.best ?? null, mdc).words;
    return { date, conditions, rows, holdDifference };
  }
  return null;
}

export function reportModel(input: ReportInput): ReportModel {
  const { period, person } = input;
  const inRange = input.trials.filter((t) => inPeriod(localDateOf(t.startedAt), period));
  const tests = inRange.filter((t) => !t.training);
  const counted = tests.filter((t) => !t.interrupted);
  const newestFirst = [...tests].sort((a, b) =>
    a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0,
  );
  const protocols = protocolsOf(counted);
  const main = protocols[0]?.conditions ?? null;
  const progress = main === null ? null : holdTimeProgress(counted, main, person);
  const sides = latestSides(counted, input);
  const training = trainingSection(inRange, period, input.programme ?? null);
  const model: ReportModel = {
    who: {
      name: person.name,
      age: ageText(person.birthYear, period.toDate),
      sex: person.sex === 'female' ? 'female' : person.sex === 'male' ? 'male' : 'not given',
    },
    period,
    periodLabel: `${formatDay(period.fromDate)} – ${formatDay(period.toDate)}`,
    protocols: protocols.map((p) => ({ label: conditionsLabel(p.conditions), trials: p.trials })),
    rows: newestFirst.slice(0, MAX_TABLE_ROWS).reverse().map(row),
    trialCount: tests.length,
    sides,
    progress,
    training,
    summary: [],
    footnotes: [],
    analysisVersion: `analysis version ${input.analysisVersion} (2-D sway ${input.swayAnalysisVersion})`,
    printed: formatDateTime(input.printedAt),
  };
  model.summary = reportSummary(model);
  model.footnotes = footnotesFor(model);
  return model;
}
