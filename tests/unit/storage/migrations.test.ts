import { ANALYSIS_VERSION } from '../../../src/core/options';
/**
 * Every earlier schema version is built with its own step (migrations.ts), filled with data in
 * that version's shape, and then opened with the current code: everything must be there.
 */
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { openStore, SCHEMA_VERSION, type TrialStore } from '../../../src/storage';
import {
  upgradeSchema,
  type UpgradeDatabase,
  type UpgradeTransaction,
} from '../../../src/storage/migrations';
import { encodedByteLength, encodeSamples } from '../../../src/storage/sample-codec';
import type { TrialRecord } from '../../../src/session/types';
import { makeRecord, sameSamples } from './trial-factory';

let count = 0;

/** A database at `version`, made by the steps up to it, as the code of that version made it. */
async function databaseAt(version: number): Promise<{ name: string; db: IDBPDatabase }> {
  const name = `stork-migration-${++count}`;
  const db = await openDB(name, version, {
    upgrade: (raw, oldVersion, _newVersion, tx) => {
      void upgradeSchema(raw as UpgradeDatabase, tx as unknown as UpgradeTransaction, oldVersion, version);
    },
  });
  return { name, db };
}

const open = (name: string): Promise<TrialStore> =>
  openStore({
    factory: indexedDB,
    name,
    storageManager: null,
    nowMs: () => Date.parse('2026-06-01T12:00:00Z'),
  });

// Version 1 people had no `sex`; trials kept their samples inline.
const personV1 = {
  id: 'p1',
  name: 'Ada',
  birthYear: 1950,
  notes: 'knee',
  createdAt: '2026-01-02T10:00:00.000Z',
};
const trials: TrialRecord[] = [
  makeRecord({ id: 'older', startedAt: '2026-02-01T09:00:00.000+01:00', rows: 400, seed: 2 }),
  makeRecord({ id: 'newer', startedAt: '2026-04-01T09:00:00.000+02:00', rows: 300, seed: 3, rounded: false }),
];
// A trial the live test could not analyse: no analysis, so the version it was judged with is unknown.
const unanalysed: TrialRecord = {
  ...makeRecord({ id: 'short', startedAt: '2026-03-01T09:00:00.000+01:00', rows: 60, seed: 4 }),
  analysis: null,
  analysisError: 'window shorter than 2 s (empty)',
};

async function expectEverythingThere(name: string): Promise<void> {
  const store = await open(name);
  expect(await store.people.list()).toEqual([{ ...personV1, sex: null }]);
  const listed = await store.trials.listByPerson('p1');
  expect(listed.map((t) => t.id)).toEqual(['newer', 'short', 'older']);
  for (const record of [...trials, unanalysed]) {
    const back = await store.trials.get(record.id);
    expect(back).toBeDefined();
    expect(sameSamples(back!.samples, record.samples)).toBe(true);
    const { samples: _samples, ...metadata } = record;
    expect(back).toMatchObject({ ...metadata, personId: 'p1', startedAtMs: Date.parse(record.startedAt) });
    expect(back!.sampleBytes).toBe(encodedByteLength(encodeSamples(record.samples)));
  }
  // analysisVersion comes from the stored analysis; without one it is 0, so re-analysis takes it.
  expect(listed.map((t) => t.analysisVersion)).toEqual([ANALYSIS_VERSION, 0, ANALYSIS_VERSION]);
  const seen: number[] = [];
  const report = await store.reanalyzeOutdated({
    analyzeSamples: (samples) => {
      seen.push(samples.tS.length);
      return { ...trials[0]!.analysis!, analysisVersion: ANALYSIS_VERSION };
    },
    version: ANALYSIS_VERSION,
  });
  expect(report).toEqual({ reanalysed: 1, failed: 0, complete: true });
  expect(seen).toEqual([60]);
  // delete with undo works on the migrated data (the byDeleted indexes exist)
  const token = await store.trials.remove('older');
  expect(await store.undo(token)).toBe(true);
  store.close();

  const raw = await openDB(name);
  expect(raw.version).toBe(SCHEMA_VERSION);
  expect([...raw.objectStoreNames]).toEqual(['people', 'samples', 'summaries', 'trials']);
  expect([...raw.transaction('trials').store.indexNames]).toEqual([
    'byAnalysisVersion',
    'byDeleted',
    'byPersonStart',
  ]);
  raw.close();
  await deleteDB(name);
}

