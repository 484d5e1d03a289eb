/**
 * The live test's hand-over into the history (src/ui/history-access.ts with the store's
 * createStoredResultLog): saved for the person current when the trial ends, not saved without
 * a person, rejected with the store's message when storage is unavailable; the current person
 * is remembered and forgotten once deleted. The store runs on fake-indexeddb.
 */
import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { openStore, StorageError, STORAGE_MESSAGES } from '../../../src/storage';
import { createStoredResultLog } from '../../../src/storage/result-log';
import { createHistoryAccess, CURRENT_PERSON_KEY, currentPersonSink } from '../../../src/ui/history-access';
import type { KeyValueStore } from '../../../src/ui/setup-prefs';
import { freshStore, makeRecord } from '../storage/trial-factory';

function memoryPrefs(): KeyValueStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('saving finished trials for the current person', () => {
  it('saves for the person current at the end, and keeps nothing without one', async () => {
    const { store } = await freshStore();
    const prefs = memoryPrefs();
    const access = createHistoryAccess(Promise.resolve(store), prefs);
    const log = createStoredResultLog(currentPersonSink(access));
    await access.ready;

    // No person: the record is kept for the page only.
    await log.save(makeRecord({ id: 't0' }));
    expect((await firstValueFrom(log.records$)).map((r) => r.id)).toEqual(['t0']);
    expect(await store.trials.get('t0')).toBeUndefined();

    const anna = await store.people.add({ name: 'Anna', birthYear: 1951 });
    const ben = await store.people.add({ name: 'Ben' });
    access.choosePerson(anna);
    expect(prefs.values.get(CURRENT_PERSON_KEY)).toBe(anna.id);
    await log.save(makeRecord({ id: 't1', stanceSide: 'left' }));
    access.choosePerson(ben);
    await log.save(makeRecord({ id: 't2', stanceSide: 'right' }));
    expect((await store.trials.listByPerson(anna.id)).map((t) => t.id)).toEqual(['t1']);
    expect((await store.trials.listByPerson(ben.id)).map((t) => t.id)).toEqual(['t2']);
    store.close();
  });

  it('remembers the current person over a reload, and forgets one deleted meanwhile', async () => {
    const { store, factory, name } = await freshStore();
    const prefs = memoryPrefs();
    const anna = await store.people.add({ name: 'Anna' });
    createHistoryAccess(Promise.resolve(store), prefs).choosePerson(anna);

    const again = createHistoryAccess(Promise.resolve(store), prefs);
    await again.ready;
    expect(again.person()?.name).toBe('Anna');

    await store.people.remove(anna.id);
    const afterDelete = createHistoryAccess(openStore({ factory, name, storageManager: null }), prefs);
    await afterDelete.ready;
    expect(afterDelete.person()).toBeNull();
    store.close();
  });

  it('storage unavailable: the page learns the store’s message, and a save rejects with it after keeping the record', async () => {
    const access = createHistoryAccess(openStore({ factory: null, storageManager: null }), memoryPrefs());
    expect(await access.ready).toBeNull();
    expect(access.problem()).toBe(STORAGE_MESSAGES.unavailable);
    const log = createStoredResultLog(currentPersonSink(access));
    const saving = log.save(makeRecord({ id: 't1' }));
    await expect(saving).rejects.toBeInstanceOf(StorageError);
    await expect(saving).rejects.toThrow(STORAGE_MESSAGES.unavailable);
    expect((await firstValueFrom(log.records$)).map((r) => r.id)).toEqual(['t1']);
  });
});
