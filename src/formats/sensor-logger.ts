/**
 * Sensor Logger exports (SPEC section 7; Kelvin Choi's app, documented in
 * github.com/tszheichoi/awesome-sensor-logger, UNITS.md and CROSSPLATFORM.md).
 *
 * One CSV per sensor, all with `time` (ns since 1970, an integer), `seconds_elapsed` (s since
 * the recording started) and the axes in the order `z, y, x`. The header is the same for every
 * sensor, so the sensor comes from the file's name, as the app writes it:
 * - `TotalAcceleration.csv`: acceleration with gravity, m/s^2 (Android only);
 * - `Accelerometer.csv`: acceleration without gravity, m/s^2 (on iOS the only acceleration file:
 *   "You may create acceleration with gravity by combining the Accelerometer and Gravity sensor
 *   readings", UNITS.md);
 * - `Gravity.csv`: the operating system's estimate of gravity, m/s^2;
 * - `Gyroscope.csv`: rad/s, made deg/s here.
 * `Metadata.csv` (one row) names the device and the platform. Uncalibrated, magnetometer,
 * orientation and the other files are not used.
 *
 * Times: `time` is read exactly, as an integer number of ns (a double would lose the last
 * ~200 ns at today's epoch), made relative to the first row, and the first row's instant is
 * kept (`originNs`) so files of one recording line up to the nanosecond.
 *
 * Signs: iOS and Android differ by a negative sign on all three axes of acceleration and gravity
 * unless "Standardise Units & Frames" is on (CROSSPLATFORM.md); the files do not say which, so
 * the convention is `unknown` here and decided for the recording (combine-sensors.ts).
 */
import { columnIndexes, readCsvHeader, readTextRows, type NumericColumn } from './csv-table';
import { FormatError } from './format-error';
import { leadingLines, readWithPlan, headerNames, type TablePlan } from './table-plan';
import {
  DEGREES_PER_RADIAN,
  baseName,
  epochNanosecondsToIso,
  scaled,
  type SensorFile,
  type SensorKind,
} from './sensor-file';
import { ACCELERATION_LIMIT, MAX_SPAN_NS, ROTATION_RAD_S_LIMIT } from './value-limits';

export const SENSOR_LOGGER_COLUMNS = { time: 'time', elapsed: 'seconds_elapsed' } as const;

/** True for a Sensor Logger sensor file's header (`time` and `seconds_elapsed` columns). */
export function isSensorLoggerHeader(headerLine: string): boolean {
  const names = headerNames(headerLine, ',');
  return names.includes(SENSOR_LOGGER_COLUMNS.time) && names.includes(SENSOR_LOGGER_COLUMNS.elapsed);
}

/** True for Sensor Logger's `Metadata.csv` header. */
export function isSensorLoggerMetadataHeader(headerLine: string): boolean {
  const names = headerNames(headerLine, ',');
  return names.includes('platform') && names.includes('recording epoch time');
}

/** What a Sensor Logger file is, from its name. */
export type SensorLoggerFileRole = SensorKind | 'metadata' | 'not-used';

/**
 * File names of the app, longest first so `AccelerometerUncalibrated` is not taken for
 * `Accelerometer`; matched without case, spaces or separators, anywhere in the name
 * (`malimsZen_SM-N986B_TotalAcceleration.csv` is a TotalAcceleration file).
 */
const FILE_ROLES: readonly [string, SensorLoggerFileRole][] = [
  ['totalacceleration', 'acceleration'],
  ['accelerometeruncalibrated', 'not-used'],
  ['gyroscopeuncalibrated', 'not-used'],
  ['magnetometeruncalibrated', 'not-used'],
  ['accelerometer', 'linear-acceleration'],
  ['gyroscope', 'gyroscope'],
  ['gravity', 'gravity'],
  ['metadata', 'metadata'],
  ['magnetometer', 'not-used'],
  ['orientation', 'not-used'],
  ['annotation', 'not-used'],
  ['location', 'not-used'],
  ['barometer', 'not-used'],
];

