/** The sample rate of imported samples, from their times (trial-import.ts, sway-import.ts). */

/** 1 / median interval of the sample times, Hz; NaN with fewer than two finite times. */
export function medianRateHz(tS: Float64Array): number {
  const steps: number[] = [];
  for (let i = 1; i < tS.length; i++) {
    const step = (tS[i] as number) - (tS[i - 1] as number);
    if (Number.isFinite(step) && step > 0) steps.push(step);
  }
  if (steps.length === 0) return NaN;
  steps.sort((a, b) => a - b);
  const middle = steps.length >> 1;
  const median =
    steps.length % 2 === 1
      ? (steps[middle] as number)
      : ((steps[middle - 1] as number) + (steps[middle] as number)) / 2;
  return 1 / median;
}
