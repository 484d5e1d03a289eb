/**
 * The live sway trace on the running page: AP and ML acceleration over the last seconds, fed
 * from the session's ~10 Hz running updates. Chart.js without animation, parsing or
 * re-sorting, with decimation, so one update costs little on a phone.
 */
import type { Chart } from 'chart.js';
import { chartJs, COLOURS } from './register';

/** Seconds of trace visible at once: a few sway cycles (sway is mostly below 1 Hz). */
export const LIVE_TRACE_WINDOW_S = 10;

export interface LiveTraceChart {
  push(elapsedS: number, ap: number, ml: number): void;
  destroy(): void;
}

export function liveTraceChart(canvas: HTMLCanvasElement): LiveTraceChart {
  const Chart = chartJs();
  const ap: { x: number; y: number }[] = [];
  const ml: { x: number; y: number }[] = [];
  const chart: Chart<'line', { x: number; y: number }[]> = new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'AP', data: ap, borderColor: COLOURS.ap, borderWidth: 3, pointRadius: 0 },
        { label: 'ML', data: ml, borderColor: COLOURS.ml, borderWidth: 3, pointRadius: 0 },
      ],
    },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      // A coarse canvas is plenty for a glance at a trace, and a quarter of the pixels to paint.
      devicePixelRatio: 1,
      events: [],
      scales: {
        x: { type: 'linear', min: 0, max: LIVE_TRACE_WINDOW_S, display: false },
        y: { type: 'linear', suggestedMin: -1, suggestedMax: 1, ticks: { maxTicksLimit: 5 } },
      },
      plugins: {
        legend: { display: true, labels: { boxHeight: 3, font: { size: 16 } } },
        decimation: { enabled: true, algorithm: 'lttb', samples: 200 },
      },
    },
  });
  return {
    push(elapsedS, apValue, mlValue) {
      ap.push({ x: elapsedS, y: apValue });
      ml.push({ x: elapsedS, y: mlValue });
      const x = chart.options.scales?.['x'];
      if (x !== undefined) {
        x.min = Math.max(0, elapsedS - LIVE_TRACE_WINDOW_S);
        x.max = Math.max(LIVE_TRACE_WINDOW_S, elapsedS);
      }
      chart.update('none');
    },
    destroy() {
      chart.destroy();
    },
  };
}
