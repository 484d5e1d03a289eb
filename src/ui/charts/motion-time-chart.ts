/**
 * AP and ML acceleration over the whole trial, with the analysed window shaded and the foot
 * touch-down marked (SPEC section 5: the window ends 0.5 s before the touch-down).
 */
import type { Chart, Plugin } from 'chart.js';
import { chartJs, COLOURS } from './register';

export interface MotionOverTime {
  tS: ArrayLike<number>;
  ap: ArrayLike<number>;
  ml: ArrayLike<number>;
}

export interface TimeMarks {
  window: { fromS: number; toS: number } | null;
  touchdownS: number | null;
}

function points(tS: ArrayLike<number>, values: ArrayLike<number>): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let k = 0; k < tS.length; k++) out.push({ x: tS[k] ?? 0, y: values[k] ?? 0 });
  return out;
}

/** Draws the shaded window under the lines and the touch-down line over them. */
function marksPlugin(marks: TimeMarks): Plugin<'line'> {
  return {
    id: 'storkTimeMarks',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales['x'];
      if (marks.window === null || x === undefined) return;
      const left = x.getPixelForValue(marks.window.fromS);
      const right = x.getPixelForValue(marks.window.toS);
      ctx.save();
      ctx.fillStyle = COLOURS.window;
      ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales['x'];
      if (marks.touchdownS === null || x === undefined) return;
      const at = x.getPixelForValue(marks.touchdownS);
      ctx.save();
      ctx.strokeStyle = COLOURS.touchdown;
      ctx.lineWidth = 3;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(at, chartArea.top);
      ctx.lineTo(at, chartArea.bottom);
      ctx.stroke();
      ctx.restore();
    },
  };
}

export function motionTimeChart(
  canvas: HTMLCanvasElement,
  motion: MotionOverTime,
  marks: TimeMarks,
  /** The signal's unit on the y axis (a 2-D sway trial's); the phone's m/s² by default. */
  unit = 'm/s²',
): Chart<'line'> {
  const Chart = chartJs();
  const lastS = motion.tS.length > 0 ? (motion.tS[motion.tS.length - 1] ?? 0) : 0;
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'AP',
          data: points(motion.tS, motion.ap),
          borderColor: COLOURS.ap,
          borderWidth: 1.5,
          pointRadius: 0,
        },
        {
          label: 'ML',
          data: points(motion.tS, motion.ml),
          borderColor: COLOURS.ml,
          borderWidth: 1.5,
          pointRadius: 0,
        },
      ],
    },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      aspectRatio: 1.25,
      events: [],
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: Math.max(lastS, 1),
          title: { display: true, text: 'Time since “go”, s', font: { size: 15 } },
        },
        y: {
          type: 'linear',
          title: { display: true, text: unit, font: { size: 15 } },
          ticks: { maxTicksLimit: 5 },
        },
      },
      plugins: {
        legend: { labels: { boxHeight: 3, font: { size: 15 } } },
        decimation: { enabled: true, algorithm: 'lttb', samples: 400 },
      },
    },
    plugins: [marksPlugin(marks)],
  });
}
