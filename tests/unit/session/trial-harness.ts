/**
 * Helpers for running trials in virtual time: an upright phone's samples, scripted detectors,
 * recording cues, and a label per state for marble strings.
 */
import { distinctUntilChanged, interval, map, NEVER, type Observable, type SchedulerLike } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { expect } from 'vitest';
import type { TouchdownDetector } from '../../../src/core/detect/touchdown';
import type { TrialCues } from '../../../src/sensors/cues';
import type { TrialDeps, TrialState } from '../../../src/session/trial';
import type { EndReason, MotionSample, TrialRecord, TrialSetup } from '../../../src/session/types';

export const setupWithCap = (capS: TrialSetup['capS']): TrialSetup => ({
  stanceSide: 'right',
  eyes: 'open',
  surface: 'firm',
  placement: 'chest',
  capS,
});

export const testScheduler = (): TestScheduler =>
  new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/**
 * An upright phone on the chest at time `tS`: y carries gravity, x and z a small sway, the gyro
 * a small rate. `sign` -1 gives iOS WebKit's readings (SPEC section 2).
 */
export function uprightSample(tS: number, sign: 1 | -1 = 1): MotionSample {
  const sway = Math.sin(2 * Math.PI * 0.5 * tS);
  return {
    tS,
    ax: sign * 0.2 * sway,
    ay: sign * 9.8,
    az: sign * (0.5 + 0.1 * sway),
    gx: 1.5 * sway,
    gy: 0.3,
    gz: -0.2,
    lx: sign * 0.2 * sway,
    ly: 0,
    lz: sign * 0.1 * sway,
  };
}

/**
 * Samples every `periodMs` from subscription, stamped with the scheduler's clock in seconds (as
 * `event.timeStamp / 1000` is the page's performance clock), first one at `periodMs`.
 */
export function steadySamples$(
  scheduler: SchedulerLike,
  periodMs = 20,
  sign: 1 | -1 = 1,
): Observable<MotionSample> {
  return interval(periodMs, scheduler).pipe(map(() => uprightSample(scheduler.now() / 1000, sign)));
}

/** Cues that log what was announced, with the virtual time. */
export function recordingCues(scheduler: SchedulerLike): TrialCues & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    countdown: (secondsLeft) => log.push(`${scheduler.now()}: ${secondsLeft}`),
    go: () => log.push(`${scheduler.now()}: go`),
    end: (reason: EndReason) => log.push(`${scheduler.now()}: end ${reason}`),
  };
}

/** A detector that confirms `touchdownS` once it is fed a sample at or after `confirmAtS`. */
export function scriptedDetector(touchdownS: number, confirmAtS: number): TouchdownDetector {
  let found: number | null = null;
  let seen = 0;
  return {
    push(tS: number): number | null {
      seen++;
      if (found === null && tS >= confirmAtS) {
        found = touchdownS;
        return found;
      }
      return null;
    },
    get touchdownS() {
      return found;
    },
    get samplesSeen() {
      return seen;
    },
  };
}

/** A detector that never confirms anything. */
export const quietDetector = (): TouchdownDetector => scriptedDetector(NaN, Infinity);

/** Deps with nothing happening beyond `motion$`; override what a test needs. */
export function depsWith(
  scheduler: SchedulerLike,
  overrides: Partial<TrialDeps> & Pick<TrialDeps, 'motion$'>,
): TrialDeps {
  return {
    visibility$: NEVER,
    cues: { countdown: () => undefined, go: () => undefined, end: () => undefined },
    wakeLock$: NEVER,
    stop$: NEVER,
    source: 'sensor',
    scheduler,
    now: () => new Date(Date.UTC(2026, 2, 5, 13, 7, 9, 250)),
    createDetector: quietDetector,
    ...overrides,
  };
}

/** One letter per state for marble strings: 5..1 countdown, g = running (only its first), then c/t/s/h/q = ended by reason. */
const END_LETTER: Record<EndReason, string> = {
  completed: 'c',
  touchdown: 't',
  stopped: 's',
  hidden: 'h',
  'sensor-silent': 'q',
};
export function phaseLetters(states$: Observable<TrialState>): Observable<string> {
  return states$.pipe(
    map((state) =>
      state.phase === 'countdown'
        ? String(state.secondsLeft)
        : state.phase === 'running'
          ? 'g'
          : END_LETTER[state.record.endReason],
    ),
    distinctUntilChanged(),
  );
}

/** The record of the last state (which must be 'ended'). */
export function recordOf(states: readonly TrialState[]): TrialRecord {
  const last = states.at(-1);
  if (last?.phase !== 'ended')
    throw new Error(`the trial did not end (last phase: ${last?.phase ?? 'none'})`);
  return last.record;
}
