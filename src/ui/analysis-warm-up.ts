/**
 * Runs the analysis a few times on a small made-up recording while the person gets ready, so
 * the browser has compiled and optimised the analysis code before the trial ends: the first
 * end-of-trial analysis of a page costs several times more than later ones. Measured in
 * desktop headless Chromium on a busy two-core machine (20 s trials, scripts/bench-browser.ts
 * style): 23-52 ms without warm-up, 18-35 ms after one run, 6-16 ms after three.
 */
import { analyze } from '../core/analyze';
import type { MotionRecording } from '../core/types';

/** Runs: three brought the first real analysis close to the warm cost; one did not. */
const WARM_UP_RUNS = 3;
/** Between runs, ms: each run is one short pause of the page instead of one long one. */
const WARM_UP_SPACING_MS = 600;

/** Long enough for every metric, spectral ones included (SPEC section 4: 10 s). */
const WARM_UP_S = 12;
const WARM_UP_RATE_HZ = 60;

let warmed = false;

/** A phone upright on the chest swaying gently at 0.5 and 0.8 Hz. */
function swayingPhone(): MotionRecording {
  const n = WARM_UP_S * WARM_UP_RATE_HZ;
  const tS = new Float64Array(n);
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  const az = new Float64Array(n);
  const gyro = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const t = k / WARM_UP_RATE_HZ;
    tS[k] = t;
    ax[k] = 0.3 * Math.sin(2 * Math.PI * 0.8 * t);
    ay[k] = 9.8;
    az[k] = 0.2 + 0.3 * Math.sin(2 * Math.PI * 0.5 * t);
    gyro[k] = Math.cos(2 * Math.PI * 0.5 * t);
  }
  return { kind: 'motion', tS, ax, ay, az, gx: gyro, gy: gyro, gz: gyro };
}

function analyzeOnce(): void {
  try {
    analyze(swayingPhone());
  } catch {
    // a warm-up that fails costs nothing; the real analysis reports its own errors
  }
}

/**
 * Once per page, starting `delayMs` from now: the results are thrown away, only the compiled
 * code stays. Call it when nothing is measured (the countdown).
 */
export function scheduleAnalysisWarmUp(delayMs: number): void {
  if (warmed) return;
  warmed = true;
  for (let k = 0; k < WARM_UP_RUNS; k++) window.setTimeout(analyzeOnce, delayMs + k * WARM_UP_SPACING_MS);
}
