/**
 * One read or write = one IndexedDB transaction, committed as a whole or not at all. Any
 * failure (a request error, a quota abort at commit, a throw in the body) aborts it and comes
 * out as a StorageError (errors.ts).
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { StorageError, toStorageError } from './errors';
import type { HistorySchema } from './schema';

export type HistoryDatabase = IDBPDatabase<HistorySchema>;
export type StoreName = StoreNames<HistorySchema>;
export type HistoryTransaction<Mode extends IDBTransactionMode> = IDBPTransaction<
  HistorySchema,
  StoreName[],
  Mode
>;

/** The transaction's own error (set when it aborted), without throwing where the browser would. */
function errorOf(tx: { error: DOMException | null }): DOMException | null {
  try {
    return tx.error;
  } catch {
    return null;
  }
}

/**
 * Runs `body` in one transaction over `stores` and resolves once it has committed. If anything
 * fails the transaction is aborted (so nothing it wrote stays) and the promise rejects with a
 * StorageError; a full quota gives kind 'full' whether the browser reports it on the request
 * or, as Chromium does, by aborting the transaction at commit.
 */
export async function inTransaction<Mode extends IDBTransactionMode, T>(
  db: HistoryDatabase,
  stores: StoreName[],
  mode: Mode,
  body: (tx: HistoryTransaction<Mode>) => Promise<T>,
): Promise<T> {
  let tx: HistoryTransaction<Mode>;
  try {
    tx = db.transaction(stores, mode);
  } catch (error) {
    throw toStorageError(error);
  }
  const done = tx.done;
  done.catch(() => undefined); // observed below; this only keeps an early abort from being "unhandled"
  try {
    const result = await body(tx);
    await done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished (aborted by the browser): nothing left to undo
    }
    await done.catch(() => undefined);
    throw error instanceof StorageError ? error : toStorageError(error, errorOf(tx));
  }
}

/**
 * Starts requests one after another and waits for them all. If starting one throws (a put can
 * throw at once, e.g. DataError or QuotaExceededError), the ones already started are marked
 * handled before rethrowing: the abort that follows rejects them, and that is expected.
 */
export function allRequests(starts: readonly (() => Promise<unknown>)[]): Promise<unknown[]> {
  const started: Promise<unknown>[] = [];
  try {
    for (const start of starts) started.push(start());
  } catch (error) {
    for (const request of started) request.catch(() => undefined);
    throw error;
  }
  return Promise.all(started);
}
