import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOT_ANALYSABLE } from '../../../src/formats/combine-sensors';
import { FormatError } from '../../../src/formats/format-error';
import { readRecordingFiles } from '../../../src/formats/import-files';
import {
  epochNanosecondsReader,
  readSensorLoggerCsv,
  readSensorLoggerMetadata,
  sensorLoggerFileRole,
} from '../../../src/formats/sensor-logger';
import { DEGREES_PER_RADIAN, STANDARD_GRAVITY_M_S2 } from '../../../src/formats/sensor-file';
import { fixturePath } from '../helpers/fixtures';

const text = (path: string) => readFileSync(fixturePath(`sensorlogger/${path}`), 'utf8');
const TOTAL = text('malimsZen_SM-N986B_TotalAcceleration.csv');
const METADATA = text('malimsZen_SM-N986B_Metadata.csv');
const GRAVITY = text('selen-s_iPhone17Pro_Gravity.csv');

/**
 * A Metadata.csv for the iPhone 17 Pro recording, which has none of its own: made for these
 * tests from the fields of the Android one and what the shared provenance says the device's
 * other recordings state (iPhone 17 Pro, platform ios, appVersion 1.57.1, sampleRateMs 10,
 * standardisation false). The name of the standardisation column is ours.
 */
const IOS_METADATA =
  'version,device name,recording epoch time,recording time,recording timezone,platform,appVersion,standardisation\n' +
  '3,iPhone 17 Pro,1777473945320,2026-04-29_14-45-45,UTC,ios,1.57.1,false\n';

/** A Sensor Logger file with the times of `source` and x, y, z from `values(row, tS)`. */
function withTimesOf(
  source: string,
  values: (row: number, seconds: number) => [number, number, number],
  shiftNs = 0n,
) {
  const [header, ...rows] = source.trim().split('\n');
  const start = BigInt(rows[0]!.split(',')[0]!);
  return [
    header,
    ...rows.map((row, k) => {
      const [time] = row.split(',') as [string];
      const ns = BigInt(time) + shiftNs;
      const [x, y, z] = values(k, Number(ns - start) / 1e9);
      return `${ns},${Number(ns - start) / 1e9},${z},${y},${x}`;
    }),
  ].join('\n');
}

/** Expected numbers: fixtures/PROVENANCE.md, quoting the shared data's PROVENANCE.md for each file. */
describe('Sensor Logger: TotalAcceleration.csv of a Galaxy Note20 (Android)', () => {
  const file = readSensorLoggerCsv(TOTAL, 'TotalAcceleration.csv');
  const series = file.series[0]!;

  it('has 725 rows at 100 Hz over 0.431-7.674 s of the recording, acceleration with gravity', () => {
    expect(file.tS.length).toBe(725);
    expect(series.kind).toBe('acceleration');
    expect(file.tS[0]).toBe(0);
    // seconds_elapsed runs 0.431 to 7.674: 7.243 s between the first and last rows.
    expect(file.tS[724]).toBeCloseTo(7.674 - 0.431, 3);
    expect((file.tS.length - 1) / (file.tS[724] as number)).toBeCloseTo(100, 0);
  });

  it('takes the columns z, y, x by name: the first row is x = -0.397, y = 4.374, z = 8.770', () => {
    expect([series.x[0], series.y[0], series.z[0]]).toEqual([
      -0.3974374830722809, 4.37420654296875, 8.770259857177734,
    ]);
    expect(file.conversions).toContain('columns z, y, x taken as x, y, z');
  });

  it('reads the ns times exactly: rows 1 and 2 are 10,000,200 ns apart, the first at 1700810755062863000 ns', () => {
    // 1700810755072863200 - 1700810755062863000 = 10000200 ns; a double holds these times only to 256 ns.
    expect(Number(1700810755072863200) - Number(1700810755062863000)).not.toBe(10000200);
    expect(file.tS[1]).toBe(10000200 / 1e9);
    expect(file.originNs).toBe(1700810755062863000n);
    expect(file.startedAt).toBe('2023-11-24T07:25:55.062+00:00');
  });

  it('with its Metadata.csv: the platform decides the sign (android: already W3C) and names the device', () => {
    const recording = readRecordingFiles([
      { name: 'TotalAcceleration.csv', text: TOTAL },
      { name: 'Metadata.csv', text: METADATA },
    ]);
    expect(readSensorLoggerMetadata(METADATA)).toEqual({
      platform: 'android',
      standardised: null,
      device: 'SM-N986B',
    });
    expect(recording.device).toBe('SM-N986B');
    // Held tilted (y about 4.7 of 9.8): not upright enough for the data to decide.
    expect(recording.sign).toMatchObject({ flipped: false, basis: 'platform' });
    expect(recording.recording?.az[0]).toBe(8.770259857177734);
  });
});

