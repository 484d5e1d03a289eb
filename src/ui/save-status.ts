/**
 * What a live result says about keeping the trial: saved in whose history, or not saved and
 * why (the store's fixed message, src/storage/errors.ts), always with the download still offered.
 */
import type { PersonRecord } from '../storage/schema';

export type SaveState = 'saved' | 'not-saved';

export const NO_PERSON_NOT_SAVED =
  'Not saved: no person was chosen. Download the samples to keep this trial, and choose the person tested on the Test page for the next one.';

/** `error` is what the save rejected with (null when it resolved). */
export function saveStatusOf(person: PersonRecord | null, error: unknown): [SaveState, string] {
  if (error !== null && error !== undefined) {
    return ['not-saved', error instanceof Error ? error.message : String(error)];
  }
  if (person === null) return ['not-saved', NO_PERSON_NOT_SAVED];
  return ['saved', `Saved in ${person.name}’s history.`];
}
