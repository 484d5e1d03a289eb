/**
 * The edges of touch-down detection, one labelled scenario at a time (issue "gentle
 * touch-downs"): each draws a whole trial from `randomScenario` (sway, placement, lift-off,
 * harmless disturbances, sampling) and then makes its ending, from a second generator seeded
 * from the same seed, so a seed gives the same trial everywhere:
 *
 * - `gentle`: the free foot is put down softly: a vertical jolt of 0.5-2 m/s^2 (under the
 *   detector's 2 m/s^2 jolt floor) over 0.06-0.2 s (a soft landing spreads the same change of
 *   momentum over a longer time), then two feet carry the body: the sway drive drops to
 *   0.15-0.5 of single-leg stance and the stance stiffens (as after any foot touch-down here);
 * - `shift`: a foot touch-down (jolt 0.5-9 m/s^2, log-uniform, so gentle ones are common)
 *   while the hands turn the phone by 2-12 deg over 0.5-1.5 s (the arms move as balance is
 *   lost); the touch-down falls anywhere inside that movement;
 * - `weightShift`: a completed trial with 1-3 slow shifts of weight over the stance foot: the
 *   trunk leans by 1-4 deg over 1-3 s and the sway settles or grows (drive x 0.5-1.3), with
 *   no touch-down: the detector must not fire;
 * - `hop`, `grab`: the hop and grab endings of the random set (scenario.ts), as their own set.
 */
import { createPrng } from './prng';
import { randomScenario, randomTouchdownOfKind, type Disturbance, type SimScenario } from './scenario';
import { simulateScenario, type SimulatedTrial } from './simulate';

export const EDGE_SCENARIOS = ['gentle', 'shift', 'weightShift', 'hop', 'grab'] as const;
export type EdgeScenario = (typeof EDGE_SCENARIOS)[number];

/** Whether a scenario ends in a touch-down (all but `weightShift`). */
export const endsInTouchdown = (kind: EdgeScenario): boolean => kind !== 'weightShift';

/** Seed of the ending's generator: apart from the seeds randomScenario and body.ts use (seed * 7 + 0..3). */
const endingSeed = (seed: number): number => seed * 7 + 5;

export function edgeScenario(seed: number, kind: EdgeScenario): SimScenario {
  const base = randomScenario(seed, endsInTouchdown(kind));
  const rng = createPrng(endingSeed(seed));
  if (kind === 'weightShift') {
    const liftEndS = base.liftOff.startS + base.liftOff.durationS;
    const disturbances: Disturbance[] = [...base.disturbances];
    const count = 1 + Math.floor(rng.uniform(0, 3));
    for (let i = 0; i < count; i++) {
      const durationS = rng.uniform(1, 3);
      disturbances.push({
        kind: 'weightShift',
        startS: rng.uniform(liftEndS + 0.5, base.durationS - durationS - 0.5),
        durationS,
        leanDeg: rng.uniform(1, 4),
        directionRad: rng.uniform(0, 2 * Math.PI),
        swayGain: rng.uniform(0.5, 1.3),
      });
    }
    return { ...base, disturbances };
  }
  const tS = base.touchdown!.tS;
  if (kind === 'hop' || kind === 'grab') return { ...base, touchdown: randomTouchdownOfKind(rng, tS, kind) };
  const touchdown = randomTouchdownOfKind(rng, tS, 'foot');
  const jolt = touchdown.pulses[0]!;
  const verticalMs2 =
    kind === 'gentle' ? rng.uniform(0.5, 2) : Math.exp(rng.uniform(Math.log(0.5), Math.log(9)));
  jolt.horizontalMs2 *= verticalMs2 / jolt.verticalMs2;
  jolt.verticalMs2 = verticalMs2;
  if (kind === 'gentle') jolt.durationS = rng.uniform(0.06, 0.2);
  const disturbances = [...base.disturbances];
  if (kind === 'shift') {
    const durationS = rng.uniform(0.5, 1.5);
    const axis = [rng.normal(), rng.normal(), rng.normal()];
    const norm = Math.hypot(...axis) || 1;
    disturbances.push({
      kind: 'arm',
      startS: Math.max(0, tS - rng.uniform(0, 1) * durationS),
      durationS,
      angleDeg: rng.uniform(2, 12),
      axis: axis.map((v) => v / norm) as [number, number, number],
      returns: rng.chance(0.5),
    });
  }
  return { ...base, touchdown, disturbances };
}

/** `count` trials of one scenario from consecutive seeds starting at `firstSeed`. */
export function simulateEdgeSet(kind: EdgeScenario, firstSeed: number, count: number): SimulatedTrial[] {
  const trials: SimulatedTrial[] = [];
  for (let seed = firstSeed; seed < firstSeed + count; seed++)
    trials.push(simulateScenario(edgeScenario(seed, kind)));
  return trials;
}
