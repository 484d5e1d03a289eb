/**
 * The hand-over of finished trials to whoever keeps them. The session depends only on
 * `TrialResultSink`; for now the records live in memory (`createMemoryResultLog`), and the
 * history (IndexedDB, src/storage) will implement the same interface.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import type { TrialRecord } from './types';

/** Takes a finished trial and keeps it; resolves once kept. */
export interface TrialResultSink {
  save(record: TrialRecord): Promise<void>;
}

/** A sink that also shows what it holds: every kept record, oldest first. */
export interface TrialResultLog extends TrialResultSink {
  /** The kept records, now and after every save (replays the current list on subscribe). */
  readonly records$: Observable<readonly TrialRecord[]>;
}

/**
 * Keeps records in memory for this page's lifetime (lost on reload). Saving a record whose id
 * is already kept replaces it in place.
 */
export function createMemoryResultLog(): TrialResultLog {
  const records = new BehaviorSubject<readonly TrialRecord[]>([]);
  return {
    records$: records.asObservable(),
    save(record: TrialRecord): Promise<void> {
      const current = records.getValue();
      const at = current.findIndex((kept) => kept.id === record.id);
      records.next(at < 0 ? [...current, record] : current.map((kept, k) => (k === at ? record : kept)));
      return Promise.resolve();
    },
  };
}
