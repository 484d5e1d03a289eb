/**
 * The page's summary CSV with 2-D sway trials: their metrics in the columns in the signal's
 * unit (`rms_ap_u`..., the names `stork analyze` prints for a sway file), `signal` sway and
 * `signal_unit` the trial's unit; phone trials in the m/s^2 columns, as before.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import { importFiles } from '../../../src/formats/import-files';
import { METRIC_KEYS, metricColumnName } from '../../../src/formats/metric-units';
import { summaryColumns } from '../../../src/formats/summary-csv';
import { readSummaryCsv, SUMMARY_COLUMN_TYPES } from '../../../src/formats/summary-reader';
import { exportTrialsCsv, trialSummaryColumns, trialSwayCsvParts } from '../../../src/formats/trial-export';
import type { TrialRecord } from '../../../src/session/types';
import { completeRecords } from '../../../src/ui/import-records';

const META = { appVersion: '0.1.0' };
const SETUP = { stanceSide: 'right', eyes: 'closed', surface: 'firm', placement: 'chest', capS: 30 } as const;

function fixture(path: string): string {
  return readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
}

/** A trial as the import page saves it from a file (the person's choices: SETUP, `unit`). */
function saved(path: string, id: string, unit = ''): TrialRecord {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const [record] = completeRecords(
    importFiles([{ name, text: fixture(path) }]).trials,
    SETUP,
    new Date('2026-03-05T10:00:00Z'),
    () => id,
    unit,
  );
  return record as TrialRecord;
}

/** A sway trial's set-up as the import page saves it: the form's, on a force plate, the 60 s cap (a 60 s file). */
const SETUP_OF_SWAY = { ...SETUP, placement: 'force-plate', capS: 60 };

/** Bits of each double. */
function bits(values: Float64Array): string[] {
  return Array.from(new BigUint64Array(Float64Array.from(values).buffer), (word) => word.toString(16));
}