describe('Sensor Logger: Gravity.csv of an iPhone 17 Pro (iOS, not standardised)', () => {
  it('has 330 rows at 99.6 Hz, |g| = 9.80665 on every row, face up reading z = -9.80 (the iOS sign)', () => {
    const file = readSensorLoggerCsv(GRAVITY, 'Gravity.csv');
    const { x, y, z, kind } = file.series[0]!;
    expect(kind).toBe('gravity');
    expect(file.tS.length).toBe(330);
    expect(file.tS[329]).toBeCloseTo(3.363 - 0.061, 2); // the provenance rounds to ms
    expect((file.tS.length - 1) / (file.tS[329] as number)).toBeCloseTo(99.6, 1);
    expect(z[0]).toBe(-9.803171510234474);
    for (let k = 0; k < x.length; k++)
      expect(Math.hypot(x[k]!, y[k]!, z[k]!)).toBeCloseTo(STANDARD_GRAVITY_M_S2, 6);
  });

  it('alone: read, not analysable, sign kept (face up is not upright, and no Metadata.csv says the platform)', () => {
    const recording = readRecordingFiles([{ name: 'Gravity.csv', text: GRAVITY }]);
    expect(recording.recording).toBeNull();
    expect(recording.notAnalysable).toBe(NOT_ANALYSABLE.gravityOnly);
    expect(recording.sign).toMatchObject({ flipped: false, basis: 'none' });
  });

  it('with Accelerometer.csv and an iOS Metadata.csv: acceleration with gravity = their sum, negated to the W3C sign', () => {
    const user: [number, number, number] = [0.125, -0.25, 0.5];
    const accelerometer = withTimesOf(GRAVITY, () => user);
    const recording = readRecordingFiles([
      { name: 'Gravity.csv', text: GRAVITY },
      { name: 'Accelerometer.csv', text: accelerometer },
      { name: 'Metadata.csv', text: IOS_METADATA },
    ]);
    const gravity = readSensorLoggerCsv(GRAVITY, 'Gravity.csv').series[0]!;
    expect(recording.sign).toMatchObject({ flipped: true, basis: 'platform' });
    expect(recording.sign.note).toContain('Metadata.csv: platform ios, not standardised');
    expect(recording.recording?.az[0]).toBe(-(gravity.z[0]! + user[2]));
    expect(recording.recording?.ax[5]).toBe(-(gravity.x[5]! + user[0]));
    // Face up now reads z = +9.8 + the user's part, as W3C says a phone lying face up reads.
    expect(recording.recording?.az[0]).toBeCloseTo(9.803171510234474 - 0.5, 12);
    expect(recording.linear?.lz[0]).toBe(-user[2]);
    expect(recording.conversions).toContain(
      'acceleration with gravity = Accelerometer.csv (gravity removed) + Gravity.csv',
    );
  });
});

