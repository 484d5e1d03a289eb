/**
 * The page's way to the trial history: the store (opened by the composition root, src/main.ts)
 * once it is ready, or why it is not available, and the current person, remembered between
 * visits. Every finished trial is saved for the current person.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import type { TrialResultSink } from '../session/results';
import type { TrialRecord } from '../session/types';
import { STORAGE_MESSAGES, StorageError } from '../storage/errors';
import type { PersonRecord, TrialStore } from '../storage';
import type { KeyValueStore } from './setup-prefs';
import type { EarlierTrials } from './usual-sway-words';

/** Versioned like the set-up preferences (setup-prefs.ts). */
export const CURRENT_PERSON_KEY = 'stork.person.v1';

export function loadCurrentPersonId(prefs: KeyValueStore | null): string | null {
  try {
    const id = prefs?.getItem(CURRENT_PERSON_KEY) ?? null;
    return id === null || id === '' ? null : id;
  } catch {
    return null;
  }
}

export function saveCurrentPersonId(prefs: KeyValueStore | null, id: string | null): void {
  try {
    prefs?.setItem(CURRENT_PERSON_KEY, id ?? '');
  } catch {
    // remembering is a convenience
  }
}

export interface HistoryAccess {
  /** The open store, or null when storage is unavailable (`problem` then says why). */
  readonly ready: Promise<TrialStore | null>;
  /** The store's fixed message when storage is unavailable; null while opening or when fine. */
  problem(): string | null;
  /** The current person (null: none chosen, or not known yet), now and after every change. */
  readonly person$: Observable<PersonRecord | null>;
  person(): PersonRecord | null;
  /** Makes `person` the current one (null: none) and remembers the choice. */
  choosePerson(person: PersonRecord | null): void;
  /**
   * The sink of the live test: saves a finished trial for the person current at that moment.
   * Resolves to that person, or null when no person is chosen (the trial is then not stored);
   * rejects with the store's StorageError when storage is unavailable or the save fails.
   */
  saveForCurrentPerson(record: TrialRecord): Promise<PersonRecord | null>;
}

/**
 * `opened` is the store being opened (it rejects with StorageError when storage is
 * unavailable); `prefs` remembers the current person's id.
 */
export function createHistoryAccess(opened: Promise<TrialStore>, prefs: KeyValueStore | null): HistoryAccess {
  let problem: string | null = null;
  const person$ = new BehaviorSubject<PersonRecord | null>(null);
  const ready = opened.then(
    async (store) => {
      const id = loadCurrentPersonId(prefs);
      // A remembered person who was deleted meanwhile is simply no longer current.
      const person = id === null ? undefined : await store.people.get(id).catch(() => undefined);
      if (person) person$.next(person);
      return store;
    },
    (error: unknown) => {
      // The fixed message alone: the browser's own words (appended to it) mean little to a person.
      problem =
        error instanceof StorageError
          ? STORAGE_MESSAGES[error.kind]
          : error instanceof Error
            ? error.message
            : String(error);
      return null;
    },
  );
  return {
    ready,
    problem: () => problem,
    person$: person$.asObservable(),
    person: () => person$.getValue(),
    choosePerson(person) {
      saveCurrentPersonId(prefs, person?.id ?? null);
      person$.next(person);
    },
    async saveForCurrentPerson(record) {
      const store = await ready;
      const person = person$.getValue();
      if (store === null) {
        throw new StorageError('unavailable');
      }
      if (person === null) return null;
      await store.sinkFor(person.id).save(record);
      return person;
    },
  };
}

/** The TrialResultSink of `access` (for createStoredResultLog, src/storage/result-log.ts). */
export function currentPersonSink(access: HistoryAccess): TrialResultSink {
  return {
    async save(record) {
      await access.saveForCurrentPerson(record);
    },
  };
}

/**
 * The stored trials of `person` for the result page's comparison with earlier trials
 * (result-metrics.ts usualSwayLine), or why there are none to read. Never rejects: a store
 * that refuses says so in words; a store that is slow only keeps the line waiting.
 */
export async function trialsToCompare(
  access: HistoryAccess,
  person: PersonRecord | null,
): Promise<EarlierTrials> {
  if (person === null) return { unavailable: 'no person is chosen' };
  const store = await access.ready;
  if (store === null) return { unavailable: 'the history is not available in this browser' };
  try {
    return { trials: await store.trials.listByPerson(person.id, { includeInterrupted: false }) };
  } catch {
    return { unavailable: 'the history could not be read' };
  }
}
