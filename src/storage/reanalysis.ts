/**
 * Re-analysis of stored trials after the analysis changed (ANALYSIS_VERSION, src/core/options.ts):
 * every trial whose `analysisVersion` is below the current one is analysed again from its raw
 * samples, and brought to its kind's version (a 2-D sway trial to SWAY_ANALYSIS_VERSION). A sway
 * trial analysed before SWAY_ANALYSIS_VERSION is stored with version 0 (migrations.ts v5 for the
 * stored ones, trials.ts for one saved later), so the index finds it without reading the phone
 * trials, whose analysis did not change. Work goes in batches, each read in one transaction and written in another (the
 * analysis itself runs between them: IndexedDB commits a transaction left idle). A trial's
 * version is raised in the same write as its new analysis, so an interrupted run (a reload, a
 * closed tab) resumes where it stopped, and a finished trial is never analysed twice.
 */
import { analyze } from '../core/analyze';
import { ANALYSIS_VERSION, SWAY_ANALYSIS_VERSION } from '../core/options';
import type { AnalysisResult } from '../core/types';
import { NO_SAMPLES_MESSAGE, recordingOf } from '../session/trial-run';
import type { TrialSamples } from '../session/types';
import type { StoreContext } from './context';
import { decodeSamples, decodeSway, type EncodedSamples } from './sample-codec';
import { patchSummaries, summaryOf } from './summaries';
import type { StoredTrial } from './schema';
import { inTransaction } from './transaction';

/** Trials per batch: a 45 s trial analyses in a few ms, so a batch holds the page for well under a second. */
export const REANALYSIS_BATCH_SIZE = 25;

export interface ReanalysisOptions {
  /** Analyses a trial's samples. @default the pipeline of SPEC section 3 (`analyze`) */
  analyzeSamples?: (samples: TrialSamples) => AnalysisResult;
  /**
   * The version to bring trials below it up to (a sway trial to at least SWAY_ANALYSIS_VERSION).
   * @default ANALYSIS_VERSION
   */
  version?: number;
  /** @default REANALYSIS_BATCH_SIZE */
  batchSize?: number;
  /** Called after each batch with the count so far. */
  onProgress?: (reanalysed: number) => void;
  /** Checked between batches: true stops (the rest is done on the next run). */
  shouldStop?: () => boolean;
}

export interface ReanalysisReport {
  /** Trials brought up to the version (including those whose analysis now fails). */
  reanalysed: number;
  /** Of those, trials the analysis could not analyse (the message is kept in `analysisError`). */
  failed: number;
  /** True when every trial is now at the version. */
  complete: boolean;
}

const defaultAnalyze = (samples: TrialSamples): AnalysisResult => analyze(recordingOf(samples));

/**
 * What a stored trial's samples are analysed as: a 2-D sway trial's AP and ML as a sway
 * recording (its phone columns are all NaN), any other trial's samples as a phone's.
 */
function reanalysisInput(
  encoded: EncodedSamples | undefined,
  analyzeSamples: (samples: TrialSamples) => AnalysisResult,
): { samples: TrialSamples | null; analyzeSamples: (samples: TrialSamples) => AnalysisResult } {
  if (!encoded) return { samples: null, analyzeSamples };
  const samples = decodeSamples(encoded);
  const sway = decodeSway(encoded);
  if (sway === null) return { samples, analyzeSamples };
  return { samples, analyzeSamples: ({ tS }) => analyze({ kind: 'sway', tS, ap: sway.ap, ml: sway.ml }) };
}

/**
 * The new analysis of one trial, or its error message (as the live session words it); null
 * without samples (a trial stopped before "go"): its stored message stays.
 */
function analysisOf(
  samples: TrialSamples | null,
  analyzeSamples: (samples: TrialSamples) => AnalysisResult,
): Pick<StoredTrial, 'analysis' | 'analysisError'> | null {
  if (!samples || samples.tS.length === 0) return null;
  try {
    return { analysis: analyzeSamples(samples), analysisError: null };
  } catch (error) {
    return { analysis: null, analysisError: error instanceof Error ? error.message : String(error) };
  }
}

export async function reanalyzeOutdated(
  context: StoreContext,
  options: ReanalysisOptions = {},
): Promise<ReanalysisReport> {
  const version = options.version ?? ANALYSIS_VERSION;
  const batchSize = options.batchSize ?? REANALYSIS_BATCH_SIZE;
  const analyzeSamples = options.analyzeSamples ?? defaultAnalyze;
  const outdated = IDBKeyRange.upperBound(version, true);
  let reanalysed = 0;
  let failed = 0;
  for (;;) {
    if (options.shouldStop?.()) return { reanalysed, failed, complete: false };
    const batch = await inTransaction(context.db(), ['trials', 'samples'], 'readonly', async (tx) => {
      const ids = await tx.objectStore('trials').index('byAnalysisVersion').getAllKeys(outdated, batchSize);
      return Promise.all(
        ids.map((id) =>
          tx
            .objectStore('samples')
            .get(id)
            .then((samples) => ({ id, samples })),
        ),
      );
    });
    if (batch.length === 0) return { reanalysed, failed, complete: true };

    const results = batch.map(({ id, samples }) => {
      const input = reanalysisInput(samples, analyzeSamples);
      return { id, outcome: analysisOf(input.samples, input.analyzeSamples) };
    });

    await inTransaction(context.db(), ['people', 'trials', 'summaries'], 'readwrite', async (tx) => {
      const store = tx.objectStore('trials');
      const current = await Promise.all(results.map((result) => store.get(result.id)));
      const updated: StoredTrial[] = [];
      results.forEach((result, k) => {
        const trial = current[k];
        // Changed meanwhile (deleted for good, or analysed by another tab): leave it.
        if (!trial || trial.analysisVersion >= version) return;
        const target = trial.sway === undefined ? version : Math.max(version, SWAY_ANALYSIS_VERSION);
        const outcome = result.outcome ?? {
          analysis: null,
          analysisError: trial.analysisError ?? NO_SAMPLES_MESSAGE,
        };
        updated.push({ ...trial, ...outcome, analysisVersion: target });
      });
      await Promise.all(updated.map((trial) => store.put(trial)));
      for (const personId of new Set(updated.map((trial) => trial.personId))) {
        const mine = new Map(
          updated.filter((trial) => trial.personId === personId).map((trial) => [trial.id, trial]),
        );
        await patchSummaries(tx, personId, (rows) =>
          rows.map((row) => {
            const trial = mine.get(row.id);
            return trial ? summaryOf(trial) : row;
          }),
        );
      }
    });
    reanalysed += results.length;
    failed += results.filter((result) => result.outcome?.analysis == null).length;
    options.onProgress?.(reanalysed);
  }
}
