/**
 * The trial history on this device (IndexedDB): people, their trials with the raw samples and
 * the analysis, delete with undo, re-analysis when the analysis changes. The only code that
 * touches persistence (STYLE: src/storage).
 *
 * Delete with undo is a soft delete: a deleted person or trial gets `deletedAtMs` and leaves
 * every list at once, `undo(token)` clears it, and the purge removes it for good. The purge
 * runs when the store opens, for deletions older than UNDO_WINDOW_MS (so an undo still on
 * screen in another tab keeps working), and whenever the page calls `purgeDeleted()` (e.g.
 * when its undo offer goes away). Soft delete survives a reload or a crash between delete and
 * undo, and an undo never needs new space (a full disk cannot stop it).
 *
 * Usage:
 *   const store = await openStore();            // StorageError 'unavailable' in private mode
 *   void store.requestPersistence();
 *   const person = await store.people.add({ name: 'P-017', birthYear: 1951 });
 *   await store.sinkFor(person.id).save(record); // the TrialResultSink of the live test
 *   const history = await store.trials.listByPerson(person.id);
 */
import type { TrialResultSink } from '../session/results';
import { defaultFactory, openConnection } from './connection';
import { createContext, type UndoToken } from './context';
import { createPeopleStore, type PeopleStore } from './people';
import {
  defaultStorageManager,
  estimateUse,
  requestPersistence,
  type PersistenceState,
  type StorageUse,
} from './persistence';
import { reanalyzeOutdated, type ReanalysisOptions, type ReanalysisReport } from './reanalysis';
import { DATABASE_NAME, SCHEMA_VERSION } from './schema';
import { createTrialsStore, type TrialsStore } from './trials';
import { patchSummaries, upsertRow } from './summaries';
import { allRequests, inTransaction } from './transaction';

/**
 * How long a deletion stays undoable at the least, ms: the purge at open leaves younger ones.
 * Ten minutes outlasts any undo prompt, and deleted data does not linger for days.
 */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;

export interface OpenStoreOptions {
  /** @default globalThis.indexedDB (null: storage unavailable) */
  factory?: IDBFactory | null;
  /** @default DATABASE_NAME */
  name?: string;
  /** @default navigator.storage */
  storageManager?: StorageManager | null;
  /** Epoch ms clock. @default Date.now */
  nowMs?: () => number;
  /** Id source for new people. @default crypto.randomUUID */
  newId?: () => string;
  /** Deletions at least this old are purged when the store opens, ms. @default UNDO_WINDOW_MS */
  purgeAfterMs?: number;
}

export interface PurgeReport {
  people: number;
  trials: number;
}

export interface TrialStore {
  readonly people: PeopleStore;
  readonly trials: TrialsStore;
  /** The hand-over of the live test (src/session/results.ts): saves each trial for this person. */
  sinkFor(personId: string): TrialResultSink;
  /** Brings back a deleted person or trial; false when it was purged (or changed) meanwhile. */
  undo(token: UndoToken): Promise<boolean>;
  /**
   * Removes for good what was deleted at least `olderThanMs` ago (default 0: every deletion),
   * a deleted person with all their trials. One transaction.
   */
  purgeDeleted(olderThanMs?: number): Promise<PurgeReport>;
  /** Re-analyses trials analysed with an older ANALYSIS_VERSION (reanalysis.ts). */
  reanalyzeOutdated(options?: ReanalysisOptions): Promise<ReanalysisReport>;
  /** Asks the browser to keep the history under storage pressure (`navigator.storage.persist()`). */
  requestPersistence(): Promise<PersistenceState>;
  /** Bytes used and allowed for this site, or null without the Storage API. */
  estimate(): Promise<StorageUse | null>;
  /** True once the connection has ended (close(), another tab's upgrade, the browser). */
  readonly closed: boolean;
  close(): void;
}

/**
 * Opens the history, creating or upgrading it (migrations.ts), and purges deletions older
 * than `purgeAfterMs`. Rejects with StorageError (errors.ts): 'unavailable', 'blocked', 'failed'.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<TrialStore> {
  const factory = options.factory === undefined ? defaultFactory() : options.factory;
  const manager = options.storageManager === undefined ? defaultStorageManager() : options.storageManager;
  const nowMs = options.nowMs ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  let closed = false;
  const db = await openConnection(factory, options.name ?? DATABASE_NAME, SCHEMA_VERSION, {
    onClosed: () => {
      closed = true;
    },
  });
  const context = createContext(db, () => closed, nowMs, newId);
  const trials = createTrialsStore(context);

  const store: TrialStore = {
    people: createPeopleStore(context),
    trials,
    sinkFor(personId) {
      return {
        async save(record) {
          await trials.save(record, personId);
        },
      };
    },
    undo(token) {
      return inTransaction(context.db(), ['people', 'trials', 'summaries'], 'readwrite', async (tx) => {
        if (token.kind === 'person') {
          const person = await tx.objectStore('people').get(token.id);
          if (!person || person.deletedAtMs !== token.deletedAtMs) return false;
          const revived = { ...person };
          delete revived.deletedAtMs;
          await tx.objectStore('people').put(revived);
          return true;
        }
        const trial = await tx.objectStore('trials').get(token.id);
        if (!trial || trial.deletedAtMs !== token.deletedAtMs) return false;
        const revived = { ...trial };
        delete revived.deletedAtMs;
        await tx.objectStore('trials').put(revived);
        await patchSummaries(tx, revived.personId, upsertRow(revived));
        return true;
      });
    },
    purgeDeleted(olderThanMs = 0) {
      const deletedBefore = IDBKeyRange.upperBound(nowMs() - olderThanMs);
      // Deleted trials already left their person's summary when deleted: only a purged person's goes.
      return inTransaction(
        context.db(),
        ['people', 'trials', 'samples', 'summaries'],
        'readwrite',
        async (tx) => {
          const trialStore = tx.objectStore('trials');
          const trialIds = new Set(await trialStore.index('byDeleted').getAllKeys(deletedBefore));
          const personIds = await tx.objectStore('people').index('byDeleted').getAllKeys(deletedBefore);
          for (const personId of personIds) {
            const range = IDBKeyRange.bound([personId, -Infinity], [personId, Infinity]);
            for (const id of await trialStore.index('byPersonStart').getAllKeys(range)) trialIds.add(id);
          }
          await allRequests([
            ...[...trialIds].flatMap((id) => [
              () => trialStore.delete(id),
              () => tx.objectStore('samples').delete(id),
            ]),
            ...personIds.flatMap((id) => [
              () => tx.objectStore('people').delete(id),
              () => tx.objectStore('summaries').delete(id),
            ]),
          ]);
          return { people: personIds.length, trials: trialIds.size };
        },
      );
    },
    reanalyzeOutdated(reanalysisOptions) {
      return reanalyzeOutdated(context, reanalysisOptions);
    },
    requestPersistence() {
      return requestPersistence(manager);
    },
    estimate() {
      return estimateUse(manager);
    },
    get closed() {
      return closed;
    },
    close() {
      closed = true;
      db.close();
    },
  };
  await store.purgeDeleted(options.purgeAfterMs ?? UNDO_WINDOW_MS);
  return store;
}
