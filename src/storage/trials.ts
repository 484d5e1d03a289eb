/** The trials in the history: save (one transaction), list one person's, read one, delete with undo. */
import { ANALYSIS_VERSION, SWAY_ANALYSIS_VERSION } from '../core/options';
import type { TrialRecord, TrialSamples, TrialSway } from '../session/types';
import type { StoreContext, UndoToken } from './context';
import { StorageError } from './errors';
import { startedAtMsOf } from './migrations';
import {
  decodeSamples,
  decodeSway,
  encodedByteLength,
  encodeSamples,
  type EncodedSamples,
} from './sample-codec';
import type { StoredTrial } from './schema';
import {
  decodeSummaries,
  encodeSummaries,
  generationOf,
  isCurrentSummary,
  newestFirst,
  patchSummaries,
  removeRow,
  summaryOf,
  upsertRow,
  type TrialSummary,
} from './summaries';
import { allRequests, inTransaction } from './transaction';

/** A stored trial with its samples: a TrialRecord plus where it belongs. */
export interface StoredTrialWithSamples extends Omit<StoredTrial, 'sway'> {
  samples: TrialSamples;
  /** A 2-D sway trial's signal; absent for phone trials. */
  sway?: TrialSway;
}

/** Which of a person's trials to list. */
export interface TrialListFilter {
  /** Earliest start, epoch ms (inclusive). @default no limit */
  fromMs?: number;
  /** Latest start, epoch ms (inclusive). @default no limit */
  toMs?: number;
  /** Interrupted trials are kept and listed (marked by `interrupted`); false leaves them out. @default true */
  includeInterrupted?: boolean;
  /** At most this many, the newest. @default all */
  limit?: number;
}

export interface TrialsStore {
  /**
   * Stores a finished trial for a person: its metadata and its samples in ONE transaction, so
   * a crash, a reload or a full disk leaves either the whole trial or nothing. Saving an id
   * again replaces that trial. Rejects with StorageError: 'not-found' (no such person),
   * 'full' (quota; nothing already stored changes), 'invalid' (inconsistent samples).
   */
  save(record: TrialRecord, personId: string): Promise<StoredTrial>;
  /**
   * Stores several trials for a person in ONE transaction: all of them or, when any fails
   * (an invalid record, a full disk, no such person), none, so an import changes nothing
   * unless it succeeds as a whole. Rejects like `save`.
   */
  saveMany(records: readonly TrialRecord[], personId: string): Promise<StoredTrial[]>;
  /**
   * One person's trials, newest first, as summaries (no samples; of the analysis only the
   * metrics), read from the person's summary record (summaries.ts) in one read.
   * Deleted trials are left out; a deleted person's trials are not (list people first).
   */
  listByPerson(personId: string, filter?: TrialListFilter): Promise<TrialSummary[]>;
  /** A trial with its samples, or undefined when unknown or deleted. */
  get(id: string): Promise<StoredTrialWithSamples | undefined>;
  /** Soft-deletes a trial: it leaves every list until `undo(token)`, or is purged. */
  remove(id: string): Promise<UndoToken>;
}

/** The stored form of a record: metadata without samples, and the samples encoded. */
export function toStoredForm(
  record: TrialRecord,
  personId: string,
): { trial: StoredTrial; samples: EncodedSamples } {
  const { samples, sway, ...metadata } = record;
  let encoded: EncodedSamples;
  try {
    encoded = encodeSamples(samples, sway);
  } catch (error) {
    throw new StorageError('invalid', `trial ${record.id}: ${(error as Error).message}`, error);
  }
  const trial: StoredTrial = {
    ...metadata,
    personId,
    startedAtMs: startedAtMsOf(record.startedAt),
    analysisVersion: storedAnalysisVersion(record),
    sampleCount: encoded.rows,
    sampleBytes: encodedByteLength(encoded),
    ...(sway === undefined ? {} : { sway: { unit: sway.unit } }),
  };
  delete trial.deletedAtMs;
  return { trial, samples: encoded };
}

/**
 * The version a record is stored with: its analysis's; for a record without analysis, the
 * code that judged it, which is this version. A sway trial analysed before
 * SWAY_ANALYSIS_VERSION (e.g. from an older export) gets 0, so re-analysis takes it (reanalysis.ts).
 */
function storedAnalysisVersion(record: TrialRecord): number {
  const isSway = record.sway !== undefined;
  const current = isSway ? SWAY_ANALYSIS_VERSION : ANALYSIS_VERSION;
  const version = record.analysis?.analysisVersion ?? current;
  return isSway && version < SWAY_ANALYSIS_VERSION ? 0 : version;
}

const isLive = (trial: StoredTrial | undefined): trial is StoredTrial =>
  trial !== undefined && trial.deletedAtMs === undefined;

