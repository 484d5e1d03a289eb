/**
 * The hostile files of issue 11 part 2, one class per block, each built from a fixture: every
 * one gets the right result or one clear message, never a hang or a silent wrong number. How
 * fast they are answered is measured by scripts/bench-hostile.ts, not here.
 */
import { readFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_ZIP_ENTRIES } from '../../../src/core/limits';
import { createFileStream } from '../../../src/formats/file-stream';
import { readFileContents, type FileContents } from '../../../src/formats/read-file';
import { unzipCsvFiles } from '../../../src/formats/zip';
import { fixturePath } from '../helpers/fixtures';
import { withLyingSizes, withOverlappingCopies, zipOfManyEntries, zipOfOne } from '../helpers/hostile-zips';

/** A 30 s phone recording at 60 Hz (fixtures/PROVENANCE.md, e2e/), 1797 lines. */
const SAMPLES = readFileSync(fixturePath('e2e/case00.csv'), 'utf8');

/** The text fed to a stream in parts of 64 KiB, as the page's worker reads a file. */
function streamed(text: string, name: string): FileContents {
  const stream = createFileStream(name);
  for (let at = 0; at < text.length; at += 65536) stream.push(text.slice(at, at + 65536));
  return stream.end();
}

function samplesOf(contents: FileContents) {
  if (contents.format !== 'stork-samples') throw new Error(`read as ${contents.format}`);
  return contents.samples.trials;
}

describe('1.6 million blank or white-space lines before the header', () => {
  const BLANK_LINES = 1_600_000;
  const plain = samplesOf(readFileContents(SAMPLES, 'case00.csv'));

  // The 1.6 million once; the other line ends on fewer (the path is the same, the suite quicker).
  it.each([
    ['empty lines', '\n', BLANK_LINES],
    ['spaces and tabs', ' \t \n', 200_000],
    ['CRLF', '\r\n', 200_000],
    ['lone CR', '\r', 200_000],
  ])('%s: the same samples, their lines counted from the top, whole and streamed', (_name, blank, count) => {
    const text = blank.repeat(count) + SAMPLES;
    for (const trials of [samplesOf(readFileContents(text, 'x.csv')), samplesOf(streamed(text, 'x.csv'))]) {
      expect(trials).toHaveLength(1);
      expect(trials[0]?.recording.ax).toEqual(plain[0]?.recording.ax);
      expect(trials[0]?.recording.tS).toEqual(plain[0]?.recording.tS);
      // The first data row is the fixture's line 2, after the blank lines.
      expect(trials[0]?.lines[0]).toBe(count + 2);
    }
  });

  it('blank lines before an unknown header: the message names the header line', () => {
    const text = '\n'.repeat(BLANK_LINES) + 'a,b,c\n1,2,3\n';
    expect(() => readFileContents(text, 'x.csv')).toThrow(`line ${BLANK_LINES + 1}: unknown format`);
    expect(() => streamed(text, 'x.csv')).toThrow(`line ${BLANK_LINES + 1}: unknown format`);
  });

  it('nothing but blank lines: file is empty', () => {
    const text = ' \n'.repeat(BLANK_LINES);
    expect(() => readFileContents(text, 'x.csv')).toThrow(/^file is empty$/);
    expect(() => streamed(text, 'x.csv')).toThrow(/^file is empty$/);
  });
});

describe('zip bombs: entries that lie about their sizes, overlap, or are too many', () => {
  // 8 MB of the fixture's rows deflate to about 40 KB: what a lying header hides.
  const big = strToU8(SAMPLES + SAMPLES.slice(SAMPLES.indexOf('\n') + 1).repeat(125));
  const honest = zipOfOne('Accelerometer.csv', big);

  it('an honest archive unpacks exactly', () => {
    const [file] = unzipCsvFiles(honest);
    expect(file?.name).toBe('Accelerometer.csv');
    expect(file?.text.length).toBe(big.length);
  });

  it('an entry that unpacks to more than its header says stops at that size', () => {
    expect(() => unzipCsvFiles(withLyingSizes(honest, 1000))).toThrow(
      /^zip entry Accelerometer\.csv unpacks to more than its header says \(a zip bomb\?\)$/,
    );
  });

  it('an entry that unpacks to less than its header says is refused', () => {
    expect(() => unzipCsvFiles(withLyingSizes(honest, big.length + 1))).toThrow(
      /^not a readable zip archive \(Accelerometer\.csv unpacks to less than its header says\)$/,
    );
  });

  it('entries pointing at the same data (an overlapping zip bomb) are refused before unpacking', () => {
    expect(() => unzipCsvFiles(withOverlappingCopies(honest, 2))).toThrow(
      /^zip entries overlap \(a zip bomb\?\)$/,
    );
    expect(() => unzipCsvFiles(withOverlappingCopies(withLyingSizes(honest, 100), 900))).toThrow(
      /^zip entries overlap \(a zip bomb\?\)$/,
    );
  });

  it(`more than ${MAX_ZIP_ENTRIES} entries are refused; ${MAX_ZIP_ENTRIES} are read`, () => {
    expect(() => unzipCsvFiles(zipOfManyEntries(MAX_ZIP_ENTRIES + 1))).toThrow(
      `zip archive has more than ${MAX_ZIP_ENTRIES} entries`,
    );
    // Entries that are not CSV files are left out: this one holds none.
    expect(() => unzipCsvFiles(zipOfManyEntries(MAX_ZIP_ENTRIES))).toThrow('zip archive holds no CSV file');
  });
});
