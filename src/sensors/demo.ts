/**
 * The demo source: a bundled recording replayed as if a sensor delivered it, through exactly
 * the same pipeline as the phone's DeviceMotion (the trial cannot tell the two apart, apart
 * from the `source` label the caller gives it).
 */
import { asyncScheduler, Observable, take, type SchedulerLike, type Subscription } from 'rxjs';
import type { MotionRecording, Series } from '../core/types';
import type { MotionSample } from '../session/types';

export interface DemoOptions {
  /** Playback speed: 1 = real time, 4 = four times faster. @default 1 */
  speed?: number;
  /**
   * Seconds of silence before the recording's first sample (scheduler time, not divided by
   * the speed), when no `start$` is given. @default 0
   */
  leadInS?: number;
  /**
   * The trial's "go": the recording's first row is due when this first emits, and every later
   * row (t - t0) / speed after that instant. Nothing plays before it (`leadInS` is not used).
   * Give it so that the recording's t = 0 falls on the trial's actual "go", whatever the
   * countdown timer's lateness: see `demoMotion$`.
   */
  start$?: Observable<unknown>;
  /** Where time comes from (virtual time in tests). @default asyncScheduler */
  scheduler?: SchedulerLike;
}

/** Demo speeds offered on the page. */
export const DEMO_SPEEDS = [1, 2, 4, 8] as const;

const valueAt = (column: Series | undefined, k: number): number => {
  const value = column?.[k];
  return value !== undefined && Number.isFinite(value) ? value : NaN;
};

/** Row k of a recording as a MotionSample on the recording's own time axis; `acceleration` (lx..lz) is not recorded: NaN. */
export function sampleFromRecording(recording: MotionRecording, k: number): MotionSample {
  return {
    tS: valueAt(recording.tS, k),
    ax: valueAt(recording.ax, k),
    ay: valueAt(recording.ay, k),
    az: valueAt(recording.az, k),
    gx: valueAt(recording.gx, k),
    gy: valueAt(recording.gy, k),
    gz: valueAt(recording.gz, k),
    lx: NaN,
    ly: NaN,
    lz: NaN,
  };
}

/**
 * The scheduler time (ms) at which each row is due when the first is due at `zeroMs`:
 * zeroMs + (t[k] - t0) / speed, to whole microseconds (so float noise in t - t0, 12.01 - 12 =
 * 0.00999..., does not shift a row); a row without a time is due with the one before it.
 */
export function demoDueTimesMs(recording: MotionRecording, speed: number, zeroMs: number): Float64Array {
  const rows = recording.tS.length;
  const due = new Float64Array(rows);
  let firstS = NaN;
  for (let k = 0; k < rows && !Number.isFinite(firstS); k++) firstS = valueAt(recording.tS, k);
  let last = zeroMs;
  for (let k = 0; k < rows; k++) {
    const t = valueAt(recording.tS, k);
    if (Number.isFinite(t)) last = zeroMs + Math.round(((t - firstS) * 1e6) / speed) / 1000;
    due[k] = last;
  }
  return due;
}

/**
 * Replays `recording` with its own sample times: row k carries tS = t[k], the recording's own
 * time, at any speed and however late the timers fire, so the trial stores the recording's time
 * axis (one constant apart, fixed at its first row). Row k is due (t[k] - t0) / speed after the
 * replay's zero: the first emission of `start$` (the trial's "go"), or `leadInS` after
 * subscription without it. Completes after the last row.
 *
 * Why `start$`: the trial places its samples on its own axis from when the first one after "go"
 * arrives (src/session/trial-run.ts). With a fixed lead-in, the replay's zero and the trial's
 * "go" are two timers (and the replay starts only once the recording is read): when the replay
 * started late its first row came that much after "go", and when "go" came late the rows due
 * before it arrived in the countdown and were not kept; either shifted the stored times, at
 * high speeds by the lateness times the speed (8 ms late at 8x: 64 ms of the recording).
 * Counting from the actual "go" leaves one shift: how late the first row's timer fires after
 * it (real milliseconds, not multiplied by the speed).
 *
 * Timers in browsers fire late and no more often than every few ms, so each wake-up emits
 * every row that is due by then, in order, and sleeps until the next one: at high speeds rows
 * arrive in small bursts, none is skipped, and the schedule never drifts (each due time is
 * counted from the zero, not from the previous wake-up). Every wake-up is scheduled through
 * `scheduler.schedule` itself, so a scheduler whose timers fire late delays each of them.
 *
 * Throws RangeError for a speed that is not a positive number, or a negative lead-in.
 */
export function demoMotion$(recording: MotionRecording, options: DemoOptions = {}): Observable<MotionSample> {
  const speed = options.speed ?? 1;
  const leadInS = options.leadInS ?? 0;
  const scheduler = options.scheduler ?? asyncScheduler;
  if (!(Number.isFinite(speed) && speed > 0))
    throw new RangeError(`demo speed must be a positive number (${speed})`);
  if (!(Number.isFinite(leadInS) && leadInS >= 0))
    throw new RangeError(`demo lead-in must be 0 s or more (${leadInS})`);
  const rows = recording.tS.length;

  return new Observable<MotionSample>((subscriber) => {
    if (rows === 0) {
      subscriber.complete();
      return undefined;
    }
    let wakeUp: Subscription | undefined;
    let next = 0;
    let due: Float64Array = new Float64Array(0);
    const replay = (): void => {
      const nowMs = scheduler.now();
      while (next < rows && (due[next] as number) <= nowMs && !subscriber.closed) {
        subscriber.next(sampleFromRecording(recording, next));
        next++;
      }
      if (next >= rows) subscriber.complete();
      else if (!subscriber.closed)
        wakeUp = scheduler.schedule(replay, Math.max(0, (due[next] as number) - nowMs));
    };
    const startAt = (zeroMs: number): void => {
      due = demoDueTimesMs(recording, speed, zeroMs);
      wakeUp = scheduler.schedule(replay, Math.max(0, (due[0] as number) - scheduler.now()));
    };
    let started: Subscription | undefined;
    if (options.start$ === undefined) startAt(scheduler.now() + leadInS * 1000);
    else started = options.start$.pipe(take(1)).subscribe(() => startAt(scheduler.now()));
    return () => {
      started?.unsubscribe();
      wakeUp?.unsubscribe();
    };
  });
}
