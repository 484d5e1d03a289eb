import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFileStream } from '../../../src/formats/file-stream';
import { FormatError } from '../../../src/formats/format-error';
import { importFiles, readRecordingFiles } from '../../../src/formats/import-files';
import { readCoreMotionGCsv, readUbcBalanceTestCsv } from '../../../src/formats/phone-exports';
import { readPhyphoxCsv, readPhyphoxMeta } from '../../../src/formats/phyphox';
import { readFileContents } from '../../../src/formats/read-file';
import { readRecordings } from '../../../src/formats/read-recordings';
import { readSensorLoggerCsv, readSensorLoggerMetadata } from '../../../src/formats/sensor-logger';
import { readSummaryCsv } from '../../../src/formats/summary-reader';
import { importStorkFiles } from '../../../src/formats/trial-import';
import { unzipCsvFiles } from '../../../src/formats/zip';
import { fixturePath } from '../helpers/fixtures';
import { csvLike } from '../helpers/csv-like';

/**
 * Runs a reader: it returns, or throws a FormatError with a one-line message; nothing else.
 * True when it read the input. (A hang fails the test at its timeout; how fast hostile files
 * are answered is measured by scripts/bench-hostile.ts, not here.)
 */
function readsOrSaysWhy(read: () => unknown): boolean {
  let readIt = true;
  try {
    read();
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message).toMatch(/^([^:]+\.csv: |summary: )?(line \d+: )?\S/);
    readIt = false;
  }
  return readIt;
}

const readers: Record<string, (text: string) => unknown> = {
  readPhyphoxCsv: (text) => readPhyphoxCsv(text, 'Accelerometer.csv'),
  readPhyphoxMeta,
  readSensorLoggerCsv: (text) => readSensorLoggerCsv(text, 'TotalAcceleration.csv'),
  readSensorLoggerMetadata,
  readUbcBalanceTestCsv: (text) => readUbcBalanceTestCsv(text, 'x.csv'),
  readCoreMotionGCsv: (text) => readCoreMotionGCsv(text, 'x.csv'),
  readSummaryCsv,
  readFileContents: (text) => readFileContents(text, 'Gyroscope.csv'),
  readRecordings: (text) => readRecordings(text, 'Gravity.csv'),
  importStorkFiles: (text) => importStorkFiles(text, text),
  importFiles: (text) =>
    importFiles([
      { name: 'a.csv', text },
      { name: 'Metadata.csv', text },
    ]),
  createFileStream: (text) => {
    const stream = createFileStream('TotalAcceleration.csv');
    for (let at = 0; at < text.length; at += 7) stream.push(text.slice(at, at + 7));
    return stream.end();
  },
};

/** Headers of every format, and broken ones. */
const header = fc.constantFrom(
  '"Time (s)";"X (m/s^2)";"Y (m/s^2)";"Z (m/s^2)"',
  '"Time (s)"\t"Linear Acceleration x (m/s^2)"\t"Linear Acceleration y (m/s^2)"\t"Linear Acceleration z (m/s^2)"',
  '"Time (s)","Gyroscope x (rad/s)","Gyroscope y (rad/s)","Gyroscope z (rad/s)"',
  'time,seconds_elapsed,z,y,x',
  'version,device name,recording epoch time,platform,standardisation',
  'ts,ax,ay,az,gx,gy,gz,mx,my,mz',
  'Date;Timestamp;DeviceOrientation;AccelerationX;AccelerationY;AccelerationZ;Label',
  '"property";"value"',
  'file,trial_id,date_time,cap_s,analysis_version',
  't_ms,ax,ay,az,trial_id',
  '"Time (s)";"X (m/s^2)"',
  '',
);
const cell = fc.oneof(
  fc.double().map(String),
  fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
  fc.constantFrom(
    '',
    ' ',
    '"',
    '"a;b"',
    'NaN',
    '1e400',
    '-1e-400',
    '1,5',
    '6.137237549E0',
    'abc',
    '\uFEFF',
    '2023-04-25 16:13:43.028684 -07:00',
    '2023-02-30 25:61:00 +99:99',
    '1700810755062863000',
    '99999999999999999999999999',
    'ios',
    'true',
    '=1+1',
  ),
  fc.string({ maxLength: 6 }),
);
/** CSV-like text: a header, rows of plausible and broken cells, any separators, line ends, BOM. */
const csvText = csvLike(header, cell, 10);

