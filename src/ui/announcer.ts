/**
 * A polite live region that tells screen-reader users what phase the page is in. The phone is
 * against the body during the trial, so the sound cues (src/sensors/cues.ts) do the same job for
 * everyone else.
 */
import { h } from './dom';

export interface Announcer {
  element: HTMLElement;
  say(message: string): void;
}

export function announcer(): Announcer {
  const element = h('p', {
    className: 'visually-hidden',
    id: 'announcer',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  return {
    element,
    say(message) {
      // Clearing first makes the same words announced again (e.g. two trials in a row).
      element.textContent = '';
      window.setTimeout(() => (element.textContent = message), 50);
    },
  };
}
