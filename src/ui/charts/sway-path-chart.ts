/**
 * The sway path of the analysed window as seen from above: ML across, AP up, with the 95 %
 * confidence ellipse (SPEC section 4). Both axes share one scale so the shape is true.
 */
import type { Chart } from 'chart.js';
import { ellipseOutline, type EllipseAxes } from './ellipse';
import { chartJs, COLOURS } from './register';

export interface SwayPath {
  ap: ArrayLike<number>;
  ml: ArrayLike<number>;
}

/** Rounds an axis limit up to 1, 1.5, 2, 3, 5 or 7.5 times a power of ten, so the end ticks read well. */
export function niceLimit(value: number): number {
  if (!(Number.isFinite(value) && value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 3, 5, 7.5, 10].find((candidate) => candidate * power >= value) ?? 10;
  return step * power;
}

/** `unit`: the signal's unit on the axes (a 2-D sway trial's); the phone's m/s² by default. */
export function swayPathChart(
  canvas: HTMLCanvasElement,
  path: SwayPath,
  axes: EllipseAxes,
  unit = 'm/s²',
): Chart {
  const Chart = chartJs();
  const points: { x: number; y: number }[] = [];
  let extent = axes.ellipseMajor;
  for (let k = 0; k < path.ap.length; k++) {
    const ap = path.ap[k] ?? 0;
    const ml = path.ml[k] ?? 0;
    points.push({ x: ml, y: ap });
    extent = Math.max(extent, Math.abs(ap), Math.abs(ml));
  }
  const limit = niceLimit(extent * 1.1);
  const axis = (title: string) => ({
    type: 'linear' as const,
    min: -limit,
    max: limit,
    title: { display: true, text: title, font: { size: 15 } },
    ticks: { maxTicksLimit: 5 },
  });
  return new Chart(canvas, {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: 'Sway path',
          data: points,
          showLine: true,
          borderColor: COLOURS.ap,
          borderWidth: 1,
          pointRadius: 0,
        },
        {
          label: '95 % ellipse',
          data: ellipseOutline(axes),
          showLine: true,
          borderColor: COLOURS.ellipse,
          borderWidth: 2.5,
          borderDash: [6, 4],
          pointRadius: 0,
        },
      ],
    },
    options: {
      animation: false,
      parsing: false,
      responsive: true,
      aspectRatio: 1,
      events: [],
      scales: { x: axis(`ML, ${unit} (right +)`), y: axis(`AP, ${unit} (forward +)`) },
      plugins: { legend: { labels: { boxHeight: 3, font: { size: 15 } } } },
    },
  });
}