/** The role of a Sensor Logger file from its name, or null when the name does not say. */
export function sensorLoggerFileRole(fileName: string): SensorLoggerFileRole | null {
  const name = baseName(fileName)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  return FILE_ROLES.find(([word]) => name.includes(word))?.[1] ?? null;
}

/** Nanoseconds per second. */
const NS_PER_S = 1e9;
/** Digits of the nanoseconds within a second. */
const NS_DIGITS = 9;
/**
 * Largest whole seconds between a row and the first row for which `seconds * 1e9 + ns` is still
 * an exact double (2^53 ns is 104 days): far beyond any recording.
 */
const MAX_EXACT_SPAN_S = Math.floor(Number.MAX_SAFE_INTEGER / NS_PER_S);

/**
 * A reader of a column of integer epoch nanoseconds: each cell becomes its ns after the first
 * non-empty cell read, exactly (the digits are split into whole seconds and ns, both exact
 * doubles); `origin()` is that first cell's value. An empty cell is missing (NaN); anything
 * but digits, or a row over 104 days away, is refused.
 */
export function epochNanosecondsReader(): {
  parse: (source: string, start: number, end: number) => number | null;
  origin: () => bigint | null;
} {
  let originSeconds = NaN;
  let originNanos = NaN;
  return {
    parse(source, start, end) {
      while (start < end && source.charCodeAt(start) === 32) start++;
      while (end > start && source.charCodeAt(end - 1) === 32) end--;
      if (start === end) return NaN;
      const split = Math.max(start, end - NS_DIGITS);
      let seconds = 0;
      let nanos = 0;
      for (let i = start; i < end; i++) {
        const digit = source.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) return null;
        if (i < split) seconds = seconds * 10 + digit;
        else nanos = nanos * 10 + digit;
      }
      if (split - start > 15) return null; // more whole seconds than a double holds exactly
      if (Number.isNaN(originSeconds)) {
        originSeconds = seconds;
        originNanos = nanos;
      }
      const spanS = seconds - originSeconds;
      if (Math.abs(spanS) > MAX_EXACT_SPAN_S) return null;
      return spanS * NS_PER_S + (nanos - originNanos);
    },
    origin: () =>
      Number.isNaN(originSeconds) ? null : BigInt(originSeconds) * BigInt(NS_PER_S) + BigInt(originNanos),
  };
}

/**
 * The plan for one Sensor Logger sensor file.
 *
 * @throws FormatError `file is empty`, `no header row`, `line 1: missing column x`,
 *   `line 1: Sensor Logger file of an unknown sensor: ...` (the name does not say which),
 *   `line 1: Sensor Logger Magnetometer.csv is not a sensor Stork uses`.
 */
