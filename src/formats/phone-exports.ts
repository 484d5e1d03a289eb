/**
 * Two phone exports that are cheap to recognise and clearly defined (fixtures/phone/):
 *
 * - the UBC "Balance Test" app (UBC-CIC/balance-test-app, a Flutter app; its dashboard exports
 *   `ts,ax,ay,az,gx,gy,gz,mx,my,mz`): `ts` a local date-time with microseconds and UTC offset
 *   (`2023-04-25 16:13:43.028684 -07:00`), acceleration with gravity in m/s^2, rotation rate in
 *   rad/s, magnetic field in µT. Flutter's sensors_plus gives Android's sign on iOS too (its iOS
 *   code: "Multiply by gravity, and adjust sign values to align with Android").
 * - an iPhone accelerometer export in g (`Date;Timestamp;DeviceOrientation;AccelerationX;
 *   AccelerationY;AccelerationZ;Label`, `;` separated): `Timestamp` seconds since 1970 with
 *   microseconds, acceleration with gravity in g with CoreMotion's sign (lying face up reads
 *   z = -1 g). The app is not named, so the unit is checked against the data: the mean |a| must
 *   be about 1 (g) — or about 9.8, then the values are already m/s^2.
 */
import { columnIndexes, readCsvHeader, type CsvHeader, type NumericColumn } from './csv-table';
import { parseDecimal } from './decimal';
import { FormatError } from './format-error';
import {
  DEGREES_PER_RADIAN,
  STANDARD_GRAVITY_M_S2,
  meanNorm,
  roughly,
  scaled,
  type SensorFile,
} from './sensor-file';
import {
  delimiterOfHeader,
  headerNames,
  leadingLines,
  readWithPlan,
  usesDecimalComma,
  type TablePlan,
} from './table-plan';
import { ACCELERATION_LIMIT, MAX_SPAN_US, ROTATION_RAD_S_LIMIT } from './value-limits';

const UBC_COLUMNS = ['ts', 'ax', 'ay', 'az', 'gx', 'gy', 'gz'] as const;

/** True for the UBC Balance Test export's header: `ts` and the acceleration columns, no `t_ms`. */
export function isUbcBalanceTestHeader(headerLine: string): boolean {
  const names = headerNames(headerLine, ',');
  return UBC_COLUMNS.every((name) => names.includes(name)) && !names.includes('t_ms');
}

const COREMOTION_COLUMNS = ['timestamp', 'accelerationx', 'accelerationy', 'accelerationz'] as const;

/** True for the iPhone export in g: `Timestamp`, `AccelerationX/Y/Z`. */
export function isCoreMotionGHeader(headerLine: string): boolean {
  const names = headerNames(headerLine, delimiterOfHeader(headerLine));
  return COREMOTION_COLUMNS.every((name) => names.includes(name));
}

function cellOf(indexes: Map<string, number>, header: CsvHeader, name: string): number {
  const cell = indexes.get(name);
  if (cell === undefined) throw new FormatError(header.line, `missing column ${name}`);
  return cell;
}

/** Microseconds per second. */
const US_PER_S = 1e6;

/**
 * Reads `2023-04-25 16:13:43.028684 -07:00` (or with `T`, `Z`, `+0100`, up to 6 decimals) as
 * microseconds since 1970, exactly (under 2^53 µs until the year 2255). Null for anything else.
 */
export function parseOffsetDateTimeUs(text: string): number | null {
  const match =
    /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?\s*(Z|[+-]\d{2}:?\d{2})\s*$/.exec(
      text,
    );
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match as unknown as string[];
  const fields = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [, monthNumber, dayNumber, hourNumber, minuteNumber, secondNumber] = fields;
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1 || dayNumber > 31) return null;
  if (hourNumber > 23 || minuteNumber > 59 || secondNumber > 60) return null;
  const ms = Date.UTC(fields[0], monthNumber - 1, dayNumber, hourNumber, minuteNumber, secondNumber);
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = (zone as string).replace(':', '');
    offsetMinutes =
      (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const micros = Number(fraction.padEnd(6, '0'));
  return (ms - offsetMinutes * 60_000) * 1000 + micros;
}

/** `2023-04-25 16:13:43.028684 -07:00` as ISO 8601: `2023-04-25T16:13:43.028684-07:00`. */
export function offsetDateTimeToIso(text: string): string {
  return text
    .trim()
    .replace(' ', 'T')
    .replace(/\s+(?=[+-]\d|Z)/, '');
}

/**
 * A column of absolute times read as microseconds relative to its first non-empty cell, and
 * the first cell's text and value. `absolute` reads one cell as absolute µs (or null).
 */
