/**
 * Saves a finished trial's samples as a Stork samples CSV (SPEC section 7), or a 2-D sway
 * trial's as a 2-D sway CSV: the file `stork analyze` reads, so every number on the result page can be checked elsewhere.
 */
import { writeSamplesCsv } from '../formats/samples-csv-writer';
import { writeSwayCsv } from '../formats/sway-csv';
import type { TrialRecord } from '../session/types';
import { trialRecording } from './result-series';

/** A 2-D sway trial's samples are its AP and ML: written as the 2-D sway CSV (t_ms, ap, ml). */
export function trialSamplesCsv(record: TrialRecord): string {
  const recording = trialRecording(record);
  if (recording.kind === 'sway') return writeSwayCsv([{ recording }]);
  const { lx, ly, lz } = record.samples;
  return writeSamplesCsv([{ recording, linear: { lx, ly, lz } }]);
}

/** e.g. stork-2025-11-21T10-15-02-left.csv: sortable, and safe on every file system. */
export function trialFileName(record: TrialRecord): string {
  const stamp = record.startedAt.slice(0, 19).replace(/[^0-9T]/g, '-');
  return `stork-${stamp}-${record.setup.stanceSide}.csv`;
}

/** Offers the text as a file download. */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
