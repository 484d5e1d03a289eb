import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectFormat, FORMAT_DETECTORS } from '../../../src/formats/detect-format';
import { FormatError } from '../../../src/formats/format-error';
import { readRecordings } from '../../../src/formats/read-recordings';
import { readSamplesCsv } from '../../../src/formats/samples-csv';
import { readSwayCsv } from '../../../src/formats/sway-csv';
import { csvLike } from '../helpers/csv-like';

const readers = { readSamplesCsv, readSwayCsv, readRecordings };

/** Runs a reader: it returns, or throws a FormatError with a one-line message; nothing else. */
function readsOrSaysWhy(read: (text: string) => unknown, text: string): void {
  try {
    read(text);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message).toMatch(/^(line \d+: )?\S/);
  }
}

const header = fc.constantFrom(
  't_ms,ax,ay,az',
  't_ms,ax,ay,az,gx,gy,gz,trial_id',
  '"t_ms","ax","ay","az"',
  't_s,ap,ml',
  't_ms;ax;ay;az',
  't_ms\tax\tay\taz',
  '',
);
const cell = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(
    '',
    ' ',
    '"',
    '""',
    '"a,b"',
    'NaN',
    '1e400',
    '-1e-400',
    '1,5',
    'abc',
    '\uFEFF',
    '0x1F',
    '1e99999',
  ),
  fc.string({ maxLength: 6 }),
);
/** CSV-like text: a header, rows of plausible and broken cells, any separators and line ends. */
const csvText = csvLike(header, cell, 9);

describe('readers on any input', () => {
  for (const [name, read] of Object.entries(readers)) {
    it(`${name} never throws anything but a one-line FormatError on CSV-like text`, () => {
      fc.assert(
        fc.property(csvText, (text) => readsOrSaysWhy(read, text)),
        { numRuns: 400 },
      );
    });

    it(`${name} never throws anything but a FormatError on random text and bytes`, () => {
      const bytesAsText = fc.uint8Array({ maxLength: 300 }).map((bytes) => new TextDecoder().decode(bytes));
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), bytesAsText), (text) =>
          readsOrSaysWhy(read, text),
        ),
        { numRuns: 400 },
      );
    });

    it(`${name} reads any prefix of a valid file or says why`, () => {
      const valid = 't_ms,ax,ay,az,trial_id\r\n0,0.1,9.8,-0.2,"a ""1"""\r\n10,0.2,9.7,-0.3,b\r\n';
      for (let end = 0; end <= valid.length; end++) readsOrSaysWhy(read, valid.slice(0, end));
    });
  }

  it('detectFormat never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) =>
        [...FORMAT_DETECTORS.map((detector) => detector.format), 'unknown'].includes(detectFormat(text)),
      ),
    );
  });

  // A quadratic path would take hours on these and fail at the test's timeout; how fast they
  // are answered is measured by scripts/bench-hostile.ts.
  it('reads a one-line file of a million characters, or says why', () => {
    readsOrSaysWhy(readSamplesCsv, `t_ms,ax,ay,az\n${'1'.repeat(1_000_000)}`);
    readsOrSaysWhy(readSamplesCsv, `t_ms,ax,ay,az\n"${'"'.repeat(1_000_000)}`);
    readsOrSaysWhy(readSamplesCsv, `t_ms,ax,ay,az\n${'0,1,2,3\r'.repeat(100_000)}`);
  });
});
