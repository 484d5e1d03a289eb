import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFiles, readRecordingFiles } from '../../../src/formats/import-files';
import { DEGREES_PER_RADIAN } from '../../../src/formats/sensor-file';
import { importSources, type ImportSource } from '../../../src/formats/stream-import';
import { exportTrialsCsv } from '../../../src/formats/trial-export';
import { unzipCsvFiles, type NamedText } from '../../../src/formats/zip';
import { fixturePath } from '../helpers/fixtures';

const fixture = (path: string) => readFileSync(fixturePath(path), 'utf8');

/**
 * A phyphox "CSV zip" as the app lays it out, made from the fixtures: Accelerometer.csv,
 * Gyroscope.csv, meta/device.csv, meta/time.csv (the kartof0nix files; the two sensor files are
 * from different commits, so this tests the merge, not one real recording), and a magnetometer
 * file in µT, which phyphox writes too and Stork does not use.
 */
const PHYPHOX_FILES: NamedText[] = [
  { name: 'Accelerometer.csv', text: fixture('phyphox/kartof0nix_Accelerometer_semicolon.csv') },
  { name: 'Gyroscope.csv', text: fixture('phyphox/kartof0nix_Gyroscope_semicolon.csv') },
  { name: 'Magnetometer.csv', text: '"Time (s)";"X (µT)";"Y (µT)";"Z (µT)"\n1E-2;20;-5;40\n' },
  { name: 'Light.csv', text: '"Time (s)";"Illuminance (lx)"\n1E-2;300\n' },
  { name: 'meta/device.csv', text: fixture('phyphox/kartof0nix_meta_device.csv') },
  { name: 'meta/time.csv', text: fixture('phyphox/kartof0nix_meta_time.csv') },
];

function zipOf(files: NamedText[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((file) => [file.name, strToU8(file.text)])));
}

/** A ReadableStream of the text in parts of `size` characters. */
function streamOf(text: string, size: number): ReadableStream<string> {
  return new ReadableStream<string>({
    start(controller) {
      for (let at = 0; at < text.length; at += size) controller.enqueue(text.slice(at, at + size));
      controller.close();
    },
  });
}

