/**
 * The Progress page's words for "is this change real?" (pure): the minimal detectable change
 * drawn around each leg's first value, or why there is none, and each leg's change from its
 * first session to its last against it. The numbers and verdicts come from
 * src/core/detectable-change.ts; this file writes them as the page shows them.
 */
import type { LikeConditions, Side } from '../core/compare';
import type { SeriesChange } from '../core/detectable-change';
import type { ComparedMetric } from '../core/metric-direction';
import { formatDay, formatMeasure } from './history-format';

export interface ChangeLines {
  /** What the outlined bands are, with the MDC and its source; or why there is no band. */
  mdc: string;
  /** One line per leg with a session: "Left leg: 10.0 s -> 40.0 s since 2 Nov 2026, beyond ...". */
  legs: Partial<Record<Side, string>>;
}

const LEG: Record<Side, string> = { left: 'Left leg', right: 'Right leg' };

/**
 * changeLines(change, 'holdTimeS', conditions) for Goldberg et al. 2011's MDC95 of 24.1 s:
 * { mdc: 'Outlined bands: the minimal detectable change (± 24.1 s, Goldberg et al. 2011) ...',
 *   legs: { left: 'Left leg: 10.0 s -> 40.0 s since 2 Nov 2026, beyond the minimal detectable change of 24.1 s.' } }
 */
export function changeLines(
  change: SeriesChange,
  metric: ComparedMetric,
  conditions: LikeConditions | null,
): ChangeLines {
  const format = (value: number) => formatMeasure(metric, value, conditions);
  const { mdc } = change;
  const mdcLine = mdc.applies
    ? `Outlined bands: the minimal detectable change (± ${mdc.mdc95.toFixed(1)} s, ${mdc.value.source}) around each leg’s first value. A change inside its band is within measurement error.`
    : `No minimal detectable change: ${mdc.reason}.`;
  const legs: Partial<Record<Side, string>> = {};
  for (const side of ['left', 'right'] as const) {
    const leg = change.legs[side];
    if (leg.first === null) continue;
    if (leg.last === null) {
      legs[side] =
        `${LEG[side]}: ${format(leg.first.value)} on ${formatDay(leg.first.date)}, one session: no change to judge yet.`;
      continue;
    }
    const from = `${LEG[side]}: ${format(leg.first.value)} -> ${format(leg.last.value)} since ${formatDay(leg.first.date)}`;
    // Without an MDC the reason is said once, in the line above, not again for each leg.
    legs[side] = mdc.applies ? `${from}, ${leg.verdict ?? ''}.` : `${from}.`;
  }
  return { mdc: mdcLine, legs };
}
