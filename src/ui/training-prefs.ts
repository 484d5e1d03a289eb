/**
 * Remembers each person's home programme (src/training/programme.ts) and the last training
 * session's settings, in the key-value store the composition root hands in (localStorage), as
 * the set-up preferences do (setup-prefs.ts).
 *
 * One entry per person (PROGRAMME_KEY_PREFIX + the person's id): a damaged entry costs only
 * that person's programme, which then reads as DEFAULT_PROGRAMME, and nothing else is touched
 * or rewritten until the person saves a new plan.
 */
import { DEFAULT_SESSION, type SessionSettings } from '../training/plan';
import { DEFAULT_PROGRAMME, parseProgramme, type HomeProgramme } from '../training/programme';
import type { KeyValueStore } from './setup-prefs';

/** Versioned like the set-up (setup-prefs.ts); the person's id follows. */
export const PROGRAMME_KEY_PREFIX = 'stork.training.programme.v1.';
/** The last session's settings, for the next visit's form. */
export const SESSION_PREFS_KEY = 'stork.training.session.v1';

export const programmeKey = (personId: string): string => `${PROGRAMME_KEY_PREFIX}${personId}`;

export interface StoredProgramme {
  programme: HomeProgramme;
  /**
   * True when a plan was saved for the person (even one that is now damaged and reads as the
   * default): the Test page shows "Today's plan" only then.
   */
  saved: boolean;
}

/** The person's programme; DEFAULT_PROGRAMME when none is stored, the store throws or the entry is damaged. */
export function loadProgramme(store: KeyValueStore | null, personId: string): StoredProgramme {
  try {
    const json = store?.getItem(programmeKey(personId)) ?? null;
    return { programme: parseProgramme(json), saved: json !== null };
  } catch {
    return { programme: DEFAULT_PROGRAMME, saved: false };
  }
}

/** Stores the person's programme; false when the store refuses (quota, private browsing). */
export function saveProgramme(
  store: KeyValueStore | null,
  personId: string,
  programme: HomeProgramme,
): boolean {
  try {
    if (store === null) return false;
    // Read back through the parser, so what is stored is what will be read.
    store.setItem(programmeKey(personId), JSON.stringify(parseProgramme(JSON.stringify(programme))));
    return true;
  } catch {
    return false;
  }
}

/** The last session's settings (each field checked as a programme's exercise is), or the defaults. */
export function loadSessionSettings(store: KeyValueStore | null): SessionSettings {
  try {
    const json = store?.getItem(SESSION_PREFS_KEY) ?? null;
    if (json === null) return DEFAULT_SESSION;
    const stored: unknown = JSON.parse(json);
    if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return DEFAULT_SESSION;
    return parseProgramme(JSON.stringify({ exercises: [stored] })).exercises[0] ?? DEFAULT_SESSION;
  } catch {
    return DEFAULT_SESSION;
  }
}

export function saveSessionSettings(store: KeyValueStore | null, settings: SessionSettings): void {
  try {
    store?.setItem(SESSION_PREFS_KEY, JSON.stringify(settings));
  } catch {
    // remembering is a convenience
  }
}
