import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { readRecordingFiles } from '../../../src/formats/import-files';
import {
  isoWithOffset,
  parseOffsetDateTimeUs,
  readCoreMotionGCsv,
  readUbcBalanceTestCsv,
} from '../../../src/formats/phone-exports';
import { DEGREES_PER_RADIAN, STANDARD_GRAVITY_M_S2 } from '../../../src/formats/sensor-file';
import { fixturePath } from '../helpers/fixtures';

const text = (path: string) => readFileSync(fixturePath(`phone/${path}`), 'utf8');

/** Expected numbers: fixtures/PROVENANCE.md, quoting the shared data's PROVENANCE.md for each file. */
describe('UBC Balance Test export', () => {
  const raw = text('ubc_balancetest_f97e3b64.csv');
  const file = readUbcBalanceTestCsv(raw, 'test_event.csv');

  it('has 237 rows over 2.36 s at ~100 Hz (mean step 10.01 ms), times exact from the local timestamps', () => {
    expect(file.tS.length).toBe(237);
    expect(file.tS[236]).toBeCloseTo(2.36, 2);
    expect(((file.tS[236] as number) / 236) * 1000).toBeCloseTo(10.01, 2);
    // 16:13:43.039467 - 16:13:43.028684: 10,783 µs.
    expect(file.tS[1]).toBe(0.010783);
    expect(file.startedAt).toBe('2023-04-25T16:13:43.028684-07:00');
  });

  it('keeps m/s^2, makes rad/s deg/s, leaves the magnetometer out', () => {
    const [acceleration, gyro] = file.series;
    expect(acceleration?.kind).toBe('acceleration');
    expect([acceleration?.x[0], acceleration?.y[0], acceleration?.z[0]]).toEqual([
      -0.438739013671875, 6.717910766601563, 7.312466430664063,
    ]);
    expect(gyro?.kind).toBe('gyroscope');
    expect(gyro?.x[0]).toBe(0.032642632722854004 * DEGREES_PER_RADIAN);
    expect(file.ignored).toEqual(['magnetometer mx, my, mz (µT): not used']);
    expect(file.conversions).toEqual([
      'time: local date-times with offset, made relative to the first row',
      'gyroscope rad/s -> deg/s',
    ]);
  });

  it('is upright at the start (y 6.7 of 9.8): the data decides the sign, and it is already W3C', () => {
    const recording = readRecordingFiles([{ name: 'test_event.csv', text: raw }]);
    expect(recording.sign).toMatchObject({ flipped: false, basis: 'data' });
  });
});

describe('iPhone accelerometer export in g', () => {
  const raw = text('aybarscebi_iphone_standing.csv');
  const file = readCoreMotionGCsv(raw, 'standing.csv');

  it('has 132 rows over about 6.5 s at about 20 Hz', () => {
    expect(file.tS.length).toBe(132);
    expect(file.tS[131]).toBeCloseTo(6.5, 0);
    expect(131 / (file.tS[131] as number)).toBeCloseTo(20, 0);
    // 1729166175.768173 - 1729166175.764312 s: 3,861 µs (the irregular first samples).
    expect(file.tS[1]).toBe(0.003861);
  });

  it('converts g to m/s^2 (the mean |a| is about 1) and takes the offset from the local Date column', () => {
    const series = file.series[0]!;
    expect(series.x[0]).toBe(-0.044464111328125 * STANDARD_GRAVITY_M_S2);
    expect(series.z[0]).toBe(-0.9290771484375 * STANDARD_GRAVITY_M_S2);
    expect(file.conversions[1]).toMatch(
      /^acceleration g -> m\/s\^2 \(mean \|a\| 0\.99\d? g; g = 9\.80665 m\/s\^2\)$/,
    );
    // Date 14:56:15 local, Timestamp 1729166175.764312 = 11:56:15.764312 UTC: UTC+03:00.
    expect(file.startedAt).toBe('2024-10-17T14:56:15.764312+03:00');
  });

  it('lying face up with z about -0.98 g: the CoreMotion sign, negated to W3C (face up reads +9.6)', () => {
    const recording = readRecordingFiles([{ name: 'standing.csv', text: raw }]);
    expect(recording.sign).toMatchObject({ flipped: true, basis: 'platform' });
    expect(recording.recording?.az[0]).toBe(0.9290771484375 * STANDARD_GRAVITY_M_S2);
    const result = analyze(recording.recording!);
    for (const value of Object.values(result.metrics))
      if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  });
});

describe('date-times with offset', () => {
  it.each([
    ['2023-04-25 16:13:43.028684 -07:00', Date.UTC(2023, 3, 25, 23, 13, 43) * 1000 + 28684],
    ['2023-04-25T16:13:43Z', Date.UTC(2023, 3, 25, 16, 13, 43) * 1000],
    ['2023-04-25 16:13:43.5 +0530', Date.UTC(2023, 3, 25, 10, 43, 43) * 1000 + 500000],
  ])('%s is %d µs since 1970', (text, us) => {
    expect(parseOffsetDateTimeUs(text)).toBe(us);
  });

  it.each(['2023-13-01 00:00:00 Z', '2023-04-25 16:13', 'yesterday', '2023-04-25 24:00:00 Z'])(
    '%s is refused',
    (text) => {
      expect(parseOffsetDateTimeUs(text)).toBeNull();
    },
  );

  it('writes an instant at an offset to the microsecond', () => {
    expect(isoWithOffset(1729166175764312000n, 180)).toBe('2024-10-17T14:56:15.764312+03:00');
    expect(isoWithOffset(1729166175000000000n, -570)).toBe('2024-10-17T02:26:15-09:30');
  });
});