function relativeMicroseconds(absolute: (source: string, start: number, end: number) => number | null) {
  let originUs = NaN;
  let originText: string | null = null;
  return {
    parse(source: string, start: number, end: number): number | null {
      if (source.slice(start, end).trim() === '') return NaN;
      const us = absolute(source, start, end);
      if (us === null || !Number.isFinite(us)) return null;
      if (Number.isNaN(originUs)) {
        originUs = us;
        originText = source.slice(start, end);
      }
      return us - originUs;
    },
    originNs: () => (Number.isNaN(originUs) ? null : BigInt(Math.round(originUs)) * 1000n),
    originText: () => originText,
  };
}

/** Seconds from µs relative to the first row, one rounding. */
function secondsOf(us: Float64Array): Float64Array {
  const tS = new Float64Array(us.length);
  for (let i = 0; i < us.length; i++) tS[i] = (us[i] as number) / US_PER_S;
  return tS;
}

/**
 * The plan for a UBC Balance Test export.
 *
 * @throws FormatError `line 1: missing column gx`, `line 5: ts is not a date-time with offset ("...")`.
 */
export function planUbcBalanceTestCsv(start: string, fileName: string): TablePlan<SensorFile> {
  const header = readCsvHeader(start);
  const indexes = columnIndexes(header);
  const time = relativeMicroseconds((source, from, to) => parseOffsetDateTimeUs(source.slice(from, to)));
  const columns: NumericColumn[] = [
    {
      name: 'ts',
      cell: cellOf(indexes, header, 'ts'),
      scaleExp: 0,
      parse: time.parse,
      expected: 'a date-time with offset',
    },
    ...UBC_COLUMNS.slice(1).map((name) => ({
      name,
      cell: cellOf(indexes, header, name),
      scaleExp: 0,
      limit: name.startsWith('g') ? ROTATION_RAD_S_LIMIT : ACCELERATION_LIMIT,
    })),
  ];
  const ignored = ['mx', 'my', 'mz'].every((name) => indexes.has(name))
    ? ['magnetometer mx, my, mz (µT): not used']
    : [];
  return {
    request: { header, columns, timeColumn: 0, trialCell: null, badRows: 'skip', maxTimeSpan: MAX_SPAN_US },
    finish: ({ tables, skipped, skippedCount }) => {
      const table = tables[0];
      if (table === undefined) throw new FormatError(null, 'no data rows');
      const [us, ax, ay, az, gx, gy, gz] = table.columns as Float64Array[] as [
        Float64Array,
        Float64Array,
        Float64Array,
        Float64Array,
        Float64Array,
        Float64Array,
        Float64Array,
      ];
      const originText = time.originText();
      return {
        format: 'ubc-balance-test',
        fileName,
        tS: secondsOf(us),
        originNs: time.originNs(),
        series: [
          { kind: 'acceleration', x: ax, y: ay, z: az },
          {
            kind: 'gyroscope',
            x: scaled(gx, DEGREES_PER_RADIAN),
            y: scaled(gy, DEGREES_PER_RADIAN),
            z: scaled(gz, DEGREES_PER_RADIAN),
          },
        ],
        signConvention: 'w3c',
        conversions: [
          'time: local date-times with offset, made relative to the first row',
          'gyroscope rad/s -> deg/s',
        ],
        ignored,
        skipped,
        skippedCount,
        startedAt: originText === null ? null : offsetDateTimeToIso(originText),
        device: null,
        lines: table.lines,
      };
    },
  };
}

/** Mean |a| between these, g: the values are in g. */
const G_UNITS_NORM_RANGE = [0.5, 2] as const;
/** Mean |a| between these, m/s^2: the values are already m/s^2 (the same range times g). */
const MS2_UNITS_NORM_RANGE = [
  G_UNITS_NORM_RANGE[0] * STANDARD_GRAVITY_M_S2,
  G_UNITS_NORM_RANGE[1] * STANDARD_GRAVITY_M_S2,
] as const;

/**
 * The plan for the iPhone accelerometer export in g.
 *
 * @throws FormatError `line 1: missing column accelerationz`, and `acceleration unit unclear:
 *   mean |a| 4.1 is neither about 1 (g) nor about 9.8 (m/s^2)` after reading.
 */
