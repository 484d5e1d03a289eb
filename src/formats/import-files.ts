/**
 * Importing files, for the page's import screen and `stork analyze`. The rule, the same in both:
 *
 * - Stork's own files: a samples CSV, with the summary CSV of the same trials when there is one
 *   (trial-import.ts): every trial in them;
 * - other apps' files given together (one drop, one zip, one folder) are ONE recording: the
 *   files of a Sensor Logger export (TotalAcceleration.csv, Gyroscope.csv, Metadata.csv...) or
 *   of a phyphox CSV zip (Accelerometer.csv, Gyroscope.csv, meta/device.csv...) are combined
 *   (combine-sensors.ts). Among several files, those that are not a sensor Stork uses
 *   (Magnetometer.csv, Location.csv, a CSV of unknown format) are left out and listed. A file
 *   that is recognised but broken stops the import.
 *
 * Nothing here saves anything: the page shows the trials (with what was converted and skipped),
 * lets the person assign the person, side and condition, and saves them in one transaction.
 */
import type { SkippedRow } from './csv-table';
import { combineSensorFiles, type ImportedRecording, type RecordingMeta } from './combine-sensors';
import { detectFormat, type FileFormat } from './detect-format';
import { FormatError } from './format-error';
import { readFileContents, UNKNOWN_FORMAT_REASON, type FileContents } from './read-file';
import { sensorLoggerFileRole } from './sensor-logger';
import { baseName, type SensorFile } from './sensor-file';
import type { SummaryRow } from './summary-reader';
import {
  analysisOfSamples,
  importStorkTables,
  medianRateHz,
  summaryRowsOf,
  type ImportedTrial,
} from './trial-import';
import type { StorkTrialSamples } from './trial-record';
import type { NamedText } from './zip';

/** One file of an import, read (or left out, with the reason). */
export interface ReadFile {
  name: string;
  /** null when the file is left out. */
  contents: FileContents | null;
  /** Why it is left out, or null. */
  ignoredReason: string | null;
}

/** What an import found. */
export interface ImportReport {
  trials: ImportedTrial[];
  /** Files left out, and why (`Magnetometer.csv: not a sensor Stork uses`). */
  ignored: string[];
  /** Rows left out, with their file (at most 20 listed per file). */
  skipped: (SkippedRow & { file: string })[];
  skippedCount: number;
}

/** Why a file among several is left out without reading it (its name says it is no sensor Stork uses), or null. */
export function ignoredByName(name: string): string | null {
  return sensorLoggerFileRole(name) === 'not-used' ? 'not a sensor Stork uses' : null;
}

/** The reason for a file among several whose header no format recognises. */
export const NOT_A_FORMAT_STORK_READS = 'not a format Stork reads';

/**
 * Reads one file of an import. Among several files (`inGroup`), one that is no sensor Stork
 * uses, or of no known format, is left out; alone, it is an error.
 *
 * @throws FormatError naming the file.
 */
export function readImportFile(file: NamedText, inGroup: boolean): ReadFile {
  const byName = inGroup ? ignoredByName(file.name) : null;
  if (byName !== null) return { name: file.name, contents: null, ignoredReason: byName };
  try {
    return {
      name: file.name,
      contents: readFileContents(file.text, file.name, { storkBadRows: 'skip' }),
      ignoredReason: null,
    };
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    if (inGroup && isNotAFormat(error)) {
      return { name: file.name, contents: null, ignoredReason: NOT_A_FORMAT_STORK_READS };
    }
    throw error.inFile(baseName(file.name));
  }
}

/** True for the errors of a file that is no table at all (unknown header, empty, no header row). */
export function isNotAFormat(error: FormatError): boolean {
  return (
    error.reason === UNKNOWN_FORMAT_REASON ||
    error.reason === 'file is empty' ||
    error.reason === 'no header row'
  );
}

/**
 * Reads the files of one import (see the module comment).
 *
 * @throws FormatError naming the file (`Gyroscope.csv: line 3: x is not a number ("abc")`);
 *   nothing is imported then.
 */
