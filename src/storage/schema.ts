/**
 * What the history database holds (the current schema, version 5) and the records' shapes.
 * How each earlier layout is brought up to this one: migrations.ts.
 *
 * Object stores:
 * - `people` (key `id`): a person tested; index `byDeleted` (deletedAtMs, only soft-deleted ones).
 * - `trials` (key `id`): a trial's metadata and analysis, without samples, so listing a
 *   history never reads samples; indexes `byPersonStart` ([personId, startedAtMs], the history
 *   of one person in time order), `byAnalysisVersion` (finds trials to re-analyse), `byDeleted`.
 * - `samples` (key `trialId`): the compact sample columns (sample-codec.ts), written in the
 *   same transaction as the trial.
 * - `summaries` (key `personId`): each person's live trials in one columnar record, the fast
 *   way to list a history (summaries.ts); a cache, checked against `trialsGeneration`.
 * A record without `deletedAtMs` is not in a `byDeleted` index (IndexedDB leaves records out
 * of an index whose key path they lack), so those indexes hold only what awaits purging.
 */
import type { DBSchema } from 'idb';
import type { Sex } from '../core/norms';
import type { TrialRecord } from '../session/types';
import type { EncodedSamples } from './sample-codec';
import type { SummariesRecord } from './summaries';

/** The database's name in the browser's storage for this site. */
export const DATABASE_NAME = 'stork-history';
/** The schema version this code writes; every lower version has a migration (migrations.ts). */
export const SCHEMA_VERSION = 5;

/** Needed only for the eyes-closed norms, which Springer et al. 2007 give for women and men. */
export type { Sex };

/** A person tested: a name or a code, with what the norms need. */
export interface PersonRecord {
  id: string;
  /** Name or code as typed (trimmed, not empty). */
  name: string;
  /** Birth year, for age-group norms (age at a trial = its year - birthYear, or one less). */
  birthYear: number | null;
  sex: Sex | null;
  notes: string;
  /** ISO 8601 date-time the person was added. */
  createdAt: string;
  /** Set while soft-deleted (undo possible until purged), epoch ms. */
  deletedAtMs?: number;
  /** Raised with every change to this person's trials (summaries.ts); absent = 0. */
  trialsGeneration?: number;
}

/**
 * A stored trial: the TrialRecord without its samples, plus where it belongs.
 * Keys a history screen reads: setup, startedAt, endReason, interrupted, holdTimeS, analysis.
 */
export interface StoredTrial extends Omit<TrialRecord, 'samples' | 'sway'> {
  /**
   * A 2-D sway trial's unit (its AP and ML columns are with the samples, `SamplesRecord.sway`);
   * absent for phone trials.
   */
  sway?: { unit: string | null };
  personId: string;
  /**
   * `startedAt` as epoch ms, the index key: ISO strings with different UTC offsets (summer
   * and winter time) do not sort in time order as text.
   */
  startedAtMs: number;
  /**
   * The analysis version the stored `analysis` (or `analysisError`) was made with; below the
   * current ANALYSIS_VERSION the trial is re-analysed from its samples. 0 = unknown, or to be
   * analysed again (a sway trial analysed before SWAY_ANALYSIS_VERSION: reanalysis.ts).
   */
  analysisVersion: number;
  /** Rows of samples stored with the trial. */
  sampleCount: number;
  /** Bytes of the stored sample columns (sample-codec.ts `encodedByteLength`). */
  sampleBytes: number;
  /** Set while soft-deleted (undo possible until purged), epoch ms. */
  deletedAtMs?: number;
}

/** A trial's samples as stored, keyed by the trial's id. */
export interface SamplesRecord extends EncodedSamples {
  trialId: string;
}

export interface HistorySchema extends DBSchema {
  people: { key: string; value: PersonRecord; indexes: { byDeleted: number } };
  trials: {
    key: string;
    value: StoredTrial;
    indexes: { byPersonStart: [string, number]; byAnalysisVersion: number; byDeleted: number };
  };
  samples: { key: string; value: SamplesRecord };
  summaries: { key: string; value: SummariesRecord };
}
