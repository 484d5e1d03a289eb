/**
 * Training sets in the summary CSV (src/formats/training-columns.ts): the `kind` of every row
 * and a set's training field in its columns, the set's samples in the samples CSV, both read
 * back exactly; a summary written before these columns still imports (its rows are test
 * trials); a bad training cell gives the readers' one error form, naming the line, the column
 * and the cell, and the import gives nothing (so nothing is stored).
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/formats/format-error';
import { importFiles } from '../../../src/formats/import-files';
import { readSummaryCsv } from '../../../src/formats/summary-reader';
import { TRAINING_COLUMN_TYPES } from '../../../src/formats/training-columns';
import { exportTrialsCsv, trialSummaryColumns } from '../../../src/formats/trial-export';
import { importStorkFiles, isCompleteRecord } from '../../../src/formats/trial-import';
import type { StorkTrialRecord } from '../../../src/formats/trial-record';
import type { TrialRecord } from '../../../src/session/types';
import { planSets, DEFAULT_SESSION } from '../../../src/training/plan';
import { trainingRecord } from '../../../src/training/set-record';
import { fixturePath } from '../helpers/fixtures';
import { trainingArbitrary } from '../helpers/training-arbitrary';
import { makeRecord } from '../storage/trial-factory';

const META = { appVersion: '0.1.0' };

/** Bits of each double (NaN as one value: a missing sample). */
function bitsOf(values: Float64Array): string[] {
  const bits = new BigUint64Array(Float64Array.from(values).buffer);
  return Array.from(values, (value, i) => (Number.isNaN(value) ? 'NaN' : (bits[i] as bigint).toString(16)));
}

/** The second set (right leg) of the default session: 3 sets per leg, alternating. */
function trainingSet(id: string, seed: number, feedback: 'continuous' | 'off' = 'continuous'): TrialRecord {
  const settings = { ...DEFAULT_SESSION, feedback };
  const set = planSets(settings)[1]!;
  const trial = makeRecord({ id, stanceSide: 'right', rows: 600, seed, rounded: false, holdTimeS: 10 });
  return trainingRecord(trial, { sessionId: 'session-1', set, settings, deadZoneMs2: 0.17106176181548843 });
}

function importBack(records: readonly StorkTrialRecord[]): StorkTrialRecord[] {
  const files = exportTrialsCsv(records, META);
  const { trials, skippedCount } = importStorkFiles(files.samplesCsv, files.summaryCsv);
  expect(skippedCount).toBe(0);
  return trials.map(({ record }) => {
    if (!isCompleteRecord(record)) throw new Error('an imported trial is not complete');
    return record;
  });
}

