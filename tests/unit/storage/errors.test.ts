/**
 * When storage says no: unavailable (private mode), full (quota), blocked, closed. The
 * current result must stay available and nothing already stored may change.
 */
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { openDB } from 'idb';
import { createStoredResultLog, openStore, StorageError, STORAGE_MESSAGES } from '../../../src/storage';
import { freshStore, makeRecord, sameSamples } from './trial-factory';

const FULL = 'Storage is full: this trial was not saved. Export it now; nothing already stored was changed.';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('storage unavailable', () => {
  it('without IndexedDB (some private modes, old browsers)', async () => {
    const opened = openStore({ factory: null, storageManager: null });
    await expect(opened).rejects.toBeInstanceOf(StorageError);
    await expect(opened).rejects.toMatchObject({
      kind: 'unavailable',
      message: `${STORAGE_MESSAGES.unavailable}: IndexedDB is missing`,
    });
  });

  it('when the browser refuses to open it (a sandboxed page throws SecurityError)', async () => {
    const factory = {
      open() {
        throw new DOMException(
          'access to the Indexed Database API is denied in this context',
          'SecurityError',
        );
      },
    } as unknown as IDBFactory;
    await expect(openStore({ factory, storageManager: null })).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

/** Counts of trial and sample records, read straight from the database. */
async function counts(name: string, factory: IDBFactory): Promise<{ trials: number; samples: number }> {
  const request = factory.open(name);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['trials', 'samples']);
  const count = (store: string) =>
    new Promise<number>((resolve) => {
      const r = tx.objectStore(store).count();
      r.onsuccess = () => resolve(r.result);
    });
  const result = { trials: await count('trials'), samples: await count('samples') };
  db.close();
  return result;
}

describe('storage full', () => {
  const originalPut = FakeObjectStore.prototype.put;

  it.each([
    [
      'the samples write throws QuotaExceededError',
      function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'samples') throw new DOMException('quota', 'QuotaExceededError');
        return originalPut.apply(this, args);
      },
    ],
    [
      'the transaction aborts with QuotaExceededError at commit (as Chromium does)',
      function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        const request = originalPut.apply(this, args);
        // fake-indexeddb's own abort path, with the error a browser sets on a full disk
        if (this.name === 'samples')
          (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
        return request;
      },
    ],
  ])(
    '%s: a clear message, nothing stored of the trial, nothing stored before changed',
    async (_case, put) => {
      const { store, factory, name } = await freshStore();
      const person = await store.people.add({ name: 'A' });
      const earlier = makeRecord({ id: 'earlier', rows: 500, seed: 7 });
      await store.trials.save(earlier, person.id);
      const before = await counts(name, factory);

      vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(put);
      const replacing = { ...makeRecord({ id: 'earlier', rows: 20, seed: 9 }), holdTimeS: 3 };
      for (const record of [makeRecord({ id: 'new' }), replacing]) {
        const saving = store.trials.save(record, person.id);
        await expect(saving).rejects.toBeInstanceOf(StorageError);
        await expect(saving).rejects.toMatchObject({ kind: 'full', message: FULL });
      }
      vi.restoreAllMocks();

      expect(await counts(name, factory)).toEqual(before);
      expect(await store.trials.get('new')).toBeUndefined();
      const kept = await store.trials.get('earlier');
      expect(kept!.holdTimeS).toBe(earlier.holdTimeS);
      expect(sameSamples(kept!.samples, earlier.samples)).toBe(true);
      // and the store still works
      await store.trials.save(makeRecord({ id: 'after' }), person.id);
      expect((await store.trials.listByPerson(person.id)).map((t) => t.id).sort()).toEqual([
        'after',
        'earlier',
      ]);
    },
  );
});

describe('the current result stays available when saving fails', () => {
  it('keeps the record in records$ and rejects with the message to show', async () => {
    const record = makeRecord({ id: 't1' });
    const full = createStoredResultLog({
      save: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
    });
    await expect(full.save(record)).rejects.toMatchObject({ kind: 'full', message: FULL });
    expect(await firstValueFrom(full.records$)).toEqual([record]);

    const none = createStoredResultLog(null);
    await expect(none.save(record)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(await firstValueFrom(none.records$)).toEqual([record]);
  });

  it('saves to the history when it can', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    const log = createStoredResultLog(store.sinkFor(person.id));
    await log.save(makeRecord({ id: 't1' }));
    expect((await store.trials.listByPerson(person.id)).map((t) => t.id)).toEqual(['t1']);
  });
});

describe('other tabs', () => {
  it('an older version held open elsewhere blocks the upgrade: StorageError blocked', async () => {
    const name = 'stork-blocked';
    // "another tab" with version 1 open, which does not close on versionchange
    const other = await openDB(name, 1, {
      upgrade: (db) => void db.createObjectStore('people', { keyPath: 'id' }),
    });
    other.addEventListener('versionchange', () => undefined);
    await expect(openStore({ factory: indexedDB, name, storageManager: null })).rejects.toMatchObject({
      kind: 'blocked',
    });
    other.close();
  });

  it('a newer version opened elsewhere closes this store instead of being blocked', async () => {
    const { store, name } = await freshStore({ factory: indexedDB });
    const newer = await openDB(name, 99);
    expect(store.closed).toBe(true);
    await expect(store.people.list()).rejects.toMatchObject({ kind: 'closed' });
    newer.close();
  });
});

describe('persistence and estimate', () => {
  const manager = (persisted: boolean, grants: boolean) => {
    const persist = vi.fn(() => Promise.resolve(grants));
    return {
      persist,
      persisted: () => Promise.resolve(persisted),
      estimate: () => Promise.resolve({ usage: 1234, quota: 5678 }),
    } as unknown as StorageManager & { persist: typeof persist };
  };

  it('asks navigator.storage.persist() unless already persisted, and reports usage', async () => {
    const granted = manager(false, true);
    const { store } = await freshStore({ storageManager: granted });
    expect(await store.requestPersistence()).toBe('persisted');
    expect(granted.persist).toHaveBeenCalledTimes(1);
    expect(await store.estimate()).toEqual({ usageBytes: 1234, quotaBytes: 5678 });

    const already = manager(true, true);
    expect(await (await freshStore({ storageManager: already })).store.requestPersistence()).toBe(
      'persisted',
    );
    expect(already.persist).not.toHaveBeenCalled();

    expect(
      await (await freshStore({ storageManager: manager(false, false) })).store.requestPersistence(),
    ).toBe('best-effort');
    const none = (await freshStore({ storageManager: null })).store;
    expect(await none.requestPersistence()).toBe('unsupported');
    expect(await none.estimate()).toBeNull();
  });
});
