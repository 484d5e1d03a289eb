/**
 * Which files of one import belong together (the page's file picker and drop, several files at
 * once). Pure: it looks only at each file's detected format and at the zip it came out of.
 *
 * - Stork's own samples and summary files are one set: each samples file gives its own trials
 *   (a file without a trial_id column is one trial), and a summary file describes the trials of
 *   any samples file by trial_id.
 * - A 2-D sway CSV chosen with a Stork summary that lists one of its trial ids (an export's
 *   `…-sway.csv` beside its summary) joins the Stork set, so the summary describes its trials;
 *   otherwise each 2-D sway CSV is its own file.
 * - The single-file exports of other apps (UBC Balance Test, the iPhone g-units export) are one
 *   recording each.
 * - The files of a multi-file export (Sensor Logger's TotalAcceleration.csv, Accelerometer.csv,
 *   Gyroscope.csv, Metadata.csv...; phyphox's Accelerometer.csv, Gyroscope.csv, meta/...) are one
 *   recording per app and per container: the loose files of one app chosen together are one
 *   recording, each zip is one recording.
 * - Files of no known format go with the recording of their zip; loose, they are on their own
 *   (the import lists them as left out).
 */
import type { FileFormat } from './detect-format';

/** What the grouping needs to know of a file. */
export interface GroupableFile {
  name: string;
  /** The format its header shows ('unknown' when none, or when it could not be looked at). */
  format: FileFormat;
  /** The zip it was unpacked from, or null for a file chosen as it is. */
  container: string | null;
}

/** Files that are imported together. */
export type ImportGroup<F extends GroupableFile = GroupableFile> =
  /** Stork's samples and summary files (and sway CSVs the summary lists): a trial per trial of each. */
  | { kind: 'stork'; files: F[] }
  /** One 2-D sway CSV. */
  | { kind: 'sway'; files: F[] }
  /** One recording of another app (one or several files). */
  | { kind: 'recording'; files: F[] }
  /** A loose file of no known format. */
  | { kind: 'unknown'; files: F[] };

/** Multi-file exports: the formats of one app's files, by app. */
const APP_OF_FORMAT: Partial<Record<FileFormat, string>> = {
  phyphox: 'phyphox',
  'phyphox-meta': 'phyphox',
  'sensor-logger': 'sensor-logger',
  'sensor-logger-metadata': 'sensor-logger',
};

/**
 * The groups of an import, in the order of each group's first file.
 *
 * In a zip, files of no known format join the zip's recording (so they are listed with it);
 * a zip with files of several apps gives a recording per app. `trialIdsOf` gives the trial ids
 * of a summary's rows and of a 2-D sway CSV's trials (none when not given).
 */
export function groupImportFiles<F extends GroupableFile>(
  files: readonly F[],
  trialIdsOf: (file: F) => readonly string[] = () => [],
): ImportGroup<F>[] {
  const summarised = new Set(
    files.filter((file) => file.format === 'stork-summary').flatMap((file) => trialIdsOf(file)),
  );
  const groups: ImportGroup<F>[] = [];
  const byKey = new Map<string, ImportGroup<F>>();
  const add = (key: string | null, kind: ImportGroup['kind'], file: F) => {
    const existing = key === null ? undefined : byKey.get(key);
    if (existing !== undefined) {
      existing.files.push(file);
      return;
    }
    const group = { kind, files: [file] } as ImportGroup<F>;
    groups.push(group);
    if (key !== null) byKey.set(key, group);
  };
  // Unknown files of a zip wait for the zip's recording; they go first into it when it comes.
  const unknownInZip = new Map<string, F[]>();
  for (const file of files) {
    switch (file.format) {
      case 'stork-samples':
      case 'stork-summary':
        add('stork', 'stork', file);
        break;
      case 'sway-2d':
        if (trialIdsOf(file).some((id) => summarised.has(id))) add('stork', 'stork', file);
        else add(null, 'sway', file);
        break;
      case 'ubc-balance-test':
      case 'coremotion-g':
        add(null, 'recording', file);
        break;
      case 'unknown':
        if (file.container === null) add(null, 'unknown', file);
        else unknownInZip.set(file.container, [...(unknownInZip.get(file.container) ?? []), file]);
        break;
      default: {
        const app = APP_OF_FORMAT[file.format] ?? file.format;
        add(`recording\u0000${file.container ?? ''}\u0000${app}`, 'recording', file);
      }
    }
  }
  // A zip's unknown files join its first recording, or stand alone when it has none.
  for (const [container, unknown] of unknownInZip) {
    const recording = groups.find(
      (group) => group.kind === 'recording' && group.files.some((file) => file.container === container),
    );
    if (recording !== undefined) recording.files.push(...unknown);
    else for (const file of unknown) add(null, 'unknown', file);
  }
  return groups;
}
