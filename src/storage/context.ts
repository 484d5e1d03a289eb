/** What the parts of the store share: the connection, the clock and the id source. */
import { StorageError } from './errors';
import type { HistoryDatabase } from './transaction';

export interface StoreContext {
  /** The open connection; throws StorageError 'closed' once it has ended. */
  db(): HistoryDatabase;
  /** Epoch ms, for soft deletes and the birth-year check. */
  nowMs(): number;
  /** A new unique id for a person. */
  newId(): string;
}

/** Handed out by a delete; `undo(token)` brings the record back while it has not been purged. */
export interface UndoToken {
  kind: 'trial' | 'person';
  id: string;
  /** When it was deleted, epoch ms: undo only revives this very deletion. */
  deletedAtMs: number;
}

export function createContext(
  db: HistoryDatabase,
  isClosed: () => boolean,
  nowMs: () => number,
  newId: () => string,
): StoreContext {
  return {
    db(): HistoryDatabase {
      if (isClosed()) throw new StorageError('closed');
      return db;
    },
    nowMs,
    newId,
  };
}
