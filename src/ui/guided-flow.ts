/**
 * The guided session on the test page, between the protocol's rules (src/session/protocol.ts)
 * and the screens: which session is under way for whom today (kept for the tab,
 * guided-session.ts), what comes after each trial, the set-up's "under way" box and the
 * summary screen. The test flow (test-flow.ts) decides when to show them.
 */
import { isoWithOffset } from '../session/local-time';
import {
  addTrial,
  countedTrials,
  counts,
  endedEarly,
  nextTrial,
  repeatLast,
  startSession,
  TRIALS_PER_LEG,
  type NextTrial,
  type SessionOrder,
} from '../session/protocol';
import { summarizeSession } from '../session/session-summary';
import type { TrialRecord, TrialSetup } from '../session/types';
import { h } from './dom';
import {
  loadGuided,
  localDate,
  nextStepLabel,
  saveGuided,
  trialCountLine,
  type GuidedState,
} from './guided-session';
import type { HistoryAccess } from './history-access';
import type { ResultStep, ResultSteps } from './result-view';
import { sessionSummaryView } from './session-summary-view';
import type { KeyValueStore } from './setup-prefs';

export interface GuidedFlowOptions {
  /** sessionStorage (null: memory only). */
  tabStore: KeyValueStore | null;
  history: HistoryAccess | null;
  /** The clock, for the session's day. */
  now?: () => Date;
}

/** What the flow does when a button of the session is pressed. */
export interface GuidedActions {
  /** Runs the session's next trial (its leg and conditions set). */
  goOn(next: NextTrial): void;
  /** Shows the session's summary. */
  showSummary(): void;
}

export interface GuidedFlow {
  /** A new session: Start on the set-up page. */
  begin(setup: TrialSetup, order: SessionOrder): void;
  /** Adds a finished trial to the session under way (or one of its own, see below). */
  record(trial: TrialRecord, order: SessionOrder): void;
  /** The result page's way on after `trial`. */
  stepsAfter(trial: TrialRecord, actions: GuidedActions): ResultSteps;
  /** The set-up page's box for a session under way, or null when there is none to go on with. */
  underWay(actions: GuidedActions): HTMLElement | null;
  /** The summary screen of the session under way (null: none), with the sentence to announce. */
  summary(actions: {
    onNewSession(): void;
    onCompare?: () => void;
  }): { element: HTMLElement; sentence: string } | null;
  /** Ends the session: a new one begins at the next Start. */
  end(): void;
}

export function createGuidedFlow(options: GuidedFlowOptions): GuidedFlow {
  const { tabStore, history } = options;
  const now = options.now ?? (() => new Date());
  let state: GuidedState | null = null;
  const today = (): string => localDate(isoWithOffset(now()));
  const personId = (): string | null => history?.person()?.id ?? null;

  /** The session under way for the current person today, if any (also after a reload). */
  function current(): GuidedState | null {
    const id = personId();
    if (state !== null && state.personId === id && state.date === today()) return state;
    state = loadGuided(tabStore, id, today());
    return state;
  }

  function keep(next: GuidedState | null): void {
    state = next;
    saveGuided(tabStore, next);
  }

  function begin(setup: TrialSetup, order: SessionOrder): void {
    keep({ personId: personId(), date: today(), session: startSession(setup, order) });
  }

  return {
    begin,
    record(trial, order) {
      const under = current();
      const session = under === null ? null : addTrial(under.session, trial);
      // A trial under other conditions than the session's (or with none under way) begins a
      // session of its own: its trials are never mixed with another condition's.
      if (under !== null && session !== null && session !== under.session) keep({ ...under, session });
      else
        keep({
          personId: personId(),
          date: today(),
          session: addTrial(startSession(trial.setup, order), trial),
        });
    },
    stepsAfter(trial, actions) {
      const under = current();
      const session = under?.session ?? addTrial(startSession(trial.setup, 'alternate'), trial);
      const next = nextTrial(session);
      const summary: ResultStep = { label: 'See the session summary', run: () => actions.showSummary() };
      const last = session.trials[session.trials.length - 1];
      // The tester may run a trial that ended early again when it was not a fair attempt.
      const again: ResultStep | null =
        under !== null && last?.id === trial.id && counts(last) && endedEarly(last)
          ? {
              label: 'Repeat this trial instead',
              run: () => {
                const aside = repeatLast(under.session);
                keep({ ...under, session: aside });
                const same = nextTrial(aside);
                if (same !== null) actions.goOn(same);
              },
            }
          : null;
      const end: ResultStep | null =
        next !== null && countedTrials(session) > 0
          ? { label: 'End the session here', run: () => actions.showSummary() }
          : null;
      return {
        countLine: counts(trial) ? trialCountLine(session, trial.setup.stanceSide) : null,
        next: next === null ? summary : { label: nextStepLabel(next), run: () => actions.goOn(next) },
        others: [again, end].filter((step): step is ResultStep => step !== null),
      };
    },
    underWay(actions) {
      const under = current();
      const next = under === null ? null : nextTrial(under.session);
      if (under === null || next === null || countedTrials(under.session) === 0) return null;
      return h(
        'div',
        { className: 'session-under-way', data: { field: 'session-under-way' } },
        h(
          'p',
          {},
          `A session is under way: ${countedTrials(under.session)} of ${2 * TRIALS_PER_LEG} trials done. Go on with it, or press Start for a new session.`,
        ),
        h(
          'button',
          { className: 'primary', attrs: { type: 'button' }, on: { click: () => actions.goOn(next) } },
          nextStepLabel(next),
        ),
      );
    },
    summary(actions) {
      const under = current();
      if (under === null) return null;
      const person = history?.person() ?? null;
      const summary = summarizeSession(under.session, person, under.date);
      const element = sessionSummaryView({
        session: under.session,
        summary,
        personName: person?.name ?? null,
        onNewSession: actions.onNewSession,
        ...(actions.onCompare === undefined ? {} : { onCompare: actions.onCompare }),
      });
      return { element, sentence: summary.sentence };
    },
    end() {
      keep(null);
    },
  };
}
