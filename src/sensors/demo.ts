/**
 * The demo source: a bundled recording replayed as if a sensor delivered it, through exactly
 * the same pipeline as the phone's DeviceMotion (the trial cannot tell the two apart, apart
 * from the `source` label the caller gives it).
 */
import { asyncScheduler, Observable, type SchedulerLike } from 'rxjs';
import type { MotionRecording, Series } from '../core/types';
import type { MotionSample } from '../session/types';

export interface DemoOptions {
  /** Playback speed: 1 = real time, 4 = four times faster. @default 1 */
  speed?: number;
  /**
   * Seconds of silence before the recording's first sample (scheduler time, not divided by
   * the speed). Give the trial's countdown here so that the recording's t = 0 falls on "go":
   * a recording made from "go" has no countdown to play. @default 0
   */
  leadInS?: number;
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
 * Replays `recording` with its own sample times: row k is emitted `leadInS + (t[k] - t[0]) /
 * speed` seconds after subscription, carrying tS = t[k] (the recording's time, so the trial
 * stores the recording's own times at any speed). Completes after the last row.
 *
 * Timers in browsers fire late and no more often than every few ms, so each wake-up emits
 * every row that is due by then, in order, and sleeps until the next one: at high speeds rows
 * arrive in small bursts, none is skipped, and the schedule never drifts (each due time is
 * counted from the start, not from the previous wake-up). Rows with a non-finite time are
 * emitted together with the row before them.
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
  let firstS = NaN;
  for (let k = 0; k < rows && !Number.isFinite(firstS); k++) firstS = valueAt(recording.tS, k);

  return new Observable<MotionSample>((subscriber) => {
    const startMs = scheduler.now();
    /** Scheduler time (ms) at which row k is due; a row without a time is due with the one before it. */
    let lastDueMs = startMs + leadInS * 1000;
    const dueMs = (k: number): number => {
      const t = valueAt(recording.tS, k);
      // whole microseconds, so float noise in t - t0 (12.01 - 12 = 0.00999...) does not shift a row
      if (Number.isFinite(t))
        lastDueMs = startMs + leadInS * 1000 + Math.round(((t - firstS) * 1e6) / speed) / 1000;
      return lastDueMs;
    };
    let next = 0;
    let nextDueMs = rows > 0 ? dueMs(0) : 0;
    if (rows === 0) {
      subscriber.complete();
      return undefined;
    }
    return scheduler.schedule(
      function replay() {
        const nowMs = scheduler.now();
        while (next < rows && nextDueMs <= nowMs && !subscriber.closed) {
          subscriber.next(sampleFromRecording(recording, next));
          next++;
          if (next < rows) nextDueMs = dueMs(next);
        }
        if (next >= rows) subscriber.complete();
        else if (!subscriber.closed) this.schedule(undefined, Math.max(0, nextDueMs - nowMs));
      },
      Math.max(0, nextDueMs - startMs),
    );
  });
}
