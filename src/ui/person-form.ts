/**
 * The "add a person" form's rules (pure): a name or a code, and optionally what the
 * age-group norms need (birth year; sex for the eyes-closed norms, Springer 2007) and notes.
 */
import type { PersonInput } from '../storage/people';
import type { Sex } from '../core/norms';

/** Oldest birth year accepted (src/storage/people.ts EARLIEST_BIRTH_YEAR: nobody tested is over ~125). */
export const EARLIEST_BIRTH_YEAR = 1900;

export interface PersonFields {
  name: string;
  birthYear: string;
  sex: string;
  notes: string;
}

export type PersonFormResult =
  { ok: true; input: PersonInput } | { ok: false; field: keyof PersonFields; message: string };

/** Checks the typed fields; `thisYear` is the latest birth year accepted. */
export function parsePersonFields(fields: PersonFields, thisYear: number): PersonFormResult {
  const name = fields.name.trim();
  if (name === '') return { ok: false, field: 'name', message: 'Type a name or a code.' };
  const yearText = fields.birthYear.trim();
  let birthYear: number | null = null;
  if (yearText !== '') {
    birthYear = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(birthYear >= EARLIEST_BIRTH_YEAR && birthYear <= thisYear)) {
      return {
        ok: false,
        field: 'birthYear',
        message: `Birth year: a year from ${EARLIEST_BIRTH_YEAR} to ${thisYear}, or leave it empty.`,
      };
    }
  }
  const sex: Sex | null = fields.sex === 'female' || fields.sex === 'male' ? fields.sex : null;
  return { ok: true, input: { name, birthYear, sex, notes: fields.notes.trim() } };
}

/** "P-017 (born 1950)": how a person is named in lists. */
export function personLabel(person: { name: string; birthYear: number | null }): string {
  return person.birthYear === null ? person.name : `${person.name} (born ${person.birthYear})`;
}
