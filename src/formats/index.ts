/** File formats: text in, typed data out (SPEC section 7). Pure: no I/O. */
export { FormatError } from './format-error';
export {
  detectFormat,
  FORMAT_DETECTORS,
  type FileFormat,
  type FormatDetector,
  type HeaderLine,
} from './detect-format';
export { readRecordings, type RecordingTrial } from './read-recordings';
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
