import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFileStream, readFileStream, type StreamProgress } from '../../../src/formats/file-stream';
import { FormatError } from '../../../src/formats/format-error';
import { readFileContents, type ReadFileOptions } from '../../../src/formats/read-file';
import { fixturePath } from '../helpers/fixtures';

/** The contents, or the FormatError's message: what a reader says about a text. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return `FormatError: ${error.message}`;
  }
}

/** The text pushed in parts cut at `cuts` (positions, any order, duplicates allowed). */
function streamed(text: string, name: string, cuts: number[], options: ReadFileOptions = {}): unknown {
  return outcome(() => {
    const stream = createFileStream(name, options);
    let at = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      stream.push(text.slice(at, cut));
      at = Math.max(at, cut);
    }
    stream.push(text.slice(at));
    return stream.end();
  });
}

function whole(text: string, name: string, options: ReadFileOptions = {}): unknown {
  return outcome(() => readFileContents(text, name, options));
}

/** Every real export among the fixtures, with the name its app gives it where the name matters. */
const FIXTURES: [path: string, name: string][] = [
  ['phyphox/andrefcmoraes_RawData_AccelWithG_comma.csv', 'Raw Data.csv'],
  ['phyphox/felipesato_RawData_LinearAccel_tab.csv', 'Raw Data.csv'],
  ['phyphox/kartof0nix_Accelerometer_semicolon.csv', 'Accelerometer.csv'],
  ['phyphox/kartof0nix_Gyroscope_semicolon.csv', 'Gyroscope.csv'],
  ['phyphox/kartof0nix_meta_device.csv', 'meta/device.csv'],
  ['phyphox/kartof0nix_meta_time.csv', 'meta/time.csv'],
  ['phyphox/trobb20_Accelerometer_comma.csv', 'Accelerometer.csv'],
  ['sensorlogger/malimsZen_SM-N986B_TotalAcceleration.csv', 'TotalAcceleration.csv'],
  ['sensorlogger/malimsZen_SM-N986B_Metadata.csv', 'Metadata.csv'],
  ['sensorlogger/selen-s_iPhone17Pro_Gravity.csv', 'Gravity.csv'],
  ['phone/ubc_balancetest_f97e3b64.csv', 'test_event.csv'],
  ['phone/aybarscebi_iphone_standing.csv', 'standing.csv'],
  ['cop/BDS00008.csv', 'BDS00008.csv'],
  ['imu-standing/q1.csv', 'q1.csv'],
];

