/**
 * The one place that registers Chart.js components: only what Stork's charts use, so the rest
 * of Chart.js stays out of the bundle.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';

let registered = false;

/** Registers the components once and returns Chart. */
export function chartJs(): typeof Chart {
  if (!registered) {
    Chart.register(
      LineController,
      ScatterController,
      LineElement,
      PointElement,
      LinearScale,
      Legend,
      Decimation,
      // The history's left/right bars (compare-bar-chart.ts) and the progress chart's tooltips.
      BarController,
      BarElement,
      CategoryScale,
      Tooltip,
    );
    registered = true;
  }
  return Chart;
}

/** Okabe-Ito colours: told apart with the common colour-vision deficiencies. */
export const COLOURS = {
  ap: '#0072B2',
  ml: '#D55E00',
  ellipse: '#222222',
  window: 'rgba(0, 158, 115, 0.14)',
  touchdown: '#CC0000',
  /** The stance legs in the history's charts (Okabe-Ito blue and vermillion, as AP and ML). */
  left: '#0072B2',
  right: '#D55E00',
  norm: 'rgba(0, 0, 0, 0.13)',
} as const;
