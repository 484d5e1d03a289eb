/**
 * The guided session: the single-leg stance test as the literature runs it. Springer et al.
 * 2007 (the norms in src/core/norms.ts) and SPEC section 1 take the best of 3 trials per leg,
 * all under the same conditions; the order of the legs is the tester's choice: alternate
 * (left, right, left, ...) so that neither leg tires first, or three on one leg, then three on
 * the other. Pure: the page (src/ui/guided-view.ts) asks which trial is next and what counted.
 *
 * What counts: every trial that measured a hold time, however it ended (the full time limit,
 * a touch-down, Stop after "go"): a short hold is the result, not a failure, and the best of
 * the three is taken. An interrupted trial (the page hidden, the sensor silent, stopped before
 * "go") measured nothing: it does not count, and the same trial is run again. A trial that
 * ended early (a touch-down or Stop before the limit) may be run again when the tester saw it
 * was not a fair attempt (the person was not ready, a false start): the tester decides, the
 * page only offers it, and the trial then no longer counts (`repeatLast`); it stays in the
 * history as it was measured.
 */
import type { TrialRecord, TrialSetup } from './types';

/**
 * What the protocol needs of a trial: a trial record has it, and so does the small copy the
 * page keeps for the tab (src/ui/guided-session.ts) so that a reload does not lose the count.
 */
export type SessionTrial = Pick<TrialRecord, 'id' | 'setup' | 'interrupted' | 'holdTimeS' | 'endReason'> & {
  /** Set when the tester chose to run this trial again (repeatLast): it no longer counts. */
  setAside?: true;
};

export type Side = 'left' | 'right';

/** Trials per leg: best of 3 (Springer et al. 2007; SPEC section 1). */
export const TRIALS_PER_LEG = 3;

/** The order of the legs: alternate, or three on one leg then the other. */
export type SessionOrder = 'alternate' | 'one-leg-then-other';

export interface GuidedSession {
  /** The conditions every trial shares; its stanceSide is the leg tested first. */
  setup: TrialSetup;
  order: SessionOrder;
  /** The session's trials in the order run, interrupted ones included. */
  trials: readonly SessionTrial[];
}

/** The next trial the protocol asks for: its leg and its number on that leg (1 to 3). */
export interface NextTrial {
  side: Side;
  trialOfLeg: number;
  /** True when the last trial on this leg was interrupted and this one runs it again. */
  repeat: boolean;
  /** The set-up of the trial: the session's conditions on this leg. */
  setup: TrialSetup;
}

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');

/** Whether a trial counts as one of the three (see the file's comment). */
export function counts(record: Pick<SessionTrial, 'interrupted' | 'setAside'>): boolean {
  return !record.interrupted && record.setAside !== true;
}

/** Whether the tester may run a trial again instead of counting it: it ended before the limit. */
export function endedEarly(record: Pick<SessionTrial, 'interrupted' | 'endReason'>): boolean {
  return !record.interrupted && (record.endReason === 'touchdown' || record.endReason === 'stopped');
}

/**
 * The session with its last trial set aside, so that the same trial runs again: only a trial
 * that ended early and counted can be (otherwise the session is returned as it was).
 */
export function repeatLast(session: GuidedSession): GuidedSession {
  const last = session.trials[session.trials.length - 1];
  if (last === undefined || !counts(last) || !endedEarly(last)) return session;
  return { ...session, trials: [...session.trials.slice(0, -1), { ...last, setAside: true }] };
}

/** A new session with no trial yet. */
export function startSession(setup: TrialSetup, order: SessionOrder): GuidedSession {
  return { setup: { ...setup }, order, trials: [] };
}

/** Whether a set-up has the session's conditions (any leg): only those trials compare. */
export function sameConditions(session: GuidedSession, setup: TrialSetup): boolean {
  const { eyes, surface, placement, capS } = session.setup;
  return (
    setup.eyes === eyes && setup.surface === surface && setup.placement === placement && setup.capS === capS
  );
}

/** The session with one more trial; a trial under other conditions is not part of it. */
export function addTrial(session: GuidedSession, record: SessionTrial): GuidedSession {
  if (!sameConditions(session, record.setup)) return session;
  const { id, setup, interrupted, holdTimeS, endReason } = record;
  return {
    ...session,
    trials: [...session.trials, { id, setup: { ...setup }, interrupted, holdTimeS, endReason }],
  };
}

/** The trials that count on a leg, in the order run. */
export function countedOnLeg(session: GuidedSession, side: Side): SessionTrial[] {
  return session.trials.filter((record) => record.setup.stanceSide === side && counts(record));
}

/** The order in which the six trials run, as legs: L R L R L R, or L L L R R R. */
export function legSequence(first: Side, order: SessionOrder): Side[] {
  const sequence: Side[] = [];
  for (let i = 0; i < 2 * TRIALS_PER_LEG; i++) {
    const second = order === 'alternate' ? i % 2 === 1 : i >= TRIALS_PER_LEG;
    sequence.push(second ? other(first) : first);
  }
  return sequence;
}

/** The next trial, or null when both legs have their three. */
export function nextTrial(session: GuidedSession): NextTrial | null {
  const done: Record<Side, number> = {
    left: countedOnLeg(session, 'left').length,
    right: countedOnLeg(session, 'right').length,
  };
  // The n-th leg in the sequence is next when fewer of its trials counted than it has before.
  const seen: Record<Side, number> = { left: 0, right: 0 };
  for (const side of legSequence(session.setup.stanceSide, session.order)) {
    seen[side]++;
    if (done[side] < seen[side]) {
      const last = session.trials[session.trials.length - 1];
      return {
        side,
        trialOfLeg: done[side] + 1,
        repeat: last !== undefined && !counts(last) && last.setup.stanceSide === side,
        setup: { ...session.setup, stanceSide: side },
      };
    }
  }
  return null;
}

/** How many trials counted in all, out of the six. */
export function countedTrials(session: GuidedSession): number {
  return session.trials.filter(counts).length;
}

/** The best hold time on a leg (the protocol's result), s, or null before its first trial. */
export function bestOfLeg(session: GuidedSession, side: Side): number | null {
  const times = countedOnLeg(session, side).map((record) => record.holdTimeS);
  return times.length === 0 ? null : Math.max(...times);
}

/** Whether both legs have their three: the session is over and its summary is due. */
export function isComplete(session: GuidedSession): boolean {
  return nextTrial(session) === null;
}
