/**
 * The history's schema, one step per version. Opening the database at SCHEMA_VERSION runs,
 * inside the one upgrade transaction, every step above the stored version in order: a failing
 * step aborts the upgrade as a whole and the database stays at its old version, untouched.
 *
 * - v1: `people` and `trials` (samples inside each trial as Float64Array columns); index
 *   `byPerson` (personId).
 * - v2: samples move to their own store (`samples`, compact: sample-codec.ts), so listing a
 *   history no longer reads them; `trials` gets `startedAtMs` and the index
 *   `byPersonStart` [personId, startedAtMs] in place of `byPerson`.
 * - v3: people get `sex` (for the eyes-closed norms), trials a top-level `analysisVersion`
 *   with the index `byAnalysisVersion` (re-analysis finds outdated trials without a scan), and
 *   both stores a `byDeleted` index for delete with undo.
 * - v4: `summaries`, one columnar record per person for fast listing (summaries.ts). It starts
 *   empty: each person's summary is built from `trials` the first time it is read.
 * - v5: 2-D sway trials analysed by a version below 2 (their automatic window skipped the
 *   first second, as a phone's does after "go") get `analysisVersion` 0, so re-analysis
 *   (reanalysis.ts) analyses them again, whole; their people's summaries are rebuilt. Phone
 *   trials are not touched.
 *
 * Steps work on untyped handles: each version had its own record shapes.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { TrialSamples } from '../session/types';
import { encodedByteLength, encodeSamples, SAMPLE_COLUMNS } from './sample-codec';

export type UpgradeDatabase = IDBPDatabase<unknown>;
export type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface SchemaStep {
  /** The version this step produces. */
  version: number;
  upgrade(db: UpgradeDatabase, tx: UpgradeTransaction): Promise<void>;
}

/** Epoch ms of an ISO date-time; 0 when it cannot be read, so the trial stays in the index. */
export function startedAtMsOf(startedAt: unknown): number {
  const ms = typeof startedAt === 'string' ? Date.parse(startedAt) : NaN;
  return Number.isFinite(ms) ? ms : 0;
}

function emptySamples(): TrialSamples {
  return Object.fromEntries(
    SAMPLE_COLUMNS.map((name) => [name, new Float64Array(0)]),
  ) as unknown as TrialSamples;
}

/** Visits every record of a store inside the upgrade transaction; `change` returns the new value. */
async function rewriteAll(
  tx: UpgradeTransaction,
  storeName: string,
  change: (value: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>,
): Promise<void> {
  let cursor = await tx.objectStore(storeName).openCursor();
  while (cursor) {
    await cursor.update(await change(cursor.value as Record<string, unknown>));
    cursor = await cursor.continue();
  }
}

const v1: SchemaStep = {
  version: 1,
  upgrade(db) {
    db.createObjectStore('people', { keyPath: 'id' });
    const trials = db.createObjectStore('trials', { keyPath: 'id' });
    trials.createIndex('byPerson', 'personId');
    return Promise.resolve();
  },
};

const v2: SchemaStep = {
  version: 2,
  async upgrade(db, tx) {
    db.createObjectStore('samples', { keyPath: 'trialId' });
    const samplesStore = tx.objectStore('samples');
    await rewriteAll(tx, 'trials', async (value) => {
      const { samples, ...trial } = value;
      const encoded = encodeSamples((samples as TrialSamples | undefined) ?? emptySamples());
      await samplesStore.put({ trialId: trial.id, ...encoded });
      return {
        ...trial,
        startedAtMs: startedAtMsOf(trial.startedAt),
        sampleCount: encoded.rows,
        sampleBytes: encodedByteLength(encoded),
      };
    });
    const trials = tx.objectStore('trials');
    trials.deleteIndex('byPerson');
    trials.createIndex('byPersonStart', ['personId', 'startedAtMs']);
  },
};

const v3: SchemaStep = {
  version: 3,
  async upgrade(_db, tx) {
    await rewriteAll(tx, 'people', (person) => ({ ...person, sex: person.sex ?? null }));
    await rewriteAll(tx, 'trials', (trial) => {
      const analysis = trial.analysis as { analysisVersion?: unknown } | null | undefined;
      const version = typeof analysis?.analysisVersion === 'number' ? analysis.analysisVersion : 0;
      return { ...trial, analysisVersion: version };
    });
    tx.objectStore('people').createIndex('byDeleted', 'deletedAtMs');
    const trials = tx.objectStore('trials');
    trials.createIndex('byAnalysisVersion', 'analysisVersion');
    trials.createIndex('byDeleted', 'deletedAtMs');
  },
};

const v4: SchemaStep = {
  version: 4,
  upgrade(db) {
    db.createObjectStore('summaries', { keyPath: 'personId' });
    return Promise.resolve();
  },
};

/** The sway analysis version from which a sway recording is analysed whole (SWAY_ANALYSIS_VERSION then). */
const SWAY_WHOLE_RECORDING_VERSION = 2;

const v5: SchemaStep = {
  version: 5,
  async upgrade(_db, tx) {
    const people = new Set<string>();
    let cursor = await tx.objectStore('trials').openCursor();
    while (cursor) {
      const trial = cursor.value as { sway?: unknown; analysisVersion?: unknown; personId?: unknown };
      const version = typeof trial.analysisVersion === 'number' ? trial.analysisVersion : 0;
      if (trial.sway !== undefined && version > 0 && version < SWAY_WHOLE_RECORDING_VERSION) {
        await cursor.update({ ...trial, analysisVersion: 0 });
        if (typeof trial.personId === 'string') people.add(trial.personId);
      }
      cursor = await cursor.continue();
    }
    // The summaries are a cache of the trials: each is built again the first time it is read.
    for (const personId of people) await tx.objectStore('summaries').delete(personId);
  },
};

/** Every step, oldest first; the last one's version is SCHEMA_VERSION. */
export const SCHEMA_STEPS: readonly SchemaStep[] = [v1, v2, v3, v4, v5];

/** Runs the steps above `fromVersion` up to and including `toVersion`, in order. */
export async function upgradeSchema(
  db: UpgradeDatabase,
  tx: UpgradeTransaction,
  fromVersion: number,
  toVersion: number,
): Promise<void> {
  for (const step of SCHEMA_STEPS) {
    if (step.version > fromVersion && step.version <= toVersion) await step.upgrade(db, tx);
  }
}
