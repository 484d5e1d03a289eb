/**
 * The test page's guided session (the protocol's rules are in src/session/protocol.ts): whose
 * session it is and on which day, kept for the tab so that a reload (an update of the app, a
 * phone that drops the page) does not lose the count, and the words of the next step.
 *
 * The session lives in sessionStorage, not localStorage: it is this visit's work. It is
 * continued only for the same person on the same day; a session of yesterday, or of someone
 * else, is never carried on.
 */
import {
  countedOnLeg,
  TRIALS_PER_LEG,
  type GuidedSession,
  type NextTrial,
  type SessionOrder,
  type SessionTrial,
  type Side,
} from '../session/protocol';
import { DEFAULT_SETUP, type EndReason } from '../session/types';
import { STANCE_SIDE_LABELS } from './labels';
import { parseSetup, type KeyValueStore } from './setup-prefs';

/** Versioned like the set-up preferences: a later change of shape ignores old entries. */
export const GUIDED_SESSION_KEY = 'stork.guided.v1';
/** The order of the legs last chosen, remembered between visits (localStorage). */
export const SESSION_ORDER_KEY = 'stork.order.v1';

/** Alternating is the default: neither leg tires first, and no leg waits long for its turn. */
export const DEFAULT_ORDER: SessionOrder = 'alternate';

export const ORDER_LABELS: Record<SessionOrder, string> = {
  alternate: 'Legs in turn',
  'one-leg-then-other': 'Three on one leg, then the other',
};

export interface GuidedState {
  /** Who is tested (null: nobody chosen). */
  personId: string | null;
  /** The local day the session began, 'YYYY-MM-DD'. */
  date: string;
  session: GuidedSession;
}

const LEG: Record<Side, string> = { left: 'left leg', right: 'right leg' };
const END_REASONS: readonly EndReason[] = ['completed', 'touchdown', 'stopped', 'hidden', 'sensor-silent'];
const ORDERS: readonly SessionOrder[] = ['alternate', 'one-leg-then-other'];

/** The local date of a date-time written with its offset ("2026-03-05T14:07:09+01:00"). */
export const localDate = (isoWithOffset: string): string => isoWithOffset.slice(0, 10);

/** "Next: right leg, trial 2 of 3", or "Repeat: ..." when the last one did not count. */
export function nextStepLabel(next: NextTrial): string {
  return `${next.repeat ? 'Repeat' : 'Next'}: ${LEG[next.side]}, trial ${next.trialOfLeg} of ${TRIALS_PER_LEG}`;
}

/** "Left leg: trial 2 of 3": where a counted trial stands in the session. */
export function trialCountLine(session: GuidedSession, side: Side): string {
  const done = Math.min(countedOnLeg(session, side).length, TRIALS_PER_LEG);
  return `${STANCE_SIDE_LABELS[side]}: trial ${done} of ${TRIALS_PER_LEG}`;
}

/** The session's plan in one line, for the set-up: "Best of 3 on each leg, legs in turn". */
export function sessionPlanLine(first: Side, order: SessionOrder): string {
  const second: Side = first === 'left' ? 'right' : 'left';
  return order === 'alternate'
    ? `Best of ${TRIALS_PER_LEG} on each leg, legs in turn`
    : `Best of ${TRIALS_PER_LEG} on each leg: ${TRIALS_PER_LEG} on the ${LEG[first]}, then ${TRIALS_PER_LEG} on the ${LEG[second]}`;
}

function parseTrial(value: unknown): SessionTrial | null {
  if (value === null || typeof value !== 'object') return null;
  const trial = value as Record<string, unknown>;
  const { id, interrupted, holdTimeS, endReason } = trial;
  if (typeof id !== 'string' || typeof interrupted !== 'boolean') return null;
  if (typeof holdTimeS !== 'number' || !Number.isFinite(holdTimeS) || holdTimeS < 0) return null;
  if (!END_REASONS.includes(endReason as EndReason)) return null;
  const setAside = trial['setAside'];
  if (setAside !== undefined && setAside !== true) return null;
  return {
    id,
    interrupted,
    holdTimeS,
    endReason: endReason as EndReason,
    setup: parseSetup(JSON.stringify(trial['setup'] ?? null)),
    ...(setAside === true ? { setAside } : {}),
  };
}

/**
 * Reads a kept session; anything damaged gives null (a new session), never an error: the
 * trials themselves are in the history, only the count of this visit would be lost.
 */
export function parseGuided(json: string | null): GuidedState | null {
  try {
    const parsed: unknown = json === null ? null : JSON.parse(json);
    if (parsed === null || typeof parsed !== 'object') return null;
    const state = parsed as Record<string, unknown>;
    const session = state['session'] as Record<string, unknown> | null | undefined;
    const { personId, date } = state;
    if (personId !== null && typeof personId !== 'string') return null;
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
    if (session === null || typeof session !== 'object') return null;
    const order = session['order'];
    if (!ORDERS.includes(order as SessionOrder) || !Array.isArray(session['trials'])) return null;
    const trials = (session['trials'] as unknown[]).map(parseTrial);
    if (trials.some((trial) => trial === null)) return null;
    return {
      personId,
      date,
      session: {
        setup: parseSetup(JSON.stringify(session['setup'] ?? DEFAULT_SETUP)),
        order: order as SessionOrder,
        trials: trials as SessionTrial[],
      },
    };
  } catch {
    return null;
  }
}

/** The kept session if it is this person's and today's; else null. */
export function loadGuided(
  store: KeyValueStore | null,
  personId: string | null,
  today: string,
): GuidedState | null {
  let state: GuidedState | null;
  try {
    state = parseGuided(store?.getItem(GUIDED_SESSION_KEY) ?? null);
  } catch {
    return null;
  }
  return state !== null && state.personId === personId && state.date === today ? state : null;
}

/**
 * Keeps the session for the tab (null: the session is over); a store that refuses is ignored
 * (the count is a convenience, the trials are in the history).
 */
export function saveGuided(store: KeyValueStore | null, state: GuidedState | null): void {
  try {
    store?.setItem(GUIDED_SESSION_KEY, state === null ? '' : JSON.stringify(state));
  } catch {
    // the trials are saved in the history whatever happens here
  }
}

export function loadOrder(store: KeyValueStore | null): SessionOrder {
  try {
    const value = store?.getItem(SESSION_ORDER_KEY) ?? null;
    return ORDERS.includes(value as SessionOrder) ? (value as SessionOrder) : DEFAULT_ORDER;
  } catch {
    return DEFAULT_ORDER;
  }
}

export function saveOrder(store: KeyValueStore | null, order: SessionOrder): void {
  try {
    store?.setItem(SESSION_ORDER_KEY, order);
  } catch {
    // remembering is a convenience
  }
}