describe('Sensor Logger: files of one recording', () => {
  it('puts Gyroscope.csv on the acceleration times by linear interpolation, exactly lined up by the ns times', () => {
    // A gyroscope 5 ms late, its x a straight line in time: interpolation gives the line's value.
    const rate = (t: number) => 0.1 + 0.2 * t; // rad/s
    const startNs = BigInt(TOTAL.split('\n')[1]!.split(',')[0]!);
    const gyro = withTimesOf(TOTAL, (_, t) => [rate(t), -0.5, 0], 5_000_000n);
    const recording = readRecordingFiles([
      { name: 'TotalAcceleration.csv', text: TOTAL },
      { name: 'Gyroscope.csv', text: gyro },
    ]);
    const { tS, gx, gy } = recording.recording!;
    expect(gx![0]).toBeNaN(); // before the first gyroscope sample: no extrapolation
    // Row 10: the gyro line at the acceleration's time (its own times start 5 ms later, t measured from startNs).
    const t10 = tS[10] as number;
    expect(gx![10]).toBeCloseTo(rate(t10) * DEGREES_PER_RADIAN, 9);
    expect(gy![10]).toBeCloseTo(-0.5 * DEGREES_PER_RADIAN, 12);
    expect(recording.conversions).toContain(
      'Gyroscope.csv: interpolated onto the times of TotalAcceleration.csv (linear)',
    );
    expect(startNs).toBe(1700810755062863000n);
  });

  it('leaves out files of sensors Stork does not use, and says so', () => {
    const recording = readRecordingFiles([
      { name: 'TotalAcceleration.csv', text: TOTAL },
      { name: 'Magnetometer.csv', text: TOTAL },
      { name: 'Location.csv', text: 'time,seconds_elapsed,latitude\n1,0,2\n' },
    ]);
    expect(recording.ignored).toEqual([
      'Magnetometer.csv: not a sensor Stork uses',
      'Location.csv: not a sensor Stork uses',
    ]);
  });

  it('refuses a sensor file whose name does not say which sensor, and two files of one sensor', () => {
    expect(() => readSensorLoggerCsv(TOTAL, 'export.csv')).toThrow(FormatError);
    expect(() => readSensorLoggerCsv(TOTAL, 'export.csv')).toThrow(
      /^line 1: Sensor Logger file of an unknown sensor/,
    );
    expect(() =>
      readRecordingFiles([
        { name: 'a/TotalAcceleration.csv', text: TOTAL },
        { name: 'b/TotalAcceleration.csv', text: TOTAL },
      ]),
    ).toThrow('two files with acceleration with gravity: TotalAcceleration.csv and TotalAcceleration.csv');
  });

  it("names files by the app's words, longest first", () => {
    expect(sensorLoggerFileRole('malimsZen_SM-N986B_TotalAcceleration.csv')).toBe('acceleration');
    expect(sensorLoggerFileRole('AccelerometerUncalibrated.csv')).toBe('not-used');
    expect(sensorLoggerFileRole('Accelerometer.csv')).toBe('linear-acceleration');
    expect(sensorLoggerFileRole('notes.csv')).toBeNull();
  });
});

describe('epoch nanoseconds', () => {
  it('are exact against BigInt arithmetic, also across a second and 100 days later', () => {
    const reader = epochNanosecondsReader();
    const cells = [
      '1700810755062863000',
      '1700810755999999999',
      '1700810756000000001',
      '1709450755062863001',
    ];
    const values = cells.map((cell) => reader.parse(cell, 0, cell.length));
    expect(values).toEqual(cells.map((cell) => Number(BigInt(cell) - BigInt(cells[0]!))));
    expect(reader.origin()).toBe(1700810755062863000n);
  });

  it('refuse decimals, exponents and signs, and take an empty cell as missing', () => {
    const reader = epochNanosecondsReader();
    for (const cell of ['1.7008E18', '-1', '17008107550628630.5', 'abc'])
      expect(reader.parse(cell, 0, cell.length)).toBeNull();
    expect(reader.parse('', 0, 0)).toBeNaN();
  });
});
