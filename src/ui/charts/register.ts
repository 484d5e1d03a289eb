/**
 * The one place that registers Chart.js components: only what Stork's charts use, so the rest
 * of Chart.js stays out of the bundle.
 */
import {
  Chart,
  Decimation,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  ScatterController,
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
} as const;
