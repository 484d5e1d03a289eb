/**
 * The sensor files of one recording (sensor-file.ts) made into one recording in Stork's frame:
 * one time axis, acceleration with gravity in the W3C sign, rotation rate in deg/s.
 *
 * - Time axis: that of the file with the acceleration (with gravity when there is one). Files
 *   with absolute times (Sensor Logger, the phone exports) are lined up by their first instants,
 *   to the nanosecond; files with relative times (phyphox) share the experiment's clock. Another
 *   file's samples are used as they are when its times are the same, else linearly interpolated
 *   onto the axis (NaN outside its span: no extrapolation).
 * - Acceleration with gravity: the file that has it; else Sensor Logger's Accelerometer.csv
 *   (gravity removed) plus Gravity.csv, as the app's documentation says to make it on iOS;
 *   else none, and the recording cannot be analysed (NOT_ANALYSABLE says why).
 * - Sign (SPEC section 2): decided from the data when the phone was upright (src/core/sign.ts:
 *   the mean y must be positive in the W3C sign), otherwise from what the format or Metadata.csv
 *   says of the platform (iOS without "Standardise Units & Frames": opposite sign), otherwise
 *   left as recorded. Every acceleration series (with and without gravity) takes the decision;
 *   rotation rates keep theirs (the difference concerns acceleration).
 */
import type { MotionRecording } from '../core/types';
import { uprightSign } from '../core/sign';
import type { SkippedRow } from './csv-table';
import { FormatError } from './format-error';
import type { LinearAcceleration } from './samples-csv';
import {
  SENSOR_FORMAT_NAMES,
  baseName,
  type SensorFile,
  type SensorFormat,
  type SensorKind,
  type SignConvention,
} from './sensor-file';

/** Why a recording without acceleration with gravity cannot be analysed (one fixed wording each). */
export const NOT_ANALYSABLE = {
  linearOnly:
    'linear acceleration only (gravity removed): the analysis needs acceleration with gravity ' +
    '(phyphox "Acceleration with g", Sensor Logger TotalAcceleration.csv, or Accelerometer.csv with Gravity.csv)',
  gravityOnly:
    'gravity estimate only (Gravity.csv): the analysis needs measured acceleration with gravity ' +
    '(Sensor Logger TotalAcceleration.csv, or Accelerometer.csv with Gravity.csv)',
} as const;

/** How the sign of the accelerations was decided. */
export interface ImportSign {
  /** True when every acceleration value was multiplied by -1 to reach the W3C sign. */
  flipped: boolean;
  /** `data`: the phone was upright and its mean y decided; `platform`: the format or metadata; `none`: kept as recorded. */
  basis: 'data' | 'platform' | 'none';
  /** The sentence the import report shows. */
  note: string;
}

/** What other files tell about the recording (Sensor Logger Metadata.csv, phyphox meta/). */
export interface RecordingMeta {
  /** The platform's sign, when known. */
  signConvention?: SignConvention;
  device?: string | null;
  startedAt?: string | null;
  /** Where this came from, for the report ("Metadata.csv: platform ios, not standardised"). */
  note?: string;
}

/** One recording from another app, in Stork's frame and units. */
export interface ImportedRecording {
  format: SensorFormat;
  /** The files it was made from, in the order given. */
  files: string[];
  /** The time axis, s: that of the file with the acceleration. */
  tS: Float64Array;
  /** Acceleration with gravity (W3C sign) and gyro, seconds; null when there is no acceleration with gravity. */
  recording: MotionRecording | null;
  /** Acceleration without gravity, when a file had it (W3C sign), on the same time axis. */
  linear: LinearAcceleration | null;
  /** Why it cannot be analysed (NOT_ANALYSABLE), or null. */
  notAnalysable: string | null;
  sign: ImportSign;
  /** Every conversion, each prefixed by the file it concerns. */
  conversions: string[];
  /** Files and columns not used. */
  ignored: string[];
  /** Rows left out, with their file. */
  skipped: (SkippedRow & { file: string })[];
  skippedCount: number;
  startedAt: string | null;
  device: string | null;
  /** The 1-based line of each sample in the file of the time axis. */
  lines: Int32Array;
}

type Vec3 = { x: Float64Array; y: Float64Array; z: Float64Array };

/**
 * Combines the sensor files of one recording.
 *
 * @throws FormatError `no acceleration: ...` (only a gyroscope), `two files with acceleration
 *   with gravity: A and B` (which one to use is unclear), naming the files.
 */
