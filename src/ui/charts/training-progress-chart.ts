/**
 * One measure of training over time (src/training/progress.ts): each set a point, each day's
 * mean a line; the sets with feedback in blue, solid, circles; the control sets without it in
 * vermillion, dashed, squares: told apart by line and shape as well as colour. In forced
 * colours (Windows high contrast) a canvas keeps its own colours, so the chart is drawn in the
 * system's text colour (CanvasText) instead, the two series still apart by dash and shape.
 */
import type { Chart, TooltipItem } from 'chart.js';
import type { DayMean, SetPoint, TrainingSeries } from '../../training/progress';
import { chartJs, COLOURS } from './register';
import { lazily } from '../lazily';

export interface TrainingChartData {
  series: TrainingSeries;
  /** e.g. "Hold time, s" */
  axisTitle: string;
  /** Fixed y range, or null to fit from 0. */
  yMax: number | null;
  format(value: number): string;
  /** A point's tooltip title. */
  describe(point: SetPoint | DayMean): string;
}

const dayTick = lazily(
  () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: '2-digit' }),
);

/** The system's text colour when forced colours are on (a canvas is not adjusted), else null. */
function forcedInk(canvas: HTMLCanvasElement): string | null {
  const view = canvas.ownerDocument.defaultView;
  if (!view?.matchMedia('(forced-colors: active)').matches) return null;
  return view.getComputedStyle(canvas).color || 'CanvasText';
}

export function trainingProgressChart(canvas: HTMLCanvasElement, data: TrainingChartData): Chart<'line'> {
  const Chart = chartJs();
  const ink = forcedInk(canvas);
  const on = ink ?? COLOURS.left;
  const off = ink ?? COLOURS.right;
  const { series } = data;
  const all = [...series.on.points, ...series.off.points].map((p) => p.timeMs);
  const minX = Math.min(...all);
  const maxX = Math.max(...all);
  const padMs = Math.max(86_400_000, (maxX - minX) * 0.04);
  const xy = (points: readonly (SetPoint | DayMean)[]) =>
    points.map((p) => ({ x: p.timeMs, y: 'mean' in p ? p.mean : p.value, source: p }));
  const pair = (
    name: string,
    colour: string,
    values: TrainingSeries['on'],
    dash: number[],
    shape: 'circle' | 'rect',
  ) => [
    {
      label: `${name}, mean of the day`,
      data: xy(values.days),
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2.5,
      borderDash: dash,
      pointRadius: 0,
      pointHitRadius: 0,
      pointStyle: 'line' as const,
    },
    {
      label: `${name}, each set`,
      data: xy(values.points),
      showLine: false,
      borderColor: colour,
      backgroundColor: colour,
      pointStyle: shape,
      pointRadius: 4.5,
      pointBorderWidth: 0,
      pointHoverRadius: 6,
      clip: false as const,
    },
  ];
  const text = ink ?? '#333';
  const grid = ink ?? 'rgba(0, 0, 0, 0.1)';
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        ...pair('Feedback on', on, series.on, [], 'circle'),
        ...pair('Feedback off', off, series.off, [7, 4], 'rect'),
      ],
    },
    options: {
      animation: false,
      parsing: false,
      responsive: true,
      maintainAspectRatio: false,
      color: text,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: {
          type: 'linear',
          min: minX - padMs,
          max: maxX + padMs,
          grid: { color: grid },
          ticks: {
            color: text,
            maxTicksLimit: 4,
            callback: (value) => dayTick().format(new Date(Number(value))),
          },
        },
        y: {
          type: 'linear',
          min: 0,
          ...(data.yMax === null ? {} : { max: data.yMax }),
          grid: { color: grid },
          title: { display: true, text: data.axisTitle, color: text, font: { size: 14 } },
          ticks: { color: text, maxTicksLimit: 6 },
        },
      },
      plugins: {
        legend: { labels: { color: text, boxWidth: 14, font: { size: 13 }, usePointStyle: true } },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => {
              const raw = items[0]?.raw as { source: SetPoint | DayMean } | undefined;
              return raw ? data.describe(raw.source) : '';
            },
            label: (item: TooltipItem<'line'>) =>
              `${item.dataset.label ?? ''}: ${data.format((item.raw as { y: number }).y)}`,
          },
        },
      },
    },
  });
}
