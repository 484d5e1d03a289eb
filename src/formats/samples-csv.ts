/**
 * Stork samples CSV (SPEC section 7): one or more trials of phone motion samples.
 *
 * RFC 4180 with `.` decimals and a header row; columns in any order, names in any case:
 * `t_ms` (ms since "go"), `ax, ay, az` (accelerationIncludingGravity, m/s^2, W3C sign),
 * optional `gx, gy, gz` (rotationRate, deg/s), optional `lx, ly, lz` (acceleration without
 * gravity, m/s^2), optional `trial_id`. Other columns are ignored. An empty cell is a missing
 * value (NaN). Several trials in one file are told apart by `trial_id`, in the order they
 * first appear; rows of different trials may interleave.
 */
import type { MotionRecording } from '../core/types';
import {
  columnIndexes,
  readCsvHeader,
  readCsvTables,
  type CsvHeader,
  type NumericColumn,
  type SkippedRow,
} from './csv-table';
import { FormatError } from './format-error';
import type { TablePlan } from './table-plan';
import { ACCELERATION_LIMIT, MAX_SPAN_S, ROTATION_DEG_S_LIMIT, type ValueLimit } from './value-limits';

/** `acceleration` (gravity removed), m/s^2, W3C sign; not used by the analysis, kept for export. */
export interface LinearAcceleration {
  lx: Float64Array;
  ly: Float64Array;
  lz: Float64Array;
}

/** One trial read from a samples CSV. */
export interface SamplesTrial {
  /** The `trial_id` cell's text, or null when the file has no trial_id column. */
  trialId: string | null;
  /** Times in seconds (t_ms / 1000, exactly rounded), accelerations, and gyro when present. */
  recording: MotionRecording & { tS: Float64Array; ax: Float64Array; ay: Float64Array; az: Float64Array };
  /** lx, ly, lz when the file has them, else null. */
  linear: LinearAcceleration | null;
  /** The 1-based line of the file each sample is on, for messages. */
  lines: Int32Array;
}

/** Column names of the samples CSV, in the order the writer puts them. */
export const SAMPLES_COLUMNS = {
  time: 't_ms',
  acceleration: ['ax', 'ay', 'az'],
  gyro: ['gx', 'gy', 'gz'],
  linear: ['lx', 'ly', 'lz'],
  trialId: 'trial_id',
} as const;

/** t_ms is read as seconds: the value times 10^-3, rounded once. */
const MILLISECONDS_SCALE_EXP = -3;

/**
 * Reads a Stork samples CSV into one `SamplesTrial` per trial id.
 *
 * @throws FormatError (and nothing else) with one fixed wording per kind: `file is empty`,
 *   `no header row`, `line 1: missing column ay`, `line 1: column ax appears twice`,
 *   `line 17: ax is not a number ("abc")`, `line 17: expected 7 cells, found 6`,
 *   `line 230: t_ms goes backwards (1200 after 1250)`, `no data rows`.
 */
export function readSamplesCsv(text: string): SamplesTrial[] {
  const plan = planSamplesCsv(text);
  return plan.finish(readCsvTables(text, plan.request)).trials;
}

/** The trials of a samples CSV and the rows left out (with `badRows: 'skip'`). */
export interface SamplesFile {
  trials: SamplesTrial[];
  skipped: SkippedRow[];
  skippedCount: number;
}

/**
 * The plan for a samples CSV from its start (at least the header row): what `readSamplesCsv`
 * does, for whole texts and streams alike. `badRows` as in csv-table.ts: 'throw' (the
 * default) or 'skip' (bad rows left out and listed; then, as for an import of the history,
 * a header without rows is a file of no trials: every exported trial may have been stopped
 * before "go").
 *
 * @throws FormatError for the header, as `readSamplesCsv`.
 */
export function planSamplesCsv(start: string, badRows: 'throw' | 'skip' = 'throw'): TablePlan<SamplesFile> {
  const header = readCsvHeader(start);
  const indexes = columnIndexes(header);
  const columns: NumericColumn[] = [
    {
      name: SAMPLES_COLUMNS.time,
      cell: requireColumn(indexes, header, SAMPLES_COLUMNS.time),
      scaleExp: MILLISECONDS_SCALE_EXP,
    },
    ...SAMPLES_COLUMNS.acceleration.map((name) => numericColumn(indexes, header, name, ACCELERATION_LIMIT)),
  ];
  const hasGyro = hasGroup(indexes, header, SAMPLES_COLUMNS.gyro);
  if (hasGyro)
    columns.push(
      ...SAMPLES_COLUMNS.gyro.map((name) => numericColumn(indexes, header, name, ROTATION_DEG_S_LIMIT)),
    );
  const hasLinear = hasGroup(indexes, header, SAMPLES_COLUMNS.linear);
  if (hasLinear)
    columns.push(
      ...SAMPLES_COLUMNS.linear.map((name) => numericColumn(indexes, header, name, ACCELERATION_LIMIT)),
    );
  const request = {
    header,
    columns,
    timeColumn: 0,
    trialCell: indexes.get(SAMPLES_COLUMNS.trialId) ?? null,
    badRows,
    allowNoRows: badRows === 'skip',
    maxTimeSpan: MAX_SPAN_S,
  };
  return {
    request,
    finish: ({ tables, skipped, skippedCount }) => ({
      skipped,
      skippedCount,
      trials: tables.map((table): SamplesTrial => {
        const column = (index: number) => table.columns[index] as Float64Array;
        const recording: SamplesTrial['recording'] = {
          kind: 'motion',
          tS: column(0),
          ax: column(1),
          ay: column(2),
          az: column(3),
        };
        let next = 4;
        if (hasGyro) {
          Object.assign(recording, { gx: column(next), gy: column(next + 1), gz: column(next + 2) });
          next += 3;
        }
        const linear = hasLinear ? { lx: column(next), ly: column(next + 1), lz: column(next + 2) } : null;
        return { trialId: table.trialId, recording, linear, lines: table.lines };
      }),
    }),
  };
}

/** Cell index of a column that must be there. @throws FormatError `line 1: missing column ay` */
export function requireColumn(indexes: Map<string, number>, header: CsvHeader, name: string): number {
  const index = indexes.get(name);
  if (index === undefined) throw new FormatError(header.line, `missing column ${name}`);
  return index;
}

function numericColumn(
  indexes: Map<string, number>,
  header: CsvHeader,
  name: string,
  limit: ValueLimit,
): NumericColumn {
  return { name, cell: requireColumn(indexes, header, name), scaleExp: 0, limit };
}

/** True when any column of the group is there; then all must be. */
function hasGroup(indexes: Map<string, number>, header: CsvHeader, names: readonly string[]): boolean {
  if (!names.some((name) => indexes.has(name))) return false;
  for (const name of names) requireColumn(indexes, header, name);
  return true;
}
