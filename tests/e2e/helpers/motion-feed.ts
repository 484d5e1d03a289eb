/**
 * Plays a recording into Chromium's emulated sensors in real time: every few ms the override
 * is set to the recording's row at the current playback time, and Chromium's own ~60 Hz
 * sensor loop fires devicemotion with whatever the override reads then.
 */
import { readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import type { MotionRecording } from '../../../src/core/types';
import { readSamplesCsv } from '../../../src/formats/samples-csv';
import { setMotionReading, type MotionReading } from './browser';

/** Often enough that every 60 Hz sensor poll sees a fresh row. */
const FEED_PERIOD_MS = 8;

export function readRecording(path: string): MotionRecording {
  const trial = readSamplesCsv(readFileSync(path, 'utf8'))[0];
  if (trial === undefined) throw new Error(`${path}: no trial`);
  return trial.recording;
}

/** The row at or just before `tS`; before the first row, the first. */
export function rowAt(recording: MotionRecording, tS: number): MotionReading {
  const times = recording.tS;
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((times[mid] ?? Infinity) <= tS) lo = mid;
    else hi = mid - 1;
  }
  const at = (series: ArrayLike<number> | undefined): number => {
    const value = series?.[lo];
    return value !== undefined && Number.isFinite(value) ? value : 0;
  };
  return {
    ax: at(recording.ax),
    ay: at(recording.ay),
    az: at(recording.az),
    gx: at(recording.gx),
    gy: at(recording.gy),
    gz: at(recording.gz),
  };
}

/**
 * Playback time (s on the recording's axis) for `elapsedS` of wall time since the start:
 * from `startS`, and back and forth between the recording's ends when `bounce` is set (so a
 * short quiet recording can feed a long trial without a jump that looks like a jolt).
 */
export function playbackTime(
  recording: MotionRecording,
  startS: number,
  elapsedS: number,
  bounce: boolean,
): number {
  const firstS = recording.tS[0] ?? 0;
  const lastS = recording.tS[recording.tS.length - 1] ?? 0;
  const t = startS + elapsedS;
  if (!bounce || t <= lastS) return t;
  const span = lastS - firstS;
  const phase = (t - firstS) % (2 * span);
  return phase <= span ? firstS + phase : lastS - (phase - span);
}

export interface MotionFeed {
  /** Wall-clock ms (Date.now) when playback began at `startS`. */
  startedAtMs: number;
  /** Recording time now. */
  now(): number;
  stop(): Promise<void>;
}

export function feedRecording(
  cdp: CDPSession,
  recording: MotionRecording,
  options: { startS?: number; bounce?: boolean } = {},
): MotionFeed {
  const startS = options.startS ?? 0;
  const bounce = options.bounce ?? false;
  const startedAtMs = Date.now();
  const now = (): number => playbackTime(recording, startS, (Date.now() - startedAtMs) / 1000, bounce);
  let running = true;
  const loop = (async () => {
    while (running) {
      await setMotionReading(cdp, rowAt(recording, now())).catch(() => undefined);
      await new Promise((done) => setTimeout(done, FEED_PERIOD_MS));
    }
  })();
  return {
    startedAtMs,
    now,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}
