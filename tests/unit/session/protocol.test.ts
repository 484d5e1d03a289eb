import { describe, expect, it } from 'vitest';
import {
  addTrial,
  bestOfLeg,
  countedTrials,
  legSequence,
  nextTrial,
  repeatLast,
  startSession,
  TRIALS_PER_LEG,
  type GuidedSession,
} from '../../../src/session/protocol';
import { summarizeSession } from '../../../src/session/session-summary';
import { DEFAULT_SETUP, type TrialRecord, type TrialSetup } from '../../../src/session/types';
import { sessionTrial } from '../helpers/session-trial';

const trial = sessionTrial;

function run(session: GuidedSession, ...records: TrialRecord[]): GuidedSession {
  return records.reduce(addTrial, session);
}

describe('guided session: which trial is next', () => {
  it('alternates legs from the leg chosen first, or runs three on one leg then the other', () => {
    expect(legSequence('left', 'alternate')).toEqual(['left', 'right', 'left', 'right', 'left', 'right']);
    expect(legSequence('right', 'alternate')).toEqual(['right', 'left', 'right', 'left', 'right', 'left']);
    expect(legSequence('left', 'one-leg-then-other')).toEqual([
      'left',
      'left',
      'left',
      'right',
      'right',
      'right',
    ]);
  });

  it('leads through six trials, with the session’s conditions on the leg asked for', () => {
    const setup: TrialSetup = { ...DEFAULT_SETUP, eyes: 'closed', capS: 30 };
    let session = startSession(setup, 'alternate');
    const asked: string[] = [];
    for (let i = 0; i < 2 * TRIALS_PER_LEG; i++) {
      const next = nextTrial(session);
      expect(next).not.toBeNull();
      if (next === null) return;
      expect(next.setup).toEqual({ ...setup, stanceSide: next.side });
      expect(next.repeat).toBe(false);
      asked.push(`${next.side} ${next.trialOfLeg}`);
      session = addTrial(session, trial(next.side, 10 + i, 'touchdown', setup));
    }
    expect(asked).toEqual(['left 1', 'right 1', 'left 2', 'right 2', 'left 3', 'right 3']);
    expect(nextTrial(session)).toBeNull();
    expect(countedTrials(session)).toBe(6);
  });

  it('counts a touch-down and a Stop after go; runs an interrupted trial again with the same number', () => {
    let session = startSession(DEFAULT_SETUP, 'one-leg-then-other');
    session = run(session, trial('left', 3.2, 'touchdown'), trial('left', 8, 'stopped'));
    expect(nextTrial(session)).toMatchObject({ side: 'left', trialOfLeg: 3, repeat: false });
    session = run(session, trial('left', 4, 'hidden'));
    expect(nextTrial(session)).toMatchObject({ side: 'left', trialOfLeg: 3, repeat: true });
    session = run(session, trial('left', 2, 'sensor-silent'), trial('left', 45, 'completed'));
    expect(nextTrial(session)).toMatchObject({ side: 'right', trialOfLeg: 1, repeat: false });
    // The interrupted 4 s is not a result: the best is of the counted three.
    expect(bestOfLeg(session, 'left')).toBe(45);
    expect(bestOfLeg(session, 'right')).toBeNull();
  });

  it('sets aside a trial that ended early when the tester repeats it, never one that did not', () => {
    const early = run(startSession(DEFAULT_SETUP, 'alternate'), trial('left', 0.8, 'touchdown'));
    const aside = repeatLast(early);
    expect(countedTrials(aside)).toBe(0);
    expect(nextTrial(aside)).toMatchObject({ side: 'left', trialOfLeg: 1, repeat: true });
    expect(bestOfLeg(run(aside, trial('left', 9.1, 'stopped')), 'left')).toBe(9.1);
    // Held to the limit, or interrupted: nothing to set aside.
    const full = run(startSession(DEFAULT_SETUP, 'alternate'), trial('left', 45, 'completed'));
    expect(repeatLast(full)).toBe(full);
    const hidden = run(startSession(DEFAULT_SETUP, 'alternate'), trial('left', 2, 'hidden'));
    expect(repeatLast(hidden)).toBe(hidden);
    expect(repeatLast(startSession(DEFAULT_SETUP, 'alternate')).trials).toEqual([]);
  });

  it('leaves out a trial under other conditions', () => {
    const session = run(
      startSession(DEFAULT_SETUP, 'alternate'),
      trial('left', 20, 'touchdown', { capS: 10 }),
    );
    expect(session.trials).toEqual([]);
    expect(nextTrial(session)).toMatchObject({ side: 'left', trialOfLeg: 1 });
  });
});

describe('guided session: the summary', () => {
  const full = (left: number[], right: number[]): GuidedSession =>
    run(
      startSession(DEFAULT_SETUP, 'alternate'),
      ...left.flatMap((l, i) => [trial('left', l), trial('right', right[i] ?? 0)]),
    );

  it('takes each leg’s best of 3, the LSI of the bests, and the age norm of the 45 s protocol', () => {
    // Born 1951, tested in 2026: 74 or 75, the 70-79 group (21.5 s).
    const summary = summarizeSession(
      full([12, 30, 25], [10, 8, 14]),
      { birthYear: 1951, sex: null },
      '2026-05-04',
    );
    expect(summary.left).toEqual({ side: 'left', holdTimesS: [12, 30, 25], bestS: 30 });
    expect(summary.right.bestS).toBe(14);
    expect(summary.lsiPercent).toBeCloseTo((14 / 30) * 100, 10);
    expect(summary.weakerSide).toBe('right');
    expect(summary.norm.applies).toBe(true);
    expect(summary.sentence).toBe(
      'The right leg held for less: its best is 47 % of the left leg’s, under the 90 % usually taken as even, and the right leg is below the average for people aged 70-79 (21.5 s).',
    );
  });

  it('calls no leg weaker when the bests are within 90 %, and says so without a norm', () => {
    const summary = summarizeSession(
      full([20, 21, 19], [20.8, 18, 17]),
      { birthYear: null, sex: null },
      '2026-05-04',
    );
    expect(summary.weakerSide).toBeNull();
    expect(summary.norm.applies).toBe(false);
    expect(summary.sentence).toBe('Both legs held about as long (the shorter best is 99 % of the longer).');
  });

  it('says what is missing before both legs have a trial', () => {
    const summary = summarizeSession(
      run(startSession(DEFAULT_SETUP, 'alternate'), trial('left', 9)),
      null,
      '2026-05-04',
    );
    expect(summary.lsiPercent).toBeNull();
    expect(summary.sentence).toBe('Both legs need at least one trial to be compared.');
  });
});
