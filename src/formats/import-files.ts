/**
 * Importing files, for the page's import screen and `stork analyze`. The rule, the same in both:
 *
 * - Stork's own files: each samples CSV gives its own trials, described by the summary CSV of
 *   the same trials when there is one (trial-import.ts);
 * - other apps' files given together (one drop, one zip, one folder) are ONE recording per app
 *   and per zip (import-groups.ts): the files of a Sensor Logger export (TotalAcceleration.csv,
 *   Gyroscope.csv, Metadata.csv...) or of a phyphox CSV zip (Accelerometer.csv, Gyroscope.csv,
 *   meta/device.csv...) are combined (combine-sensors.ts). Among several files, those that are
 *   not a sensor Stork uses (Magnetometer.csv, Location.csv, a CSV of unknown format) are left
 *   out and listed.
 * - A file that cannot be imported is listed with its line and reason (`failed`) and the other
 *   files are still imported; a broken file of another app's recording fails that recording.
 *
 * Nothing here saves anything: the page shows the trials (with what was converted, skipped and
 * failed), lets the person assign the person, side and condition, and saves them in one
 * transaction.
 */
import type { SkippedRow } from './csv-table';
import { combineSensorFiles, type ImportedRecording, type RecordingMeta } from './combine-sensors';
import { detectFormat, type FileFormat } from './detect-format';
import { FormatError, quoteCell } from './format-error';
import { groupImportFiles } from './import-groups';
import { readFileContents, UNKNOWN_FORMAT_REASON, type FileContents } from './read-file';
import { sensorLoggerFileRole } from './sensor-logger';
import type { SamplesTrial } from './samples-csv';
import type { SwayTrial } from './sway-csv';
import { SENSOR_FORMAT_NAMES, baseName, type SensorFile } from './sensor-file';
import {
  analysisOfSamples,
  importStorkTables,
  medianRateHz,
  summaryRowsOf,
  trialFromSamples,
  type ImportedTrial,
} from './trial-import';
import type { StorkTrialSamples } from './trial-record';
import { importedSwayTrial } from './sway-import';
import type { NamedText } from './zip';

/** One file of an import, read (or left out, with the reason, or broken, with the error). */
export interface ReadFile {
  name: string;
  /** The format its header shows ('unknown' when none). */
  format: FileFormat;
  /** The zip it was unpacked from, or null (the files of a zip are one recording). */
  container: string | null;
  /** null when the file is left out or cannot be read. */
  contents: FileContents | null;
  /** Why it is left out, or null. */
  ignoredReason: string | null;
  /** Why it cannot be read (the FormatError, naming the file), or null. */
  error: FormatError | null;
}

/** A file that could not be imported: nothing of it (and of `alsoNotImported`) is in the report's trials. */
export interface FailedFile {
  /** The file's name (base name). */
  file: string;
  /** 1-based line of the problem, or null when no line applies. */
  line: number | null;
  /** What is wrong. */
  reason: string;
  /** `Gyroscope.csv: line 3: x (rad/s) is not a number ("abc")` */
  message: string;
  /** The other files of its recording, not imported because of it. */
  alsoNotImported: string[];
}

/** What an import found. */
export interface ImportReport {
  trials: ImportedTrial[];
  /** Files left out, and why (`Magnetometer.csv: not a sensor Stork uses`). */
  ignored: string[];
  /** Rows left out, with their file (at most 20 listed per file). */
  skipped: (SkippedRow & { file: string })[];
  skippedCount: number;
  /** Files that cannot be imported, each with its line and reason; the others are still imported. */
  failed: FailedFile[];
}

/** Why a file among several is left out without reading it (its name says it is no sensor Stork uses), or null. */
export function ignoredByName(name: string): string | null {
  return sensorLoggerFileRole(name) === 'not-used' ? 'not a sensor Stork uses' : null;
}

/** The reason for a file among several whose header no format recognises. */
export const NOT_A_FORMAT_STORK_READS = 'not a format Stork reads';

/**
 * Reads one file of an import. Among several files (`inGroup`), one that is no sensor Stork
 * uses, or of no known format, is left out; alone, it is an error. A file that cannot be read
 * comes back with its error (never thrown), so the other files are still imported.
 */
export function readImportFile(file: NamedText, inGroup: boolean, container: string | null = null): ReadFile {
  const format = detectFormat(file.text);
  const read = { name: file.name, format, container, contents: null, ignoredReason: null, error: null };
  const byName = inGroup ? ignoredByName(file.name) : null;
  if (byName !== null) return { ...read, ignoredReason: byName };
  try {
    return { ...read, contents: readFileContents(file.text, file.name, { storkBadRows: 'skip' }) };
  } catch (error) {
    return { ...read, ...failedRead(error, inGroup, file.name) };
  }
}

