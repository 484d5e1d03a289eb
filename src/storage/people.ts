/** The people in the history: add, change, list, delete with undo. */
import type { StoreContext, UndoToken } from './context';
import { StorageError } from './errors';
import type { PersonRecord, Sex } from './schema';
import { allRequests, inTransaction } from './transaction';

/** What the person form gives: a name or code, and optionally what the norms need. */
export interface PersonInput {
  name: string;
  birthYear?: number | null;
  sex?: Sex | null;
  notes?: string;
}

export interface PeopleStore {
  /** Adds a person; rejects with StorageError 'invalid' for an empty name or an impossible birth year. */
  add(input: PersonInput): Promise<PersonRecord>;
  /** Changes the given fields of a person ('not-found' when unknown or deleted). */
  update(id: string, changes: Partial<PersonInput>): Promise<PersonRecord>;
  /** The person, or undefined when unknown or deleted. */
  get(id: string): Promise<PersonRecord | undefined>;
  /** Every person not deleted, by name (locale order, case-insensitive). */
  list(): Promise<PersonRecord[]>;
  /**
   * Soft-deletes a person: they and their trials disappear from every list until `undo(token)`;
   * the purge (store.purgeDeleted) removes them and all their trials for good.
   */
  remove(id: string): Promise<UndoToken>;
}

/** Oldest birth year accepted: nobody tested is older than about 125. */
export const EARLIEST_BIRTH_YEAR = 1900;

function checkedPerson(person: PersonRecord, nowMs: number): PersonRecord {
  const name = person.name.trim();
  if (name === '') throw new StorageError('invalid', 'the name or code is empty');
  const thisYear = new Date(nowMs).getFullYear();
  const { birthYear, sex } = person;
  if (
    birthYear !== null &&
    !(Number.isInteger(birthYear) && birthYear >= EARLIEST_BIRTH_YEAR && birthYear <= thisYear)
  ) {
    throw new StorageError(
      'invalid',
      `birth year must be a whole year from ${EARLIEST_BIRTH_YEAR} to ${thisYear} (${birthYear})`,
    );
  }
  if (sex !== null && sex !== 'female' && sex !== 'male') {
    throw new StorageError('invalid', `sex must be female, male or not given (${String(sex)})`);
  }
  return { ...person, name, notes: person.notes ?? '' };
}

const isLive = (person: PersonRecord | undefined): person is PersonRecord =>
  person !== undefined && person.deletedAtMs === undefined;

export function createPeopleStore(context: StoreContext): PeopleStore {
  return {
    async add(input) {
      const person = checkedPerson(
        {
          id: context.newId(),
          name: input.name,
          birthYear: input.birthYear ?? null,
          sex: input.sex ?? null,
          notes: input.notes ?? '',
          createdAt: new Date(context.nowMs()).toISOString(),
        },
        context.nowMs(),
      );
      await inTransaction(context.db(), ['people'], 'readwrite', (tx) =>
        allRequests([() => tx.objectStore('people').add(person)]),
      );
      return person;
    },

    update(id, changes) {
      return inTransaction(context.db(), ['people'], 'readwrite', async (tx) => {
        const store = tx.objectStore('people');
        const current = await store.get(id);
        if (!isLive(current)) throw new StorageError('not-found', `person ${id}`);
        const defined = Object.fromEntries(
          Object.entries(changes).filter(([, value]) => value !== undefined),
        );
        const person = checkedPerson({ ...current, ...defined, id }, context.nowMs());
        await store.put(person);
        return person;
      });
    },

    async get(id) {
      const person = await inTransaction(context.db(), ['people'], 'readonly', (tx) =>
        tx.objectStore('people').get(id),
      );
      return isLive(person) ? person : undefined;
    },

    async list() {
      const people = await inTransaction(context.db(), ['people'], 'readonly', (tx) =>
        tx.objectStore('people').getAll(),
      );
      return people
        .filter(isLive)
        .sort(
          (a, b) =>
            a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id),
        );
    },

    remove(id) {
      return inTransaction(context.db(), ['people'], 'readwrite', async (tx) => {
        const store = tx.objectStore('people');
        const person = await store.get(id);
        if (!isLive(person)) throw new StorageError('not-found', `person ${id}`);
        const deletedAtMs = context.nowMs();
        await store.put({ ...person, deletedAtMs });
        return { kind: 'person', id, deletedAtMs } satisfies UndoToken;
      });
    },
  };
}
