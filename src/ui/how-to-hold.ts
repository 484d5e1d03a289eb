/**
 * A small drawing of the test position (SPEC section 1): standing on one leg, arms crossed over
 * the chest, the phone flat against the breastbone or in a belt at the lower back.
 */
import type { Placement, StanceSide } from '../session/types';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  return element;
}

/**
 * A front view of a person on the stance leg (the viewer's right for the person's left leg),
 * with the phone drawn on the chest, or dashed at the lower back (behind the body).
 */
export function howToHoldDrawing(placement: Placement, stanceSide: StanceSide, label: string): SVGSVGElement {
  const root = svg('svg', {
    viewBox: '0 0 120 200',
    class: 'how-to-drawing',
    role: 'img',
    'aria-label': label,
  });
  const line = { stroke: 'currentColor', 'stroke-width': 6, 'stroke-linecap': 'round', fill: 'none' };
  // Facing the viewer: the person's left leg is on the viewer's right.
  const stanceX = stanceSide === 'left' ? 72 : 48;
  const liftedX = stanceSide === 'left' ? 48 : 72;
  root.append(
    svg('circle', { cx: 60, cy: 24, r: 14, ...line }),
    svg('line', { x1: 60, y1: 40, x2: 60, y2: 112, ...line }),
    svg('line', { x1: 60, y1: 112, x2: stanceX, y2: 190, ...line }),
    svg('polyline', { points: `60,112 ${liftedX},150 ${liftedX + (stanceX - liftedX) * 0.4},176`, ...line }),
  );
  const phone =
    placement === 'chest'
      ? svg('rect', { x: 50, y: 50, width: 20, height: 34, rx: 3, class: 'how-to-phone' })
      : svg('rect', {
          x: 50,
          y: 86,
          width: 20,
          height: 30,
          rx: 3,
          class: 'how-to-phone how-to-phone-behind',
          'stroke-dasharray': '4 3',
        });
  root.append(phone);
  // Arms crossed over the chest (over the phone when it is there).
  root.append(
    svg('polyline', { points: '36,48 44,80 76,62', ...line }),
    svg('polyline', { points: '84,48 76,80 44,62', ...line }),
  );
  return root;
}