/**
 * What a reader's error makes of a file: left out (a file of no known format among several) or
 * broken (the error, naming the file).
 *
 * @throws what is not a FormatError (a bug, not the input).
 */
export function failedRead(
  error: unknown,
  inGroup: boolean,
  name: string,
): Pick<ReadFile, 'ignoredReason' | 'error'> {
  if (!(error instanceof FormatError)) throw error;
  if (inGroup && isNotAFormat(error)) return { ignoredReason: NOT_A_FORMAT_STORK_READS, error: null };
  return { ignoredReason: null, error: error.inFile(baseName(name)) };
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
 * Reads the files of one import (see the module comment). A file that cannot be imported is in
 * the report's `failed`, with its line and reason; the others are imported all the same.
 */
export function importFiles(files: readonly NamedText[]): ImportReport {
  return importReadFiles(files.map((file) => readImportFile(file, files.length > 1)));
}

/**
 * The import of files already read (by `readImportFile`, or streamed in a worker with
 * file-stream.ts), group by group (import-groups.ts): Stork's files give a trial per trial of
 * each samples file; the files of another app's recording give one trial; a 2-D sway CSV gives
 * a sway trial per trial of the file (sway-import.ts). A file that cannot be imported fails alone, except
 * in a recording of another app, which is imported whole or not at all.
 */
export function importReadFiles(files: readonly ReadFile[]): ImportReport {
  const report: ImportReport = { trials: [], ignored: [], skipped: [], skippedCount: 0, failed: [] };
  for (const group of groupImportFiles(files, trialIdsOf)) {
    switch (group.kind) {
      case 'stork':
        importStorkGroup(group.files, report);
        break;
      case 'recording':
        importRecordingGroup(group.files, report);
        break;
      case 'sway':
      case 'unknown':
        for (const file of group.files) {
          if (file.error !== null) report.failed.push(failure(file.error, file.name));
          else if (isRead(file, 'sway-2d'))
            report.trials.push(...file.contents.trials.map((trial) => importedSwayTrial(trial, file.name)));
          else
            report.ignored.push(`${baseName(file.name)}: ${file.ignoredReason ?? NOT_A_FORMAT_STORK_READS}`);
        }
        break;
    }
  }
  return report;
}

/** The trial ids a summary lists and those of a 2-D sway CSV's trials (for grouping). */
function trialIdsOf(file: ReadFile): string[] {
  const { contents } = file;
  if (file.error !== null || contents === null) return [];
  if (contents.format === 'stork-summary') {
    return contents.summary.rows.flatMap(({ cells }) => {
      const id = cells['trial_id'];
      return typeof id === 'string' ? [id] : [];
    });
  }
  if (contents.format === 'sway-2d') return contents.trials.flatMap(({ trialId }) => trialId ?? []);
  return [];
}

function failure(error: FormatError, name: string, alsoNotImported: string[] = []): FailedFile {
  const named = error.inFile(baseName(name));
  return {
    file: named.file ?? baseName(name),
    line: named.line,
    reason: named.reason,
    message: named.message,
    alsoNotImported,
  };
}

type ReadAs<F extends FileContents['format']> = ReadFile & { contents: Extract<FileContents, { format: F }> };

function isRead<F extends FileContents['format']>(file: ReadFile, format: F): file is ReadAs<F> {
  return file.error === null && file.contents?.format === format;
}

/**
 * Stork's samples and summary files, and the 2-D sway CSVs a summary lists (an export's three
 * files). Each samples or sway file gives its own trials; a summary file describes trials of
 * any of them by trial_id (its rows then give side, condition, date and the stored analysis;
 * a sway trial's unit too). A file that cannot be read, a samples or sway file with a trial id
 * that an earlier one has, and a summary with a bad row or a trial without samples fail alone;
 * a trial of a samples file that no summary describes is analysed again, its side and
 * condition to be given, and a sway trial no summary describes is imported as a sway CSV alone
 * gives it.
 */
function importStorkGroup(files: readonly ReadFile[], report: ImportReport): void {
  for (const file of files) if (file.error !== null) report.failed.push(failure(file.error, file.name));
  type GroupTrial = SamplesTrial | SwayTrial;
  const fileOfTrial = new Map<GroupTrial, string>();
  const byId = new Map<string, GroupTrial>();
  const samplesFiles: ReadAs<'stork-samples'>[] = [];
  const swayFiles: ReadAs<'sway-2d'>[] = [];
  for (const file of files) {
    let trials: readonly GroupTrial[];
    if (isRead(file, 'stork-samples')) trials = file.contents.samples.trials;
    else if (isRead(file, 'sway-2d')) trials = file.contents.trials;
    else continue;
    const clash = trials.find((trial) => trial.trialId !== null && byId.has(trial.trialId));
    if (clash !== undefined) {
      const other = baseName(fileOfTrial.get(byId.get(clash.trialId as string) as GroupTrial) ?? '');
      const line = clash.lines.length > 0 ? (clash.lines[0] as number) : null;
      const error = new FormatError(
        line,
        `trial_id ${quoteCell(clash.trialId as string)} is also in ${other}`,
      );
      report.failed.push(failure(error, file.name));
      continue;
    }
    for (const trial of trials) {
      fileOfTrial.set(trial, file.name);
      if (trial.trialId !== null) byId.set(trial.trialId, trial);
    }
    if (isRead(file, 'stork-samples')) samplesFiles.push(file);
    else if (isRead(file, 'sway-2d')) swayFiles.push(file);
  }
  const isSway = (trial: GroupTrial): trial is SwayTrial => trial.recording.kind === 'sway';

  const described = new Set<GroupTrial>();
  const summaryOfId = new Map<string, string>();
  for (const file of files) {
    if (!isRead(file, 'stork-summary')) continue;
    try {
      const rows = summaryRowsOf(file.contents.summary);
      for (const [id, row] of rows) {
        const other = summaryOfId.get(id);
        if (other !== undefined)
          throw new FormatError(row.line, `trial_id ${quoteCell(id)} is also in ${baseName(other)}`);
      }
      const matched = [...rows.keys()].flatMap((id) => {
        const trial = byId.get(id);
        return trial === undefined || described.has(trial) ? [] : [trial];
      });
      const imported = importStorkTables(
        matched.filter((trial) => !isSway(trial)) as SamplesTrial[],
        rows,
        [],
        0,
        matched.filter(isSway),
      );
      for (const trial of imported.trials) {
        const samples = trial.record.id === null ? undefined : byId.get(trial.record.id);
        const samplesFile = samples === undefined ? undefined : fileOfTrial.get(samples);
        trial.origin.files = samplesFile === undefined ? [file.name] : [samplesFile, file.name];
      }
      report.trials.push(...imported.trials);
      for (const trial of matched) described.add(trial);
      for (const id of rows.keys()) summaryOfId.set(id, file.name);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      // trial-import.ts names the summary `summary`: here it has its name.
      const named = error.file === 'summary' ? new FormatError(error.line, error.reason) : error;
      report.failed.push(failure(named, file.name));
    }
  }

  for (const file of samplesFiles) {
    for (const trial of file.contents.samples.trials) {
      if (described.has(trial)) continue;
      const imported = trialFromSamples(trial);
      imported.origin.files = [file.name];
      report.trials.push(imported);
    }
    report.skipped.push(...file.contents.samples.skipped.map((row) => ({ ...row, file: file.name })));
    report.skippedCount += file.contents.samples.skippedCount;
  }
  for (const file of swayFiles) {
    for (const trial of file.contents.trials) {
      if (!described.has(trial)) report.trials.push(importedSwayTrial(trial, file.name));
    }
  }
}

/** The files of one recording of another app: one trial, or (a file of it broken) none. */
function importRecordingGroup(files: readonly ReadFile[], report: ImportReport): void {
  const names = files.map((file) => baseName(file.name));
  const broken = files.filter((file) => file.error !== null);
  if (broken.length > 0) {
    for (const file of broken) {
      const others = names.filter((name) => name !== baseName(file.name));
      report.failed.push(failure(file.error as FormatError, file.name, others));
    }
    return;
  }
  const notUsed = files
    .filter((file) => file.contents === null)
    .map((file) => `${baseName(file.name)}: ${file.ignoredReason}`);
  if (!files.some((file) => file.contents !== null && isSensorContents(file.contents))) {
    report.ignored.push(
      ...notUsed,
      ...files
        .filter((file) => file.contents !== null)
        .map((file) => `${baseName(file.name)}: metadata without sensor files`),
    );
    return;
  }
  try {
    const recording = combineReadFiles(files);
    report.trials.push(importedRecordingTrial(recording));
    report.skipped.push(...recording.skipped);
    report.skippedCount += recording.skippedCount;
    report.ignored.push(...notUsed, ...recording.ignored);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    const name = error.file ?? files[0]?.name ?? '';
    report.failed.push(
      failure(
        error,
        name,
        names.filter((other) => other !== baseName(name)),
      ),
    );
  }
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
  const broken = read.find((file) => file.error !== null);
  if (broken?.error) throw broken.error;
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
      importedFrom: SENSOR_FORMAT_NAMES[recording.format],
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
