/**
 * phyphox exports (SPEC section 7; phyphox.org, "Export data" of an experiment).
 *
 * Two header styles:
 * - classic single-sensor experiments ("Raw Data.csv"): `"Time (s)","Acceleration x (m/s^2)",...`
 *   ("Acceleration with g", gravity included), `"Linear Acceleration x (m/s^2)"` (gravity
 *   removed), `"Gyroscope x (rad/s)"`, often with an `"Absolute acceleration (m/s^2)"` column;
 * - multi-sensor exports, one file per sensor: `"Time (s)","X (m/s^2)","Y (m/s^2)","Z (m/s^2)"`
 *   whose sensor is only in the file's name: `Accelerometer.csv` (gravity included),
 *   `Linear Accelerometer.csv`, `Gyroscope.csv` (rad/s).
 *
 * Separators `,`, `;` or tab, decimal point or (with `;` and tab) decimal comma, numbers in
 * scientific notation (`6.137237549E0`), header cells in double quotes, with or without a final
 * line break. Times are seconds of the experiment's clock, the same in every file of an export,
 * kept as they are. Rotation rates become deg/s. Accelerations keep phyphox's sign, which is the
 * Android (= W3C) one on both platforms: the iPhone exports among the fixtures read z = +9.73
 * lying flat (trobb20) and y, z > 0 held tilted up (kartof0nix).
 */
import { columnIndexes, readCsvHeader, readTextRows, type NumericColumn } from './csv-table';
import { FormatError } from './format-error';
import {
  DEGREES_PER_RADIAN,
  STANDARD_GRAVITY_M_S2,
  baseName,
  meanNorm,
  roughly,
  scaled,
  type SensorFile,
  type SensorKind,
  type SensorSeries,
} from './sensor-file';
import {
  delimiterOfHeader,
  headerNames,
  leadingLines,
  readWithPlan,
  usesDecimalComma,
  type TablePlan,
} from './table-plan';
import { ACCELERATION_LIMIT, MAX_SPAN_S, ROTATION_RAD_S_LIMIT } from './value-limits';

/** phyphox's time column. */
export const PHYPHOX_TIME_COLUMN = 'time (s)';

/**
 * A value column: optional sensor words, the axis, the unit in brackets. Matched on the
 * lower-case header name (`linear acceleration x (m/s^2)`, `x (rad/s)`).
 */
const VALUE_COLUMN =
  /^(?:(acceleration|linear acceleration|gyroscope)\s+)?([xyz])\s*\((m\/s\^2|m\/s²|rad\/s)\)$/;

/** True when a header line looks like phyphox's: a `Time (s)` column and one in m/s^2 or rad/s. */
export function isPhyphoxHeader(headerLine: string): boolean {
  const names = headerNames(headerLine, delimiterOfHeader(headerLine));
  return names.includes(PHYPHOX_TIME_COLUMN) && names.some((name) => VALUE_COLUMN.test(name));
}

/** A sensor's three columns, or the kind still to be found from the data (`from-data`). */
interface ColumnGroup {
  kind: SensorKind | 'from-data';
  unit: 'm/s^2' | 'rad/s';
  label: string;
  cells: Partial<Record<'x' | 'y' | 'z', number>>;
}

/**
 * The kind of an `X (m/s^2)` file from its name, as phyphox names the files of a multi-sensor
 * export; null when the name does not say.
 */
export function phyphoxKindFromName(fileName: string): SensorKind | null {
  const name = baseName(fileName)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  if (name.includes('linearaccelerometer') || name.includes('linearacceleration'))
    return 'linear-acceleration';
  if (name.includes('accelerometer')) return 'acceleration';
  if (name.includes('gyroscope')) return 'gyroscope';
  return null;
}

/** Below this mean |a| (half of g), an accelerometer file without a name saying which is gravity-free. */
const GRAVITY_PRESENT_MIN_M_S2 = STANDARD_GRAVITY_M_S2 / 2;

/**
 * The plan for a phyphox CSV: `start` holds at least the header and the first data row.
 *
 * @throws FormatError `file is empty`, `no header row`, `line 1: column ... appears twice`,
 *   `line 1: missing column z (m/s^2)`, `line 1: no x, y, z columns in m/s^2 or rad/s`.
 */
