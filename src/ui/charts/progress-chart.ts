/**
 * A measure over time, one colour per leg: every trial a point, the best of each session the
 * line (src/core/compare.ts progressSeries), dates on the x axis; for hold time the Springer
 * 2007 age-group norm as a grey band behind (cited in the caption, progress-view.ts), and each
 * leg's minimal detectable change as an outlined band around its first value (mdc-band.ts).
 */
import type { Chart, Plugin, TooltipItem } from 'chart.js';
import { mdcBandPlugin, type MdcBands } from './mdc-band';
import { chartJs, COLOURS } from './register';
import { lazily } from '../lazily';

/** A point of the chart; `describe` words its tooltip title, asked only when one is shown. */
export interface TimedValue {
  /** Epoch ms. */
  x: number;
  y: number;
  /** The trial it is (a point of a trial). */
  trialId?: string;
  /** The session it stands for (a point of a line): its local date and trials. */
  session?: { date: string; trials: number };
}

export interface NormBandStep {
  fromMs: number;
  lowS: number;
  highS: number;
}

export interface ProgressChartData {
  /** e.g. "Hold time" */
  label: string;
  unit: string;
  left: { points: TimedValue[]; line: TimedValue[] };
  right: { points: TimedValue[]; line: TimedValue[] };
  /** What the line is: "best of session" or "mean of session". */
  lineLabel: string;
  /** The norm band and the short name written on it, or null. */
  norm: { steps: NormBandStep[]; label: string } | null;
  /** Each leg's first value ± MDC95, where a published MDC applies. */
  mdc: MdcBands;
  /** Fixed y range (hold time: 0 to the cap), or null to fit the data from 0. */
  yMax: number | null;
  format(value: number): string;
  /** The tooltip title of a point: a trial's date and time, a session's day and trials. */
  describe(point: TimedValue): string;
}

const dayTick = lazily(
  () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: '2-digit' }),
);

/** The thinnest band drawn, px: a norm of one value is a line, still visible. */
const MIN_BAND_PX = 8;

/** `label` is written on the band itself, so the chart names its source. */
function normPlugin(steps: readonly NormBandStep[], label: string): Plugin<'line'> {
  return {
    id: 'storkNormBand',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales['x'];
      const y = scales['y'];
      if (x === undefined || y === undefined) return;
      ctx.save();
      steps.forEach((step, k) => {
        const next = steps[k + 1];
        const left = k === 0 ? chartArea.left : Math.max(chartArea.left, x.getPixelForValue(step.fromMs));
        const right = next ? Math.min(chartArea.right, x.getPixelForValue(next.fromMs)) : chartArea.right;
        const top = y.getPixelForValue(step.highS);
        const bottom = y.getPixelForValue(step.lowS);
        const middle = (top + bottom) / 2;
        const height = Math.max(MIN_BAND_PX, bottom - top);
        ctx.fillStyle = COLOURS.norm;
        ctx.fillRect(left, middle - height / 2, right - left, height);
        ctx.strokeStyle = '#555';
        ctx.lineWidth = 1.5;
        ctx.setLineDash([3, 3]);
        ctx.beginPath();
        ctx.moveTo(left, middle);
        ctx.lineTo(right, middle);
        ctx.stroke();
        if (k === 0) {
          ctx.fillStyle = '#333';
          ctx.font = '12px system-ui, sans-serif';
          ctx.textBaseline = 'bottom';
          ctx.fillText(label, left + 4, middle - height / 2 - 2);
        }
      });
      ctx.restore();
    },
  };
}

export function progressChart(canvas: HTMLCanvasElement, data: ProgressChartData): Chart<'line'> {
  const Chart = chartJs();
  const all = [...data.left.points, ...data.right.points];
  const minX = Math.min(...all.map((p) => p.x));
  const maxX = Math.max(...all.map((p) => p.x));
  // A day's margin either side, so the first and last points are not on the frame.
  const padMs = Math.max(86_400_000, (maxX - minX) * 0.04);
  const side = (
    name: 'Left' | 'Right',
    colour: string,
    values: ProgressChartData['left'],
    dash: number[],
  ) => [
    {
      label: `${name} leg, ${data.lineLabel}`,
      data: values.line,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2.5,
      borderDash: dash,
      pointRadius: 0,
      pointHitRadius: 0,
      // The legend draws a line for the line.
      pointStyle: 'line' as const,
    },
    {
      label: `${name} leg, each trial`,
      data: values.points,
      showLine: false,
      borderColor: colour,
      backgroundColor: colour,
      pointStyle: name === 'Left' ? ('circle' as const) : ('triangle' as const),
      // Filled, not outlined: half the drawing of thousands of points (the size Chart.js drew
      // them: radius plus half its default 1 px border; hit radius its default 1 px beyond).
      pointRadius: (values.points.length > 300 ? 2 : 4) + 0.5,
      pointBorderWidth: 0,
      pointHitRadius: 0.5,
      pointHoverRadius: 6,
      // A hold time at the cap sits on the frame: draw the whole point.
      clip: false as const,
    },
  ];
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        ...side('Left', COLOURS.left, data.left, []),
        ...side('Right', COLOURS.right, data.right, [7, 4]),
      ],
    },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: {
          type: 'linear',
          min: minX - padMs,
          max: maxX + padMs,
          ticks: { maxTicksLimit: 4, callback: (value) => dayTick().format(new Date(Number(value))) },
        },
        y: {
          type: 'linear',
          min: 0,
          ...(data.yMax === null ? {} : { max: data.yMax }),
          title: { display: true, text: `${data.label}, ${data.unit}`, font: { size: 14 } },
          ticks: { maxTicksLimit: 6 },
        },
      },
      plugins: {
        legend: { labels: { boxWidth: 14, font: { size: 13 }, usePointStyle: true } },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => {
              const point = items[0]?.raw as TimedValue | undefined;
              return point ? data.describe(point) : '';
            },
            label: (item: TooltipItem<'line'>) =>
              `${item.dataset.label ?? ''}: ${data.format((item.raw as TimedValue).y)}`,
          },
        },
      },
    },
    plugins: [
      ...(data.norm === null ? [] : [normPlugin(data.norm.steps, data.norm.label)]),
      mdcBandPlugin(data.mdc),
    ],
  });
}