/** Real exports, cut short anywhere (an interrupted download). */
const REAL = [
  ['phyphox/kartof0nix_Accelerometer_semicolon.csv', 'Accelerometer.csv'],
  ['phyphox/felipesato_RawData_LinearAccel_tab.csv', 'Raw Data.csv'],
  ['sensorlogger/malimsZen_SM-N986B_TotalAcceleration.csv', 'TotalAcceleration.csv'],
  ['sensorlogger/malimsZen_SM-N986B_Metadata.csv', 'Metadata.csv'],
  ['phone/ubc_balancetest_f97e3b64.csv', 'x.csv'],
  ['phone/aybarscebi_iphone_standing.csv', 'x.csv'],
].map(([path, name]) => ({ name: name as string, text: readFileSync(fixturePath(path as string), 'utf8') }));

describe('importers on any input: only FormatError, never a hang', () => {
  for (const [name, read] of Object.entries(readers)) {
    it(`${name} on CSV-like text of every format`, () => {
      fc.assert(
        fc.property(csvText, (text) => {
          readsOrSaysWhy(() => read(text));
        }),
        { numRuns: 150 },
      );
    });

    it(`${name} on random text and bytes`, () => {
      const bytesAsText = fc.uint8Array({ maxLength: 300 }).map((bytes) => new TextDecoder().decode(bytes));
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), bytesAsText), (text) => {
          readsOrSaysWhy(() => read(text));
        }),
        { numRuns: 100 },
      );
    });
  }

  it('every real export cut short anywhere reads (a cut-off last row skipped) or says why', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.constantFrom(...REAL), fc.integer({ min: 0, max: 1000 }), (file, permille) => {
        const text = file.text.slice(0, Math.floor((file.text.length * permille) / 1000));
        readsOrSaysWhy(() => readRecordingFiles([{ name: file.name, text }]));
        if (readsOrSaysWhy(() => readFileContents(text, file.name))) read++;
      }),
      { numRuns: 120 },
    );
    // Most cuts leave a header and whole rows: those files must read, not just fail politely.
    expect(read).toBeGreaterThan(60);
  });

  it('every real export with the wrong separator or huge numbers reads or says why', () => {
    const mangle = fc.constantFrom(
      (text: string) => text.replace(/,/g, ';'),
      (text: string) => text.replace(/;/g, ','),
      (text: string) => text.replace(/\t/g, ' '),
      (text: string) => text.replace(/\d\.\d+E/g, '9e99999'),
      (text: string) => text.replace(/\n/g, '\r'),
      (text: string) => text.replace(/0/g, 'NaN'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...REAL), mangle, (file, change) => {
        readsOrSaysWhy(() => readRecordingFiles([{ name: file.name, text: change(file.text) }]));
      }),
      { numRuns: 60 },
    );
  });

  it('unzipCsvFiles on random bytes, and on zips of random entries, says why or unpacks', () => {
    const entry = fc.tuple(
      fc.constantFrom('a.csv', 'meta/device.csv', 'x.txt', '__MACOSX/._a.csv'),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc
            .array(entry, { maxLength: 3 })
            .map((entries) => zipSync(Object.fromEntries(entries.map(([n, t]) => [n, strToU8(t)])))),
        ),
        (bytes) => {
          readsOrSaysWhy(() => unzipCsvFiles(bytes));
        },
      ),
      { numRuns: 150 },
    );
  });
});
