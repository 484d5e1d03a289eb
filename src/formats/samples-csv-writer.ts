/**
 * Writes the Stork samples CSV (SPEC section 7) that `readSamplesCsv` reads.
 *
 * Header `t_ms,ax,ay,az[,gx,gy,gz][,lx,ly,lz][,trial_id]`, CRLF line ends (RFC 4180), one row
 * per sample, trials one after the other. Numbers are the shortest text that reads back to
 * the same double; `t_ms` is the seconds' shortest text with the point moved three places,
 * so seconds read back bit for bit (see decimal.ts). `-0` is written `-0` and reads back as
 * -0. NaN and +-Infinity are written as an empty cell and read back as NaN (missing).
 * A trial id that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `@SUM(…)`, a
 * leading tab) is written with a `'` in front, as the summary CSV writes its text cells, and the
 * reader takes that `'` off again, so ids read back exactly; ids are quoted per RFC 4180 when
 * they hold a comma, a quote or a line break.
 */
import type { MotionRecording, Series } from '../core/types';
import { formatScaled, formatShortest } from './decimal';
import { neutralised } from './formula-text';
import { SAMPLES_COLUMNS } from './samples-csv';

/** One trial to write: a motion recording, linear acceleration if any, and its id. */
export interface SamplesCsvTrial {
  /** Needed (and unique) when several trials share a file. */
  trialId?: string | null;
  recording: MotionRecording;
  linear?: { lx: Series; ly: Series; lz: Series } | null;
}

/** RFC 4180 line end. */
const CRLF = '\r\n';

/** Seconds are written as milliseconds: the point moves three places right. */
const MILLISECONDS_SCALE_EXP = 3;

/**
 * The samples CSV text of the trials, header first, ending with CRLF.
 *
 * Gyro columns are written when any trial has gyro data (empty cells for trials without);
 * likewise lx, ly, lz. `trial_id` is written when there are several trials or the one trial
 * has an id.
 *
 * @throws RangeError when a series is not as long as its trial's `tS`, or when several trials
 *   are written and one has no id or two share one (they could not be told apart on reading).
 */
export function writeSamplesCsv(trials: readonly SamplesCsvTrial[]): string {
  const layout: SamplesCsvLayout = {
    gyro: trials.some((trial) => trial.recording.gx !== undefined),
    linear: trials.some((trial) => trial.linear != null),
    trialId: trials.length > 1 || trials.some((trial) => trial.trialId != null),
  };
  if (trials.length > 1) checkTrialIds(trials);
  return (
    samplesCsvHeader(layout) + trials.map((trial, index) => samplesCsvRows(trial, index, layout)).join('')
  );
}

/** Which optional columns a samples CSV has. */
export interface SamplesCsvLayout {
  gyro: boolean;
  linear: boolean;
  trialId: boolean;
}

/** The header line of a samples CSV with this layout, CRLF included. */
export function samplesCsvHeader(layout: SamplesCsvLayout): string {
  const header: string[] = [SAMPLES_COLUMNS.time, ...SAMPLES_COLUMNS.acceleration];
  if (layout.gyro) header.push(...SAMPLES_COLUMNS.gyro);
  if (layout.linear) header.push(...SAMPLES_COLUMNS.linear);
  if (layout.trialId) header.push(SAMPLES_COLUMNS.trialId);
  return header.join(',') + CRLF;
}

/**
 * One trial's rows (CRLF after each), for a file with this layout: `writeSamplesCsv` is the
 * header and these for each trial, so a long export can be written trial by trial.
 *
 * @throws RangeError when a series is not as long as `tS` (`index` numbers the trial in the message).
 */
export function samplesCsvRows(trial: SamplesCsvTrial, index: number, layout: SamplesCsvLayout): string {
  const { recording } = trial;
  const n = recording.tS.length;
  const values: (Series | undefined)[] = [recording.ax, recording.ay, recording.az];
  if (layout.gyro) values.push(recording.gx, recording.gy, recording.gz);
  if (layout.linear) values.push(trial.linear?.lx, trial.linear?.ly, trial.linear?.lz);
  values.forEach((series) => {
    if (series !== undefined && series.length !== n) {
      throw new RangeError(`trial ${index + 1}: a series has ${series.length} values, tS has ${n}`);
    }
  });
  const idCell = layout.trialId ? `,${trialIdCell(trial.trialId ?? '')}` : '';
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    let line = formatScaled(recording.tS[i] as number, MILLISECONDS_SCALE_EXP);
    for (const series of values)
      line += `,${series === undefined ? '' : formatShortest(series[i] as number)}`;
    lines.push(line + idCell + CRLF);
  }
  return lines.join('');
}

function checkTrialIds(trials: readonly SamplesCsvTrial[]): void {
  const seen = new Set<string>();
  trials.forEach((trial, index) => {
    if (trial.trialId == null)
      throw new RangeError(`trial ${index + 1} has no id: several trials need one each`);
    if (seen.has(trial.trialId))
      throw new RangeError(`trial id ${JSON.stringify(trial.trialId)} is used twice`);
    seen.add(trial.trialId);
  });
}

/**
 * A trial id's cell: formula-like text neutralised with a `'` (formula-text.ts; the readers take
 * it off again, so the id reads back exactly), then quoted per RFC 4180 where needed.
 */
export function trialIdCell(trialId: string): string {
  return quoteCsvText(neutralised(trialId));
}

/** A text cell per RFC 4180: in quotes, quotes doubled, when it holds a comma, quote or line break. */
export function quoteCsvText(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