export function createTrialsStore(context: StoreContext): TrialsStore {
  return {
    async save(record, personId) {
      const [stored] = await saveAll(context, [record], personId);
      return stored!;
    },

    saveMany(records, personId) {
      return saveAll(context, records, personId);
    },

    async listByPerson(personId, filter = {}) {
      const rows = await readSummaries(context, personId);
      const fromMs = filter.fromMs ?? -Infinity;
      const toMs = filter.toMs ?? Infinity;
      const kept = rows.filter(
        (row) =>
          row.startedAtMs >= fromMs &&
          row.startedAtMs <= toMs &&
          (filter.includeInterrupted !== false || !row.interrupted),
      );
      return filter.limit === undefined ? kept : kept.slice(0, filter.limit);
    },

    async get(id) {
      const [trial, samples] = await inTransaction(context.db(), ['trials', 'samples'], 'readonly', (tx) =>
        Promise.all([tx.objectStore('trials').get(id), tx.objectStore('samples').get(id)]),
      );
      if (!isLive(trial)) return undefined;
      if (!samples) throw new StorageError('failed', `the samples of trial ${id} are missing`);
      const { sway: swayUnit, ...rest } = trial;
      const sway = decodeSway(samples);
      return {
        ...rest,
        samples: decodeSamples(samples),
        ...(sway === null ? {} : { sway: { ...sway, unit: swayUnit?.unit ?? null } }),
      };
    },

    remove(id) {
      return inTransaction(context.db(), ['people', 'trials', 'summaries'], 'readwrite', async (tx) => {
        const store = tx.objectStore('trials');
        const trial = await store.get(id);
        if (!isLive(trial)) throw new StorageError('not-found', `trial ${id}`);
        const deletedAtMs = context.nowMs();
        await store.put({ ...trial, deletedAtMs });
        await patchSummaries(tx, trial.personId, removeRow(id));
        return { kind: 'trial', id, deletedAtMs } satisfies UndoToken;
      });
    },
  };
}

/** Writes the records for the person in one transaction (see TrialsStore.save and saveMany). */
async function saveAll(
  context: StoreContext,
  records: readonly TrialRecord[],
  personId: string,
): Promise<StoredTrial[]> {
  for (const record of records) {
    if (typeof record.id !== 'string' || record.id === '')
      throw new StorageError('invalid', 'the trial has no id');
  }
  // Encoded before the transaction: IndexedDB commits a transaction that sits idle, so no
  // long computation may run inside one.
  const stored = records.map((record) => toStoredForm(record, personId));
  await inTransaction(context.db(), ['people', 'trials', 'samples', 'summaries'], 'readwrite', async (tx) => {
    const person = await tx.objectStore('people').get(personId);
    if (!person || person.deletedAtMs !== undefined)
      throw new StorageError('not-found', `person ${personId}`);
    for (const { trial, samples } of stored) {
      const previous = await tx.objectStore('trials').get(trial.id);
      await allRequests([
        () => tx.objectStore('trials').put(trial),
        () => tx.objectStore('samples').put({ trialId: trial.id, ...samples }),
      ]);
      // A trial saved again for someone else leaves the first person's history.
      if (previous && previous.personId !== personId)
        await patchSummaries(tx, previous.personId, removeRow(trial.id));
      await patchSummaries(tx, personId, upsertRow(trial));
    }
  });
  return stored.map(({ trial }) => trial);
}

/**
 * A person's live trials, newest first: their summary when it is current, else rebuilt from
 * `trials` (one index read) and stored for next time. The rebuilt summary is stamped with the
 * generation read together with the trials, so if anything changed meanwhile it is simply
 * stale again. Failing to store it (a full disk) does not fail the read.
 */
async function readSummaries(context: StoreContext, personId: string): Promise<TrialSummary[]> {
  const current = await inTransaction(context.db(), ['people', 'summaries'], 'readonly', async (tx) => {
    const [person, summary] = await Promise.all([
      tx.objectStore('people').get(personId),
      tx.objectStore('summaries').get(personId),
    ]);
    return person && summary && isCurrentSummary(summary, person) ? summary : null;
  });
  if (current) return decodeSummaries(current);

  const { generation, trials } = await inTransaction(
    context.db(),
    ['people', 'trials'],
    'readonly',
    async (tx) => {
      const range = IDBKeyRange.bound([personId, -Infinity], [personId, Infinity]);
      const [person, all] = await Promise.all([
        tx.objectStore('people').get(personId),
        tx.objectStore('trials').index('byPersonStart').getAll(range),
      ]);
      return { generation: person ? generationOf(person) : null, trials: all };
    },
  );
  const rows = trials.filter(isLive).map(summaryOf).sort(newestFirst);
  if (generation !== null) {
    await inTransaction(context.db(), ['summaries'], 'readwrite', (tx) =>
      tx.objectStore('summaries').put(encodeSummaries(personId, generation, rows)),
    ).catch(() => undefined);
  }
  return rows;
}