export function planCoreMotionGCsv(start: string, fileName: string): TablePlan<SensorFile> {
  const [headerLine = '', firstDataLine] = leadingLines(start, 2);
  const delimiter = delimiterOfHeader(headerLine);
  const decimalComma = usesDecimalComma(delimiter, firstDataLine);
  const header = readCsvHeader(start, delimiter);
  const indexes = columnIndexes(header);
  const time = relativeMicroseconds((source, from, to) => parseDecimal(source, from, to, 6, decimalComma));
  const columns: NumericColumn[] = [
    { name: 'timestamp', cell: cellOf(indexes, header, 'timestamp'), scaleExp: 0, parse: time.parse },
    ...COREMOTION_COLUMNS.slice(1).map((name) => ({
      name,
      cell: cellOf(indexes, header, name),
      scaleExp: 0,
      // In g or in m/s^2 (decided after reading): the m/s^2 bound is the wider of the two.
      limit: ACCELERATION_LIMIT,
    })),
  ];
  const dateCell = header.names.indexOf('date');
  const dateOfFirstRow = dateCell < 0 ? null : (firstDataLine?.split(delimiter)[dateCell] ?? null);
  const ignored = header.names
    .filter((name) => name !== '' && !(COREMOTION_COLUMNS as readonly string[]).includes(name))
    .map((name) => `column "${name}": not used`);
  return {
    request: {
      header,
      columns,
      timeColumn: 0,
      trialCell: null,
      dialect: { delimiter, decimalComma },
      badRows: 'skip',
      maxTimeSpan: MAX_SPAN_US,
    },
    finish: ({ tables, skipped, skippedCount }) => {
      const table = tables[0];
      if (table === undefined) throw new FormatError(null, 'no data rows');
      const [us, x, y, z] = table.columns as [Float64Array, Float64Array, Float64Array, Float64Array];
      const norm = meanNorm(x, y, z);
      const conversions = ['time: seconds since 1970, made relative to the first row'];
      if (decimalComma) conversions.push('decimal comma read as decimal point');
      let factor: number;
      if (norm >= G_UNITS_NORM_RANGE[0] && norm <= G_UNITS_NORM_RANGE[1]) {
        factor = STANDARD_GRAVITY_M_S2;
        conversions.push(
          `acceleration g -> m/s^2 (mean |a| ${roughly(norm)} g; g = ${STANDARD_GRAVITY_M_S2} m/s^2)`,
        );
      } else if (norm >= MS2_UNITS_NORM_RANGE[0] && norm <= MS2_UNITS_NORM_RANGE[1]) {
        factor = 1;
      } else {
        throw new FormatError(
          null,
          `acceleration unit unclear: mean |a| ${roughly(norm)} is neither about 1 (g) nor about 9.8 (m/s^2)`,
        );
      }
      const originNs = time.originNs();
      const offsetMinutes = localOffsetMinutes(dateOfFirstRow, originNs);
      if (offsetMinutes !== null)
        conversions.push('date-time offset from the local Date column and the Timestamp');
      return {
        format: 'coremotion-g',
        fileName,
        tS: secondsOf(us),
        originNs,
        series: [{ kind: 'acceleration', x: scaled(x, factor), y: scaled(y, factor), z: scaled(z, factor) }],
        signConvention: 'ios',
        conversions,
        ignored,
        skipped,
        skippedCount,
        startedAt: originNs === null ? null : isoWithOffset(originNs, offsetMinutes ?? 0),
        device: null,
        lines: table.lines,
      };
    },
  };
}

/** Offsets are whole quarters of an hour (every time zone in use, UTC-12:00 to UTC+14:00). */
const OFFSET_STEP_MINUTES = 15;
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * The UTC offset of a local wall-clock text (`2024-10-17 14:56:15`, 1 s resolution) at the
 * instant `ns`: their difference rounded to a quarter hour; null when the text is not such a
 * date-time or the offset is beyond any time zone's.
 */
export function localOffsetMinutes(wallClock: string | null, ns: bigint | null): number | null {
  if (wallClock === null || ns === null) return null;
  const wallUs = parseOffsetDateTimeUs(`${wallClock.trim()}Z`);
  if (wallUs === null) return null;
  const minutes = (wallUs / 1000 - Number(ns / 1_000_000n)) / 60_000;
  const rounded = Math.round(minutes / OFFSET_STEP_MINUTES) * OFFSET_STEP_MINUTES;
  return Math.abs(rounded) <= MAX_OFFSET_MINUTES ? rounded : null;
}

/** The instant `ns` as local ISO 8601 at `offsetMinutes` from UTC, to the microsecond: `2024-10-17T14:56:15.764312+03:00`. */
export function isoWithOffset(ns: bigint, offsetMinutes: number): string {
  const localNs = ns + BigInt(offsetMinutes) * 60_000_000_000n;
  const seconds = localNs / 1_000_000_000n;
  const micros = (localNs % 1_000_000_000n) / 1000n;
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  const fraction = micros === 0n ? '' : `.${micros.toString().padStart(6, '0')}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${base}${fraction}${zone}`;
}

export function readUbcBalanceTestCsv(text: string, fileName: string): SensorFile {
  return readWithPlan(text, fileName, planUbcBalanceTestCsv);
}

export function readCoreMotionGCsv(text: string, fileName: string): SensorFile {
  return readWithPlan(text, fileName, planCoreMotionGCsv);
}
