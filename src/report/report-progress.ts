/**
 * The report's hold-time progress per leg over the period, the measurement error it is judged
 * against (core/reliability.ts), the norm band and the fall-risk cut-off (core/norms.ts), each
 * only where the protocol matches.
 */
import { progressSeries, type LikeConditions, type Side } from '../core/compare';
import { fallRiskCutoff, holdTimeNorm, publishedHoldTimeNorms } from '../core/norms';
import { seriesChange, type LegChange } from '../core/detectable-change';
import type { LegProgress, ProgressSection, ReportPerson, ReportTrial } from './report-types';

const SPRINGER = 'Springer et al. 2007';

function leg(side: Side, sessions: { date: string; value: number }[], change: LegChange): LegProgress {
  return {
    side,
    sessions,
    first: change.first,
    last: change.last,
    change: change.change,
    verdict: change.verdict,
  };
}

function bandText(lowS: number, highS: number): string {
  return lowS === highS ? `${lowS.toFixed(1)} s` : `${lowS.toFixed(1)}–${highS.toFixed(1)} s`;
}

/** The hold-time progress of the period's test trials under `conditions` (interrupted ones left out). */
export function holdTimeProgress(
  trials: readonly ReportTrial[],
  conditions: LikeConditions,
  person: ReportPerson,
): ProgressSection {
  const series = progressSeries(trials, conditions, 'holdTimeS');
  const sessions = (side: Side) => series.sides[side].sessions.map((s) => ({ date: s.date, value: s.value }));
  const dates = [...series.sides.left.sessions, ...series.sides.right.sessions].map((s) => s.date).sort();
  const lastDate = dates[dates.length - 1] ?? '';
  const query = {
    birthYear: person.birthYear,
    eyes: conditions.eyes,
    surface: conditions.surface,
    capS: conditions.capS,
  };
  // The MDC is the one of the first session's day: the change is measured from there
  // (core/detectable-change.ts).
  const changes = seriesChange(
    {
      metric: 'holdTimeS',
      sides: { left: { sessions: sessions('left') }, right: { sessions: sessions('right') } },
    },
    conditions,
    person.birthYear,
  );
  const springer = holdTimeNorm({ ...query, sex: person.sex, date: lastDate });
  let norm: ProgressSection['norm'];
  if (springer.applies) {
    norm = {
      lowS: springer.lowS,
      highS: springer.highS,
      label: `age ${springer.ageGroups.join(' / ')}: ${bandText(springer.lowS, springer.highS)}`,
      source: SPRINGER,
    };
  } else {
    const other = publishedHoldTimeNorms({ ...query, date: lastDate }).find((n) => n.applies);
    norm =
      other && other.applies
        ? {
            lowS: other.lowS,
            highS: other.highS,
            label: `age ${other.ageGroups.join(' / ')}: ${bandText(other.lowS, other.highS)}`,
            source: other.source,
          }
        : { reason: springer.reason };
  }
  const cutoff = fallRiskCutoff({ ...query, date: lastDate });
  return {
    conditions,
    legs: {
      left: leg('left', sessions('left'), changes.legs.left),
      right: leg('right', sessions('right'), changes.legs.right),
    },
    mdc: changes.mdc,
    norm,
    fallRisk: cutoff.applies
      ? { holdBelowS: cutoff.holdBelowS, source: cutoff.source }
      : { reason: cutoff.reason },
  };
}
