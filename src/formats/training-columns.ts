/**
 * A training set's information in the summary CSV (the trial's `training` field,
 * src/training/types.ts): columns written after the other trial columns (trial-export.ts), read
 * back exactly (trial-import.ts). Every row says its `kind`, `test` or `training`; a test trial's
 * training cells are empty. A summary written before these columns has no `kind`: all its rows
 * are test trials, as they were then.
 *
 * The time in zone is written in percent (`time_in_zone_pct`, what people read in a
 * spreadsheet) but stored as a fraction: the percent text is the fraction's shortest text with
 * the decimal point moved two places (decimal.ts formatScaled), and the reader moves it back
 * before rounding, so the fraction comes back bit for bit (`x * 100 / 100` would not always).
 */
import { formatScaled } from './decimal';
import { FormatError, quoteCell } from './format-error';
import type { SummaryCell } from './summary-csv';
import type { SummaryColumnType, SummaryRow, SummaryValue } from './summary-reader';
import { TRIAL_VALUES, type StorkTrainingInfo, type StorkTrialRecord } from './trial-record';

/** The `kind` of a row: a test trial or a set of a training session. */
export const TRIAL_KINDS = ['test', 'training'] as const;
export type TrialKind = (typeof TRIAL_KINDS)[number];

/** Places the percent text's decimal point is moved from the fraction's. */
export const PERCENT_SCALE_EXP = 2;

/** The training columns and how their cells are read (summary-reader.ts), in file order. */
export const TRAINING_COLUMN_TYPES = {
  kind: 'text',
  training_session_id: 'text',
  exercise: 'text',
  training_leg: 'text',
  set_number: 'integer',
  sets_planned: 'integer',
  feedback: 'text',
  difficulty: 'text',
  dead_zone_m_s2: 'number',
  time_in_zone_pct: 'percent',
  ended_early: 'boolean',
} as const satisfies Readonly<Record<string, SummaryColumnType>>;

/** The columns that hold the training field: empty on a test trial's row. */
const TRAINING_FIELD_COLUMNS = Object.keys(TRAINING_COLUMN_TYPES).filter((name) => name !== 'kind');

/** The cells of the training columns for a trial, by column name. */
export function trainingCells(record: StorkTrialRecord): Record<string, SummaryCell> {
  const training = record.training;
  if (training === undefined) return { kind: 'test' };
  return {
    kind: 'training',
    training_session_id: training.sessionId,
    exercise: training.exercise,
    training_leg: training.leg ?? '',
    set_number: training.setNumber,
    sets_planned: training.setsPlanned,
    feedback: training.feedback,
    difficulty: training.difficulty,
    dead_zone_m_s2: finite(training.deadZoneMs2),
    // A fraction is never negative: its percent text never starts with `-`, so it is not
    // neutralised as a formula; -0 is written 0, as every number of the summary.
    time_in_zone_pct:
      training.timeInZone === null ? null : formatScaled(training.timeInZone + 0, PERCENT_SCALE_EXP),
    ended_early: training.endedEarly,
  };
}

/**
 * The training field of a summary row, or null for a test trial (a `kind` of `test`, or no
 * `kind` column: a summary written before training sets).
 *
 * @throws FormatError naming the line, the column and the cell: `line 3: exercise is not one of
 *   single-leg, tandem, feet-together ("hopping")`, `line 3: training_leg is not left or right
 *   ("")`, `line 3: set_number is not from 1 to sets_planned ("7")`, `line 3: exercise is given,
 *   but kind is test`.
 */
export function trainingFromRow(row: SummaryRow): StorkTrainingInfo | null {
  const value = (column: string): SummaryValue => row.cells[column] ?? null;
  const wrong = (column: string, what: string): FormatError =>
    new FormatError(row.line, `${column} is not ${what} (${quoteCell(String(value(column) ?? ''))})`);
  const oneOf = <T extends string>(column: string, allowed: readonly T[]): T => {
    const cell = value(column);
    if (allowed.includes(cell as T)) return cell as T;
    throw wrong(column, allowed.length === 2 ? allowed.join(' or ') : `one of ${allowed.join(', ')}`);
  };
  const required = <T>(column: string, cell: T | null): T => {
    if (cell === null) throw new FormatError(row.line, `${column} is empty`);
    return cell;
  };
  const text = (column: string): string | null => {
    const cell = value(column);
    return typeof cell === 'string' ? cell : null;
  };
  const number = (column: string): number | null => {
    const cell = value(column);
    return typeof cell === 'number' ? cell : null;
  };

  const kind = value('kind') === null ? 'test' : oneOf('kind', TRIAL_KINDS);
  if (kind === 'test') {
    const given = TRAINING_FIELD_COLUMNS.find((column) => value(column) !== null);
    if (given !== undefined) throw new FormatError(row.line, `${given} is given, but kind is test`);
    return null;
  }
  const exercise = oneOf('exercise', TRIAL_VALUES.exercise);
  let leg: StorkTrainingInfo['leg'] = null;
  if (exercise === 'single-leg') leg = oneOf('training_leg', TRIAL_VALUES.stanceSide);
  else if (value('training_leg') !== null) throw wrong('training_leg', `empty for ${exercise} stance`);
  const setsPlanned = required('sets_planned', number('sets_planned'));
  if (setsPlanned < 1) throw wrong('sets_planned', 'at least 1');
  const setNumber = required('set_number', number('set_number'));
  if (setNumber < 1 || setNumber > setsPlanned) throw wrong('set_number', 'from 1 to sets_planned');
  const deadZoneMs2 = required('dead_zone_m_s2', number('dead_zone_m_s2'));
  if (!(deadZoneMs2 > 0 && Number.isFinite(deadZoneMs2))) throw wrong('dead_zone_m_s2', 'above 0');
  const endedEarly = value('ended_early');
  if (typeof endedEarly !== 'boolean') throw new FormatError(row.line, 'ended_early is empty');
  return {
    sessionId: required('training_session_id', text('training_session_id')),
    exercise,
    leg,
    setNumber,
    setsPlanned,
    feedback: oneOf('feedback', TRIAL_VALUES.feedback),
    difficulty: oneOf('difficulty', TRIAL_VALUES.difficulty),
    deadZoneMs2,
    // Checked to be from 0 to 100 % when read (summary-reader.ts).
    timeInZone: number('time_in_zone_pct'),
    endedEarly,
  };
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
