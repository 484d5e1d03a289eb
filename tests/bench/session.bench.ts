/**
 * Main-thread cost of the live trial (targets: under 0.1 ms per devicemotion event, median
 * and 99th percentile, and under 20 ms for the end-of-trial analysis of a 45 s trial, in
 * desktop Chromium; B's scripts/bench-browser.ts measures the same there through `deps.measure`).
 *
 * Here in Node: a 45 s trial at 60 Hz (2700 events of a synthetic tilted, swaying phone)
 * dispatched by a fake window through deviceMotion$ into a running trial.
 * - "2700 events" times a whole trial: the dispatch (adapter + trial) of all its events, then
 *   Stop with the end-of-trial record and analysis.
 * - "end-of-trial" times the analysis of the finished trial's samples.
 * After the runs it prints the per-event median and 99th percentile, from the trial's own
 * meter (`deps.measure`) and from timing each dispatch, and the analysis median.
 *
 * Run: npm run bench -- tests/bench/session.bench.ts
 */
import { NEVER, Subject, VirtualAction, VirtualTimeScheduler, type Subscription } from 'rxjs';
import { quantile } from 'simple-statistics';
import { afterAll, bench, describe } from 'vitest';
import { analyze } from '../../src/core/analyze';
import type { MotionRecording } from '../../src/core/types';
import { silentCues } from '../../src/sensors/cues';
import { deviceMotion$, type MotionEventLike } from '../../src/sensors/motion';
import { createCostMeter, type CostMeter } from '../../src/session/measure';
import { recordingOf } from '../../src/session/trial-run';
import { runTrial, type TrialState } from '../../src/session/trial';
import type { TrialRecord } from '../../src/session/types';
import { FakeMotionWindow } from '../unit/sensors/fake-motion-window';
import { QUIET_STANCE, syntheticMotion } from '../unit/helpers/synthetic';

const TRIAL_S = 45;
const RATE_HZ = 60;

const recording: MotionRecording = syntheticMotion({ ...QUIET_STANCE, durationS: TRIAL_S, rateHz: RATE_HZ });

/** The trial's events as a browser would build them (gyro constant: the synthetic recording has none). */
const events: MotionEventLike[] = Array.from(recording.tS, (t, k) => ({
  timeStamp: 1000 + 1000 * t,
  accelerationIncludingGravity: { x: recording.ax[k]!, y: recording.ay[k]!, z: recording.az[k]! },
  acceleration: { x: 0, y: 0, z: 0 },
  rotationRate: { alpha: 0.5, beta: -0.3, gamma: 0.1 },
}));

interface RunningTrial {
  win: FakeMotionWindow;
  stop: Subject<void>;
  subscription: Subscription;
  last: () => TrialState | null;
}

/** A trial (cap 60 s) past "go": virtual time runs the 1 s countdown, then stands still. */
function runningTrial(meter: CostMeter): RunningTrial {
  const scheduler = new VirtualTimeScheduler(VirtualAction, 1000);
  const win = new FakeMotionWindow();
  const stop = new Subject<void>();
  let last: TrialState | null = null;
  const subscription = runTrial(
    { stanceSide: 'left', eyes: 'open', surface: 'firm', placement: 'chest', capS: 60 },
    {
      motion$: deviceMotion$(win),
      visibility$: NEVER,
      cues: silentCues,
      wakeLock$: NEVER,
      stop$: stop,
      source: 'sensor',
      scheduler,
      countdownS: 1,
      measure: meter,
    },
  ).subscribe((state) => (last = state));
  scheduler.flush();
  return { win, stop, subscription, last: () => last };
}

const meter = createCostMeter(TRIAL_S * RATE_HZ * 4);
const dispatchMs: number[] = [];
const analysisMs: number[] = [];
let finished: TrialRecord | null = null;

/** Runs one whole trial, timing each dispatch; returns the record. */
function wholeTrial(timeEach: boolean): TrialRecord {
  const trial = runningTrial(meter);
  const fire = (event: MotionEventLike) => trial.win.fire(event);
  for (const event of events) {
    if (timeEach) {
      const started = performance.now();
      fire(event);
      dispatchMs.push(performance.now() - started);
    } else {
      fire(event);
    }
  }
  trial.stop.next();
  trial.subscription.unsubscribe();
  const state = trial.last();
  if (state?.phase !== 'ended') throw new Error('the benchmark trial did not end');
  return state.record;
}

describe(`session: a ${TRIAL_S} s trial at ${RATE_HZ} Hz`, () => {
  bench(
    `${events.length} devicemotion events through deviceMotion$ and the running trial, then Stop`,
    () => {
      finished = wholeTrial(true);
    },
    { time: 2000 },
  );

  bench(
    'end-of-trial analysis of the trial (automatic window)',
    () => {
      const started = performance.now();
      analyze(recordingOf(finished!.samples));
      analysisMs.push(performance.now() - started);
    },
    {
      time: 2000,
      setup: () => {
        finished ??= wholeTrial(false);
      },
    },
  );
});

afterAll(() => {
  const summary = meter.summary();
  const fmt = (ms: number) => `${(ms * 1000).toFixed(2)} us`;
  console.log(
    [
      `per event, trial's own meter (deps.measure), last ${meter.eventCostsMs().length} of ${summary.events}: ` +
        `median ${fmt(summary.medianEventMs)}, p99 ${fmt(summary.p99EventMs)}`,
      `per event, whole dispatch (adapter + trial), ${dispatchMs.length} events: ` +
        `median ${fmt(quantile(dispatchMs, 0.5))}, p99 ${fmt(quantile(dispatchMs, 0.99))}`,
      `end-of-trial analysis, ${analysisMs.length} runs: median ${quantile(analysisMs, 0.5).toFixed(3)} ms, ` +
        `p99 ${quantile(analysisMs, 0.99).toFixed(3)} ms (in-trial, last: ${summary.analysisMs?.toFixed(3)} ms)`,
    ].join('\n'),
  );
});
