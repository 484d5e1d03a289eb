/**
 * The trial's state machine (SPEC section 1), as a table: which input moves the trial from
 * which phase to which, and why it ended. Inputs a phase does not list are ignored (a live
 * tick before "go", a sample after the end...). The data-bearing work (storing samples,
 * detecting the touch-down) lives in ./trial-run.ts; the Observables that produce the inputs
 * in ./trial.ts.
 *
 *   countdown --go--> running --cap--> ended (completed)
 *       |                 |---touchdown--> ended (touchdown)
 *       |                 |---stop / source-ended--> ended (stopped)
 *       |                 |---hidden--> ended (hidden, interrupted)
 *       |                 '---silent--> ended (sensor-silent, interrupted)
 *       '---stop / hidden--> ended (before "go": interrupted, nothing measured)
 */
import type { EndReason } from './types';

export type TrialPhase = 'countdown' | 'running' | 'ended';

/**
 * What can happen: a countdown second, "go", a motion sample, a live-display tick, the cap
 * reached (by the clock or by a sample's time), a touch-down detected, the Stop button, the
 * page hidden, no sample for SENSOR_SILENCE_S, the motion source completed (the demo's
 * recording is over).
 */
export type TrialInputKind =
  | 'countdown-tick'
  | 'go'
  | 'sample'
  | 'live-tick'
  | 'cap'
  | 'touchdown'
  | 'stop'
  | 'hidden'
  | 'silent'
  | 'source-ended';

export type Transition = { to: 'countdown' | 'running' } | { to: 'ended'; reason: EndReason };

const stay = { to: 'countdown' } as const;
const run = { to: 'running' } as const;
const end = (reason: EndReason): Transition => ({ to: 'ended', reason });

const TABLE: Record<TrialPhase, Partial<Record<TrialInputKind, Transition>>> = {
  countdown: {
    'countdown-tick': stay,
    sample: stay, // collected for the sign decision and "down", not stored
    go: run,
    stop: end('stopped'),
    hidden: end('hidden'),
  },
  running: {
    sample: run,
    'live-tick': run,
    cap: end('completed'),
    touchdown: end('touchdown'),
    stop: end('stopped'),
    'source-ended': end('stopped'),
    hidden: end('hidden'),
    silent: end('sensor-silent'),
  },
  ended: {},
};

/** Where `input` takes a trial in `phase`, or null when the phase ignores it. */
export function transition(phase: TrialPhase, input: TrialInputKind): Transition | null {
  return TABLE[phase][input] ?? null;
}
