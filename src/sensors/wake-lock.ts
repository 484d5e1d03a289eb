/**
 * The screen wake lock for the length of a trial: a dimmed or locked screen would hide the
 * page, and a hidden page gets no motion events (W3C Device Orientation and Motion fires
 * them only while the document is visible).
 *
 * Screen Wake Lock API (https://w3c.github.io/screen-wake-lock/): the lock is released by the
 * browser whenever the page is hidden, and must be requested again once it is visible
 * (https://developer.mozilla.org/en-US/docs/Web/API/Screen_Wake_Lock_API#reacquiring_a_wake_lock).
 * `request` rejects when the page is not visible or a policy forbids it (battery saver);
 * that is not an error for a trial: it runs on, the screen may just dim.
 */
import { Observable } from 'rxjs';

interface WakeLockSentinelLike {
  release(): Promise<void>;
}

/** The parts of `window` used here; each may be missing. */
export interface WakeLockWindow {
  navigator: { wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinelLike> } };
  document: {
    visibilityState: string;
    addEventListener(type: 'visibilitychange', listener: () => void): void;
    removeEventListener(type: 'visibilitychange', listener: () => void): void;
  };
}

/**
 * Holds the screen wake lock while subscribed: requests it at once, requests it again each time
 * the page becomes visible, releases it on unsubscribe. Never emits and never errors (where the
 * API is missing or refuses, it holds nothing).
 */
export function holdWakeLock$(win: WakeLockWindow = window as unknown as WakeLockWindow): Observable<never> {
  return new Observable<never>(() => {
    const api = win.navigator.wakeLock;
    if (!api) return undefined;
    let sentinel: WakeLockSentinelLike | null = null;
    let held = true;
    const acquire = (): void => {
      if (win.document.visibilityState !== 'visible') return;
      api.request('screen').then(
        (lock) => {
          if (held) sentinel = lock;
          else void lock.release().catch(() => undefined);
        },
        () => undefined,
      );
    };
    const onVisibility = (): void => acquire();
    win.document.addEventListener('visibilitychange', onVisibility);
    acquire();
    return () => {
      held = false;
      win.document.removeEventListener('visibilitychange', onVisibility);
      void sentinel?.release().catch(() => undefined);
      sentinel = null;
    };
  });
}
