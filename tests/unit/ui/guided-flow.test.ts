import { BehaviorSubject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { addTrial, nextTrial, startSession, type Side } from '../../../src/session/protocol';
import { DEFAULT_SETUP, type EndReason } from '../../../src/session/types';
import type { PersonRecord } from '../../../src/storage';
import { createGuidedFlow, type GuidedActions } from '../../../src/ui/guided-flow';
import {
  GUIDED_SESSION_KEY,
  loadGuided,
  loadOrder,
  nextStepLabel,
  parseGuided,
  saveGuided,
  saveOrder,
  sessionPlanLine,
  trialCountLine,
  type GuidedState,
} from '../../../src/ui/guided-session';
import type { HistoryAccess } from '../../../src/ui/history-access';
import { memoryStore, throwingStore } from '../helpers/memory-store';
import { sessionTrial } from '../helpers/session-trial';

const trial = sessionTrial;

/** A history whose current person can change; nothing else of it is read here. */
function historyOf(
  person: Partial<PersonRecord> | null,
): HistoryAccess & { choose(p: Partial<PersonRecord> | null): void } {
  const person$ = new BehaviorSubject(person as PersonRecord | null);
  return {
    person$,
    person: () => person$.value,
    choose: (next: Partial<PersonRecord> | null) => person$.next(next as PersonRecord | null),
  } as unknown as HistoryAccess & { choose(p: Partial<PersonRecord> | null): void };
}

const noActions: GuidedActions = { goOn: () => undefined, showSummary: () => undefined };

describe('the guided session’s words', () => {
  it('names the next trial, or the same one again when the last did not count', () => {
    let session = startSession(DEFAULT_SETUP, 'alternate');
    session = addTrial(session, trial('left', 12.1));
    const next = nextTrial(session);
    expect(next && nextStepLabel(next)).toBe('Next: right leg, trial 1 of 3');
    session = addTrial(session, trial('right', 3.2, 'hidden'));
    const again = nextTrial(session);
    expect(again && nextStepLabel(again)).toBe('Repeat: right leg, trial 1 of 3');
    expect(trialCountLine(session, 'left')).toBe('Left leg: trial 1 of 3');
  });

  it('says the plan of the session for each order', () => {
    expect(sessionPlanLine('left', 'alternate')).toBe('Best of 3 on each leg, legs in turn');
    expect(sessionPlanLine('right', 'one-leg-then-other')).toBe(
      'Best of 3 on each leg: 3 on the right leg, then 3 on the left leg',
    );
  });
});

describe('keeping the session for the tab', () => {
  const state: GuidedState = {
    personId: 'p1',
    date: '2026-12-07',
    session: addTrial(
      startSession({ ...DEFAULT_SETUP, capS: 10 }, 'one-leg-then-other'),
      trial('left', 8.25, 'touchdown', { capS: 10 }),
    ),
  };

  it('gives the session back for the same person on the same day only', () => {
    const store = memoryStore();
    saveGuided(store, state);
    expect(loadGuided(store, 'p1', '2026-12-07')).toEqual(state);
    expect(loadGuided(store, 'p2', '2026-12-07')).toBeNull();
    expect(loadGuided(store, 'p1', '2026-12-08')).toBeNull();
    saveGuided(store, null);
    expect(loadGuided(store, 'p1', '2026-12-07')).toBeNull();
  });

  it('reads a damaged entry as no session, never throws', () => {
    const good = JSON.stringify(state);
    const damaged = [
      '',
      'not json',
      'null',
      '[]',
      good.replace('"2026-12-07"', '"7 Dec"'),
      good.replace('"one-leg-then-other"', '"random"'),
      good.replace('8.25', '-1'),
      good.replace('"touchdown"', '"fell"'),
      good.replace('"interrupted":false', '"interrupted":"no"'),
      good.replace('"personId":"p1"', '"personId":7'),
      good.replace('"endReason":"touchdown"', '"endReason":"touchdown","setAside":"yes"'),
    ];
    expect(parseGuided(good)).toEqual(state);
    for (const text of damaged) expect(parseGuided(text), text).toBeNull();
    const throwing = throwingStore;
    expect(loadGuided(throwing, 'p1', '2026-12-07')).toBeNull();
    expect(() => saveGuided(throwing, state)).not.toThrow();
    expect(loadOrder(throwing)).toBe('alternate');
  });

  it('remembers the order of the legs chosen last', () => {
    const store = memoryStore();
    expect(loadOrder(store)).toBe('alternate');
    saveOrder(store, 'one-leg-then-other');
    expect(loadOrder(store)).toBe('one-leg-then-other');
  });
});

describe('the guided flow', () => {
  const day = (): Date => new Date(2026, 11, 7, 10, 0);

  it('leads through six trials in turn and then to the summary; an interrupted one is run again', () => {
    const store = memoryStore();
    const flow = createGuidedFlow({ tabStore: store, history: historyOf({ id: 'p1' }), now: day });
    flow.begin(DEFAULT_SETUP, 'alternate');
    const labels: string[] = [];
    const played: [Side, number, EndReason][] = [
      ['left', 10, 'completed'],
      ['right', 4.2, 'touchdown'],
      ['left', 2.1, 'hidden'],
      ['left', 10, 'completed'],
      ['right', 6, 'stopped'],
      ['left', 9.5, 'touchdown'],
      ['right', 10, 'completed'],
    ];
    for (const [side, holdTimeS, endReason] of played) {
      const record = trial(side, holdTimeS, endReason);
      flow.record(record, 'alternate');
      const steps = flow.stepsAfter(record, noActions);
      labels.push(
        `${steps.countLine ?? '-'} | ${steps.next.label} | ${steps.others.map((s) => s.label).join()}`,
      );
    }
    expect(labels).toEqual([
      'Left leg: trial 1 of 3 | Next: right leg, trial 1 of 3 | End the session here',
      'Right leg: trial 1 of 3 | Next: left leg, trial 2 of 3 | Repeat this trial instead,End the session here',
      '- | Repeat: left leg, trial 2 of 3 | End the session here',
      'Left leg: trial 2 of 3 | Next: right leg, trial 2 of 3 | End the session here',
      'Right leg: trial 2 of 3 | Next: left leg, trial 3 of 3 | Repeat this trial instead,End the session here',
      'Left leg: trial 3 of 3 | Next: right leg, trial 3 of 3 | Repeat this trial instead,End the session here',
      'Right leg: trial 3 of 3 | See the session summary | ',
    ]);
    // Kept for the tab: a reload finds the same session with its seven trials.
    const kept = parseGuided(store.entries.get(GUIDED_SESSION_KEY) ?? null);
    expect(kept?.session.trials.map((t) => t.holdTimeS)).toEqual(played.map(([, s]) => s));
  });

  it('starts a session of its own for a trial under other conditions, and forgets another person’s', () => {
    const store = memoryStore();
    const history = historyOf({ id: 'p1' });
    const flow = createGuidedFlow({ tabStore: store, history, now: day });
    flow.begin(DEFAULT_SETUP, 'alternate');
    flow.record(trial('left', 10, 'completed'), 'alternate');
    const other = trial('right', 5, 'touchdown', { eyes: 'closed' });
    flow.record(other, 'alternate');
    // The eyes-closed trial is the first of its own session: its next is the left leg's first.
    expect(flow.stepsAfter(other, noActions).next.label).toBe('Next: left leg, trial 1 of 3');
    history.choose({ id: 'p2' });
    const first = trial('left', 7);
    expect(flow.stepsAfter(first, noActions).countLine).toBe('Left leg: trial 1 of 3');
    flow.record(first, 'alternate');
    expect(flow.stepsAfter(first, noActions).next.label).toBe('Next: right leg, trial 1 of 3');
  });

  it('runs a trial that ended early again when asked, and the first no longer counts', () => {
    const store = memoryStore();
    const flow = createGuidedFlow({ tabStore: store, history: historyOf({ id: 'p1' }), now: day });
    flow.begin(DEFAULT_SETUP, 'alternate');
    const early = trial('left', 0.6, 'touchdown');
    flow.record(early, 'alternate');
    const started: string[] = [];
    const steps = flow.stepsAfter(early, {
      goOn: (next) => started.push(nextStepLabel(next)),
      showSummary: () => undefined,
    });
    const again = steps.others.find((step) => step.label === 'Repeat this trial instead');
    expect(again).toBeDefined();
    again?.run();
    expect(started).toEqual(['Repeat: left leg, trial 1 of 3']);
    const second = trial('left', 12.5, 'touchdown');
    flow.record(second, 'alternate');
    expect(flow.stepsAfter(second, noActions).countLine).toBe('Left leg: trial 1 of 3');
    // Kept over a reload: the first trial set aside, the second the left leg's first.
    const kept = parseGuided(store.entries.get(GUIDED_SESSION_KEY) ?? null);
    expect(kept?.session.trials.map((t) => [t.holdTimeS, t.setAside ?? false])).toEqual([
      [0.6, true],
      [12.5, false],
    ]);
    // A trial held to the limit is the best there can be: nothing to repeat.
    const full = trial('right', 45, 'completed');
    flow.record(full, 'alternate');
    expect(flow.stepsAfter(full, noActions).others.map((step) => step.label)).toEqual([
      'End the session here',
    ]);
  });

  it('ends when asked: the next Start begins afresh', () => {
    const store = memoryStore();
    const flow = createGuidedFlow({ tabStore: store, history: historyOf({ id: 'p1' }), now: day });
    flow.begin(DEFAULT_SETUP, 'alternate');
    flow.record(trial('left', 10, 'completed'), 'alternate');
    flow.end();
    expect(loadGuided(store, 'p1', '2026-12-07')).toBeNull();
  });
});
