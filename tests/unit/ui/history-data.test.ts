/**
 * The history pages' first read (src/ui/history-data.ts): a read started ahead by the page
 * flow, while the page's code loads, is the page's own read when the page still counts; one
 * started for a page that was left is never handed to a later page. The store runs on
 * fake-indexeddb.
 */
import { describe, expect, it, vi } from 'vitest';
import { createHistoryAccess } from '../../../src/ui/history-access';
import { loadPageData, readPageDataAhead } from '../../../src/ui/history-data';
import type { KeyValueStore } from '../../../src/ui/setup-prefs';
import { freshStore, makeRecord } from '../storage/trial-factory';

function memoryPrefs(): KeyValueStore {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

const ids = (data: Awaited<ReturnType<typeof loadPageData>>): string[] =>
  data.kind === 'person' ? data.trials.map((trial) => trial.id) : [];

describe('the page data read ahead', () => {
  it('is the page’s read while the page counts: the trials are listed once', async () => {
    const { store } = await freshStore();
    const anna = await store.people.add({ name: 'Anna' });
    await store.sinkFor(anna.id).save(makeRecord({ id: 't1' }));
    const access = createHistoryAccess(Promise.resolve(store), memoryPrefs());
    access.choosePerson(anna);
    const listing = vi.spyOn(store.trials, 'listByPerson');

    readPageDataAhead(access, () => true);
    const data = await loadPageData(access);
    expect(data.kind).toBe('person');
    expect(ids(data)).toEqual(['t1']);
    expect(listing).toHaveBeenCalledTimes(1);
    // Taken over once: the next page reads afresh.
    await loadPageData(access);
    expect(listing).toHaveBeenCalledTimes(2);
    store.close();
  });

  it('started for a page that was left, is not handed to a later page', async () => {
    const { store } = await freshStore();
    const anna = await store.people.add({ name: 'Anna' });
    await store.sinkFor(anna.id).save(makeRecord({ id: 't1' }));
    const access = createHistoryAccess(Promise.resolve(store), memoryPrefs());
    access.choosePerson(anna);

    let pageCounts = true;
    readPageDataAhead(access, () => pageCounts);
    await access.ready;
    pageCounts = false;
    // Meanwhile another trial is saved: a later page shows it.
    await store.sinkFor(anna.id).save(makeRecord({ id: 't2', startedAt: '2026-05-04T10:00:00.000+02:00' }));
    expect(ids(await loadPageData(access))).toEqual(['t2', 't1']);
    store.close();
  });

  it('a failed read ahead is the page’s to show, not an unhandled rejection', async () => {
    const { store } = await freshStore();
    const anna = await store.people.add({ name: 'Anna' });
    const access = createHistoryAccess(Promise.resolve(store), memoryPrefs());
    access.choosePerson(anna);
    vi.spyOn(store.trials, 'listByPerson').mockRejectedValueOnce(new Error('disk on fire'));
    readPageDataAhead(access, () => true);
    await expect(loadPageData(access)).rejects.toThrow('disk on fire');
    store.close();
  });
});
