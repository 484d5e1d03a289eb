/**
 * "Update available — Reload": a bar at the top of the page, shown only when
 * `promptWhenNoTrial` allows it (./update-prompt.ts). It lives outside the screens, so it
 * stays while the person moves between set-up and results.
 */
import { h } from '../ui/dom';

export interface UpdateBanner {
  element: HTMLElement;
  show(visible: boolean): void;
}

export function updateBanner(onReload: () => void): UpdateBanner {
  const element = h(
    'aside',
    { className: 'update-banner', data: { banner: 'update' }, attrs: { 'aria-label': 'App update' } },
    h('p', { attrs: { role: 'status' } }, 'Update available'),
    h(
      'button',
      { className: 'primary', attrs: { type: 'button' }, on: { click: () => onReload() } },
      'Reload',
    ),
  );
  element.hidden = true;
  return {
    element,
    show(visible) {
      element.hidden = !visible;
    },
  };
}
