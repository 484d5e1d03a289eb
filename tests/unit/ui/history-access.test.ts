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
import { usualSway } from '../../../src/core/usual-sway';
import {
  createHistoryAccess,
  CURRENT_PERSON_KEY,
  currentPersonSink,
  trialsToCompare,
} from '../../../src/ui/history-access';
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

describe('the trials a result is compared with', () => {
  it('reads the person’s stored trials without interrupted ones, and says why when it cannot', async () => {
    const { store } = await freshStore();
    const access = createHistoryAccess(Promise.resolve(store), memoryPrefs());
    expect(await trialsToCompare(access, null)).toEqual({ unavailable: 'no person is chosen' });
    const anna = await store.people.add({ name: 'Anna' });
    const at = (day: number) => `2026-03-0${day}T10:00:00.000+01:00`;
    await store.trials.save(makeRecord({ id: 'a1', startedAt: at(1), rms: 0.08 }), anna.id);
    await store.trials.save(makeRecord({ id: 'a2', startedAt: at(2), rms: 0.1 }), anna.id);
    await store.trials.save(makeRecord({ id: 'a3', startedAt: at(3), endReason: 'hidden' }), anna.id);
    const found = await trialsToCompare(access, anna);
    if (!('trials' in found)) throw new Error('trials expected');
    expect(found.trials.map((t) => t.id).sort()).toEqual(['a1', 'a2']);
    // The stored summaries are what the comparison reads: the median of 0.08 and 0.1.
    const current = makeRecord({ id: 'now', startedAt: at(4), rms: 0.07 });
    expect(usualSway(current, found.trials)).toMatchObject({ kind: 'too-few', count: 2, median: 0.09 });

    const refusing = {
      ...store,
      trials: { ...store.trials, listByPerson: () => Promise.reject(new Error('x')) },
    };
    const refused = createHistoryAccess(Promise.resolve(refusing), memoryPrefs());
    expect(await trialsToCompare(refused, anna)).toEqual({ unavailable: 'the history could not be read' });
    store.close();

    const none = createHistoryAccess(openStore({ factory: null, storageManager: null }), memoryPrefs());
    expect(await trialsToCompare(none, anna)).toEqual({
      unavailable: 'the history is not available in this browser',
    });
  });
});
