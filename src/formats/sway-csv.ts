/**
 * 2-D sway CSV (SPEC section 7): a centre-of-pressure or other 2-D sway signal, any unit.
 *
 * Header row with `t_ms` or `t_s`, `ap` (anterior-posterior) and `ml` (medio-lateral), in any
 * order and case; optional `trial_id` as in the samples CSV; other columns are ignored. An
 * empty cell is a missing value (NaN).
 */
import type { SwayRecording } from '../core/types';
import { formatScaled, formatShortest } from './decimal';
import { trialIdCell } from './samples-csv-writer';
import { columnIndexes, readCsvHeader, readCsvTables, type NumericColumn } from './csv-table';
import type { TablePlan } from './table-plan';
import { FormatError } from './format-error';
import { requireColumn } from './samples-csv';
import { MAX_SPAN_S, SWAY_LIMIT } from './value-limits';

/** One trial read from a 2-D sway CSV. */
export interface SwayTrial {
  trialId: string | null;
  /** Times in seconds; ap and ml in the file's unit. */
  recording: SwayRecording & { tS: Float64Array; ap: Float64Array; ml: Float64Array };
  /** The 1-based line of the file each sample is on, for messages. */
  lines: Int32Array;
  /** The file's time column: `t_ms` (read as ms, converted to s) or `t_s`. */
  timeColumn: 't_ms' | 't_s';
}

export const SWAY_COLUMNS = {
  timeMs: 't_ms',
  timeS: 't_s',
  ap: 'ap',
  ml: 'ml',
  trialId: 'trial_id',
} as const;

/**
 * Reads a 2-D sway CSV, one `SwayTrial` per trial id.
 *
 * @throws FormatError, as `readSamplesCsv`, plus `line 1: missing column t_ms or t_s` and
 *   `line 1: both t_ms and t_s: keep one`.
 */
export function readSwayCsv(text: string): SwayTrial[] {
  const plan = planSwayCsv(text);
  return plan.finish(readCsvTables(text, plan.request));
}

/** The plan for a 2-D sway CSV from its start (at least the header row). @throws FormatError as `readSwayCsv`. */
export function planSwayCsv(start: string): TablePlan<SwayTrial[]> {
  const header = readCsvHeader(start);
  const indexes = columnIndexes(header);
  const msCell = indexes.get(SWAY_COLUMNS.timeMs);
  const sCell = indexes.get(SWAY_COLUMNS.timeS);
  if (msCell !== undefined && sCell !== undefined) {
    throw new FormatError(header.line, `both ${SWAY_COLUMNS.timeMs} and ${SWAY_COLUMNS.timeS}: keep one`);
  }
  let time: NumericColumn;
  if (msCell !== undefined) time = { name: SWAY_COLUMNS.timeMs, cell: msCell, scaleExp: -3 };
  else if (sCell !== undefined) time = { name: SWAY_COLUMNS.timeS, cell: sCell, scaleExp: 0 };
  else throw new FormatError(header.line, `missing column ${SWAY_COLUMNS.timeMs} or ${SWAY_COLUMNS.timeS}`);
  const columns: NumericColumn[] = [
    time,
    {
      name: SWAY_COLUMNS.ap,
      cell: requireColumn(indexes, header, SWAY_COLUMNS.ap),
      scaleExp: 0,
      limit: SWAY_LIMIT,
    },
    {
      name: SWAY_COLUMNS.ml,
      cell: requireColumn(indexes, header, SWAY_COLUMNS.ml),
      scaleExp: 0,
      limit: SWAY_LIMIT,
    },
  ];
  return {
    request: {
      header,
      columns,
      timeColumn: 0,
      trialCell: indexes.get(SWAY_COLUMNS.trialId) ?? null,
      maxTimeSpan: MAX_SPAN_S,
    },
    finish: ({ tables }) =>
      tables.map((table): SwayTrial => {
        const [tS, ap, ml] = table.columns as [Float64Array, Float64Array, Float64Array];
        return {
          trialId: table.trialId,
          recording: { kind: 'sway', tS, ap, ml },
          lines: table.lines,
          timeColumn: time.name === SWAY_COLUMNS.timeMs ? SWAY_COLUMNS.timeMs : SWAY_COLUMNS.timeS,
        };
      }),
  };
}

/** One trial to write as a 2-D sway CSV. */
export interface SwayCsvTrial {
  /** Needed (and unique) when several trials share a file. */
  trialId?: string | null;
  recording: SwayRecording;
}

/**
 * Writes the 2-D sway CSV that `readSwayCsv` reads back to the same doubles: header
 * `t_ms,ap,ml[,trial_id]`, CRLF line ends, `t_ms` the seconds' shortest text with the point
 * moved three places (as the samples CSV writes it), ap and ml their shortest round-trip text,
 * an empty cell for NaN. `trial_id` is written when there are several trials or one has an id.
 *
 * @throws RangeError when ap or ml is not as long as tS, or several trials lack distinct ids.
 */
export function writeSwayCsv(trials: readonly SwayCsvTrial[]): string {
  const withId = trials.length > 1 || trials.some((trial) => trial.trialId != null);
  const ids = new Set<string>();
  const lines = [
    [SWAY_COLUMNS.timeMs, SWAY_COLUMNS.ap, SWAY_COLUMNS.ml, ...(withId ? [SWAY_COLUMNS.trialId] : [])].join(
      ',',
    ),
  ];
  trials.forEach(({ trialId, recording }, index) => {
    const n = recording.tS.length;
    if (recording.ap.length !== n || recording.ml.length !== n)
      throw new RangeError(`trial ${index + 1}: ap or ml is not as long as tS (${n})`);
    if (trials.length > 1) {
      if (trialId == null) throw new RangeError(`trial ${index + 1} has no id: several trials need one each`);
      if (ids.has(trialId)) throw new RangeError(`trial id ${JSON.stringify(trialId)} is used twice`);
      ids.add(trialId);
    }
    const idCell = withId ? `,${trialIdCell(trialId ?? '')}` : '';
    for (let k = 0; k < n; k++) {
      lines.push(
        `${formatScaled(recording.tS[k] as number, 3)},${formatShortest(recording.ap[k] as number)},${formatShortest(recording.ml[k] as number)}${idCell}`,
      );
    }
  });
  return lines.join('\r\n') + '\r\n';
}