export function combineSensorFiles(
  files: readonly SensorFile[],
  meta: RecordingMeta = {},
): ImportedRecording {
  const found = new Map<SensorKind, { file: SensorFile; series: Vec3 }>();
  for (const file of files) {
    for (const series of file.series) {
      const other = found.get(series.kind);
      if (other !== undefined) {
        throw new FormatError(
          null,
          `two files with ${KIND_WORDS[series.kind]}: ${baseName(other.file.fileName)} and ${baseName(file.fileName)}`,
        );
      }
      found.set(series.kind, { file, series });
    }
  }
  const primaryKind = (['acceleration', 'linear-acceleration', 'gravity'] as const).find((kind) =>
    found.has(kind),
  );
  if (primaryKind === undefined) {
    throw new FormatError(
      null,
      `no acceleration: ${files.map((file) => baseName(file.fileName)).join(', ')} has only a gyroscope`,
    );
  }
  const primary = (found.get(primaryKind) as { file: SensorFile }).file;
  const tS = primary.tS;
  const conversions: string[] = [];
  const ignored: string[] = [];
  const skipped: ImportedRecording['skipped'] = [];
  let skippedCount = 0;
  for (const file of files) {
    const name = baseName(file.fileName);
    conversions.push(...file.conversions.map((text) => (files.length > 1 ? `${name}: ${text}` : text)));
    ignored.push(...file.ignored.map((text) => (files.length > 1 ? `${name}: ${text}` : text)));
    skipped.push(...file.skipped.map((row) => ({ ...row, file: file.fileName })));
    skippedCount += file.skippedCount;
  }

  const onAxis = (kind: SensorKind): Vec3 | null => {
    const entry = found.get(kind);
    if (entry === undefined) return null;
    if (entry.file === primary) return entry.series;
    const offsetS = offsetBetween(primary, entry.file);
    const sourceT = offsetS === 0 ? entry.file.tS : shifted(entry.file.tS, offsetS);
    if (sameTimes(sourceT, tS)) return entry.series;
    conversions.push(
      `${baseName(entry.file.fileName)}: interpolated onto the times of ${baseName(primary.fileName)} (linear)`,
    );
    return {
      x: interpolateOnto(sourceT, entry.series.x, tS),
      y: interpolateOnto(sourceT, entry.series.y, tS),
      z: interpolateOnto(sourceT, entry.series.z, tS),
    };
  };

  let acceleration = onAxis('acceleration');
  const linear = onAxis('linear-acceleration');
  const gravity = onAxis('gravity');
  const gyro = onAxis('gyroscope');
  if (acceleration === null && linear !== null && gravity !== null) {
    acceleration = { x: sum(linear.x, gravity.x), y: sum(linear.y, gravity.y), z: sum(linear.z, gravity.z) };
    conversions.push('acceleration with gravity = Accelerometer.csv (gravity removed) + Gravity.csv');
  }

  const convention = meta.signConvention ?? primary.signConvention;
  const sign = decideSign(acceleration ?? gravity, convention, meta.note);
  const signed = (vec: Vec3 | null): Vec3 | null =>
    vec === null || !sign.flipped ? vec : { x: negated(vec.x), y: negated(vec.y), z: negated(vec.z) };
  const accelerationW3c = signed(acceleration);
  const linearW3c = signed(linear);

  let recording: MotionRecording | null = null;
  if (accelerationW3c !== null) {
    recording = { kind: 'motion', tS, ax: accelerationW3c.x, ay: accelerationW3c.y, az: accelerationW3c.z };
    if (gyro !== null) Object.assign(recording, { gx: gyro.x, gy: gyro.y, gz: gyro.z });
  }
  for (const file of files) {
    if (file.format !== primary.format) {
      ignored.push(
        `${baseName(file.fileName)}: a ${SENSOR_FORMAT_NAMES[file.format]} file among ${SENSOR_FORMAT_NAMES[primary.format]} files`,
      );
    }
  }
  return {
    format: primary.format,
    files: files.map((file) => file.fileName),
    tS,
    recording,
    linear: linearW3c === null ? null : { lx: linearW3c.x, ly: linearW3c.y, lz: linearW3c.z },
    notAnalysable:
      accelerationW3c !== null
        ? null
        : linear !== null
          ? NOT_ANALYSABLE.linearOnly
          : NOT_ANALYSABLE.gravityOnly,
    sign,
    conversions,
    ignored,
    skipped,
    skippedCount,
    startedAt: meta.startedAt ?? primary.startedAt,
    device: meta.device ?? primary.device,
    lines: primary.lines,
  };
}

