/**
 * A 2-D sway CSV (SPEC section 7: `t_ms` or `t_s`, `ap`, `ml`, any unit) as trials for the
 * history: each trial of the file (one per `trial_id`, or one) becomes a trial whose `sway`
 * holds its AP and ML at the times `samples.tS` (seconds), in the file's own unit, with the
 * placement 'force-plate' and `importedFrom` saying where it came from. The phone columns of
 * its samples are all NaN (no acceleration was measured). It is analysed as a sway recording,
 * exactly as `stork analyze` analyses the file (same pipeline, same automatic window), so its
 * metrics are in the input's unit and it has no touch-down.
 */
import { analyze } from '../core/analyze';
import { AnalysisError } from '../core/errors';
import type { SwayRecording } from '../core/types';
import { SWAY_COLUMNS, type SwayTrial } from './sway-csv';
import { medianRateHz } from './sample-rate';
import type { ImportedTrial } from './trial-import';
import { SWAY_IMPORTED_FROM, type StorkTrialRecord, type StorkTrialSamples } from './trial-record';

/** The format name of a sway trial's origin (detect-format.ts's name of the file format). */
export const SWAY_FORMAT = 'sway-2d';

/** The analysis of a sway trial's signal, or the reason there is none. */
export function analysisOfSway(
  recording: SwayRecording,
): Pick<StorkTrialRecord, 'analysis' | 'analysisError'> {
  if (recording.tS.length === 0) return { analysis: null, analysisError: null };
  try {
    return { analysis: analyze(recording), analysisError: null };
  } catch (error) {
    if (error instanceof AnalysisError) return { analysis: null, analysisError: error.message };
    throw error;
  }
}

/** The sway recording of a stored or imported sway trial. */
export function swayRecordingOf(record: Pick<StorkTrialRecord, 'samples' | 'sway'>): SwayRecording | null {
  if (record.sway === undefined) return null;
  return { kind: 'sway', tS: record.samples.tS, ap: record.sway.ap, ml: record.sway.ml };
}

/** Phone sample columns for a trial without phone samples: the times, every other column NaN. */
export function timesOnly(tS: Float64Array): StorkTrialSamples {
  const nan = (): Float64Array => new Float64Array(tS.length).fill(NaN);
  return {
    tS,
    ax: nan(),
    ay: nan(),
    az: nan(),
    gx: nan(),
    gy: nan(),
    gz: nan(),
    lx: nan(),
    ly: nan(),
    lz: nan(),
  };
}

/**
 * One trial of a 2-D sway CSV as a trial to import: id from `trial_id` (or null), side,
 * condition and date to be given by the person (null), unit null (the input's unit) unless
 * the page is told one.
 */
export function importedSwayTrial(trial: SwayTrial, file: string): ImportedTrial {
  // Copies: the reader may hand out views of a longer buffer.
  const tS = Float64Array.from(trial.recording.tS);
  const ap = Float64Array.from(trial.recording.ap);
  const ml = Float64Array.from(trial.recording.ml);
  const { analysis, analysisError } = analysisOfSway({ kind: 'sway', tS, ap, ml });
  const n = tS.length;
  const spanS = n === 0 ? 0 : (tS[n - 1] as number) - (tS[0] as number);
  return {
    record: {
      id: trial.trialId,
      setup: null,
      startedAt: null,
      endReason: 'completed',
      interrupted: false,
      holdTimeS: analysis?.holdTimeS ?? spanS,
      touchdownS: null,
      source: 'sensor',
      importedFrom: SWAY_IMPORTED_FROM,
      eventsReceived: n,
      inputRateHz: analysis?.metrics.inputRateHz ?? medianRateHz(tS),
      samples: timesOnly(tS),
      analysis,
      analysisError,
      sway: { ap, ml, unit: null },
    },
    subject: null,
    origin: {
      format: SWAY_FORMAT,
      files: [file],
      conversions: [
        ...(trial.timeColumn === SWAY_COLUMNS.timeMs ? ['t_ms: milliseconds to seconds'] : []),
        'ap, ml: a 2-D sway signal, kept in its own unit (metrics in that unit)',
      ],
      notes: [],
    },
  };
}