export function planPhyphoxCsv(start: string, fileName: string): TablePlan<SensorFile> {
  const [headerLine = '', firstDataLine] = leadingLines(start, 2);
  const delimiter = delimiterOfHeader(headerLine);
  const decimalComma = usesDecimalComma(delimiter, firstDataLine);
  const header = readCsvHeader(start, delimiter);
  const indexes = columnIndexes(header);
  const timeCell = indexes.get(PHYPHOX_TIME_COLUMN);
  if (timeCell === undefined) throw new FormatError(header.line, `missing column ${PHYPHOX_TIME_COLUMN}`);
  const groups = new Map<string, ColumnGroup>();
  const ignored: string[] = [];
  header.names.forEach((name, cell) => {
    if (cell === timeCell || name === '') return;
    const match = VALUE_COLUMN.exec(name);
    if (match === null) {
      ignored.push(`column "${name}": not used`);
      return;
    }
    const [, words = '', axis, unit] = match as unknown as [
      string,
      string | undefined,
      'x' | 'y' | 'z',
      string,
    ];
    const unitName = unit === 'rad/s' ? 'rad/s' : 'm/s^2';
    const key = `${words}|${unitName}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { kind: groupKind(words, unitName, fileName), unit: unitName, label: words, cells: {} };
      groups.set(key, group);
    }
    group.cells[axis] = cell;
  });
  if (groups.size === 0) throw new FormatError(header.line, 'no x, y, z columns in m/s^2 or rad/s');
  const columns: NumericColumn[] = [{ name: PHYPHOX_TIME_COLUMN, cell: timeCell, scaleExp: 0 }];
  for (const group of groups.values()) {
    for (const axis of ['x', 'y', 'z'] as const) {
      const cell = group.cells[axis];
      const name = `${group.label === '' ? '' : `${group.label} `}${axis} (${group.unit})`;
      if (cell === undefined) throw new FormatError(header.line, `missing column ${name}`);
      columns.push({
        name,
        cell,
        scaleExp: 0,
        limit: group.unit === 'rad/s' ? ROTATION_RAD_S_LIMIT : ACCELERATION_LIMIT,
      });
    }
  }
  const request = {
    header,
    columns,
    timeColumn: 0,
    trialCell: null,
    dialect: { delimiter, decimalComma },
    badRows: 'skip' as const,
    maxTimeSpan: MAX_SPAN_S,
  };
  return {
    request,
    finish: ({ tables, skipped, skippedCount }) => {
      const table = tables[0];
      if (table === undefined) throw new FormatError(null, 'no data rows');
      const conversions: string[] = [];
      if (decimalComma) conversions.push('decimal comma read as decimal point');
      const series: SensorSeries[] = [];
      let next = 1;
      for (const group of groups.values()) {
        const [x, y, z] = [0, 1, 2].map((k) => table.columns[next + k] as Float64Array) as [
          Float64Array,
          Float64Array,
          Float64Array,
        ];
        next += 3;
        let kind = group.kind;
        if (kind === 'from-data') {
          const norm = meanNorm(x, y, z);
          kind = norm >= GRAVITY_PRESENT_MIN_M_S2 ? 'acceleration' : 'linear-acceleration';
          conversions.push(
            `sensor not named in the file name: mean |a| = ${roughly(norm)} m/s^2, read as ` +
              (kind === 'acceleration'
                ? 'acceleration with gravity'
                : 'linear acceleration (gravity removed)'),
          );
        }
        if (group.unit === 'rad/s') {
          conversions.push('gyroscope rad/s -> deg/s');
          series.push({
            kind,
            x: scaled(x, DEGREES_PER_RADIAN),
            y: scaled(y, DEGREES_PER_RADIAN),
            z: scaled(z, DEGREES_PER_RADIAN),
          });
        } else series.push({ kind, x, y, z });
      }
      return {
        format: 'phyphox',
        fileName,
        tS: table.columns[0] as Float64Array,
        originNs: null,
        series,
        signConvention: 'w3c',
        conversions,
        ignored,
        skipped,
        skippedCount,
        startedAt: null,
        device: null,
        lines: table.lines,
      };
    },
  };
}

function groupKind(words: string, unit: 'm/s^2' | 'rad/s', fileName: string): ColumnGroup['kind'] {
  if (unit === 'rad/s') return 'gyroscope';
  if (words === 'acceleration') return 'acceleration';
  if (words === 'linear acceleration') return 'linear-acceleration';
  const fromName = phyphoxKindFromName(fileName);
  return fromName === 'acceleration' || fromName === 'linear-acceleration' ? fromName : 'from-data';
}

/** Reads a whole phyphox CSV. @throws FormatError as `planPhyphoxCsv`, and for bad rows (see csv-table.ts). */
export function readPhyphoxCsv(text: string, fileName: string): SensorFile {
  return readWithPlan(text, fileName, planPhyphoxCsv);
}

/** What phyphox's `meta/device.csv` and `meta/time.csv` say about a recording. */
export interface PhyphoxMeta {
  /** `deviceBrand deviceModel` (e.g. `Apple iPhone13,4`), or null. */
  device: string | null;
  /** The START event's system time as ISO 8601 with offset, or null. */
  startedAt: string | null;
}

/**
 * Reads `meta/device.csv` (`"property";"value"` rows) or `meta/time.csv` (`"event";"experiment
 * time";"system time";"system time text"`, START at experiment time 0, its text like
 * `2025-06-19 22:12:30.552 UTC-04:00`). Anything unexpected gives nulls: these files only add
 * a name and a date.
 */
export function readPhyphoxMeta(text: string): PhyphoxMeta {
  const [headerLine = ''] = leadingLines(text, 1);
  const [header, ...rows] = readTextRows(text, MAX_META_ROWS, delimiterOfHeader(headerLine));
  const names = header?.cells.map((cell) => cell.trim().toLowerCase()) ?? [];
  if (names[0] === 'property') {
    const values = new Map(rows.map(({ cells }) => [(cells[0] ?? '').toLowerCase(), cells[1] ?? '']));
    const device = [values.get('devicebrand'), values.get('devicemodel')].filter((part) => part).join(' ');
    return { device: device === '' ? null : device, startedAt: null };
  }
  const textCell = names.indexOf('system time text');
  if (names[0] === 'event' && textCell >= 0) {
    const start = rows.find(({ cells }) => cells[0]?.toLowerCase() === 'start');
    if (start !== undefined)
      return { device: null, startedAt: phyphoxTimeToIso(start.cells[textCell] ?? '') };
  }
  return { device: null, startedAt: null };
}

/** Rows read from a meta file at most: device.csv has 17, time.csv one per start and pause. */
const MAX_META_ROWS = 1000;

/** phyphox's `2025-06-19 22:12:30.552 UTC-04:00` as `2025-06-19T22:12:30.552-04:00`, or null. */
export function phyphoxTimeToIso(text: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) UTC([+-]\d{2}:\d{2})$/.exec(text.trim());
  return match === null ? null : `${match[1]}T${match[2]}${match[3]}`;
}