export function planSensorLoggerCsv(start: string, fileName: string): TablePlan<SensorFile> {
  const [headerLine = ''] = leadingLines(start, 1);
  const header = readCsvHeader(start);
  const role = sensorLoggerFileRole(fileName);
  if (role === null) {
    throw new FormatError(
      header.line,
      'Sensor Logger file of an unknown sensor: keep the name the app gave it ' +
        '(TotalAcceleration.csv, Accelerometer.csv, Gravity.csv or Gyroscope.csv)',
    );
  }
  if (role === 'not-used' || role === 'metadata') {
    throw new FormatError(header.line, `Sensor Logger ${baseName(fileName)} is not a sensor Stork uses`);
  }
  const indexes = columnIndexes(header);
  const cellOf = (name: string) => {
    const cell = indexes.get(name);
    if (cell === undefined) throw new FormatError(header.line, `missing column ${name}`);
    return cell;
  };
  const time = epochNanosecondsReader();
  const columns: NumericColumn[] = [
    {
      name: SENSOR_LOGGER_COLUMNS.time,
      cell: cellOf(SENSOR_LOGGER_COLUMNS.time),
      scaleExp: 0,
      parse: time.parse,
      expected: 'a whole number of nanoseconds',
    },
    ...(['x', 'y', 'z'] as const).map((axis) => ({
      name: axis,
      cell: cellOf(axis),
      scaleExp: 0,
      limit: role === 'gyroscope' ? ROTATION_RAD_S_LIMIT : ACCELERATION_LIMIT,
    })),
  ];
  const zyxOrder = headerLine.replace(/\s/g, '').toLowerCase().endsWith('z,y,x');
  return {
    request: { header, columns, timeColumn: 0, trialCell: null, badRows: 'skip', maxTimeSpan: MAX_SPAN_NS },
    finish: ({ tables, skipped, skippedCount }) => {
      const table = tables[0];
      if (table === undefined) throw new FormatError(null, 'no data rows');
      const [ns, x, y, z] = table.columns as [Float64Array, Float64Array, Float64Array, Float64Array];
      const tS = new Float64Array(ns.length);
      for (let i = 0; i < ns.length; i++) tS[i] = (ns[i] as number) / NS_PER_S;
      const originNs = time.origin();
      const conversions = ['time: ns since 1970, made relative to the first row (exactly)'];
      if (zyxOrder) conversions.push('columns z, y, x taken as x, y, z');
      const gyro = role === 'gyroscope';
      if (gyro) conversions.push('gyroscope rad/s -> deg/s');
      const factor = gyro ? DEGREES_PER_RADIAN : 1;
      return {
        format: 'sensor-logger',
        fileName,
        tS,
        originNs,
        series: [
          {
            kind: role,
            x: gyro ? scaled(x, factor) : x,
            y: gyro ? scaled(y, factor) : y,
            z: gyro ? scaled(z, factor) : z,
          },
        ],
        signConvention: 'unknown',
        conversions,
        ignored: [],
        skipped,
        skippedCount,
        startedAt: originNs === null ? null : epochNanosecondsToIso(originNs),
        device: null,
        lines: table.lines,
      };
    },
  };
}

/** Reads a whole Sensor Logger sensor file. @throws FormatError as `planSensorLoggerCsv`. */
export function readSensorLoggerCsv(text: string, fileName: string): SensorFile {
  return readWithPlan(text, fileName, planSensorLoggerCsv);
}

/** What `Metadata.csv` says. */
export interface SensorLoggerMetadata {
  platform: 'ios' | 'android' | null;
  /**
   * "Standardise Units & Frames": true when the iOS values were converted to Android's
   * convention, false when not, null when the file does not say (versions before 1.29).
   */
  standardised: boolean | null;
  /** `device name`, or null. */
  device: string | null;
}

/**
 * Reads Sensor Logger's `Metadata.csv`: a header and one row (`version,device name,recording
 * epoch time,recording time,recording timezone,platform,appVersion,...`). A column whose name
 * starts with `standardi` holds the standardisation setting when the app wrote it.
 *
 * @throws FormatError `file is empty`, `no header row`, `no data rows`, `line 2: expected 10 cells, found 9`.
 */
export function readSensorLoggerMetadata(text: string): SensorLoggerMetadata {
  const header = readCsvHeader(text);
  const row = readTextRows(text, 2)[1];
  if (row === undefined) throw new FormatError(null, 'no data rows');
  const { cells } = row;
  if (cells.length !== header.names.length) {
    throw new FormatError(row.line, `expected ${header.names.length} cells, found ${cells.length}`);
  }
  const value = (name: string) => {
    const index = header.names.findIndex((candidate) => candidate.startsWith(name));
    return index < 0 ? null : (cells[index] ?? '').trim();
  };
  const platform = value('platform')?.toLowerCase() ?? null;
  const standardised = value('standardi')?.toLowerCase() ?? null;
  return {
    platform: platform === 'ios' || platform === 'android' ? platform : null,
    standardised: standardised === 'true' ? true : standardised === 'false' ? false : null,
    device: value('device name') || null,
  };
}
