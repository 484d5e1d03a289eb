/** The trial history (IndexedDB): the public surface for the page and the screens. */
export { openStore, UNDO_WINDOW_MS } from './store';
export type { OpenStoreOptions, PurgeReport, TrialStore } from './store';
export type { UndoToken } from './context';
export type { PeopleStore, PersonInput } from './people';
export type { StoredTrialWithSamples, TrialListFilter, TrialsStore } from './trials';
export type { TrialSummary } from './summaries';
export type { ReanalysisOptions, ReanalysisReport } from './reanalysis';
export { REANALYSIS_BATCH_SIZE } from './reanalysis';
export type { PersistenceState, StorageUse } from './persistence';
export { StorageError, STORAGE_MESSAGES } from './errors';
export type { StorageErrorKind } from './errors';
export { createStoredResultLog } from './result-log';
export { DATABASE_NAME, SCHEMA_VERSION } from './schema';
export type { PersonRecord, Sex, StoredTrial } from './schema';
export { deleteAllData, DATA_NAME_PREFIX, STORAGE_KEY_PREFIX } from './delete-all';
export type { DeleteAllOptions, DeletionReport } from './delete-all';
