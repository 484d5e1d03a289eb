import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOT_ANALYSABLE } from '../../../src/formats/combine-sensors';
import { FormatError } from '../../../src/formats/format-error';
import { readRecordingFiles } from '../../../src/formats/import-files';
import { readPhyphoxCsv, readPhyphoxMeta } from '../../../src/formats/phyphox';
import { DEGREES_PER_RADIAN, type SensorFile } from '../../../src/formats/sensor-file';
import { fixturePath } from '../helpers/fixtures';

const text = (path: string) => readFileSync(fixturePath(`phyphox/${path}`), 'utf8');

/** Mean rate, Hz: (rows - 1) / (last time - first time). */
function rateHz(file: SensorFile): number {
  const n = file.tS.length;
  return (n - 1) / ((file.tS[n - 1] as number) - (file.tS[0] as number));
}

function only(file: SensorFile) {
  expect(file.series).toHaveLength(1);
  return file.series[0]!;
}

/** Expected numbers: fixtures/PROVENANCE.md, quoting the shared data's PROVENANCE.md for each file. */
describe('phyphox exports: the real files', () => {
  it('classic "Acceleration with g", comma: 476 rows over 0-4.750 s at ~100 Hz, gravity included, lying flat', () => {
    const file = readPhyphoxCsv(text('andrefcmoraes_RawData_AccelWithG_comma.csv'), 'Raw Data.csv');
    const series = only(file);
    expect(file.tS.length).toBe(476);
    expect(file.tS[0]).toBe(0);
    expect(file.tS[475]).toBe(4.749854859);
    expect(rateHz(file)).toBeCloseTo(100, 0);
    expect(series.kind).toBe('acceleration');
    // First row as the provenance quotes it.
    expect([series.x[0], series.y[0], series.z[0]]).toEqual([-1.340752989e-1, 6.224924326e-2, 9.763554573]);
    // Lying flat and still 0-1.63 s: z about 9.8.
    const still = Array.from(file.tS).filter((t) => t < 1.6).length;
    const meanZ = series.z.slice(0, still).reduce((a, b) => a + b, 0) / still;
    expect(meanZ).toBeGreaterThan(9.6);
    expect(meanZ).toBeLessThan(10);
    // Clipping at 4 g = 39.188 m/s^2 on the impact.
    expect(Math.max(...series.x, ...series.y, ...series.z)).toBeCloseTo(39.188, 2);
    expect(file.ignored).toEqual(['column "absolute acceleration (m/s^2)": not used']);
    expect(file.conversions).toEqual([]);
    expect(file.signConvention).toBe('w3c');
  });

  it('classic "Linear Acceleration", tab: 513 rows over 0.026-5.149 s at 100 Hz, gravity removed, not analysable', () => {
    const raw = text('felipesato_RawData_LinearAccel_tab.csv');
    const file = readPhyphoxCsv(raw, 'Raw Data.csv');
    const series = only(file);
    expect(file.tS.length).toBe(513);
    expect(file.tS[0]).toBe(2.6064963e-2);
    expect(file.tS[512]).toBeCloseTo(5.149, 3);
    expect(rateHz(file)).toBeCloseTo(100, 0);
    expect(series.kind).toBe('linear-acceleration');
    expect([series.x[0], series.y[0], series.z[0]]).toEqual([
      3.414913267e-2, -1.487155259e-2, 7.390785217e-2,
    ]);
    const recording = readRecordingFiles([{ name: 'Raw Data.csv', text: raw }]);
    expect(recording.recording).toBeNull();
    expect(recording.linear?.lx[0]).toBe(3.414913267e-2);
    expect(recording.notAnalysable).toBe(NOT_ANALYSABLE.linearOnly);
  });

  it('multi-sensor "X (m/s^2)", semicolon, no final line break: 373 rows at ~100.8 Hz, the sensor from the file name', () => {
    const raw = text('kartof0nix_Accelerometer_semicolon.csv');
    expect(raw.endsWith('\n')).toBe(false);
    const file = readPhyphoxCsv(raw, 'Accelerometer.csv');
    const series = only(file);
    expect(file.tS.length).toBe(373);
    expect(file.tS[0]).toBe(1.420416665e-3);
    expect(file.tS[372]).toBeCloseTo(3.69, 2);
    expect(rateHz(file)).toBeCloseTo(100.8, 1);
    expect(series.kind).toBe('acceleration');
    expect([series.x[0], series.y[0], series.z[0]]).toEqual([-9.798623657e-1, 6.137237549, 6.895410919]);
  });

  it('multi-sensor gyroscope, semicolon: 422 rows at ~100.8 Hz, rad/s made deg/s', () => {
    const file = readPhyphoxCsv(text('kartof0nix_Gyroscope_semicolon.csv'), 'Gyroscope.csv');
    const series = only(file);
    expect(file.tS.length).toBe(422);
    expect(file.tS[421]).toBeCloseTo(4.18, 2);
    expect(rateHz(file)).toBeCloseTo(100.8, 1);
    expect(series.kind).toBe('gyroscope');
    // First row 6.953013595E-3 rad/s (the provenance's first lines), times 180/pi.
    expect(series.x[0]).toBe(6.953013595e-3 * DEGREES_PER_RADIAN);
    expect(series.x[0]).toBeCloseTo(0.398378, 6);
    expect(file.conversions).toEqual(['gyroscope rad/s -> deg/s']);
  });

  it('multi-sensor, comma: 480 rows at ~99.5 Hz, flat and still at first (z about 9.73: the W3C sign)', () => {
    const file = readPhyphoxCsv(text('trobb20_Accelerometer_comma.csv'), 'Accelerometer.csv');
    const series = only(file);
    expect(file.tS.length).toBe(480);
    expect(rateHz(file)).toBeCloseTo(99.5, 1);
    expect(series.z[0]).toBe(9.732910309);
  });
});