describe('createFileStream: reading in parts gives what reading the whole text gives', () => {
  for (const [path, name] of FIXTURES) {
    it(`${path}, cut anywhere`, () => {
      const text = readFileSync(fixturePath(path), 'utf8');
      const expected = whole(text, name);
      expect(typeof expected).toBe('object'); // every fixture reads
      fc.assert(
        fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 12 }), (cuts) => {
          expect(streamed(text, name, cuts)).toEqual(expected);
        }),
        { numRuns: 25 },
      );
    });
  }

  it('for every part size, on a file with quoted ids holding commas, quotes and line breaks, CRLF and a BOM', () => {
    const text =
      '\uFEFFt_ms,ax,ay,az,trial_id\r\n' +
      '0,0.1,9.8,-0.2,"a, ""b""\r\nc"\r\n' +
      '\r\n' +
      '20,0.2,9.7,-0.3,"a, ""b""\r\nc"\r\n' +
      '0,1e-3,9.81,,plain\r\n' +
      '40,0.3,9.6,-0.1,"a, ""b""\r\nc"';
    const expected = whole(text, 'x.csv');
    for (let size = 1; size <= text.length; size++) {
      const cuts = Array.from({ length: Math.ceil(text.length / size) }, (_, k) => k * size);
      expect(streamed(text, 'x.csv', cuts), `parts of ${size}`).toEqual(expected);
    }
  });

  it('for every part size, on a phyphox decimal-comma file with lone CR line ends and no final line break', () => {
    const text = '"Time (s)";"X (m/s^2)";"Y (m/s^2)";"Z (m/s^2)"\r0,01;1,5;9,8;0\r0,02;1,25E0;9,75;-1,5e-1';
    const expected = whole(text, 'Accelerometer.csv');
    for (let size = 1; size <= text.length; size++) {
      const cuts = Array.from({ length: Math.ceil(text.length / size) }, (_, k) => k * size);
      expect(streamed(text, 'Accelerometer.csv', cuts), `parts of ${size}`).toEqual(expected);
    }
  });

  it('on any CSV-like text (broken ones too): the same contents or the same error', () => {
    const cell = fc.oneof(
      fc.constantFrom('', '0', '1.5', '-2e3', 'NaN', 'abc', '"q"', '"a,b"', '"x""y"', '"open', '1,5'),
      fc.double({ noNaN: true }).map(String),
    );
    const row = fc.tuple(
      fc.array(cell, { maxLength: 6 }),
      fc.constantFrom(',', ';', '\t'),
      fc.constantFrom('\r\n', '\n', '\r', ''),
    );
    const header = fc.constantFrom(
      't_ms,ax,ay,az,trial_id',
      't_s,ap,ml',
      '"Time (s)";"X (m/s^2)";"Y (m/s^2)";"Z (m/s^2)"',
      'time,seconds_elapsed,z,y,x',
      'ts,ax,ay,az,gx,gy,gz,mx,my,mz',
      '',
    );
    const text = fc
      .tuple(fc.boolean(), header, fc.array(row, { maxLength: 8 }))
      .map(
        ([bom, head, rows]) =>
          (bom ? '\uFEFF' : '') +
          head +
          '\n' +
          rows.map(([cells, sep, end]) => cells.join(sep) + end).join(''),
      );
    fc.assert(
      fc.property(
        text,
        fc.array(fc.nat({ max: 200 }), { maxLength: 6 }),
        fc.constantFrom('TotalAcceleration.csv', 'x.csv'),
        (input, cuts, name) => {
          for (const options of [{}, { storkBadRows: 'skip' }] as ReadFileOptions[]) {
            const expected = whole(input, name, options);
            const actual = streamed(input, name, cuts, options);
            // A header with a broken quote is judged on the file's start: "quote not closed"
            // where the whole text says "stray quote". The same line either way.
            const sameLine = (outcome: unknown) =>
              String(outcome).replace(/: (stray quote|quote not closed)$/, '');
            if (typeof expected === 'string' && expected.endsWith('quote'))
              expect(sameLine(actual)).toBe(sameLine(expected));
            else expect(actual).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('readFileStream', () => {
  it('reads a ReadableStream of text, reporting characters and rows as it goes', async () => {
    const text = readFileSync(fixturePath('sensorlogger/malimsZen_SM-N986B_TotalAcceleration.csv'), 'utf8');
    const partSize = 4096;
    const stream = new ReadableStream<string>({
      start(controller) {
        for (let at = 0; at < text.length; at += partSize) controller.enqueue(text.slice(at, at + partSize));
        controller.close();
      },
    });
    const progress: StreamProgress[] = [];
    const contents = await readFileStream(stream, 'TotalAcceleration.csv', {
      onProgress: (p) => progress.push(p),
    });
    expect(contents).toEqual(readFileContents(text, 'TotalAcceleration.csv'));
    expect(progress).toHaveLength(Math.ceil(text.length / partSize));
    expect(progress.at(-1)?.chars).toBe(text.length);
    // 725 data rows (fixtures/PROVENANCE.md); the last part's rows are counted when the file ends.
    const rows = progress.map((p) => p.rows);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows.at(-1)).toBeGreaterThan(700);
    expect(rows.at(-1)).toBeLessThanOrEqual(725);
  });

  // How long a part takes (the page stays responsive while a worker reads 50 MB) is measured
  // by scripts/bench-import-page.ts, not here.
  it('reads 5 MB of samples in 64 KB parts, each row once', () => {
    const rows: string[] = ['t_ms,ax,ay,az,gx,gy,gz'];
    let size = rows[0]!.length;
    for (let k = 0; size < 5_000_000; k++) {
      const line = `${k * 10},${(Math.sin(k / 50) * 0.3).toFixed(4)},9.81,${(Math.cos(k / 70) * 0.2).toFixed(4)},0.5,-0.2,0.1`;
      rows.push(line);
      size += line.length + 1;
    }
    const text = rows.join('\n');
    const stream = createFileStream('big.csv');
    for (let at = 0; at < text.length; at += 65536) stream.push(text.slice(at, at + 65536));
    const contents = stream.end();
    expect(contents.format).toBe('stork-samples');
    if (contents.format === 'stork-samples')
      expect(contents.samples.trials[0]?.recording.tS.length).toBe(rows.length - 1);
  });
});