describe('a phyphox CSV zip', () => {
  const files = unzipCsvFiles(zipOf(PHYPHOX_FILES));

  it('unpacks to its CSV files, names with their folders, texts unchanged', () => {
    expect(files.map((file) => file.name)).toEqual(PHYPHOX_FILES.map((file) => file.name));
    expect(files[0]?.text).toBe(PHYPHOX_FILES[0]?.text);
  });

  it("makes one recording: the accelerometer's 373 times, the gyroscope interpolated onto them, device and start from meta/", () => {
    const recording = readRecordingFiles(files);
    expect(recording.format).toBe('phyphox');
    expect(recording.tS.length).toBe(373);
    expect(recording.device).toBe('Apple iPhone13,4');
    expect(recording.startedAt).toBe('2025-06-19T22:12:30.552-04:00');
    // The magnetometer by its name (a sensor Stork does not use), the light sensor by its header.
    expect(recording.ignored).toEqual([
      'Magnetometer.csv: not a sensor Stork uses',
      'Light.csv: not a format Stork reads',
    ]);
    expect(recording.conversions).toEqual([
      'Gyroscope.csv: gyroscope rad/s -> deg/s',
      'Gyroscope.csv: interpolated onto the times of Accelerometer.csv (linear)',
    ]);
    const { gx } = recording.recording!;
    // The accelerometer's first time, 1.420416665E-3 s, is before the gyroscope's first, 6.592749996E-3 s.
    expect(gx![0]).toBeNaN();
    // Its second, 1.134341667E-2 s, lies between the gyroscope's rows at 6.592749996E-3 s
    // (x 6.953013595E-3 rad/s) and 1.651474999E-2 s (x -5.673611537E-3 rad/s): by hand,
    const fraction = (1.134341667e-2 - 6.592749996e-3) / (1.651474999e-2 - 6.592749996e-3);
    const expectedRadS = 6.953013595e-3 + fraction * (-5.673611537e-3 - 6.953013595e-3);
    expect(gx![1]).toBeCloseTo(expectedRadS * DEGREES_PER_RADIAN, 12);
    // The iPhone held tilted up (y 6.1, z 6.9 of 9.3): upright enough? |mean y| >= half |mean a| decides.
    expect(['data', 'platform']).toContain(recording.sign.basis);
    expect(recording.sign.flipped).toBe(false);
  });

  it('reads the same through importSources, the zip as bytes', async () => {
    const report = await importSources([{ name: 'export.zip', zip: zipOf(PHYPHOX_FILES) }]);
    expect(report.trials).toHaveLength(1);
    expect(report.trials[0]?.record.samples.tS).toEqual(readRecordingFiles(files).tS);
    expect(report.ignored).toEqual([
      'Magnetometer.csv: not a sensor Stork uses',
      'Light.csv: not a format Stork reads',
    ]);
  });

  it('refuses what is not a zip, and a zip without CSV files', () => {
    expect(() => unzipCsvFiles(strToU8('PK\x03\x04 but then nothing'))).toThrow(
      /^not a readable zip archive \(/,
    );
    expect(() => unzipCsvFiles(zipSync({ 'notes.txt': strToU8('hello') }))).toThrow(
      'zip archive holds no CSV file',
    );
  });
});

describe('importFiles: what the page gets', () => {
  it('makes a Sensor Logger export one trial to complete: no side or condition yet, what was converted', () => {
    const report = importFiles([
      {
        name: 'TotalAcceleration.csv',
        text: fixture('sensorlogger/malimsZen_SM-N986B_TotalAcceleration.csv'),
      },
      { name: 'Metadata.csv', text: fixture('sensorlogger/malimsZen_SM-N986B_Metadata.csv') },
      { name: 'Magnetometer.csv', text: 'time,seconds_elapsed,z,y,x\n1,0,1,2,3\n' },
    ]);
    expect(report.trials).toHaveLength(1);
    const [trial] = report.trials;
    expect(trial?.record.id).toBeNull();
    expect(trial?.record.setup).toBeNull();
    expect(trial?.record.startedAt).toBe('2023-11-24T07:25:55.062+00:00');
    expect(trial?.record.samples.tS.length).toBe(725);
    expect(trial?.record.samples.lx.every(Number.isNaN)).toBe(true);
    expect(trial?.record.analysis?.metrics.samples).toBeGreaterThan(0);
    expect(trial?.origin.files).toEqual(['TotalAcceleration.csv', 'Metadata.csv']);
    expect(trial?.origin.notes).toEqual(['device: SM-N986B']);
    expect(report.ignored).toEqual(['Magnetometer.csv: not a sensor Stork uses']);
  });

  it('keeps a linear-acceleration recording, with why it cannot be analysed', () => {
    const report = importFiles([
      { name: 'Raw Data.csv', text: fixture('phyphox/felipesato_RawData_LinearAccel_tab.csv') },
    ]);
    const record = report.trials[0]!.record;
    expect(record.analysis).toBeNull();
    expect(record.analysisError).toMatch(/^linear acceleration only \(gravity removed\)/);
    expect(record.samples.ax.every(Number.isNaN)).toBe(true);
    expect(record.samples.lx[0]).toBe(3.414913267e-2);
  });

  it("reads Stork's samples and summary files together, whatever their names", () => {
    const [phone] = importFiles([
      { name: 'standing.csv', text: fixture('phone/aybarscebi_iphone_standing.csv') },
    ]).trials;
    const record = {
      ...phone!.record,
      id: 'a',
      setup: { stanceSide: 'left', eyes: 'open', surface: 'firm', placement: 'chest', capS: 45 } as const,
      startedAt: '2024-10-17T14:56:15.764+03:00',
    };
    const files = exportTrialsCsv([record], { appVersion: '0.1.0', subjectOf: () => 'S01' });
    const report = importFiles([
      { name: 'summary.csv', text: files.summaryCsv },
      { name: 'samples.csv', text: files.samplesCsv },
    ]);
    expect(report.trials.map((trial) => trial.record)).toEqual([record]);
    expect(report.trials[0]?.subject).toBe('S01');
  });

  it('a broken file of a recording fails the recording, naming the file and the line; a partly bad one says what it skipped', () => {
    const gyro = fixture('phyphox/kartof0nix_Gyroscope_semicolon.csv');
    const accelerometer = fixture('phyphox/kartof0nix_Accelerometer_semicolon.csv');
    const broken = importFiles([
      { name: 'Accelerometer.csv', text: accelerometer },
      { name: 'Gyroscope.csv', text: '"Time (s)";"X (rad/s)";"Y (rad/s)"\n0;1;2\n' },
    ]);
    expect(broken.trials).toEqual([]);
    expect(broken.failed).toEqual([
      {
        file: 'Gyroscope.csv',
        line: 1,
        reason: 'missing column z (rad/s)',
        message: 'Gyroscope.csv: line 1: missing column z (rad/s)',
        alsoNotImported: ['Accelerometer.csv'],
      },
    ]);
    const lines = gyro.split('\n');
    lines[100] = '9.9E-1;x;y;z';
    const report = importFiles([
      { name: 'Accelerometer.csv', text: accelerometer },
      { name: 'Gyroscope.csv', text: lines.join('\n') },
    ]);
    expect(report.failed).toEqual([]);
    expect(report.trials).toHaveLength(1);
    expect(report.skippedCount).toBe(1);
    expect(report.skipped).toEqual([
      { line: 101, reason: 'x (rad/s) is not a number ("x")', file: 'Gyroscope.csv' },
    ]);
  });
});

describe('importSources: streamed files give what whole texts give', () => {
  it('a Stork file after 1.6 million blank lines, in parts of 64 KiB, as the page reads it', async () => {
    const samples = fixture('e2e/case00.csv');
    for (const blank of ['\n', ' \t \r\n']) {
      const report = await importSources([
        { name: 'x.csv', text: streamOf(blank.repeat(1_600_000) + samples, 65536) },
      ]);
      expect(report.ignored).toEqual([]);
      expect(report.trials).toHaveLength(1);
      expect(report.trials[0]?.record.samples.tS).toEqual(
        (await importSources([{ name: 'x.csv', text: streamOf(samples, 65536) }])).trials[0]?.record.samples
          .tS,
      );
    }
  });

  it.each([1000, 65536])('Sensor Logger files in parts of %d characters', async (size) => {
    const texts: NamedText[] = [
      {
        name: 'TotalAcceleration.csv',
        text: fixture('sensorlogger/malimsZen_SM-N986B_TotalAcceleration.csv'),
      },
      { name: 'Metadata.csv', text: fixture('sensorlogger/malimsZen_SM-N986B_Metadata.csv') },
      { name: 'Orientation.csv', text: 'time,seconds_elapsed,qz,qy\n1,0,1,2\n' },
    ];
    const sources: ImportSource[] = texts.map((file) => ({
      name: file.name,
      text: streamOf(file.text, size),
    }));
    const progress: number[] = [];
    const streamed = await importSources(sources, (p) => progress.push(p.chars));
    expect(streamed).toEqual(importFiles(texts));
    expect(progress.length).toBeGreaterThan(0);
  });
});
