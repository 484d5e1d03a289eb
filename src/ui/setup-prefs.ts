/**
 * Remembers the last set-up choices. The key-value store is handed in by the composition root
 * (localStorage in the browser), so this file holds only the rules of what is kept.
 */
import { DEFAULT_SETUP, DURATION_CAPS_S, type DurationCapS, type TrialSetup } from '../session/types';

/** The part of the Web Storage interface used here. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Versioned, so a later change of the set-up's shape can ignore old entries. */
export const SETUP_PREFS_KEY = 'stork.setup.v1';

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * Reads a stored set-up. Unknown or missing fields fall back to the defaults one by one, so a
 * damaged entry never blocks the page.
 */
export function parseSetup(json: string | null): TrialSetup {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = json === null ? null : JSON.parse(json);
    if (parsed !== null && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    // not JSON: use the defaults
  }
  return {
    stanceSide: pick(stored['stanceSide'], ['left', 'right'], DEFAULT_SETUP.stanceSide),
    eyes: pick(stored['eyes'], ['open', 'closed'], DEFAULT_SETUP.eyes),
    surface: pick(stored['surface'], ['firm', 'foam'], DEFAULT_SETUP.surface),
    placement: pick(stored['placement'], ['chest', 'lumbar'], DEFAULT_SETUP.placement),
    capS: (DURATION_CAPS_S as readonly unknown[]).includes(stored['capS'])
      ? (stored['capS'] as DurationCapS)
      : DEFAULT_SETUP.capS,
  };
}

/** The last set-up, or the defaults; a store that throws (private browsing) gives the defaults. */
export function loadSetup(store: KeyValueStore | null): TrialSetup {
  try {
    return parseSetup(store?.getItem(SETUP_PREFS_KEY) ?? null);
  } catch {
    return { ...DEFAULT_SETUP };
  }
}

/** Stores the set-up; a store that refuses (quota, private browsing) is ignored. */
export function saveSetup(store: KeyValueStore | null, setup: TrialSetup): void {
  try {
    store?.setItem(SETUP_PREFS_KEY, JSON.stringify(setup));
  } catch {
    // remembering is a convenience, never a reason to fail the test
  }
}
