/**
 * Labelled simulated recordings of the single-leg stance test: one seed gives one recording
 * and its truth. Pure and deterministic (seeded PRNG, no I/O), so tests can generate hundreds.
 */
import type { MotionRecording } from '../../src/core/types';
import { createBodyModel } from './body';
import { sampleBody } from './sampling';
import { randomScenario, type SimScenario, type TouchdownKind } from './scenario';

export interface SimulatedTrial {
  scenario: SimScenario;
  recording: MotionRecording;
  /** The true touch-down time, s, or null for a trial that reached the cap. */
  touchdownS: number | null;
  touchdownKind: TouchdownKind | null;
}

/** Simulate the recording described by `scenario`. */
export function simulateScenario(scenario: SimScenario): SimulatedTrial {
  const rows = sampleBody(scenario, createBodyModel(scenario));
  return {
    scenario,
    recording: { kind: 'motion', ...rows },
    touchdownS: scenario.touchdown ? scenario.touchdown.tS : null,
    touchdownKind: scenario.touchdown ? scenario.touchdown.kind : null,
  };
}

/** Simulate one trial from a seed: a touch-down (foot, step, hop, grab) or a completed trial. */
export function simulateTrial(seed: number, endsInTouchdown: boolean): SimulatedTrial {
  return simulateScenario(randomScenario(seed, endsInTouchdown));
}

/**
 * A labelled set: `count` trials from consecutive seeds starting at `firstSeed`; even seeds end
 * in a touch-down, odd seeds reach the cap.
 */
export function simulateSet(firstSeed: number, count: number): SimulatedTrial[] {
  const trials: SimulatedTrial[] = [];
  for (let seed = firstSeed; seed < firstSeed + count; seed++)
    trials.push(simulateTrial(seed, seed % 2 === 0));
  return trials;
}
