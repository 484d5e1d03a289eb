/**
 * Key-value stores for the settings' tests (src/ui/setup-prefs.ts KeyValueStore, the part of
 * Web Storage the page uses): one in memory whose entries a test can read, and one that refuses
 * everything as private browsing or a full disk does.
 */
import type { KeyValueStore } from '../../../src/ui/setup-prefs';

export function memoryStore(): KeyValueStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
  };
}

export const throwingStore: KeyValueStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};
