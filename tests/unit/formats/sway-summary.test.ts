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
import { exportTrialsCsv, trialSummaryColumns } from '../../../src/formats/trial-export';
import type { TrialRecord } from '../../../src/session/types';
import { completeRecords } from '../../../src/ui/import-view';

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
    expect(cliRow.rms_ap_u).toBe('0.6182059339332344');
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
    expect(cm?.['samples']).toBe(swayCm.analysis!.metrics.samples);
    expect(cm?.['signal_unit']).toBe('cm');
    expect(phoneRow?.['rms_ap_m_s2']).toBe(phone.analysis!.metrics.rmsAp);
    expect(phoneRow?.['rms_ap_u']).toBeNull();
  });
});