describe('training sets in the summary CSV', () => {
  it('writes the kind of every row, and a set’s training field in its columns', () => {
    const set = trainingSet('set-2', 3);
    const test = makeRecord({ id: 'test-1' });
    const { summaryCsv } = exportTrialsCsv([set, test], META);
    const header = summaryCsv.split('\r\n')[0]!.split(',');
    expect(header).toEqual(trialSummaryColumns());
    expect(header.slice(-Object.keys(TRAINING_COLUMN_TYPES).length)).toEqual([
      'kind',
      'training_session_id',
      'exercise',
      'training_leg',
      'set_number',
      'sets_planned',
      'feedback',
      'difficulty',
      'dead_zone_m_s2',
      'time_in_zone_pct',
      'ended_early',
    ]);
    const rows = Papa.parse<Record<string, string>>(summaryCsv, { header: true, skipEmptyLines: true }).data;
    const training = set.training!;
    // The time in zone was measured from the samples: neither none, nor all, nor nothing.
    expect(training.timeInZone).toBeGreaterThan(0);
    expect(training.timeInZone).toBeLessThan(1);
    expect(rows[0]).toMatchObject({
      kind: 'training',
      training_session_id: 'session-1',
      exercise: 'single-leg',
      training_leg: 'right',
      set_number: '2',
      sets_planned: '6',
      feedback: 'continuous',
      difficulty: 'normal',
      dead_zone_m_s2: '0.17106176181548843',
      ended_early: 'false',
    });
    // In percent: the fraction's digits with the point two places on.
    const percent = rows[0]!['time_in_zone_pct']!;
    expect(Number(percent)).toBeCloseTo(training.timeInZone! * 100, 10);
    expect(percent.replace('.', '')).toContain(String(training.timeInZone).slice(2, 10));
    expect(rows[1]).toMatchObject({
      kind: 'test',
      training_session_id: '',
      exercise: '',
      training_leg: '',
      set_number: '',
      time_in_zone_pct: '',
      ended_early: '',
    });
  });

  it('writes times in zone in percent that read back to the same fraction, where x * 100 / 100 would not', () => {
    // 0.9833055856156674 * 100 is written 98.33055856156673, which / 100 is 0.9833055856156673.
    const fraction = 0.9833055856156674;
    expect(Number(String(fraction * 100)) / 100).not.toBe(fraction);
    const set = trainingSet('s', 1);
    set.training = { ...set.training!, timeInZone: fraction };
    const { summaryCsv } = exportTrialsCsv([set], META);
    expect(summaryCsv).toContain(',98.33055856156674,');
    expect(readSummaryCsv(summaryCsv).rows[0]!.cells['time_in_zone_pct']).toBe(fraction);
    expect(importBack([set])[0]!.training!.timeInZone).toBe(fraction);
  });

  it('reads sets and test trials back exactly: the training field, every sample bit for bit, the analysis', () => {
    const records = [trainingSet('set-a', 5), trainingSet('set-b', 6, 'off'), makeRecord({ id: 'test' })];
    records[1]!.training = { ...records[1]!.training!, endedEarly: true, timeInZone: null };
    const files = exportTrialsCsv(records, META);
    // As the import page reads the two files chosen together (a Web Worker runs the same code).
    const page = importFiles([
      { name: 'stork-samples.csv', text: files.samplesCsv },
      { name: 'stork-summary.csv', text: files.summaryCsv },
    ]);
    expect(page.failed).toEqual([]);
    for (const back of [importBack(records), page.trials.map((trial) => trial.record)]) {
      expect(back).toEqual(records);
      back.forEach((record, i) => {
        for (const key of Object.keys(record.samples) as (keyof StorkTrialRecord['samples'])[])
          expect(bitsOf(record.samples[key]), key).toEqual(bitsOf(records[i]!.samples[key]));
      });
      expect(back[2]).not.toHaveProperty('training');
    }
  });

  it('gives back any training field exactly', () => {
    const record = makeRecord({ id: 'x', rows: 12 });
    fc.assert(
      fc.property(fc.array(trainingArbitrary, { minLength: 1, maxLength: 4 }), (fields) => {
        const records = fields.map((training, i) => ({ ...record, id: `set-${i}`, training }));
        const back = importBack(records);
        expect(back.map((r) => r.training)).toEqual(fields);
        // Every number bit for bit (toEqual would also take 0 for -0).
        back.forEach((r, i) => {
          expect(Object.is(r.training!.deadZoneMs2, fields[i]!.deadZoneMs2)).toBe(true);
          expect(Object.is(r.training!.timeInZone, fields[i]!.timeInZone)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('a summary written before training sets', () => {
  const samples = readFileSync(fixturePath('summary-legacy/samples.csv'), 'utf8');
  const summary = readFileSync(fixturePath('summary-legacy/summary.csv'), 'utf8');

  it('has no kind column and still imports: its trial is a test trial', () => {
    expect(summary.split('\r\n')[0]!.split(',')).not.toContain('kind');
    const { trials } = importStorkFiles(samples, summary);
    expect(trials).toHaveLength(1);
    expect(trials[0]!.record.holdTimeS).toBe(12.127800000000743);
    expect(trials[0]!.record).not.toHaveProperty('training');
  });

  it('written again says kind test, and reads back the same', () => {
    const before = importStorkFiles(samples, summary).trials[0]!.record as StorkTrialRecord;
    const { summaryCsv } = exportTrialsCsv([before], META);
    expect(readSummaryCsv(summaryCsv).rows[0]!.cells['kind']).toBe('test');
    expect(importBack([before])).toEqual([{ ...before, holdTimeS: 12.1278 }]);
  });
});

describe('a bad training cell', () => {
  /** The export of a set and a test trial with one cell of the set's row (line 2) or the test's (line 3) changed. */
  function withCell(column: string, cell: string, line = 2): { samplesCsv: string; summaryCsv: string } {
    const files = exportTrialsCsv([trainingSet('set', 2), makeRecord({ id: 'test' })], META);
    const parsed = Papa.parse<string[]>(files.summaryCsv.trimEnd(), { newline: '\r\n' }).data;
    const at = parsed[0]!.indexOf(column);
    expect(at).toBeGreaterThanOrEqual(0);
    parsed[line - 1]![at] = cell;
    return { samplesCsv: files.samplesCsv, summaryCsv: Papa.unparse(parsed, { newline: '\r\n' }) + '\r\n' };
  }

  it.each([
    ['exercise', 'hopping', 2, 'exercise is not one of single-leg, tandem, feet-together ("hopping")'],
    ['time_in_zone_pct', '140', 2, 'time_in_zone_pct is not a percentage from 0 to 100 ("140")'],
    ['time_in_zone_pct', '-0.5', 2, 'time_in_zone_pct is not a percentage from 0 to 100 ("-0.5")'],
    ['time_in_zone_pct', '61 %', 2, 'time_in_zone_pct is not a number ("61 %")'],
    ['kind', 'warm-up', 2, 'kind is not test or training ("warm-up")'],
    ['kind', 'test', 2, 'training_session_id is given, but kind is test'],
    ['exercise', 'tandem', 3, 'exercise is given, but kind is test'],
    ['training_leg', '', 2, 'training_leg is not left or right ("")'],
    ['exercise', 'tandem', 2, 'training_leg is not empty for tandem stance ("right")'],
    ['set_number', '7', 2, 'set_number is not from 1 to sets_planned ("7")'],
    ['set_number', '1.5', 2, 'set_number is not a whole number ("1.5")'],
    ['sets_planned', '0', 2, 'sets_planned is not at least 1 ("0")'],
    ['feedback', 'loud', 2, 'feedback is not one of continuous, outside-tone, off ("loud")'],
    ['difficulty', '', 2, 'difficulty is not one of easier, normal, harder ("")'],
    ['dead_zone_m_s2', '0', 2, 'dead_zone_m_s2 is not above 0 ("0")'],
    ['ended_early', '', 2, 'ended_early is empty'],
    ['ended_early', 'yes', 2, 'ended_early is not true or false ("yes")'],
    ['training_session_id', '', 2, 'training_session_id is empty'],
  ])('%s = %j on line %i: "%s", and no trial', (column, cell, line, reason) => {
    const { samplesCsv, summaryCsv } = withCell(column, cell, line);
    const read = () => importStorkFiles(samplesCsv, summaryCsv);
    expect(read).toThrow(FormatError);
    const error = (() => {
      try {
        read();
      } catch (thrown) {
        return thrown as FormatError;
      }
      return null;
    })();
    expect(error?.message).toBe(`summary: line ${line}: ${reason}`);
    expect(error?.line).toBe(line);
    // The page's import: the summary fails with that line and reason, and describes no trial.
    const page = importFiles([
      { name: 'samples.csv', text: samplesCsv },
      { name: 'summary.csv', text: summaryCsv },
    ]);
    expect(page.failed.map((failed) => failed.message)).toEqual([`summary.csv: line ${line}: ${reason}`]);
    expect(page.trials.some((trial) => trial.record.training !== undefined)).toBe(false);
  });
});
