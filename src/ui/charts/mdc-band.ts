/**
 * The progress chart's minimal detectable change: per leg an outlined band of the first
 * session's value ± MDC95 (src/core/detectable-change.ts), from that session to the chart's
 * right edge. A later session inside its leg's band is within measurement error. Outlined in
 * the leg's colour, solid for the left leg and dashed for the right (as their lines), so the
 * bands are told apart without colour and do not hide the grey norm band.
 */
import type { Plugin } from 'chart.js';
import { COLOURS } from './register';

export interface MdcBand {
  /** The first session's time, epoch ms: where the band starts. */
  fromMs: number;
  lowS: number;
  highS: number;
}

export type MdcBands = Partial<Record<'left' | 'right', MdcBand>>;

const STYLE = {
  left: { colour: COLOURS.left, dash: [] as number[], label: 'MDC left' },
  right: { colour: COLOURS.right, dash: [7, 4], label: 'MDC right' },
} as const;

export function mdcBandPlugin(bands: MdcBands): Plugin<'line'> {
  return {
    id: 'storkMdcBand',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales['x'];
      const y = scales['y'];
      if (x === undefined || y === undefined) return;
      ctx.save();
      for (const side of ['left', 'right'] as const) {
        const band = bands[side];
        if (band === undefined) continue;
        const style = STYLE[side];
        const left = Math.max(chartArea.left, x.getPixelForValue(band.fromMs));
        const top = Math.max(chartArea.top, y.getPixelForValue(band.highS));
        const bottom = Math.min(chartArea.bottom, y.getPixelForValue(band.lowS));
        ctx.strokeStyle = style.colour;
        ctx.lineWidth = 1.5;
        ctx.setLineDash(style.dash);
        ctx.strokeRect(left, top, chartArea.right - left, bottom - top);
        ctx.fillStyle = style.colour;
        ctx.font = '12px system-ui, sans-serif';
        ctx.textBaseline = side === 'left' ? 'top' : 'bottom';
        ctx.fillText(style.label, left + 4, side === 'left' ? top + 2 : bottom - 2);
      }
      ctx.restore();
    },
  };
}
