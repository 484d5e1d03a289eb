/**
 * The result page's line beside the lead sway figure, in words (pure): this trial's sway against
 * the usual of the person's earlier trials under the same conditions (core/usual-sway.ts), or
 * why there is nothing to compare with. The page speaks of "this trial", not "your".
 */
import type { ComparableTrial } from '../core/compare';
import { MIN_TRIALS_FOR_SPREAD, type UsualSway } from '../core/usual-sway';
import { formatMetricValue } from './format';

/** The earlier trials of the person, or why there are none to read (no person, no history). */
export type EarlierTrials = { trials: readonly ComparableTrial[] } | { unavailable: string };

const SAME = 'on this leg under the same conditions';

const trials = (count: number): string => (count === 1 ? '1 earlier trial' : `${count} earlier trials`);

/**
 * "Steadier than usual: sway 0.071 m/s² in this trial, against 0.094 m/s², the median of the
 * last 5 earlier trials on this leg under the same conditions. The difference, 0.023 m/s², is
 * beyond the minimal detectable change of 0.0115 m/s² worked out from those trials' spread."
 */
export function usualSwayWords(usual: UsualSway, unit: string): string {
  const value = `${formatMetricValue(usual.value)} ${unit}`;
  if (usual.kind === 'none') return `No earlier trials ${SAME} to compare with yet.`;
  const middle = `${formatMetricValue(usual.median)} ${unit}`;
  if (usual.kind === 'too-few') {
    const earlier =
      usual.count === 1 ? `the sway of the 1 earlier trial` : `the median of the ${trials(usual.count)}`;
    return `Sway ${value} in this trial, against ${middle}, ${earlier} ${SAME}. At least ${MIN_TRIALS_FOR_SPREAD} earlier trials are needed to tell a change from the usual spread.`;
  }
  const head = {
    steadier: 'Steadier than usual',
    'as-usual': 'About as usual',
    'less-steady': 'Less steady than usual',
  }[usual.kind];
  const difference = `${formatMetricValue(Math.abs(usual.difference))} ${unit}`;
  const mdc = `${formatMetricValue(usual.mdc95)} ${unit}`;
  const verdict =
    usual.kind === 'as-usual'
      ? `is within measurement error (minimal detectable change ${mdc}, worked out from those trials’ spread)`
      : `is beyond the minimal detectable change of ${mdc} worked out from those trials’ spread`;
  return `${head}: sway ${value} in this trial, against ${middle}, the median of the last ${trials(usual.count)} ${SAME}. The difference, ${difference}, ${verdict}.`;
}

/** "No comparison with earlier trials: no person is chosen." */
export function noComparisonWords(reason: string): string {
  return `No comparison with earlier trials: ${reason}.`;
}
