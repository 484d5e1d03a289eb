import { describe, expect, it, vi } from 'vitest';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { freshStore, makeRecord, sameSamples } from './trial-factory';

describe('trials.saveMany', () => {
  it('stores several trials in one go, listed newest first and read back bit for bit', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    const first = makeRecord({ id: 'a', startedAt: '2026-03-05T10:00:00.000+01:00', holdTimeS: 12, seed: 1 });
    const second = makeRecord({
      id: 'b',
      startedAt: '2026-03-06T10:00:00.000+01:00',
      holdTimeS: 30,
      seed: 2,
    });
    const stored = await store.trials.saveMany([first, second], person.id);
    expect(stored.map((trial) => trial.id)).toEqual(['a', 'b']);
    const listed = await store.trials.listByPerson(person.id);
    expect(listed.map((row) => [row.id, row.holdTimeS])).toEqual([
      ['b', 30],
      ['a', 12],
    ]);
    expect(sameSamples((await store.trials.get('b'))!.samples, second.samples)).toBe(true);
  });

  it('leaves the store unchanged when a write fails in the middle', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    const kept = makeRecord({ id: 'kept', holdTimeS: 20 });
    await store.trials.save(kept, person.id);
    const before = await store.trials.listByPerson(person.id);

    // The first trial's metadata and samples are written before the third put fails.
    const realPut = FakeObjectStore.prototype.put;
    let puts = 0;
    const spy = vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      puts++;
      if (puts === 3) throw new DOMException('disk gone', 'UnknownError');
      return realPut.apply(this, args);
    });
    try {
      await expect(
        store.trials.saveMany(
          [makeRecord({ id: 'new-1' }), makeRecord({ id: 'new-2' }), makeRecord({ id: 'new-3' })],
          person.id,
        ),
      ).rejects.toMatchObject({ name: 'StorageError' });
      expect(puts).toBe(3);
    } finally {
      spy.mockRestore();
    }
    expect(await store.trials.get('new-1')).toBeUndefined();
    expect(await store.trials.get('new-2')).toBeUndefined();
    expect(await store.trials.listByPerson(person.id)).toEqual(before);
  });

  it('stores nothing when one record is invalid or the person is unknown', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    const noId = { ...makeRecord({ id: 'x' }), id: '' };
    await expect(store.trials.saveMany([makeRecord({ id: 'ok' }), noId], person.id)).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(store.trials.saveMany([makeRecord({ id: 'ok' })], 'nobody')).rejects.toMatchObject({
      kind: 'not-found',
    });
    expect(await store.trials.get('ok')).toBeUndefined();
    expect(await store.trials.listByPerson(person.id)).toEqual([]);
  });
});
