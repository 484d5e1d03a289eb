import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, SwayMetrics } from '../../../src/core/types';
import { metricColumnName, METRIC_KEYS } from '../../../src/formats/metric-units';
import { FORMULA_TRIGGER, summaryColumns, writeSummaryCsv } from '../../../src/formats/summary-csv';

/** A result with distinct made-up numbers, so every column can be checked by its value. */
function result(signal: 'motion' | 'sway', overrides: Partial<SwayMetrics> = {}): AnalysisResult {
  const metrics = Object.fromEntries(
    METRIC_KEYS.map((key, index) => [key, index + 0.5]),
  ) as unknown as SwayMetrics;
  return {
    analysisVersion: 1,
    signal,
    window: { fromS: 1, toS: 20.25 },
    touchdownS: 20.75,
    holdTimeS: 20.75,
    dropped: { nonFiniteTime: 1, nonFiniteValue: 2, nonIncreasingTime: 3, nonFiniteGyro: 0 },
    warnings: ['input rate 20 Hz is low', 'quantized input'],
    metrics: { ...metrics, signal, ...overrides },
    options: { rateHz: 50, cutoffHz: 3.5, filterOrder: 4 },
  };
}

/** Parses the summary as pandas would: header row, then rows of cells. */
function parse(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('metric column names', () => {
  it('carry units derived from each definition (SPEC section 4), m/s^2 written out for motion', () => {
    const motion = Object.fromEntries(METRIC_KEYS.map((key) => [key, metricColumnName(key, 'motion')]));
    expect(motion).toEqual({
      samples: 'samples_analysed',
      durationS: 'duration_s',
      rateHz: 'rate_hz',
      inputRateHz: 'input_rate_hz',
      rmsAp: 'rms_ap_m_s2',
      rmsMl: 'rms_ml_m_s2',
      rms: 'rms_m_s2',
      meanDistance: 'mean_distance_m_s2',
      rangeAp: 'range_ap_m_s2',
      rangeMl: 'range_ml_m_s2',
      pathLength: 'path_length_m_s2',
      meanVelocity: 'mean_velocity_m_s3',
      jerk: 'jerk_m2_s5',
      ellipseArea: 'ellipse_area_m2_s4',
      ellipseMajor: 'ellipse_major_m_s2',
      ellipseMinor: 'ellipse_minor_m_s2',
      ellipseAngleDeg: 'ellipse_angle_deg',
      swayAreaRate: 'sway_area_rate_m2_s5',
      meanFrequency: 'mean_frequency_hz',
      totalPower: 'total_power_m2_s4',
      f50: 'f50_hz',
      f95: 'f95_hz',
      centroidFrequency: 'centroid_frequency_hz',
      frequencyDispersion: 'frequency_dispersion',
      gyroRmsAp: 'gyro_rms_ap_deg_s',
      gyroRmsMl: 'gyro_rms_ml_deg_s',
    });
  });

  it('keep the signal unit as u for a sway signal of unknown unit', () => {
    expect(
      ['rmsAp', 'pathLength', 'meanVelocity', 'jerk', 'ellipseArea', 'swayAreaRate', 'totalPower', 'f50'].map(
        (key) => metricColumnName(key as keyof Omit<SwayMetrics, 'signal'>, 'generic'),
      ),
    ).toEqual([
      'rms_ap_u',
      'path_length_u',
      'mean_velocity_u_s',
      'jerk_u2_s',
      'ellipse_area_u2',
      'sway_area_rate_u2_s',
      'total_power_u2',
      'f50_hz',
    ]);
  });
});

describe('writeSummaryCsv', () => {
  it('writes one header row and one row per trial, CRLF, every value in its column', () => {
    const csv = writeSummaryCsv([
      {
        result: result('motion'),
        file: 'left.csv',
        trialId: 't1',
        dateTime: '2025-03-14T09:26:53+01:00',
        subject: 'S01',
        stanceSide: 'left',
        eyes: 'open',
        surface: 'firm',
        placement: 'chest',
        capS: 45,
        endReason: 'touchdown',
        samplesReceived: 1001,
        appVersion: '0.1.0',
      },
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.split('\r\n')[0]).toBe(summaryColumns('motion').join(','));
    const [row] = parse(csv);
    expect(row).toMatchObject({
      file: 'left.csv',
      trial_id: 't1',
      date_time: '2025-03-14T09:26:53+01:00',
      subject: 'S01',
      stance_side: 'left',
      eyes: 'open',
      surface: 'firm',
      placement: 'chest',
      cap_s: '45',
      hold_time_s: '20.75',
      end_reason: 'touchdown',
      signal: 'motion',
      signal_unit: 'm/s^2',
      window_from_s: '1',
      window_to_s: '20.25',
      touchdown_s: '20.75',
      samples_received: '1001',
      samples_analysed: '0.5',
      rms_ap_m_s2: '4.5',
      gyro_rms_ml_deg_s: '25.5',
      dropped_non_finite_time: '1',
      dropped_non_finite_value: '2',
      dropped_non_increasing_time: '3',
      dropped_non_finite_gyro: '0',
      warnings: 'input rate 20 Hz is low | quantized input',
      app_version: '0.1.0',
      analysis_version: '1',
    });
  });

  it('leaves unknown identity and null metrics empty', () => {
    const [row] = parse(
      writeSummaryCsv([
        { result: { ...result('motion', { f50: null, gyroRmsAp: null }), touchdownS: null } },
      ]),
    );
    expect(row).toMatchObject({
      file: '',
      subject: '',
      cap_s: '',
      touchdown_s: '',
      f50_hz: '',
      gyro_rms_ap_deg_s: '',
    });
    expect(row?.hold_time_s).toBe('20.75');
  });

  it('uses the generic unit scheme as soon as one row is a sway signal', () => {
    const csv = writeSummaryCsv([{ result: result('motion') }, { result: result('sway') }]);
    expect(csv.split('\r\n')[0]).toBe(summaryColumns('generic').join(','));
    expect(parse(csv).map((row) => [row.signal, row.signal_unit, row.rms_ap_u])).toEqual([
      ['motion', 'm/s^2', '4.5'],
      ['sway', '', '4.5'],
    ]);
  });

  it('writes numbers as number cells: negative numbers untouched, shortest round-trip text', () => {
    const csv = writeSummaryCsv([
      { result: result('motion', { rmsAp: -0.1 - 0.2, ellipseAngleDeg: -1e-7 }) },
    ]);
    const line = csv.split('\r\n')[1] ?? '';
    expect(line).toContain(',-0.30000000000000004,');
    expect(line).toContain(',-1e-7,');
    expect(line).not.toContain("'-");
  });

  it('neutralises text a spreadsheet would run as a formula, also after spaces and on multi-line cells', () => {
    const dangerous = [
      '=1+1',
      '+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '  =HYPERLINK("x")',
      '=1\n2',
      '\uFF1D1',
    ];
    const csv = writeSummaryCsv(dangerous.map((subject) => ({ result: result('motion'), subject })));
    expect(parse(csv).map((row) => row.subject)).toEqual(dangerous.map((text) => `'${text}`));
    const harmless = ['S01', 'a=b', 'left-1', ''];
    const safeCsv = writeSummaryCsv(harmless.map((subject) => ({ result: result('motion'), subject })));
    expect(parse(safeCsv).map((row) => row.subject)).toEqual(harmless);
  });

  it('matches exactly the cells papaparse default pattern misses', () => {
    const papaparseDefault = /^[=+\-@\t\r].*$/;
    expect(['  =1', '=1\n2', '\uFF1D1'].filter((text) => papaparseDefault.test(text))).toEqual([]);
    expect(['  =1', '=1\n2', '\uFF1D1'].every((text) => FORMULA_TRIGGER.test(text))).toBe(true);
  });

  it('writes just the header for no trials', () => {
    expect(writeSummaryCsv([])).toBe(`${summaryColumns('motion').join(',')}\r\n`);
  });

  it('gives a trial that could not be analysed its row: identity and app version, results empty', () => {
    const [row] = parse(
      writeSummaryCsv([{ result: null, trialId: 't9', holdTimeS: 0.5, appVersion: '0.1.0' }]),
    );
    expect(row).toMatchObject({
      trial_id: 't9',
      hold_time_s: '0.5',
      signal: '',
      rms_ap_m_s2: '',
      app_version: '0.1.0',
      analysis_version: '',
    });
  });

  it("adds one more ' before text that already starts with ' and then a formula, so a reader can take exactly one off", () => {
    const [row] = parse(
      writeSummaryCsv([
        { result: result('motion'), subject: "'=1" },
        { result: result('motion'), subject: "'a" },
      ]),
    );
    expect(row?.subject).toBe("''=1");
    expect(parse(writeSummaryCsv([{ result: result('motion'), subject: "'a" }]))[0]?.subject).toBe("'a");
  });
});
