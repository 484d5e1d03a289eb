import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { deleteAllData, openStore } from '../../../src/storage';
import { makeRecord } from './trial-factory';

/** Web Storage in memory (the part of the interface deleteAllData uses, in insertion order). */
class MemoryStorage implements Storage {
  private readonly entries = new Map<string, string>();
  [name: string]: unknown;
  get length(): number {
    return this.entries.size;
  }
  key(index: number): string | null {
    return [...this.entries.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.entries.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.entries.set(key, value);
  }
  removeItem(key: string): void {
    this.entries.delete(key);
  }
  clear(): void {
    this.entries.clear();
  }
  keys(): string[] {
    return [...this.entries.keys()];
  }
}

/** Cache Storage reduced to names. */
function memoryCaches(names: string[]): CacheStorage & { names: string[] } {
  const held = [...names];
  return {
    names: held,
    keys: () => Promise.resolve([...held]),
    delete: (name: string) => {
      const at = held.indexOf(name);
      if (at >= 0) held.splice(at, 1);
      return Promise.resolve(at >= 0);
    },
  } as unknown as CacheStorage & { names: string[] };
}

async function databaseNames(factory: IDBFactory): Promise<string[]> {
  return (await factory.databases()).map((info) => info.name ?? '').sort();
}

function openRaw(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('deleteAllData', () => {
  it("deletes the history, Stork's settings and caches, and leaves other apps' data and the app's own files", async () => {
    const factory = new IDBFactory();
    const store = await openStore({ factory });
    const person = await store.people.add({ name: 'P-017', notes: 'right ACL' });
    await store.trials.save(makeRecord({ id: 't1', rows: 600 }), person.id);
    await openRaw(factory, 'other-app').then((db) => db.close());
    const local = new MemoryStorage();
    local.setItem('stork.setup.v1', '{"capS":20}');
    local.setItem('other.theme', 'dark');
    local.setItem('stork.person.v1', person.id);
    const session = new MemoryStorage();
    session.setItem('stork.draft', 'x');
    const caches = memoryCaches(['workbox-precache-v2-https://stork.example/', 'stork-exports']);
    expect(await databaseNames(factory)).toEqual(['other-app', 'stork-history']);

    const report = await deleteAllData({
      indexedDB: factory,
      localStorage: local,
      sessionStorage: session,
      caches,
    });

    expect(report).toEqual({
      databases: ['stork-history'],
      databasesWaiting: [],
      storageKeys: ['stork.setup.v1', 'stork.person.v1', 'stork.draft'],
      caches: ['stork-exports'],
      failures: [],
    });
    expect(await databaseNames(factory)).toEqual(['other-app']);
    expect(local.keys()).toEqual(['other.theme']);
    expect(session.keys()).toEqual([]);
    expect(caches.names).toEqual(['workbox-precache-v2-https://stork.example/']);
    // The open history closed itself when asked; opened again it is empty.
    const again = await openStore({ factory });
    expect(await again.people.list()).toEqual([]);
  });

  it('reports a database another tab keeps open as waiting, and it goes when that tab closes', async () => {
    const factory = new IDBFactory();
    // An old page that does not close on versionchange.
    const stubborn = await openRaw(factory, 'stork-history');
    const report = await deleteAllData({
      indexedDB: factory,
      localStorage: null,
      sessionStorage: null,
      caches: null,
      blockedWaitMs: 50,
    });
    expect(report.databases).toEqual([]);
    expect(report.databasesWaiting).toEqual(['stork-history']);
    stubborn.close();
    await expect.poll(() => databaseNames(factory)).toEqual([]);
  });

  it('lists what fails and still deletes the rest', async () => {
    const local = new MemoryStorage();
    local.setItem('stork.setup.v1', '{}');
    const broken = {
      get length(): number {
        throw new DOMException('storage is disabled', 'SecurityError');
      },
    } as unknown as Storage;
    const report = await deleteAllData({
      indexedDB: null,
      localStorage: broken,
      sessionStorage: local,
      caches: null,
    });
    expect(report.storageKeys).toEqual(['stork.setup.v1']);
    expect(report.failures).toEqual(['localStorage: SecurityError: storage is disabled']);
  });

  it('deletes the history by name where the browser cannot list databases', async () => {
    const factory = new IDBFactory();
    await openRaw(factory, 'stork-history').then((db) => db.close());
    const listing = factory.databases.bind(factory);
    const unlisted = Object.assign(Object.create(factory) as IDBFactory, {
      databases: undefined,
      deleteDatabase: (name: string) => factory.deleteDatabase(name),
    });
    const report = await deleteAllData({
      indexedDB: unlisted,
      localStorage: null,
      sessionStorage: null,
      caches: null,
    });
    expect(report.databases).toEqual(['stork-history']);
    expect((await listing()).map((info) => info.name)).toEqual([]);
  });
});