describe('schema migrations', () => {
  it('brings a version 1 database (samples inside the trials) up to the current version', async () => {
    const { name, db } = await databaseAt(1);
    await db.put('people', personV1);
    for (const record of [...trials, unanalysed]) await db.put('trials', { ...record, personId: 'p1' });
    db.close();
    await expectEverythingThere(name);
  });

  it('brings a version 2 database (samples in their own store) up to the current version', async () => {
    const { name, db } = await databaseAt(2);
    await db.put('people', personV1);
    for (const record of [...trials, unanalysed]) {
      const { samples, ...metadata } = record;
      const encoded = encodeSamples(samples);
      await db.put('trials', {
        ...metadata,
        personId: 'p1',
        startedAtMs: Date.parse(record.startedAt),
        sampleCount: encoded.rows,
        sampleBytes: encodedByteLength(encoded),
      });
      await db.put('samples', { trialId: record.id, ...encoded });
    }
    db.close();
    await expectEverythingThere(name);
  });

  it('brings a version 3 database (analysisVersion, soft delete) up to the current version', async () => {
    const { name, db } = await databaseAt(3);
    await db.put('people', { ...personV1, sex: null });
    for (const record of [...trials, unanalysed]) {
      const { samples, ...metadata } = record;
      const encoded = encodeSamples(samples);
      await db.put('trials', {
        ...metadata,
        personId: 'p1',
        startedAtMs: Date.parse(record.startedAt),
        sampleCount: encoded.rows,
        sampleBytes: encodedByteLength(encoded),
        analysisVersion: record.analysis?.analysisVersion ?? 0,
      });
      await db.put('samples', { trialId: record.id, ...encoded });
    }
    // a trial deleted (awaiting purge) in version 3 stays out of the history
    const deleted = makeRecord({ id: 'deleted', startedAt: '2026-05-01T09:00:00.000+02:00', rows: 10 });
    const { samples: deletedSamples, ...deletedMetadata } = deleted;
    await db.put('trials', {
      ...deletedMetadata,
      personId: 'p1',
      startedAtMs: Date.parse(deleted.startedAt),
      sampleCount: 10,
      sampleBytes: 0,
      analysisVersion: ANALYSIS_VERSION,
      deletedAtMs: Date.parse('2026-06-01T11:59:00Z'),
    });
    await db.put('samples', { trialId: 'deleted', ...encodeSamples(deletedSamples) });
    db.close();
    await expectEverythingThere(name);
  });

  it('leaves the database at its old version, untouched, when a step fails', async () => {
    const { name, db } = await databaseAt(1);
    const broken = makeRecord({ id: 'broken', rows: 10 });
    broken.samples.gx = new Float64Array(9);
    await db.put('people', personV1);
    await db.put('trials', { ...trials[0]!, personId: 'p1' });
    await db.put('trials', { ...broken, personId: 'p1' });
    db.close();

    await expect(open(name)).rejects.toMatchObject({
      kind: 'failed',
      message: `The history could not be read or written; nothing already stored was changed.: upgrading the history to version ${SCHEMA_VERSION}: samples column gx has 9 rows, tS has 10`,
    });
    const raw = await openDB(name);
    expect(raw.version).toBe(1);
    expect([...raw.objectStoreNames]).toEqual(['people', 'trials']);
    const kept = (await raw.get('trials', 'older')) as TrialRecord;
    expect(sameSamples(kept.samples, trials[0]!.samples)).toBe(true);
    raw.close();
  });
});
