import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { StorageError, UNDO_WINDOW_MS, openStore } from '../../../src/storage';
import { freshStore, makeRecord, sameSamples } from './trial-factory';

describe('people', () => {
  it('adds, lists by name, reads, changes and validates a person', async () => {
    const { store } = await freshStore();
    const zoe = await store.people.add({ name: '  Zoë  ', birthYear: 1951, sex: 'female' });
    const code = await store.people.add({ name: 'p-017' });
    expect(zoe).toMatchObject({ id: 'person-1', name: 'Zoë', birthYear: 1951, sex: 'female', notes: '' });
    expect((await store.people.list()).map((p) => p.name)).toEqual(['p-017', 'Zoë']);
    expect(await store.people.update(code.id, { notes: 'right ACL, week 6', birthYear: 1990 })).toMatchObject(
      {
        name: 'p-017',
        notes: 'right ACL, week 6',
        birthYear: 1990,
      },
    );
    expect(await store.people.get(code.id)).toMatchObject({ notes: 'right ACL, week 6' });
    await expect(store.people.add({ name: '   ' })).rejects.toThrow(
      'Cannot be stored: the name or code is empty',
    );
    // the clock reads 2026: a birth year in 2027 is impossible
    await expect(store.people.add({ name: 'x', birthYear: 2027 })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.people.add({ name: 'x', birthYear: 1950.5 })).rejects.toMatchObject({
      kind: 'invalid',
    });
    await expect(store.people.update('nobody', { name: 'y' })).rejects.toMatchObject({ kind: 'not-found' });
    expect(await store.people.list()).toHaveLength(2);
  });
});

describe('trials', () => {
  it('saves a trial and reads it back with every sample bit for bit', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    const record = makeRecord({ id: 't1', rows: 2700 });
    const stored = await store.trials.save(record, person.id);
    expect(stored).toMatchObject({
      personId: person.id,
      startedAtMs: Date.parse('2026-03-05T14:07:09.250+01:00'),
      analysisVersion: record.analysis!.analysisVersion,
      sampleCount: 2700,
      sampleBytes: 54_000, // sample-codec test: 21,600 (tS) + 6 Int16 columns of 5,400
    });
    const back = await store.trials.get('t1');
    expect(back).toBeDefined();
    expect(sameSamples(back!.samples, record.samples)).toBe(true);
    const { samples: _s, ...metadata } = record;
    expect(back).toMatchObject(metadata);
  });

  it('lists one person newest first by the instant, not the text of startedAt, without reading samples', async () => {
    const { store } = await freshStore();
    const a = await store.people.add({ name: 'A' });
    const b = await store.people.add({ name: 'B' });
    // The night summer time ends in Europe: 02:40+02:00 (00:40 UTC) comes before 02:10+01:00 (01:10 UTC).
    await store.trials.save(makeRecord({ id: 'later', startedAt: '2026-10-25T02:10:00.000+01:00' }), a.id);
    await store.trials.save(makeRecord({ id: 'earlier', startedAt: '2026-10-25T02:40:00.000+02:00' }), a.id);
    await store.trials.save(makeRecord({ id: 'next-day', startedAt: '2026-10-26T09:00:00.000+01:00' }), a.id);
    await store.trials.save(
      makeRecord({ id: 'cut-short', startedAt: '2026-10-26T09:05:00.000+01:00', endReason: 'hidden' }),
      a.id,
    );
    await store.trials.save(makeRecord({ id: 'other', startedAt: '2026-10-25T02:20:00.000+01:00' }), b.id);

    const read = vi.spyOn(FakeObjectStore.prototype, 'get');
    const readAll = vi.spyOn(FakeObjectStore.prototype, 'getAll');
    const ids = (await store.trials.listByPerson(a.id)).map((t) => t.id);
    const samplesReads = [...read.mock.contexts, ...readAll.mock.contexts].filter(
      (s) => (s as IDBObjectStore).name === 'samples',
    );
    read.mockRestore();
    readAll.mockRestore();
    expect(ids).toEqual(['cut-short', 'next-day', 'later', 'earlier']);
    expect(samplesReads).toHaveLength(0);

    const listed = await store.trials.listByPerson(a.id, { includeInterrupted: false });
    expect(listed.map((t) => t.id)).toEqual(['next-day', 'later', 'earlier']);
    expect((await store.trials.listByPerson(a.id, { limit: 2 })).map((t) => t.id)).toEqual([
      'cut-short',
      'next-day',
    ]);
    const firstNight = await store.trials.listByPerson(a.id, {
      fromMs: Date.parse('2026-10-25T00:00:00Z'),
      toMs: Date.parse('2026-10-25T01:10:00Z'),
    });
    expect(firstNight.map((t) => t.id)).toEqual(['later', 'earlier']); // toMs is inclusive
    expect((await store.trials.listByPerson(b.id)).map((t) => t.id)).toEqual(['other']);
    // interrupted trials are kept, and marked
    expect((await store.trials.get('cut-short'))!.interrupted).toBe(true);
  });

  it('refuses a trial for an unknown person and stores nothing of it', async () => {
    const { store } = await freshStore();
    await expect(store.trials.save(makeRecord({ id: 't1' }), 'nobody')).rejects.toMatchObject({
      kind: 'not-found',
      message: 'Not in the history: person nobody',
    });
    expect(await store.trials.get('t1')).toBeUndefined();
  });

  it('replaces a trial saved again under the same id', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    await store.trials.save(makeRecord({ id: 't1', holdTimeS: 12 }), person.id);
    await store.trials.save(makeRecord({ id: 't1', holdTimeS: 30, rows: 50 }), person.id);
    const list = await store.trials.listByPerson(person.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ holdTimeS: 30, sampleCount: 50 });
  });

  it('hands trials over through the TrialResultSink of the live test', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    await store.sinkFor(person.id).save(makeRecord({ id: 'live-1' }));
    expect((await store.trials.listByPerson(person.id)).map((t) => t.id)).toEqual(['live-1']);
  });
});

