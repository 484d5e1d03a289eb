/**
 * The report's summary in plain words, computed from its numbers only:
 * "Right leg: hold time 18.2 s -> 31.5 s since 2 Nov, beyond the minimal detectable change of 24.1 s".
 */
import type { Side } from '../core/compare';
import { formatDay } from '../ui/history-format';
import type { ReportModel } from './report-types';

const LEG: Record<Side, string> = { left: 'Left leg', right: 'Right leg' };

/** "2 Nov" in the period's last year, "2 Nov 2025" otherwise. */
function shortDay(date: string, periodEnd: string): string {
  const day = formatDay(date);
  return date.slice(0, 4) === periodEnd.slice(0, 4) ? day.replace(/ \d{4}$/, '') : day;
}

const s = (value: number): string => `${value.toFixed(1)} s`;

export function reportSummary(model: ReportModel): string[] {
  const lines: string[] = [];
  const end = model.period.toDate;
  if (model.trialCount === 0) return ['No test trials in this period.'];
  const progress = model.progress;
  if (progress) {
    for (const side of ['left', 'right'] as const) {
      const leg = progress.legs[side];
      if (leg.first === null) {
        lines.push(`${LEG[side]}: no test under ${protocolWords(model)} in the period.`);
      } else if (leg.last === null) {
        lines.push(
          `${LEG[side]}: hold time ${s(leg.first.value)} on ${shortDay(leg.first.date, end)}, one session: no change to judge.`,
        );
      } else {
        lines.push(
          `${LEG[side]}: hold time ${s(leg.first.value)} -> ${s(leg.last.value)} since ${shortDay(leg.first.date, end)}, ${leg.verdict ?? ''}.`,
        );
      }
    }
  }
  const sides = model.sides;
  const hold = sides?.rows.find((r) => r.metric === 'holdTimeS');
  if (sides && hold) {
    const below = hold.flagged ? 'below 90 %' : 'not below 90 %';
    lines.push(
      `Left against right on ${shortDay(sides.date, end)}: LSI of the best hold times ${hold.lsiBest}, of the means ${hold.lsiMean} (${below}). ${sides.holdDifference}.`,
    );
  }
  if (progress && 'lowS' in progress.norm) {
    const latest = (['left', 'right'] as const)
      .map((side) => {
        const leg = progress.legs[side];
        const value = (leg.last ?? leg.first)?.value;
        return value === undefined ? null : `${side} ${s(value)}`;
      })
      .filter((text) => text !== null);
    lines.push(
      `Latest best hold time: ${latest.join(', ')}; norm for ${progress.norm.label} (${progress.norm.source}).`,
    );
  }
  if (progress && 'holdBelowS' in progress.fallRisk) {
    const cut = progress.fallRisk.holdBelowS;
    const under = (['left', 'right'] as const).filter((side) => {
      const value = (progress.legs[side].last ?? progress.legs[side].first)?.value;
      return value !== undefined && value < cut;
    });
    lines.push(
      under.length === 0
        ? `Both legs' latest best hold time is ${cut} s or more: not under the fall-risk cut-off (${progress.fallRisk.source}).`
        : `${under.map((side) => LEG[side]).join(' and ')}: latest best hold time under ${cut} s, the fall-risk cut-off (${progress.fallRisk.source}).`,
    );
  }
  if (model.training) {
    const t = model.training;
    lines.push(
      `Training: ${t.daysTrained} ${t.daysTrained === 1 ? 'day' : 'days'} trained${t.daysPlanned === null ? '' : ` of ${t.daysPlanned} planned`}.`,
    );
  }
  return lines;
}

function protocolWords(model: ReportModel): string {
  return model.protocols[0]?.label ?? 'the main protocol';
}
