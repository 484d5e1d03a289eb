/**
 * A short message at the bottom of the screen with one action, e.g. "Trial deleted · Undo".
 * It stays UNDO_TOAST_MS, and longer while a finger, the mouse or the keyboard focus is on it,
 * so there is time to read it and reach the button (WCAG 2.2.1, timing adjustable).
 */
import { h, replaceChildren } from './dom';

/** Long enough to read a short line and reach the button on a phone (Material asks 4-10 s). */
export const UNDO_TOAST_MS = 10_000;

export interface ToastAction {
  label: string;
  run(): void;
}

export interface Toast {
  element: HTMLElement;
  /** Shows the message (replacing one on screen); `onGone` runs when it goes without its action. */
  show(message: string, action?: ToastAction, onGone?: () => void): void;
  hide(): void;
}

export function toast(durationMs: number = UNDO_TOAST_MS): Toast {
  const element = h('div', { className: 'toast', attrs: { role: 'status', 'aria-live': 'polite' } });
  element.hidden = true;
  let timer: number | null = null;
  let held = 0;
  let gone: (() => void) | null = null;

  const clearTimer = (): void => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
  };
  const startTimer = (): void => {
    clearTimer();
    timer = window.setTimeout(() => dismiss(true), durationMs);
  };
  function dismiss(runGone: boolean): void {
    clearTimer();
    element.hidden = true;
    replaceChildren(element);
    const callback = gone;
    gone = null;
    if (runGone) callback?.();
  }
  const hold = (): void => {
    held++;
    clearTimer();
  };
  const release = (): void => {
    held = Math.max(0, held - 1);
    if (held === 0 && !element.hidden) startTimer();
  };
  element.addEventListener('pointerenter', hold);
  element.addEventListener('pointerleave', release);
  element.addEventListener('focusin', hold);
  element.addEventListener('focusout', release);

  return {
    element,
    show(message, action, onGone) {
      if (!element.hidden) dismiss(true);
      gone = onGone ?? null;
      held = 0;
      replaceChildren(
        element,
        h('span', { className: 'toast-text' }, message),
        action
          ? h(
              'button',
              {
                className: 'toast-action',
                attrs: { type: 'button' },
                on: {
                  click: () => {
                    dismiss(false);
                    action.run();
                  },
                },
              },
              action.label,
            )
          : null,
      );
      element.hidden = false;
      startTimer();
    },
    hide() {
      dismiss(true);
    },
  };
}
