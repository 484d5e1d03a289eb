/**
 * The end of a guided session (protocol.ts) in numbers and one sentence: each leg's best of 3,
 * the age norm where the session's protocol is the norm's (src/core/norms.ts), and the
 * symmetry of the two bests (src/core/symmetry.ts, LSI). Pure.
 */
import { holdTimeNorm, type HoldTimeNorm, type Sex } from '../core/norms';
import { LSI_FLAG_BELOW_PERCENT, limbSymmetryIndexPercent } from '../core/symmetry';
import { bestOfLeg, countedOnLeg, type GuidedSession, type Side } from './protocol';

export interface LegSummary {
  side: Side;
  /** The counted hold times, s, in the order run. */
  holdTimesS: number[];
  /** The best of them, s (null: none counted). */
  bestS: number | null;
}

export interface SessionSummary {
  left: LegSummary;
  right: LegSummary;
  /** The norm for the session's conditions and the person's age that day, or why there is none. */
  norm: HoldTimeNorm;
  /** LSI of the two bests, %: the shorter best over the longer (null without both). */
  lsiPercent: number | null;
  /** The leg whose best is shorter, when the LSI is below LSI_FLAG_BELOW_PERCENT; else null. */
  weakerSide: Side | null;
  /** What it means, in one plain sentence. */
  sentence: string;
}

export interface SessionPerson {
  birthYear: number | null;
  sex: Sex | null;
}

const LEG_NAME: Record<Side, string> = { left: 'left leg', right: 'right leg' };

function legSummary(session: GuidedSession, side: Side): LegSummary {
  return {
    side,
    holdTimesS: countedOnLeg(session, side).map((record) => record.holdTimeS),
    bestS: bestOfLeg(session, side),
  };
}

/** A hold time as the pages show it: "12.1 s". */
const seconds = (value: number): string => `${value.toFixed(1)} s`;

function normClause(left: number, right: number, norm: HoldTimeNorm): string {
  if (!norm.applies) return '';
  const ages = norm.ageGroups.join(' or ');
  const below = (['left', 'right'] as const).filter((side) => (side === 'left' ? left : right) < norm.lowS);
  const average =
    norm.lowS === norm.highS ? seconds(norm.lowS) : `${seconds(norm.lowS)} to ${seconds(norm.highS)}`;
  if (below.length === 0)
    return `, and both are at or above the average for people aged ${ages} (${average})`;
  if (below.length === 2) return `, and both are below the average for people aged ${ages} (${average})`;
  return `, and the ${LEG_NAME[below[0] as Side]} is below the average for people aged ${ages} (${average})`;
}

/**
 * The session's summary. `date` is the session's local date ('YYYY-MM-DD'), for the age.
 *
 * With LSI at or above LSI_FLAG_BELOW_PERCENT the legs are called about even: a smaller
 * difference is within what one trial to the next varies, so no leg is called weaker.
 */
export function summarizeSession(
  session: GuidedSession,
  person: SessionPerson | null,
  date: string,
): SessionSummary {
  const left = legSummary(session, 'left');
  const right = legSummary(session, 'right');
  const { eyes, surface, capS } = session.setup;
  const norm = holdTimeNorm({
    birthYear: person?.birthYear ?? null,
    sex: person?.sex ?? null,
    eyes,
    surface,
    capS,
    date,
  });
  const lsiPercent = limbSymmetryIndexPercent(left.bestS, right.bestS, 'larger-is-better');
  let weakerSide: Side | null = null;
  let sentence: string;
  if (left.bestS === null || right.bestS === null || lsiPercent === null) {
    sentence = 'Both legs need at least one trial to be compared.';
  } else {
    const lsi = Math.round(lsiPercent);
    if (lsiPercent >= LSI_FLAG_BELOW_PERCENT) {
      sentence = `Both legs held about as long (the shorter best is ${lsi} % of the longer)`;
    } else {
      weakerSide = left.bestS < right.bestS ? 'left' : 'right';
      const stronger = weakerSide === 'left' ? 'right' : 'left';
      sentence = `The ${LEG_NAME[weakerSide]} held for less: its best is ${lsi} % of the ${LEG_NAME[stronger]}’s, under the ${LSI_FLAG_BELOW_PERCENT} % usually taken as even`;
    }
    sentence += `${normClause(left.bestS, right.bestS, norm)}.`;
  }
  return { left, right, norm, lsiPercent, weakerSide, sentence };
}