describe('phyphox exports: other separators and decimals', () => {
  const semicolon = text('kartof0nix_Accelerometer_semicolon.csv');
  const original = readPhyphoxCsv(semicolon, 'Accelerometer.csv');
  const [headerLine, ...dataLines] = semicolon.split('\n');

  it('reads "CSV (Semicolon, decimal comma)": the same numbers', () => {
    const decimalComma = [headerLine, ...dataLines.map((line) => line.replace(/\./g, ','))].join('\n');
    const file = readPhyphoxCsv(decimalComma, 'Accelerometer.csv');
    expect(file.series).toEqual(original.series);
    expect(file.tS).toEqual(original.tS);
    expect(file.conversions).toEqual(['decimal comma read as decimal point']);
  });

  it('reads "CSV (Tabulator, decimal comma)" with CRLF line ends: the same numbers', () => {
    const tab = [headerLine, ...dataLines.map((line) => line.replace(/\./g, ','))]
      .join('\r\n')
      .replace(/;/g, '\t');
    expect(readPhyphoxCsv(tab, 'Accelerometer.csv').series).toEqual(original.series);
  });

  it('tells gravity from its absence by the data when the file name does not say (mean |a| against g/2)', () => {
    const file = readPhyphoxCsv(semicolon, 'export (3).csv');
    expect(file.series[0]?.kind).toBe('acceleration');
    expect(file.conversions[0]).toMatch(
      /^sensor not named in the file name: mean \|a\| = 9\.\d+ m\/s\^2, read as acceleration with gravity$/,
    );
  });

  it('says which column is missing, and skips a broken row naming its line', () => {
    expect(() => readPhyphoxCsv('"Time (s)";"X (m/s^2)";"Y (m/s^2)"\n0;1;2\n', 'Accelerometer.csv')).toThrow(
      new FormatError(1, 'missing column z (m/s^2)'),
    );
    const broken = semicolon.replace(dataLines[9] as string, '1.0E-1;oops;1;2');
    const file = readPhyphoxCsv(broken, 'Accelerometer.csv');
    expect(file.tS.length).toBe(372);
    expect(file.skipped).toEqual([{ line: 11, reason: 'x (m/s^2) is not a number ("oops")' }]);
  });
});

describe('phyphox meta files', () => {
  it('reads the device (meta/device.csv) and the start date-time with its offset (meta/time.csv)', () => {
    expect(readPhyphoxMeta(text('kartof0nix_meta_device.csv'))).toEqual({
      device: 'Apple iPhone13,4',
      startedAt: null,
    });
    expect(readPhyphoxMeta(text('kartof0nix_meta_time.csv'))).toEqual({
      device: null,
      startedAt: '2025-06-19T22:12:30.552-04:00',
    });
  });
});