/**
 * The recording to analyse.
 *
 * @throws FormatError NOT_ANALYSABLE.linearOnly or .gravityOnly when there is no acceleration with gravity.
 */
export function analysableRecording(imported: ImportedRecording): MotionRecording {
  if (imported.recording === null)
    throw new FormatError(null, imported.notAnalysable ?? NOT_ANALYSABLE.linearOnly);
  return imported.recording;
}

const KIND_WORDS: Readonly<Record<SensorKind, string>> = {
  acceleration: 'acceleration with gravity',
  'linear-acceleration': 'linear acceleration',
  gravity: 'gravity',
  gyroscope: 'a gyroscope',
};

/**
 * The sign decision (see the module comment). `values` is acceleration with gravity, or the
 * gravity estimate: what an upright phone reads +9.8 on y in the W3C sign.
 */
export function decideSign(values: Vec3 | null, convention: SignConvention, metaNote?: string): ImportSign {
  const fromData =
    values === null ? 'not-upright' : uprightSign({ ax: values.x, ay: values.y, az: values.z });
  if (fromData !== 'not-upright') {
    const flipped = fromData === -1;
    const disagrees = convention !== 'unknown' && (convention === 'ios') !== flipped;
    return {
      flipped,
      basis: 'data',
      note:
        `sign from the data: the phone was upright with mean y ${flipped ? 'negative: negated to the W3C sign' : 'positive: kept'}` +
        (disagrees ? ` (the platform's convention said otherwise)` : ''),
    };
  }
  const source = metaNote === undefined ? '' : ` (${metaNote})`;
  if (convention === 'ios') {
    return {
      flipped: true,
      basis: 'platform',
      note: `sign from the platform: iOS sign${source}, negated to the W3C sign (the phone was not upright)`,
    };
  }
  if (convention === 'w3c') {
    return {
      flipped: false,
      basis: 'platform',
      note: `sign from the platform: already the W3C sign${source}`,
    };
  }
  return {
    flipped: false,
    basis: 'none',
    note: 'sign not decided: the phone was not upright and the platform is unknown; kept as recorded',
  };
}

/** Seconds from file `a`'s time zero to file `b`'s, exactly from their instants; 0 when either has none. */
function offsetBetween(a: SensorFile, b: SensorFile): number {
  if (a.originNs === null || b.originNs === null) return 0;
  return Number(b.originNs - a.originNs) / 1e9;
}

function shifted(tS: Float64Array, offsetS: number): Float64Array {
  const out = new Float64Array(tS.length);
  for (let i = 0; i < tS.length; i++) out[i] = (tS[i] as number) + offsetS;
  return out;
}

function sameTimes(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function sum(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) + (b[i] as number);
  return out;
}

function negated(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = -(values[i] as number);
  return out;
}

/**
 * `values` (at the non-decreasing times `sourceT`) at each of the non-decreasing times
 * `targetT`, by linear interpolation between the neighbouring samples with a finite time and
 * value (`numpy.interp` inside the span), NaN outside the span. One pass, O(n + m).
 */
export function interpolateOnto(
  sourceT: Float64Array,
  values: Float64Array,
  targetT: Float64Array,
): Float64Array {
  const out = new Float64Array(targetT.length).fill(NaN);
  const usable: number[] = [];
  for (let j = 0; j < sourceT.length; j++) {
    if (Number.isFinite(sourceT[j]) && Number.isFinite(values[j])) usable.push(j);
  }
  if (usable.length === 0) return out;
  let k = 0;
  for (let i = 0; i < targetT.length; i++) {
    const t = targetT[i] as number;
    if (!Number.isFinite(t)) continue;
    while (k + 1 < usable.length && (sourceT[usable[k + 1] as number] as number) <= t) k++;
    const lo = usable[k] as number;
    const tLo = sourceT[lo] as number;
    if (t < tLo) continue;
    if (t === tLo) {
      out[i] = values[lo] as number;
      continue;
    }
    const hi = usable[k + 1];
    if (hi === undefined) continue;
    const tHi = sourceT[hi] as number;
    const fraction = (t - tLo) / (tHi - tLo);
    out[i] = (values[lo] as number) + fraction * ((values[hi] as number) - (values[lo] as number));
  }
  return out;
}
