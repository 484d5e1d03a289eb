/**
 * Opening the history database: feature detection, the schema upgrade, and the cases where
 * the browser says no. Written over `factory.open` (rather than idb's `openDB`, which always
 * uses the global `indexedDB`) so a test or a caller can hand in the factory.
 */
import { wrap, type IDBPDatabase } from 'idb';
import { StorageError, toStorageError } from './errors';
import { upgradeSchema, type UpgradeDatabase, type UpgradeTransaction } from './migrations';
import type { HistorySchema } from './schema';

export interface ConnectionHooks {
  /**
   * The connection ended without our asking: another tab opened a newer schema (we close so
   * it is not blocked) or the browser closed it (storage cleared, disk error).
   */
  onClosed(): void;
}

/** `globalThis.indexedDB` when the platform has it (it is missing in some private modes and old browsers). */
export function defaultFactory(): IDBFactory | null {
  return typeof indexedDB === 'undefined' ? null : indexedDB;
}

/**
 * Opens (creating or upgrading) the database `name` at `version`.
 * Rejects with StorageError: 'unavailable' without IndexedDB or when the browser refuses to
 * open it (Firefox private mode reports InvalidStateError, sandboxed pages SecurityError);
 * 'blocked' when another tab holds an older version open; 'failed' when an upgrade step fails
 * (the database then stays as it was: the upgrade is one transaction).
 */
export function openConnection(
  factory: IDBFactory | null,
  name: string,
  version: number,
  hooks: ConnectionHooks,
): Promise<IDBPDatabase<HistorySchema>> {
  if (!factory) return Promise.reject(new StorageError('unavailable', 'IndexedDB is missing'));
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, version);
    } catch (error) {
      reject(new StorageError('unavailable', String((error as Error)?.message ?? error), error));
      return;
    }
    let upgradeError: unknown = null;
    let settled = false;
    request.onupgradeneeded = (event) => {
      const raw = request.transaction;
      if (!raw) return;
      const db = wrap(request.result) as unknown as UpgradeDatabase;
      const tx = wrap(raw) as unknown as UpgradeTransaction;
      // A failed upgrade rejects `done`; the open request reports it (onerror below).
      tx.done.catch(() => undefined);
      upgradeSchema(db, tx, event.oldVersion, version).catch((error: unknown) => {
        upgradeError = error;
        try {
          raw.abort();
        } catch {
          // already finished: the open request reports the failure
        }
      });
    };
    request.onblocked = () => {
      settled = true;
      reject(new StorageError('blocked'));
    };
    request.onerror = (event) => {
      event.preventDefault();
      if (settled) return;
      settled = true;
      const error = request.error;
      if (upgradeError) {
        const message = upgradeError instanceof Error ? upgradeError.message : String(upgradeError);
        reject(
          new StorageError('failed', `upgrading the history to version ${version}: ${message}`, upgradeError),
        );
      } else if (error?.name === 'InvalidStateError' || error?.name === 'SecurityError') {
        reject(new StorageError('unavailable', error.message, error));
      } else {
        reject(toStorageError(error));
      }
    };
    request.onsuccess = () => {
      const raw = request.result;
      if (settled) {
        // Opened after we gave up on a block: nobody uses this connection.
        raw.close();
        return;
      }
      settled = true;
      raw.onversionchange = () => {
        raw.close();
        hooks.onClosed();
      };
      raw.onclose = () => hooks.onClosed();
      resolve(wrap(raw) as unknown as IDBPDatabase<HistorySchema>);
    };
  });
}
