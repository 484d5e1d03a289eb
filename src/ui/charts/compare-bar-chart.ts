/**
 * Left vs right for one measure: a grouped bar chart, the best and the mean of each leg side
 * by side (SPEC section 6). The numbers are also in the table beside it (compare-view.ts).
 */
import type { Chart } from 'chart.js';
import { chartJs, COLOURS } from './register';

export interface SideBars {
  best: number | null;
  mean: number | null;
}

export interface CompareBars {
  label: string;
  unit: string;
  left: SideBars;
  right: SideBars;
  /** Formats a value with its unit for the tooltip. */
  format(value: number): string;
}

export function compareBarChart(canvas: HTMLCanvasElement, bars: CompareBars): Chart<'bar'> {
  const Chart = chartJs();
  const values = (side: SideBars): (number | null)[] => [side.best, side.mean];
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: ['Best', 'Mean'],
      datasets: [
        {
          label: 'Left leg',
          data: values(bars.left),
          backgroundColor: COLOURS.left,
          borderColor: COLOURS.left,
          borderWidth: 2,
        },
        {
          label: 'Right leg',
          data: values(bars.right),
          // Hatched look without a pattern: a light fill with a strong outline, so the legs
          // differ in more than colour.
          backgroundColor: 'rgba(213, 94, 0, 0.35)',
          borderColor: COLOURS.right,
          borderWidth: 2,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { type: 'category', ticks: { font: { size: 14 } } },
        y: {
          type: 'linear',
          beginAtZero: true,
          title: { display: true, text: bars.unit, font: { size: 14 } },
          ticks: { maxTicksLimit: 5 },
        },
      },
      plugins: {
        legend: { labels: { boxWidth: 14, font: { size: 14 } } },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ''}: ${typeof item.raw === 'number' ? bars.format(item.raw) : '–'}`,
          },
        },
      },
    },
  });
}