export function importFiles(files: readonly NamedText[]): ImportReport {
  return importReadFiles(files.map((file) => readImportFile(file, files.length > 1)));
}

/**
 * The import of files already read (by `readImportFile`, or streamed in a worker with
 * file-stream.ts).
 *
 * @throws FormatError naming the file: a 2-D sway CSV (not a trial of the history), a summary
 *   row twice, and the combination's errors.
 */
export function importReadFiles(files: readonly ReadFile[]): ImportReport {
  const report: ImportReport = {
    trials: [],
    ignored: files
      .filter((file) => file.contents === null)
      .map((file) => `${baseName(file.name)}: ${file.ignoredReason}`),
    skipped: [],
    skippedCount: 0,
  };
  const ofFormat = <F extends FileContents['format']>(...formats: F[]) =>
    files.filter((file): file is ReadFile & { contents: Extract<FileContents, { format: F }> } =>
      formats.includes(file.contents?.format as F),
    );
  const sway = ofFormat('sway-2d')[0];
  if (sway !== undefined) {
    throw new FormatError(
      null,
      'a 2-D sway CSV (force plate) is analysed by stork analyze, not kept in the history',
      baseName(sway.name),
    );
  }

  const samples = ofFormat('stork-samples');
  const summaries = ofFormat('stork-summary');
  if (samples.length > 0 || summaries.length > 0) {
    const rows = new Map<string, SummaryRow>();
    for (const file of summaries) {
      try {
        for (const [id, row] of summaryRowsOf(file.contents.summary)) {
          if (rows.has(id)) throw new FormatError(row.line, `trial_id ${JSON.stringify(id)} appears twice`);
          rows.set(id, row);
        }
      } catch (error) {
        throw error instanceof FormatError ? error.inFile(baseName(file.name)) : error;
      }
    }
    const imported = importStorkTables(
      samples.flatMap((file) => file.contents.samples.trials),
      rows,
    );
    const names = [...samples, ...summaries].map((file) => file.name);
    for (const trial of imported.trials) trial.origin.files = names;
    report.trials.push(...imported.trials);
    for (const file of samples) {
      report.skipped.push(...file.contents.samples.skipped.map((row) => ({ ...row, file: file.name })));
      report.skippedCount += file.contents.samples.skippedCount;
    }
  }

  const sensorFiles = ofFormat('phyphox', 'sensor-logger', 'ubc-balance-test', 'coremotion-g');
  if (sensorFiles.length > 0) {
    const recording = combineReadFiles(files);
    report.trials.push(importedRecordingTrial(recording));
    report.skipped.push(...recording.skipped);
    report.skippedCount += recording.skippedCount;
    report.ignored.push(...recording.ignored);
  } else {
    const meta = ofFormat('sensor-logger-metadata', 'phyphox-meta')[0];
    if (meta !== undefined) report.ignored.push(`${baseName(meta.name)}: metadata without sensor files`);
  }
  return report;
}

/**
 * The files of one recording of another app, combined; files not used are listed in `ignored`.
 *
 * @throws FormatError naming the file for one that cannot be read, `a Stork file among the files
 *   of another app`, `no sensor file Stork uses among: ...`, and combineSensorFiles's errors.
 */
export function readRecordingFiles(files: readonly NamedText[]): ImportedRecording {
  const stork = files.find((file) => STORK_FORMATS.includes(detectFormat(file.text)));
  if (stork !== undefined) {
    throw new FormatError(
      null,
      'a Stork file among the files of another app: give it on its own',
      baseName(stork.name),
    );
  }
  const read = files.map((file) => readImportFile(file, files.length > 1));
  if (!read.some((file) => file.contents !== null && isSensorContents(file.contents))) {
    throw new FormatError(
      null,
      `no sensor file Stork uses among: ${files.map((file) => baseName(file.name)).join(', ')}`,
    );
  }
  const recording = combineReadFiles(read);
  const notUsed = read
    .filter((file) => file.contents === null)
    .map((file) => `${baseName(file.name)}: ${file.ignoredReason}`);
  return { ...recording, ignored: [...notUsed, ...recording.ignored] };
}

