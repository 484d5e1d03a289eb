/** File formats: text in, typed data out (SPEC section 7). Pure: no I/O. */
export { FormatError } from './format-error';
export {
  detectFormat,
  FORMAT_DETECTORS,
  type FileFormat,
  type FormatDetector,
  type HeaderLine,
} from './detect-format';
export { readRecordings, readRecordingGroup, type RecordingTrial } from './read-recordings';
export { readSamplesCsv, SAMPLES_COLUMNS, type LinearAcceleration, type SamplesTrial } from './samples-csv';
export { writeSamplesCsv, type SamplesCsvTrial } from './samples-csv-writer';
export { readSwayCsv, SWAY_COLUMNS, type SwayTrial } from './sway-csv';
export {
  writeSummaryCsv,
  summaryColumns,
  unitSchemeOf,
  FORMULA_TRIGGER,
  MOTION_SIGNAL_UNIT,
  type SummaryTrial,
} from './summary-csv';
export { METRIC_UNITS, metricColumnName, type MetricUnit, type UnitScheme } from './metric-units';
export {
  readSummaryCsv,
  SUMMARY_COLUMN_TYPES,
  type SummaryTable,
  type SummaryRow,
  type SummaryValue,
} from './summary-reader';
export {
  exportTrialsCsv,
  trialSamplesCsvParts,
  trialSummaryCsv,
  trialSummaryColumns,
  type TrialExport,
  type TrialExportMeta,
} from './trial-export';
export {
  importStorkFiles,
  isCompleteRecord,
  type ImportedTrial,
  type ImportedTrialRecord,
  type StorkImport,
} from './trial-import';
export type { StorkTrialRecord, StorkTrialSamples, StorkTrialSetup, StorkSignDecision } from './trial-record';
export {
  importFiles,
  importReadFiles,
  readImportFile,
  readRecordingFiles,
  importedRecordingTrial,
  type ImportReport,
  type ReadFile,
} from './import-files';
export { importSources, type ImportSource, type ImportProgress } from './stream-import';
export { createFileStream, readFileStream, type FileStream, type StreamProgress } from './file-stream';
export { readFileContents, UNKNOWN_FORMAT_REASON, type FileContents } from './read-file';
export {
  combineSensorFiles,
  NOT_ANALYSABLE,
  type ImportedRecording,
  type ImportSign,
} from './combine-sensors';
export { readPhyphoxCsv, readPhyphoxMeta } from './phyphox';
export { readSensorLoggerCsv, readSensorLoggerMetadata } from './sensor-logger';
export { readUbcBalanceTestCsv, readCoreMotionGCsv } from './phone-exports';
export type { SensorFile, SensorKind, SensorFormat } from './sensor-file';
export { unzipCsvFiles, isZip, type NamedText } from './zip';
