import { ANALYSIS_VERSION } from '../../../src/core/options';
/**
 * The per-person summary (summaries.ts) is a cache of the trials: whatever happens to the
 * trials, listing must give exactly what a rebuild from the trials gives.
 */
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBIndex as FakeIndex } from 'fake-indexeddb';
import type { TrialStore, TrialSummary } from '../../../src/storage';
import { decodeSummaries, encodeSummaries, summaryOf } from '../../../src/storage/summaries';
import type { PersonRecord, StoredTrial } from '../../../src/storage/schema';
import { toStoredForm } from '../../../src/storage/trials';
import { freshStore, makeAnalysis, makeRecord } from './trial-factory';

afterEach(() => {
  vi.restoreAllMocks();
});

function stored(overrides: Partial<StoredTrial> & { id: string }): StoredTrial {
  return { ...toStoredForm(makeRecord({ id: overrides.id, rows: 5 }), 'p1').trial, ...overrides };
}

describe('summary columns', () => {
  it('keep each metric under its own key', () => {
    const analysis = makeAnalysis({});
    const keys = Object.keys(analysis.metrics).filter((key) => key !== 'signal');
    // a distinct value per key: a swapped column would show
    analysis.metrics = { ...analysis.metrics, ...Object.fromEntries(keys.map((key, k) => [key, k + 0.5])) };
    const row = summaryOf(stored({ id: 'a', analysis }));
    expect(decodeSummaries(encodeSummaries('p1', 0, [row]))[0]!.analysis!.metrics).toEqual(analysis.metrics);
    expect(keys).toHaveLength(26);
  });

  it('give back every field of every kind of trial exactly', () => {
    const spectralNull = makeAnalysis({ rms: 0.123456789 });
    spectralNull.metrics = {
      ...spectralNull.metrics,
      totalPower: null,
      f50: null,
      gyroRmsAp: null,
      meanFrequency: NaN,
    };
    const trials = [
      stored({ id: 'a', touchdownS: 12.345, endReason: 'touchdown', holdTimeS: 12.345 }),
      stored({
        id: 'b',
        analysis: null,
        analysisError: 'window shorter than 2 s (empty)',
        interrupted: true,
        endReason: 'hidden',
      }),
      stored({
        id: 'c',
        analysis: spectralNull,
        setup: { stanceSide: 'right', eyes: 'closed', surface: 'foam', placement: 'lumbar', capS: 30 },
        source: 'demo',
        endReason: 'sensor-silent',
      }),
      stored({ id: 'd', endReason: 'stopped', analysisVersion: 0, startedAtMs: -1.5 }),
    ];
    const rows = trials.map(summaryOf);
    const back = decodeSummaries(encodeSummaries('p1', 7, rows));
    expect(back).toEqual(rows);
    expect(Object.is(back[2]!.analysis!.metrics.meanFrequency, NaN)).toBe(true); // NaN stays NaN, null stays null
    expect(back[2]!.analysis!.metrics.totalPower).toBeNull();
  });
});

/** The listing, and what a rebuild from the trials gives (the summary record deleted first). */
async function listingAndTruth(
  store: TrialStore,
  name: string,
  personId: string,
): Promise<[TrialSummary[], TrialSummary[]]> {
  const listed = await store.trials.listByPerson(personId);
  const raw = await openDB(name);
  await raw.delete('summaries', personId);
  raw.close();
  return [listed, await store.trials.listByPerson(personId)];
}

describe('listing from the summary', () => {
  it('matches a rebuild from the trials after every kind of change', async () => {
    const { store, name } = await freshStore({ factory: indexedDB });
    const a = await store.people.add({ name: 'A' });
    const b = await store.people.add({ name: 'B' });
    const check = async (expectedIds: string[]) => {
      const [listed, truth] = await listingAndTruth(store, name, a.id);
      expect(listed).toEqual(truth);
      expect(listed.map((t) => t.id)).toEqual(expectedIds);
    };
    const at = (k: number) => `2026-03-0${k}T10:00:00.000+01:00`;
    await store.trials.save(makeRecord({ id: 't1', startedAt: at(1) }), a.id);
    await store.trials.save(makeRecord({ id: 't2', startedAt: at(2) }), a.id);
    await check(['t2', 't1']);
    await store.trials.save(
      makeRecord({ id: 't3', startedAt: at(3), holdTimeS: 9, endReason: 'touchdown' }),
      a.id,
    );
    await check(['t3', 't2', 't1']);
    await store.trials.save(makeRecord({ id: 't2', startedAt: at(4), holdTimeS: 20 }), a.id); // replaced, now newest
    await check(['t2', 't3', 't1']);
    const token = await store.trials.remove('t3');
    await check(['t2', 't1']);
    await store.undo(token);
    await check(['t2', 't3', 't1']);
    await store.trials.save(makeRecord({ id: 't1', startedAt: at(1) }), b.id); // moved to B
    await check(['t2', 't3']);
    expect((await store.trials.listByPerson(b.id)).map((t) => t.id)).toEqual(['t1']);
    await store.reanalyzeOutdated({
      version: ANALYSIS_VERSION + 1,
      analyzeSamples: () => makeAnalysis({ version: ANALYSIS_VERSION + 1, rms: 0.5 }),
    });
    await check(['t2', 't3']);
    expect(
      (await store.trials.listByPerson(a.id)).map((t) => [t.analysisVersion, t.analysis!.metrics.rms]),
    ).toEqual([
      [ANALYSIS_VERSION + 1, 0.5],
      [ANALYSIS_VERSION + 1, 0.5],
    ]);
    await store.trials.remove('t2');
    await store.purgeDeleted();
    await check(['t3']);
  });

  it('reads one record when the summary is current, and rebuilds it when the trials changed behind it', async () => {
    const { store, name } = await freshStore({ factory: indexedDB });
    const person = await store.people.add({ name: 'A' });
    await store.trials.listByPerson(person.id); // makes the (empty) summary
    for (let k = 1; k <= 3; k++) {
      await store.trials.save(
        makeRecord({ id: `t${k}`, startedAt: `2026-03-0${k}T10:00:00.000+01:00` }),
        person.id,
      );
    }
    const indexReads = vi.spyOn(FakeIndex.prototype, 'getAll');
    await store.trials.listByPerson(person.id); // the saves kept the summary current
    expect(indexReads).not.toHaveBeenCalled();

    // Another writer (e.g. an older tab) changes a trial and raises the generation, without patching.
    const raw = await openDB(name);
    const trial = (await raw.get('trials', 't2')) as StoredTrial;
    await raw.put('trials', { ...trial, holdTimeS: 7.5 });
    const record = (await raw.get('people', person.id)) as PersonRecord;
    await raw.put('people', { ...record, trialsGeneration: (record.trialsGeneration ?? 0) + 1 });
    raw.close();

    const listed = await store.trials.listByPerson(person.id);
    expect(indexReads).toHaveBeenCalledTimes(1); // rebuilt from the trials
    expect(listed.find((t) => t.id === 't2')!.holdTimeS).toBe(7.5);
    await store.trials.listByPerson(person.id);
    expect(indexReads).toHaveBeenCalledTimes(1); // and stored: the next read is one record again
  });
});
