/**
 * Importing files, for the page's import screen and `stork analyze`. The rule, the same in both:
 *
 * - Stork's own files: a samples CSV, with the summary CSV of the same trials when there is one
 *   (trial-import.ts): every trial in them;
 * - other apps' files given together (one drop, one zip, one folder) are ONE recording: the
 *   files of a Sensor Logger export (TotalAcceleration.csv, Gyroscope.csv, Metadata.csv...) or
 *   of a phyphox CSV zip (Accelerometer.csv, Gyroscope.csv, meta/device.csv...) are combined
 *   (combine-sensors.ts); files that are not a sensor Stork uses (Magnetometer.csv, Location.csv,
 *   unknown CSVs) are left out and listed. A file that is recognised but broken stops the import.
 *
 * Nothing here saves anything: the page shows the trials (with what was converted and skipped),
 * lets the person assign the person, side and condition, and saves them in one transaction.
 */
import type { SkippedRow } from './csv-table';
import { combineSensorFiles, type ImportedRecording, type RecordingMeta } from './combine-sensors';
import { detectFormat } from './detect-format';
import { FormatError } from './format-error';
import { readFileContents, type FileContents } from './read-file';
import { sensorLoggerFileRole } from './sensor-logger';
import { baseName, type SensorFile } from './sensor-file';
import {
  analysisOfSamples,
  importStorkTables,
  medianRateHz,
  summaryRowsOf,
  type ImportedTrial,
} from './trial-import';
import type { StorkTrialSamples } from './trial-record';
import type { SummaryRow } from './summary-reader';
import type { NamedText } from './zip';

/** What `importFiles` found. */
export interface ImportReport {
  trials: ImportedTrial[];
  /** Files left out, and why (`Magnetometer.csv: not a sensor Stork uses`). */
  ignored: string[];
  /** Rows left out, with their file, at most 20 per file listed. */
  skipped: (SkippedRow & { file: string })[];
  skippedCount: number;
}

/**
 * Reads the files of one import.
 *
 * @throws FormatError naming the file (`Gyroscope.csv: line 3: x is not a number ("abc")`) for
 *   a file that cannot be read; nothing is imported then.
 */
export function importFiles(files: readonly NamedText[]): ImportReport {
  const contents = files.map((file) => ({ file, contents: readNamed(file, files.length > 1) }));
  const stork = contents.filter(({ contents }) => contents?.format === 'stork-samples');
  const summaries = contents.filter(({ contents }) => contents?.format === 'stork-summary');
  const sway = contents.filter(({ contents }) => contents?.format === 'sway-2d');
  const sensors = contents.filter(
    ({ contents }) => contents !== null && (isSensorContents(contents) || isMetaContents(contents)),
  );
  const ignored = contents
    .filter(({ contents }) => contents === null)
    .map(({ file }) => `${baseName(file.name)}: ${notUsedReason(file)}`);
  if (sway.length > 0) {
    throw new FormatError(
      null,
      'a 2-D sway CSV (force plate) is analysed by stork analyze, not kept in the history',
      sway[0]?.file.name,
    );
  }
  const report: ImportReport = { trials: [], ignored, skipped: [], skippedCount: 0 };

  const summaryRows = new Map<string, SummaryRow>();
  for (const { file, contents } of summaries) {
    if (contents?.format !== 'stork-summary') continue;
    try {
      for (const [id, row] of summaryRowsOf(contents.summary)) {
        if (summaryRows.has(id))
          throw new FormatError(row.line, `trial_id ${JSON.stringify(id)} appears twice`);
        summaryRows.set(id, row);
      }
    } catch (error) {
      throw error instanceof FormatError ? error.inFile(baseName(file.name)) : error;
    }
  }
  if (stork.length > 0 || summaryRows.size > 0) {
    const samplesTrials = stork.flatMap(({ contents }) =>
      contents?.format === 'stork-samples' ? contents.samples.trials : [],
    );
    const imported = importStorkTables(samplesTrials, summaryRows);
    const files = [...stork, ...summaries].map(({ file }) => file.name);
    for (const trial of imported.trials) trial.origin.files = files;
    report.trials.push(...imported.trials);
    for (const { file, contents } of stork) {
      if (contents?.format !== 'stork-samples') continue;
      report.skipped.push(...contents.samples.skipped.map((row) => ({ ...row, file: file.name })));
      report.skippedCount += contents.samples.skippedCount;
    }
  }

  if (sensors.some(({ contents }) => contents !== null && isSensorContents(contents))) {
    const recording = combineContents(sensors.map(({ contents }) => contents as FileContents));
    report.trials.push(importedRecordingTrial(recording));
    report.skipped.push(...recording.skipped);
    report.skippedCount += recording.skippedCount;
    report.ignored.push(...recording.ignored);
  }
  return report;
}

