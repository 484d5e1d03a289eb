/**
 * The report's hold-time chart as geometry (pure), drawn by the page as SVG: readable in black
 * and white (left leg a solid line with circles, right leg a dashed line with triangles, the
 * norm a grey band, each leg's minimal detectable change an outlined band around its first
 * value), no animation, sharp at any print resolution.
 */
import type { Side } from '../core/compare';
import { formatDay } from '../ui/history-format';
import { periodDays, type Period } from './period';
import type { ProgressSection } from './report-types';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 200;
/** Room for the axes' labels, px of the view box. */
export const CHART_MARGIN = { left: 40, right: 12, top: 10, bottom: 24 } as const;

export interface ChartPoint {
  x: number;
  y: number;
  date: string;
  value: number;
}

export interface Band {
  y1: number;
  y2: number;
  lowS: number;
  highS: number;
}

export interface HoldTimeChart {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  legs: Record<Side, { points: ChartPoint[]; path: string }>;
  norm: Band | null;
  mdc: Record<Side, Band | null>;
}

const dayIndex = (date: string, period: Period): number =>
  periodDays({ fromDate: period.fromDate, toDate: date }) - 1;

/** Tick step on the y axis, s: about 5 ticks whatever the cap (10 s -> 2, 45 s -> 10). */
function yStep(capS: number): number {
  return [1, 2, 5, 10, 15, 20].find((step) => capS / step <= 6) ?? 20;
}

export function holdTimeChart(progress: ProgressSection, period: Period): HoldTimeChart {
  const plot = {
    x: CHART_MARGIN.left,
    y: CHART_MARGIN.top,
    width: CHART_WIDTH - CHART_MARGIN.left - CHART_MARGIN.right,
    height: CHART_HEIGHT - CHART_MARGIN.top - CHART_MARGIN.bottom,
  };
  const capS = progress.conditions.capS;
  const days = Math.max(1, periodDays(period) - 1);
  const xOf = (date: string) => plot.x + (dayIndex(date, period) / days) * plot.width;
  const clamp = (s: number) => Math.min(capS, Math.max(0, s));
  const yOf = (s: number) => plot.y + plot.height - (clamp(s) / capS) * plot.height;
  const round = (v: number) => Math.round(v * 10) / 10;
  const band = (lowS: number, highS: number): Band => ({
    y1: round(yOf(highS)),
    y2: round(yOf(lowS)),
    lowS: clamp(lowS),
    highS: clamp(highS),
  });
  const leg = (side: Side) => {
    const points = progress.legs[side].sessions.map((s) => ({
      x: round(xOf(s.date)),
      y: round(yOf(s.value)),
      date: s.date,
      value: s.value,
    }));
    const path = points.map((p, k) => `${k === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
    return { points, path };
  };
  const step = yStep(capS);
  const yTicks = [];
  for (let s = 0; s <= capS + 1e-9; s += step) yTicks.push({ y: round(yOf(s)), label: `${s}` });
  // Five dates across the period, the ends included.
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const offset = Math.round(f * days);
    const ms = Date.parse(`${period.fromDate}T00:00:00Z`) + offset * 86_400_000;
    const date = new Date(ms).toISOString().slice(0, 10);
    return { x: round(xOf(date)), label: formatDay(date).replace(/ \d{4}$/, '') };
  });
  const mdc = progress.mdc;
  const mdcBand = (side: Side): Band | null => {
    const first = progress.legs[side].first;
    return mdc.applies && first ? band(first.value - mdc.mdc95, first.value + mdc.mdc95) : null;
  };
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    plot,
    yTicks,
    xTicks: [...new Map(xTicks.map((t) => [t.label, t])).values()],
    legs: { left: leg('left'), right: leg('right') },
    norm: 'lowS' in progress.norm ? band(progress.norm.lowS, progress.norm.highS) : null,
    mdc: { left: mdcBand('left'), right: mdcBand('right') },
  };
}
