/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The service worker (made by vite-plugin-pwa's generateSW at build time, vite.config.ts): it
 * precaches every file of the app, so after one visit the page opens and runs a trial with no
 * network. A new version installs in the background and then waits; `updateWaiting$` says so,
 * and `reloadWithUpdate()` lets it take over and reloads the page (workbox-window, through the
 * plugin's `virtual:pwa-register`).
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import { registerSW } from 'virtual:pwa-register';

export interface AppUpdates {
  /** True once a new version is installed and waits for the page to reload. */
  readonly updateWaiting$: Observable<boolean>;
  /** Activates the waiting version; the page reloads when it has taken over. */
  reloadWithUpdate(): Promise<void>;
}

/**
 * Registers the service worker after the page has loaded (workbox-window waits for `load`, so
 * the first visit's own files come first). Without service workers (an http:// address other
 * than localhost, some embedded browsers) nothing is registered and no update is ever offered.
 */
export function registerAppUpdates(win: Window): AppUpdates {
  const updateWaiting = new BehaviorSubject(false);
  if (!('serviceWorker' in win.navigator)) {
    return { updateWaiting$: updateWaiting.asObservable(), reloadWithUpdate: () => Promise.resolve() };
  }
  const update = registerSW({
    onNeedRefresh: () => updateWaiting.next(true),
    // Offline use is a bonus on top of the page: a failed registration must not stop a test.
    onRegisterError: (error: unknown) => console.warn('Stork: offline use unavailable:', error),
  });
  return { updateWaiting$: updateWaiting.asObservable(), reloadWithUpdate: () => update(true) };
}
