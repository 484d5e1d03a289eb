/**
 * The browser benchmark's hook (scripts/bench-browser.ts), switched on only when the page is
 * opened with `?bench`: main-thread cost of handling one motion event during a running trial,
 * and of the end-of-trial analysis, exposed on `window.__storkBench`.
 *
 * Two per-event figures: `session` is the trial's own handling of an event (the session's
 * meter, src/session/measure.ts: storing, sign, touch-down detector, live preview);
 * `pipeline` is everything the page does synchronously for one event after it is read, from
 * the motion Observable through the trial to the state the page receives.
 *
 * In a training session (scripts/bench-training-feedback.ts) also: the cost of steering the
 * feedback for one reading (the sway tracker, the mapping and the three scheduled audio
 * parameter changes), and the time from the devicemotion event's timeStamp to the moment its
 * parameter changes were scheduled.
 */
import { Observable } from 'rxjs';
import { analyze } from '../core/analyze';
import { createCostMeter, type CostMeter, type CostSummary } from '../session/measure';
import type { TrainingState } from '../session/training-session';
import type { TrialState } from '../session/trial';
import type { MotionSample, TrialRecord } from '../session/types';
import { trialRecording } from './result-series';

export interface BenchHook {
  /** Passed to the trial as `deps.measure`. */
  session: CostMeter;
  /** Times the whole synchronous handling of each event while the trial runs. */
  timeEvents(motion$: Observable<MotionSample>): Observable<MotionSample>;
  /** Follows the trial's phase (to time only running events) and keeps the last record. */
  observe(state: TrialState): void;
  /** As `observe`, for a training session: events are timed while a set runs. */
  observeTraining(state: TrainingState): void;
  /** The feedback adapter's hook (createAudioFeedback's onScheduled). */
  feedbackScheduled(): void;
  /** The session's hook (TrainingDeps.onFeedbackCost). */
  feedbackCost(ms: number): void;
}

export interface FeedbackBenchFigures {
  /** Per scheduled change: performance.now() then minus the devicemotion event's timeStamp, ms. */
  latencyMs: number[];
  /** Per reading: the cost of steering the feedback, ms. */
  costMs: number[];
}

export interface BenchReport {
  crossOriginIsolated: boolean;
  session: CostSummary;
  pipeline: CostSummary;
  lastRecord: { samples: number; holdTimeS: number; endReason: string } | null;
}

export interface StorkBenchWindow {
  __storkBench?: {
    report(): BenchReport;
    /** Runs the end-of-trial analysis of the last trial again `times` times; each cost, ms. */
    reanalyze(times: number): number[];
    /** Every kept per-event cost, ms, in order. */
    costs(): { session: number[]; pipeline: number[] };
    feedback(): FeedbackBenchFigures;
  };
}

export function installBenchHook(win: Window & StorkBenchWindow): BenchHook {
  const session = createCostMeter();
  const pipeline = createCostMeter();
  let running = false;
  let lastRecord: TrialRecord | null = null;
  const feedback: FeedbackBenchFigures = { latencyMs: [], costMs: [] };
  /**
   * The timeStamp of the devicemotion event being dispatched: a capture listener on the
   * window runs before the page's own listener (src/sensors/motion.ts), which steers the sound
   * synchronously in the same dispatch.
   */
  let eventStampMs = NaN;
  win.addEventListener('devicemotion', (event) => void (eventStampMs = event.timeStamp), { capture: true });
  win.__storkBench = {
    report: () => ({
      crossOriginIsolated: win.crossOriginIsolated,
      session: session.summary(),
      pipeline: pipeline.summary(),
      lastRecord: lastRecord && {
        samples: lastRecord.samples.tS.length,
        holdTimeS: lastRecord.holdTimeS,
        endReason: lastRecord.endReason,
      },
    }),
    costs: () => ({
      session: Array.from(session.eventCostsMs()),
      pipeline: Array.from(pipeline.eventCostsMs()),
    }),
    feedback: () => ({ latencyMs: [...feedback.latencyMs], costMs: [...feedback.costMs] }),
    reanalyze(times) {
      if (lastRecord === null) return [];
      const recording = trialRecording(lastRecord);
      const costs: number[] = [];
      for (let k = 0; k < times; k++) {
        const startedMs = performance.now();
        analyze(recording);
        costs.push(performance.now() - startedMs);
      }
      return costs;
    },
  };
  return {
    session,
    timeEvents: (motion$) =>
      new Observable<MotionSample>((subscriber) =>
        motion$.subscribe({
          next(sample) {
            if (!running) return subscriber.next(sample);
            const startedMs = performance.now();
            subscriber.next(sample);
            // The event that ends the trial pays for the analysis and the result page: left
            // out here as in the session's meter; the analysis is measured on its own.
            if (running) pipeline.recordEvent(performance.now() - startedMs);
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => subscriber.complete(),
        }),
      ),
    observe(state) {
      running = state.phase === 'running';
      if (state.phase === 'ended') lastRecord = state.record;
    },
    observeTraining(state) {
      running = state.phase === 'set' && state.trial.phase === 'running';
    },
    feedbackScheduled() {
      if (Number.isFinite(eventStampMs)) feedback.latencyMs.push(performance.now() - eventStampMs);
    },
    feedbackCost: (ms) => void feedback.costMs.push(ms),
  };
}