/** A recording of another app as a trial to import: id and setup to be given by the person. */
export function importedRecordingTrial(recording: ImportedRecording): ImportedTrial {
  const n = recording.tS.length;
  const column = (values: ArrayLike<number> | undefined) =>
    values === undefined ? new Float64Array(n).fill(NaN) : Float64Array.from(values);
  const motion = recording.recording;
  const samples: StorkTrialSamples = {
    tS: Float64Array.from(recording.tS),
    ax: column(motion?.ax),
    ay: column(motion?.ay),
    az: column(motion?.az),
    gx: column(motion?.gx),
    gy: column(motion?.gy),
    gz: column(motion?.gz),
    lx: column(recording.linear?.lx),
    ly: column(recording.linear?.ly),
    lz: column(recording.linear?.lz),
  };
  const { analysis, analysisError } =
    recording.notAnalysable === null
      ? analysisOfSamples(samples)
      : { analysis: null, analysisError: recording.notAnalysable };
  const spanS = n === 0 ? 0 : (samples.tS[n - 1] as number) - (samples.tS[0] as number);
  return {
    record: {
      id: null,
      setup: null,
      startedAt: recording.startedAt,
      endReason: analysis?.touchdownS != null ? 'touchdown' : 'completed',
      interrupted: false,
      holdTimeS: analysis?.holdTimeS ?? spanS,
      touchdownS: analysis?.touchdownS ?? null,
      source: 'sensor',
      eventsReceived: n,
      inputRateHz: analysis?.metrics.inputRateHz ?? medianRateHz(samples.tS),
      samples,
      analysis,
      analysisError,
    },
    subject: null,
    origin: {
      format: recording.format,
      files: recording.files,
      conversions: [...recording.conversions, recording.sign.note],
      notes: recording.device === null ? [] : [`device: ${recording.device}`],
    },
  };
}

/** Stork's own formats, which are never part of another app's recording. */
const STORK_FORMATS: readonly FileFormat[] = ['stork-samples', 'sway-2d', 'stork-summary'];

type SensorContents = Extract<FileContents, { sensors: SensorFile }>;

function isSensorContents(contents: FileContents): contents is SensorContents {
  return 'sensors' in contents;
}

function isMetaContents(contents: FileContents): boolean {
  return contents.format === 'sensor-logger-metadata' || contents.format === 'phyphox-meta';
}

/** The sensor files and metadata among `files`, as one recording. */
function combineReadFiles(files: readonly ReadFile[]): ImportedRecording {
  const sensorFiles: SensorFile[] = [];
  const meta: RecordingMeta = {};
  for (const { contents } of files) {
    if (contents === null) continue;
    if (isSensorContents(contents)) sensorFiles.push(contents.sensors);
    else if (contents.format === 'sensor-logger-metadata') {
      const { platform, standardised, device } = contents.metadata;
      if (device !== null) meta.device = device;
      if (platform !== null) {
        meta.signConvention = platform === 'ios' && standardised !== true ? 'ios' : 'w3c';
        const setting =
          platform !== 'ios' ? '' : standardised === true ? ', standardised' : ', not standardised';
        meta.note = `Metadata.csv: platform ${platform}${setting}`;
      }
    } else if (contents.format === 'phyphox-meta') {
      if (contents.meta.device !== null) meta.device = contents.meta.device;
      if (contents.meta.startedAt !== null) meta.startedAt = contents.meta.startedAt;
    }
  }
  const recording = combineSensorFiles(sensorFiles, meta);
  const used = files.filter(
    ({ contents }) => contents !== null && (isSensorContents(contents) || isMetaContents(contents)),
  );
  return { ...recording, files: used.map((file) => file.name) };
}
