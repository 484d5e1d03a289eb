/**
 * Chart.js is more than half of the page's code and nothing before the trial needs it, so the
 * charts load on demand: the set-up page asks for them once it is shown, and they are in place
 * well before the countdown ends.
 */
export type Charts = typeof import('./charts');

let charts: Promise<Charts> | null = null;

export function loadCharts(): Promise<Charts> {
  charts ??= import('./charts');
  return charts;
}
