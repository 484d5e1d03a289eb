/**
 * The detector at the edges of touch-down detection (tests/sim/edge-scenarios.ts): gentle
 * touch-downs (peak jolts 0.5-2 m/s^2), touch-downs while the hands shift the phone, slow
 * shifts of weight (no touch-down), hops and grabs. Each scenario runs on two seed ranges:
 * the one the figures were first read on and a held-out one. The figures are printed per
 * scenario and written, with this command, into docs/analysis.md:
 *   nice npx vitest run --project unit tests/unit/detect/touchdown-edges.test.ts
 *
 * SPEC section 5's targets (at least 95 % found within 0.25 s, at most 5 % false) are met on
 * these ranges but for touch-downs while the hands shift the phone on the held-out one (94 %).
 * The floors below are the figures as measured, so that a change that loses ground fails
 * here; raise them when the detector gets better. (Before the gentle path,
 * src/core/detect/gentle.ts: gentle 0 % and 1 %, shift 56 % and 44 %, grab 89 % and 87 %.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EDGE_SCENARIOS,
  endsInTouchdown,
  simulateEdgeSet,
  type EdgeScenario,
} from '../../sim/edge-scenarios';
import { evaluateDetector, HIT_TOLERANCE_S, type DetectorFigures } from '../../sim/evaluate';

/** Trials per scenario and seed range. */
const TRIALS = 100;
const SEED_RANGES = { first: 5000, heldOut: 9000 } as const;

/**
 * Measured floors per scenario (the lower of the two seed ranges): share found within 0.25 s,
 * or for `weightShift` share without a detection. Measured: gentle 100 % and 97 %, shift 97 %
 * and 94 %, weightShift 100 % and 98 % (2 false), hop and grab 100 % on both.
 */
const MEASURED_FLOOR: Record<EdgeScenario, number> = {
  gentle: 0.97,
  shift: 0.94,
  weightShift: 0.98,
  hop: 1,
  grab: 1,
};

describe(`the detector on the edge scenarios, ${TRIALS} trials each`, () => {
  const figures = new Map<string, DetectorFigures>();

  beforeAll(() => {
    const lines: string[] = [];
    for (const kind of EDGE_SCENARIOS) {
      for (const [range, first] of Object.entries(SEED_RANGES)) {
        const f = evaluateDetector(simulateEdgeSet(kind, first, TRIALS));
        figures.set(`${kind}/${range}`, f);
        const seeds = `seeds ${first}-${first + TRIALS - 1}`;
        lines.push(
          endsInTouchdown(kind)
            ? `${kind} (${seeds}): found within ${HIT_TOLERANCE_S} s ${(100 * f.detectionRate).toFixed(0)} %`
            : `${kind} (${seeds}): false detections ${(100 * f.falsePositiveRate).toFixed(0)} %`,
        );
      }
    }
    console.log(lines.join('\n'));
    // 1,000 simulated trials: about 5 s on an idle machine, several times that on a loaded one.
  }, 120_000);

  for (const kind of EDGE_SCENARIOS) {
    const floor = MEASURED_FLOOR[kind];
    it(`${kind}: no worse than measured (${(100 * floor).toFixed(0)} %) on both seed ranges`, () => {
      for (const range of Object.keys(SEED_RANGES)) {
        const f = figures.get(`${kind}/${range}`)!;
        const share = endsInTouchdown(kind) ? f.detectionRate : 1 - f.falsePositiveRate;
        expect(share, range).toBeGreaterThanOrEqual(floor);
      }
    });
  }

  it('never fires more than 0.25 s before a touch-down (a miss is a late or no detection)', () => {
    for (const [key, f] of figures) {
      for (const o of f.outcomes) {
        if (o.touchdownS !== null && o.detectedS !== null)
          expect(o.detectedS - o.touchdownS, `${key} seed ${o.seed}`).toBeGreaterThanOrEqual(
            -HIT_TOLERANCE_S,
          );
      }
    }
  });

  it('confirms what it finds within 0.5 s of the true moment (SPEC section 5)', () => {
    for (const [key, f] of figures)
      if (f.touchdownTrials > 0 && f.detectionRate > 0) expect(f.latencyMaxS, key).toBeLessThanOrEqual(0.5);
  });
});
