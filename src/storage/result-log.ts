/**
 * The live test's hand-over (TrialResultLog, src/session/results.ts) backed by the history:
 * every finished trial is first kept in memory for this page (so the result is shown and can
 * be exported whatever happens to storage), then saved. When saving fails, the record stays
 * in `records$` and `save` rejects with the StorageError whose message the page shows
 * ("Storage is full: this trial was not saved. Export it now; ...").
 */
import { createMemoryResultLog, type TrialResultLog, type TrialResultSink } from '../session/results';
import { StorageError, toStorageError } from './errors';

/** `sink` null: storage is unavailable, every save rejects with StorageError 'unavailable'. */
export function createStoredResultLog(sink: TrialResultSink | null): TrialResultLog {
  const memory = createMemoryResultLog();
  return {
    records$: memory.records$,
    async save(record) {
      await memory.save(record);
      if (!sink) throw new StorageError('unavailable');
      try {
        await sink.save(record);
      } catch (error) {
        throw toStorageError(error);
      }
    },
  };
}