function parse(csv: string): { fields: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

/** What `stork analyze FILE --format csv` prints, run in-process. */
async function cliCsv(path: string): Promise<string> {
  let stdout = '';
  const code = await run(['analyze', path, '--format', 'csv'], {
    readFile: async (file) => fixture(file.replace(/^fixtures\//, '')),
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
  });
  expect(code).toBe(0);
  return stdout;
}

const MOTION_NAMES = METRIC_KEYS.map((key) => metricColumnName(key, 'motion'));
const GENERIC_NAMES = METRIC_KEYS.map((key) => metricColumnName(key, 'generic'));
/** The metric columns in the signal's unit (`rms_ap_u`...) and their m/s^2 counterparts; the others are shared. */
const U_COLUMNS = GENERIC_NAMES.filter((name) => !MOTION_NAMES.includes(name));
const M_S2_COLUMNS = MOTION_NAMES.filter((name) => !GENERIC_NAMES.includes(name));

describe("the page's summary CSV with 2-D sway trials", () => {
  const phone = saved('demo/case01.csv', 'phone-1');
  const swayCm = saved('cop/BDS00031.csv', 'plate-cm', 'cm');
  const swayUnknown = saved('cop/BDS00015.csv', 'plate-u');

  it('is as before for phone trials only: the m/s^2 columns alone', () => {
    const { fields, rows } = parse(exportTrialsCsv([phone], META).summaryCsv);
    expect(fields).toEqual(trialSummaryColumns());
    expect(fields.slice(0, summaryColumns('motion').length)).toEqual(summaryColumns('motion'));
    expect(fields.some((name) => name.endsWith('_u'))).toBe(false);
    expect(rows[0]?.signal_unit).toBe('m/s^2');
  });

  it('adds the columns in the signal unit after the m/s^2 ones: the same names stork analyze prints', async () => {
    const { fields } = parse(exportTrialsCsv([phone, swayCm], META).summaryCsv);
    // The sets that differ: the 14 metrics in a power of u (rms x3, mean distance, ranges x2,
    // path length, mean velocity, jerk, ellipse area, major, minor, sway area rate, total power).
    expect(U_COLUMNS).toHaveLength(14);
    expect(M_S2_COLUMNS).toHaveLength(14);
    expect(fields).toEqual(trialSummaryColumns('both'));
    expect(new Set(fields).size).toBe(fields.length);
    const motionEnd = fields.indexOf('gyro_rms_ml_deg_s');
    expect(fields.slice(motionEnd + 1, motionEnd + 1 + U_COLUMNS.length)).toEqual(U_COLUMNS);
    // Every metric column of the command line's summary of a sway file is in the page's.
    const cli = parse(await cliCsv('fixtures/cop/BDS00031.csv'));
    const cliMetrics = METRIC_KEYS.map((key) => metricColumnName(key, 'generic'));
    for (const name of cliMetrics) expect(cli.fields).toContain(name);
    for (const name of cliMetrics) expect(fields).toContain(name);
  });

  it('writes a sway trial as stork analyze does: same cells in the same columns, with its unit', async () => {
    const { rows } = parse(exportTrialsCsv([phone, swayCm, swayUnknown], META).summaryCsv);
    const [phoneRow, cmRow, unknownRow] = rows as [
      Record<string, string>,
      Record<string, string>,
      Record<string, string>,
    ];
    // stork analyze of the same file (the page analyses it with the same pipeline and window).
    const [cliRow] = parse(await cliCsv('fixtures/cop/BDS00031.csv')).rows as [Record<string, string>];
    // The whole 60 s (a sway CSV has no "go"); analysis version 1 skipped the first second,
    // 0.6182059339332344 (what `--from 1` still gives).
    expect(cliRow.rms_ap_u).toBe('0.6302377489602775');
    expect([cliRow.window_from_s, cliRow.analysis_version]).toEqual(['0.01', '2']);
    for (const key of METRIC_KEYS) {
      const name = metricColumnName(key, 'generic');
      expect(cmRow[name], name).toBe(cliRow[name]);
    }
    for (const name of ['signal', 'window_from_s', 'window_to_s', 'hold_time_s'])
      expect(cmRow[name], name).toBe(cliRow[name]);
    expect([cmRow.signal, cmRow.signal_unit]).toEqual(['sway', 'cm']);
    expect([unknownRow.signal, unknownRow.signal_unit]).toEqual(['sway', '']);
    // Each row has its values in one set, empty cells in the other.
    for (const name of M_S2_COLUMNS) {
      expect(cmRow[name], name).toBe('');
      expect(unknownRow[name], name).toBe('');
      expect(phoneRow[name], name).not.toBe('');
    }
    for (const name of U_COLUMNS) {
      expect(phoneRow[name], name).toBe('');
      expect(cmRow[name], name).not.toBe('');
      expect(unknownRow[name], name).not.toBe('');
    }
    expect(phoneRow.rms_ap_m_s2).toBe(String(phone.analysis!.metrics.rmsAp));
    expect(phoneRow.signal_unit).toBe('m/s^2');
    // The columns of fixed unit are shared: each row has its own value there.
    expect(cmRow.f50_hz).toBe(String(swayCm.analysis!.metrics.f50));
    expect(phoneRow.f50_hz).toBe(String(phone.analysis!.metrics.f50));
  });

  it("has cells of each column's type (papaparse's own typing) and reads back with them", () => {
    const summary = exportTrialsCsv([swayCm, phone, swayUnknown], META).summaryCsv;
    const typed = Papa.parse<Record<string, unknown>>(summary, {
      header: true,
      skipEmptyLines: true,
      dynamicTyping: true,
    });
    expect(typed.errors).toEqual([]);
    let checked = 0;
    for (const row of typed.data) {
      for (const [column, value] of Object.entries(row)) {
        const type = SUMMARY_COLUMN_TYPES[column] ?? 'text';
        if (value === null || value === '') continue;
        if (type === 'number' || type === 'integer') {
          expect(typeof value, `${column}: ${String(value)}`).toBe('number');
          checked++;
        }
        if (type === 'integer') expect(Number.isInteger(value), column).toBe(true);
        if (type === 'boolean') expect(typeof value, column).toBe('boolean');
        if (type === 'date-time') expect(value instanceof Date, column).toBe(true);
      }
    }
    // Every `_u` column of both sway rows was a number cell.
    expect(checked).toBeGreaterThan(2 * U_COLUMNS.length);
    const table = readSummaryCsv(summary);
    expect(table.scheme).toBe('both');
    const [cm, phoneRow] = table.rows.map((row) => row.cells);
    expect(cm?.['rms_ap_u']).toBe(swayCm.analysis!.metrics.rmsAp);
    expect(cm?.['rms_ap_m_s2']).toBeNull();
    expect(cm?.['samples_analysed']).toBe(swayCm.analysis!.metrics.samples);
    expect(cm?.['signal_unit']).toBe('cm');
    expect(phoneRow?.['rms_ap_m_s2']).toBe(phone.analysis!.metrics.rmsAp);
    expect(phoneRow?.['rms_ap_u']).toBeNull();
  });
});

describe('an export with 2-D sway trials imported again (summary, samples and sway CSV chosen together)', () => {
  const phone = saved('demo/case01.csv', 'phone-1');
  const swayCm = saved('cop/BDS00031.csv', 'plate-cm', 'cm');
  const swayUnknown = saved('cop/BDS00015.csv', 'plate-u');

  it('restores each sway trial as it was stored: side, condition, date, cap, unit, signal bit for bit, analysis', () => {
    const records = [phone, swayCm, swayUnknown];
    const files = exportTrialsCsv(records, { ...META, subjectOf: () => 'P-017' });
    const sway = [...trialSwayCsvParts(records)].join('');
    const report = importFiles([
      { name: 'stork-P-017-samples.csv', text: files.samplesCsv },
      { name: 'stork-P-017-samples-sway.csv', text: sway },
      { name: 'stork-P-017-summary.csv', text: files.summaryCsv },
    ]);
    expect(report.failed).toEqual([]);
    expect(report.trials.map((trial) => trial.record)).toEqual(records);
    const [, cm, unknown] = report.trials;
    expect(cm?.record.setup).toEqual(SETUP_OF_SWAY);
    expect(cm?.record.sway?.unit).toBe('cm');
    expect(unknown?.record.sway?.unit).toBeNull();
    expect(cm?.subject).toBe('P-017');
    expect(cm?.origin).toMatchObject({
      format: 'sway-2d',
      files: ['stork-P-017-samples-sway.csv', 'stork-P-017-summary.csv'],
    });
    // Bit for bit (toEqual would also take -0 for 0).
    expect(bits(cm!.record.sway!.ap)).toEqual(bits(swayCm.sway!.ap));
    expect(bits(cm!.record.samples.tS)).toEqual(bits(swayCm.samples.tS));
  });

  it('keeps a sway CSV alone as before: a sway trial whose side, condition and date are to be given', () => {
    const sway = [...trialSwayCsvParts([swayCm])].join('');
    const [trial, ...more] = importFiles([{ name: 'x-sway.csv', text: sway }]).trials;
    expect(more).toEqual([]);
    expect(trial?.record.id).toBe('plate-cm');
    expect(trial?.record.setup).toBeNull();
    expect(trial?.record.startedAt).toBeNull();
    expect(trial?.record.sway?.unit).toBeNull();
    expect(trial?.record.analysis).toEqual(swayCm.analysis);
  });

  it('restores the trials the summary lists and imports the others of the sway CSV as a sway CSV alone gives them', () => {
    const sway = [...trialSwayCsvParts([swayCm, swayUnknown])].join('');
    const report = importFiles([
      { name: 'one-summary.csv', text: exportTrialsCsv([swayCm], META).summaryCsv },
      { name: 'two-sway.csv', text: sway },
    ]);
    expect(report.failed).toEqual([]);
    expect(report.trials.map((trial) => [trial.record.id, trial.record.setup === null])).toEqual([
      ['plate-cm', false],
      ['plate-u', true],
    ]);
    expect(report.trials[0]?.record).toEqual(swayCm);
    expect(report.trials[1]?.record.analysis).toEqual(swayUnknown.analysis);
  });

  it('refuses a summary row of a phone trial whose id is a sway trial’s, and imports the sway trial alone', () => {
    const clash = { ...phone, id: 'plate-cm' };
    const sway = [...trialSwayCsvParts([swayCm])].join('');
    const files = exportTrialsCsv([clash], META);
    const report = importFiles([
      { name: 'p-samples.csv', text: files.samplesCsv },
      { name: 'p-summary.csv', text: files.summaryCsv },
      { name: 'p-sway.csv', text: sway },
    ]);
    // The sway file is refused for the id its samples file already has; nothing else is lost.
    expect(report.failed.map((failed) => failed.message)).toEqual([
      'p-sway.csv: line 2: trial_id "plate-cm" is also in p-samples.csv',
    ]);
    expect(report.trials.map((trial) => trial.record)).toEqual([clash]);
    // Without the samples file, the phone row cannot describe the sway trial.
    const alone = importFiles([
      { name: 'p-summary.csv', text: files.summaryCsv },
      { name: 'p-sway.csv', text: sway },
    ]);
    expect(alone.failed.map((failed) => failed.message)).toEqual([
      'p-summary.csv: line 2: trial "plate-cm" is a phone trial, not the 2-D sway trial of that id',
    ]);
    expect(alone.trials.map((trial) => [trial.record.id, trial.record.setup])).toEqual([['plate-cm', null]]);
  });

  it('still restores a sway trial from a summary written before, its metrics under the m/s^2 names', () => {
    const files = exportTrialsCsv([swayCm], META);
    const { fields, rows } = parse(files.summaryCsv);
    // The summary as the page wrote it before the `_u` columns: values moved to the m/s^2 names.
    const oldFields = fields.filter((name) => !U_COLUMNS.includes(name));
    const oldRows = rows.map((row) => {
      const old: Record<string, string> = { ...row };
      METRIC_KEYS.forEach((key) => {
        const u = metricColumnName(key, 'generic');
        if (U_COLUMNS.includes(u)) old[metricColumnName(key, 'motion')] = row[u] as string;
      });
      return old;
    });
    const oldSummary = Papa.unparse({ fields: oldFields, data: oldRows }, { newline: '\r\n' });
    expect(readSummaryCsv(oldSummary).scheme).toBe('motion');
    const sway = [...trialSwayCsvParts([swayCm])].join('');
    const report = importFiles([
      { name: 'x-summary.csv', text: oldSummary },
      { name: 'x-samples-sway.csv', text: sway },
    ]);
    expect(report.failed).toEqual([]);
    expect(report.trials).toHaveLength(1);
    expect(report.trials[0]?.record.analysis).toEqual(swayCm.analysis);
  });
});
