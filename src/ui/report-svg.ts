/**
 * The report's hold-time chart as SVG (src/report/report-chart.ts gives the geometry): vector,
 * so it prints sharp; strokes and shapes tell the legs apart, not colour; no animation.
 */
import type { Band, HoldTimeChart } from '../report/report-chart';

const NS = 'http://www.w3.org/2000/svg';

function el(
  tag: string,
  attrs: Record<string, string | number>,
  ...children: (SVGElement | string)[]
): SVGElement {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

function band(chart: HoldTimeChart, b: Band, className: string): SVGElement {
  return el('rect', {
    class: className,
    x: chart.plot.x,
    y: b.y1,
    width: chart.plot.width,
    height: Math.max(0.5, b.y2 - b.y1),
  });
}

const triangle = (x: number, y: number): string =>
  `M${x},${y - 4} L${x + 3.5},${y + 2.5} L${x - 3.5},${y + 2.5} Z`;

export function reportChartSvg(chart: HoldTimeChart): SVGElement {
  const { plot } = chart;
  const parts: SVGElement[] = [];
  const right = plot.x + plot.width;
  const label = (y: number, text: string): SVGElement =>
    el('text', { class: 'band-label', x: plot.x + plot.width * 0.1, y: Math.max(plot.y + 8, y - 2) }, text);
  if (chart.norm) {
    // One norm value is a line (a band of no height would not print); a range a band.
    parts.push(
      chart.norm.lowS === chart.norm.highS
        ? el('line', { class: 'norm-line', x1: plot.x, x2: right, y1: chart.norm.y1, y2: chart.norm.y1 })
        : band(chart, chart.norm, 'norm-band'),
      label(chart.norm.y1, 'norm'),
    );
  }
  for (const side of ['left', 'right'] as const) {
    const mdc = chart.mdc[side];
    if (!mdc) continue;
    parts.push(band(chart, mdc, `mdc-band mdc-${side}`), label(mdc.y1, `MDC ${side}`));
  }
  for (const tick of chart.yTicks) {
    parts.push(el('line', { class: 'grid', x1: plot.x, x2: plot.x + plot.width, y1: tick.y, y2: tick.y }));
    parts.push(el('text', { class: 'tick', x: plot.x - 4, y: tick.y + 3, 'text-anchor': 'end' }, tick.label));
  }
  chart.xTicks.forEach((tick, k) => {
    // The end dates are anchored inside the plot's width, so neither is cut off.
    const anchor = k === 0 ? 'start' : k === chart.xTicks.length - 1 ? 'end' : 'middle';
    parts.push(
      el(
        'text',
        { class: 'tick', x: tick.x, y: plot.y + plot.height + 14, 'text-anchor': anchor },
        tick.label,
      ),
    );
  });
  parts.push(
    el('text', { class: 'tick', x: 4, y: plot.y + 8 }, 's'),
    el('rect', { class: 'frame', x: plot.x, y: plot.y, width: plot.width, height: plot.height }),
  );
  const { left: leftLeg, right: rightLeg } = chart.legs;
  if (leftLeg.points.length > 1) parts.push(el('path', { class: 'leg-left', d: leftLeg.path }));
  if (rightLeg.points.length > 1) parts.push(el('path', { class: 'leg-right', d: rightLeg.path }));
  for (const p of leftLeg.points) parts.push(el('circle', { class: 'mark-left', cx: p.x, cy: p.y, r: 3 }));
  for (const p of rightLeg.points) parts.push(el('path', { class: 'mark-right', d: triangle(p.x, p.y) }));
  return el(
    'svg',
    {
      class: 'report-svg',
      viewBox: `0 0 ${chart.width} ${chart.height}`,
      role: 'img',
      'aria-label': 'Hold time of each leg over the period; the numbers are in the summary and the table',
    },
    ...parts,
  );
}
