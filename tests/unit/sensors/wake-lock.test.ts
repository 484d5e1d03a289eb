import { describe, expect, it } from 'vitest';
import { holdWakeLock$, type WakeLockWindow } from '../../../src/sensors/wake-lock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A page with a wake-lock API that logs requests and releases. */
function fakePage(options: { refuse?: boolean } = {}) {
  const log: string[] = [];
  const listeners = new Set<() => void>();
  let requests = 0;
  const page = {
    log,
    navigator: {
      wakeLock: {
        request: (type: 'screen') => {
          const n = ++requests;
          log.push(`request ${type} ${n}`);
          if (options.refuse) return Promise.reject(new Error('NotAllowedError'));
          return Promise.resolve({ release: () => (log.push(`release ${n}`), Promise.resolve()) });
        },
      },
    },
    document: {
      visibilityState: 'visible',
      addEventListener: (_type: 'visibilitychange', listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: 'visibilitychange', listener: () => void) => listeners.delete(listener),
    },
    setVisibility(state: 'visible' | 'hidden') {
      page.document.visibilityState = state;
      listeners.forEach((listener) => listener());
    },
    get listeners() {
      return listeners.size;
    },
  };
  return page;
}

describe('holdWakeLock$', () => {
  it('requests the lock on subscribe, again when the page is visible again, and releases it on unsubscribe', async () => {
    const page = fakePage();
    const subscription = holdWakeLock$(page as WakeLockWindow).subscribe();
    await tick();
    page.setVisibility('hidden'); // the browser dropped the lock; no request while hidden
    page.setVisibility('visible');
    await tick();
    subscription.unsubscribe();
    await tick();
    expect(page.log).toEqual(['request screen 1', 'request screen 2', 'release 2']);
    expect(page.listeners).toBe(0);
  });

  it('releases a lock that is granted only after unsubscribing', async () => {
    const page = fakePage();
    holdWakeLock$(page as WakeLockWindow)
      .subscribe()
      .unsubscribe();
    await tick();
    expect(page.log).toEqual(['request screen 1', 'release 1']);
  });

  it('does nothing where the API is missing and stays quiet when the request is refused', async () => {
    const bare = fakePage();
    const noApi = { ...bare, navigator: {} } as WakeLockWindow;
    let failed = false;
    holdWakeLock$(noApi)
      .subscribe({ error: () => (failed = true) })
      .unsubscribe();
    const refusing = fakePage({ refuse: true });
    const subscription = holdWakeLock$(refusing as WakeLockWindow).subscribe({
      error: () => (failed = true),
    });
    await tick();
    subscription.unsubscribe();
    expect(failed).toBe(false);
    expect(refusing.log).toEqual(['request screen 1']);
  });
});