/**
 * The files of one recording of another app, combined; files not used are listed in `ignored`.
 *
 * @throws FormatError naming the file for one that cannot be read, `no sensor file Stork uses
 *   among: ...` when none is left, and combineSensorFiles's errors.
 */
export function readRecordingFiles(files: readonly NamedText[]): ImportedRecording {
  const contents = files.map((file) => ({ file, contents: readNamed(file, files.length > 1) }));
  const used = contents.filter(
    ({ contents }) => contents !== null && (isSensorContents(contents) || isMetaContents(contents)),
  );
  const stork = contents.find(
    ({ contents }) => contents !== null && !isSensorContents(contents) && !isMetaContents(contents),
  );
  if (stork !== undefined) {
    throw new FormatError(
      null,
      'a Stork file among the files of another app: give it on its own',
      stork.file.name,
    );
  }
  if (!used.some(({ contents }) => contents !== null && isSensorContents(contents))) {
    throw new FormatError(
      null,
      `no sensor file Stork uses among: ${files.map((file) => baseName(file.name)).join(', ')}`,
    );
  }
  const recording = combineContents(used.map(({ contents }) => contents as FileContents));
  const notUsed = contents
    .filter(({ contents }) => contents === null)
    .map(({ file }) => `${baseName(file.name)}: ${notUsedReason(file)}`);
  return { ...recording, ignored: [...notUsed, ...recording.ignored] };
}

/** A recording of another app as a trial to import: setup and id to be given by the person. */
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

type SensorContents = Extract<FileContents, { sensors: SensorFile }>;

function isSensorContents(contents: FileContents): contents is SensorContents {
  return 'sensors' in contents;
}

function isMetaContents(contents: FileContents): boolean {
  return contents.format === 'sensor-logger-metadata' || contents.format === 'phyphox-meta';
}

/** Sensor files and metadata into one recording. */
function combineContents(contents: readonly FileContents[]): ImportedRecording {
  const sensorFiles: SensorFile[] = [];
  const meta: RecordingMeta = {};
  for (const item of contents) {
    if (isSensorContents(item)) sensorFiles.push(item.sensors);
    else if (item.format === 'sensor-logger-metadata') {
      const { platform, standardised, device } = item.metadata;
      if (device !== null) meta.device = device;
      if (platform !== null) {
        meta.signConvention = platform === 'ios' && standardised !== true ? 'ios' : 'w3c';
        meta.note = `Metadata.csv: platform ${platform}${platform === 'ios' ? (standardised === true ? ', standardised' : ', not standardised') : ''}`;
      }
    } else if (item.format === 'phyphox-meta') {
      if (item.meta.device !== null) meta.device = item.meta.device;
      if (item.meta.startedAt !== null) meta.startedAt = item.meta.startedAt;
    }
  }
  return combineSensorFiles(sensorFiles, meta);
}

/**
 * One file's contents, or null for a file of a group that is not a sensor Stork uses (its
 * name says so, or no format knows its header): such files are left out, not fatal, when
 * several are read together.
 */
function readNamed(file: NamedText, inGroup: boolean): FileContents | null {
  if (inGroup && notUsedReason(file) !== null) return null;
  try {
    return readFileContents(file.text, file.name, { storkBadRows: 'skip' });
  } catch (error) {
    throw error instanceof FormatError ? error.inFile(baseName(file.name)) : error;
  }
}

/** Why a file of a group is left out, or null when it is read. */
function notUsedReason(file: NamedText): string | null {
  const format = detectFormat(file.text);
  if (format === 'unknown') return 'not a format Stork reads';
  if (format === 'sensor-logger' && sensorLoggerFileRole(file.name) === 'not-used')
    return 'not a sensor Stork uses';
  return null;
}