describe('delete with undo (soft delete, purged later)', () => {
  it('hides a deleted trial at once and brings it back whole on undo', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    const record = makeRecord({ id: 't1', rows: 300 });
    await store.trials.save(record, person.id);
    const token = await store.trials.remove('t1');
    expect(token).toMatchObject({ kind: 'trial', id: 't1' });
    expect(await store.trials.listByPerson(person.id)).toEqual([]);
    expect(await store.trials.get('t1')).toBeUndefined();
    await expect(store.trials.remove('t1')).rejects.toMatchObject({ kind: 'not-found' });

    expect(await store.undo(token)).toBe(true);
    const back = await store.trials.get('t1');
    expect(back).toBeDefined();
    expect(back).not.toHaveProperty('deletedAtMs');
    expect(sameSamples(back!.samples, record.samples)).toBe(true);
    expect(await store.undo(token)).toBe(false); // nothing left to undo
  });

  it('purges for good: undo then finds nothing', async () => {
    const { store } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    await store.trials.save(makeRecord({ id: 't1' }), person.id);
    await store.trials.save(makeRecord({ id: 't2' }), person.id);
    const token = await store.trials.remove('t1');
    expect(await store.purgeDeleted()).toEqual({ people: 0, trials: 1 });
    expect(await store.undo(token)).toBe(false);
    expect((await store.trials.listByPerson(person.id)).map((t) => t.id)).toEqual(['t2']);
  });

  it('deletes a person with undo; the purge takes their trials (and their summary) with them', async () => {
    const { store, name } = await freshStore({ factory: indexedDB });
    const a = await store.people.add({ name: 'A' });
    const b = await store.people.add({ name: 'B' });
    await store.trials.save(makeRecord({ id: 'a1' }), a.id);
    await store.trials.save(makeRecord({ id: 'a2' }), a.id);
    await store.trials.save(makeRecord({ id: 'b1' }), b.id);
    const token = await store.people.remove(a.id);
    expect((await store.people.list()).map((p) => p.name)).toEqual(['B']);
    await expect(store.trials.save(makeRecord({ id: 'a3' }), a.id)).rejects.toMatchObject({
      kind: 'not-found',
    });
    expect(await store.undo(token)).toBe(true);
    expect((await store.people.list()).map((p) => p.name)).toEqual(['A', 'B']);

    await store.people.remove(a.id);
    expect(await store.purgeDeleted()).toEqual({ people: 1, trials: 2 });
    expect(await store.trials.get('a1')).toBeUndefined();
    expect((await store.trials.listByPerson(a.id)).length).toBe(0);
    expect((await store.trials.listByPerson(b.id)).map((t) => t.id)).toEqual(['b1']);
    const raw = await openDB(name);
    expect(await raw.getAllKeys('samples')).toEqual(['b1']);
    expect(await raw.getAllKeys('summaries')).toEqual([b.id]);
    raw.close();
  });

  it(`purges at open only deletions older than ${UNDO_WINDOW_MS / 60000} minutes (an undo in another tab still works)`, async () => {
    const { store, factory, name, clock } = await freshStore();
    const person = await store.people.add({ name: 'A' });
    await store.trials.save(makeRecord({ id: 'old' }), person.id);
    await store.trials.save(makeRecord({ id: 'recent' }), person.id);
    const oldToken = await store.trials.remove('old');
    clock.ms += UNDO_WINDOW_MS - 1000;
    const recentToken = await store.trials.remove('recent');
    clock.ms += 2000; // 'old' was deleted UNDO_WINDOW_MS + 1 s ago, 'recent' 2 s ago
    store.close();
    const reopened = await openStore({ factory, name, storageManager: null, nowMs: () => clock.ms });
    expect(await reopened.undo(oldToken)).toBe(false);
    expect(await reopened.undo(recentToken)).toBe(true);
    expect((await reopened.trials.listByPerson(person.id)).map((t) => t.id)).toEqual(['recent']);
  });
});

describe('the store after close', () => {
  it('says so in a StorageError of kind closed', async () => {
    const { store } = await freshStore();
    store.close();
    expect(store.closed).toBe(true);
    await expect(store.people.list()).rejects.toBeInstanceOf(StorageError);
    await expect(store.people.list()).rejects.toMatchObject({ kind: 'closed' });
  });
});
