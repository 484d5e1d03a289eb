/**
 * The hostile files of issue 11 part 2, one class per block, each built from a fixture: every
 * one gets the right result or one clear message, never a hang or a silent wrong number. How
 * fast they are answered is measured by scripts/bench-hostile.ts, not here.
 */
import { readFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { finiteGravity } from '../../../src/core/input-limits';
import { MAX_GRID_POINTS, MAX_ZIP_ENTRIES } from '../../../src/core/limits';
import type { MotionRecording } from '../../../src/core/types';
import { createFileStream } from '../../../src/formats/file-stream';
import { readFileContents, type FileContents } from '../../../src/formats/read-file';
import { unzipCsvFiles } from '../../../src/formats/zip';
import { fixturePath } from '../helpers/fixtures';
import { withLyingSizes, withOverlappingCopies, zipOfManyEntries, zipOfOne } from '../helpers/hostile-zips';
import { withCell } from '../helpers/hostile-mutations';

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

/** A 60 s force-plate trial of Santos & Duarte 2016 at 100 Hz (fixtures/PROVENANCE.md, cop/): t_s, ap, ml, cm. */
const SWAY = readFileSync(fixturePath('cop/BDS00008.csv'), 'utf8');
/** A phyphox gyroscope export in rad/s, `;`-separated (fixtures/PROVENANCE.md, phyphox/). */
const PHYPHOX_GYRO = readFileSync(fixturePath('phyphox/kartof0nix_Gyroscope_semicolon.csv'), 'utf8');

describe('a time so far off that the grid would have 10^13 points', () => {
  // The fixture's last row (line 1797) at 1e15 ms: 31,700 years after the first.
  const lastLine = SAMPLES.trimEnd().split('\n').length;
  const text = withCell(SAMPLES, lastLine, 0, '1e15');

  it('a Stork file read by the command line stops at that line, whole and streamed', () => {
    const message = `line ${lastLine}: t_ms is more than 24 h after the trial's first row (line 2)`;
    expect(() => readFileContents(text, 'x.csv')).toThrow(message);
    expect(() => streamed(text, 'x.csv')).toThrow(message);
  });

  it('read as the page reads it, the row is left out and listed; the rest analyses', () => {
    const contents = readFileContents(text, 'x.csv', { storkBadRows: 'skip' });
    if (contents.format !== 'stork-samples') throw new Error(contents.format);
    expect(contents.samples.skippedCount).toBe(1);
    expect(contents.samples.skipped[0]?.line).toBe(lastLine);
    const trial = contents.samples.trials[0];
    expect(trial?.recording.tS.length).toBe(lastLine - 2);
    expect(() => analyze(trial!.recording)).not.toThrow();
  });

  it('a time beyond the largest double (1e309 ms) is refused on its line', () => {
    expect(() => readFileContents(withCell(SAMPLES, 5, 0, '1e309'), 'x.csv')).toThrow(
      "line 5: t_ms is more than 24 h after the trial's first row (line 2)",
    );
  });

  it('a 2-D sway trial too: its time column, its line', () => {
    expect(() => readFileContents(withCell(SWAY, 3001, 0, '1e15'), 'x.csv')).toThrow(
      "line 3001: t_s is more than 24 h after the trial's first row (line 2)",
    );
  });

  it('the analysis itself, given such a recording (a stored trial), says so without a RangeError', () => {
    const recording: MotionRecording = {
      kind: 'motion',
      tS: Float64Array.from([0, 1, 2, 3, 1e12]),
      ax: new Float64Array(5),
      ay: new Float64Array(5).fill(9.8),
      az: new Float64Array(5),
    };
    expect(() => analyze(recording)).toThrow(
      'the recording spans 1000000000000 s, more than 24 h: a time is broken, or the recording is too long',
    );
  });

  it(`a grid of more than ${MAX_GRID_POINTS} points is refused before it is allocated`, () => {
    // 20 h at 1000 Hz (the window from 1 s): 72 million points; the same recording at the default 50 Hz is 3.6 million.
    const tS = Float64Array.from({ length: 1201 }, (_, k) => k * 60);
    const recording: MotionRecording = {
      kind: 'motion',
      tS,
      ax: tS.map((t) => Math.sin(t)),
      ay: new Float64Array(tS.length).fill(9.8),
      az: new Float64Array(tS.length),
    };
    expect(() => analyze(recording, { rateHz: 1000, cutoffHz: 3.5 })).toThrow(
      /^the window of 71999.00 s at 1000 Hz would be 71999001 points, more than 8640000: choose a lower rate or a shorter window$/,
    );
  });
});

describe('cells of 1e308, the largest double, or an absurd value in acceleration or sway columns', () => {
  it.each([
    ['1e308', 1, 'ax'],
    ['1.7976931348623157e308', 2, 'ay'],
    ['-1.7976931348623157e308', 3, 'az'],
    ['111111111111', 1, 'ax'],
    ['1e309', 4, 'gx'],
    ['5000', 6, 'gz'],
  ])('%s in %s: the line, the column and the bound', (cell, column, name) => {
    const text = withCell(SAMPLES, 500, column, cell);
    const bound = name.startsWith('g') ? '±4000 deg/s' : '±2511 m/s^2 (256 g';
    const message = `line 500: ${name} is out of range (${JSON.stringify(cell)}): beyond ${bound}`;
    expect(() => readFileContents(text, 'x.csv')).toThrow(message);
    expect(() => streamed(text, 'x.csv')).toThrow(message);
  });

  it('within the bound, a large reading is read as written (a glitch of a real sensor)', () => {
    const text = withCell(SAMPLES, 500, 1, '-2000');
    expect(samplesOf(readFileContents(text, 'x.csv'))[0]?.recording.ax[498]).toBe(-2000);
  });

  it.each([
    ['111111111111', 1, 'ap'],
    ['1e308', 2, 'ml'],
    ['1.7976931348623157e308', 1, 'ap'],
  ])("%s in a 2-D sway CSV's %s column: the line and the column", (cell, column, name) => {
    const text = withCell(SWAY, 1000, column, cell);
    expect(() => readFileContents(text, 'BDS.csv')).toThrow(
      `line 1000: ${name} is out of range (${JSON.stringify(cell)}): beyond ±1000000 (not a centre of pressure in any unit)`,
    );
  });

  it('the page reads a Stork file with such a cell leaving out that row and saying which', () => {
    const contents = readFileContents(withCell(SAMPLES, 500, 1, '111111111111'), 'x.csv', {
      storkBadRows: 'skip',
    });
    if (contents.format !== 'stork-samples') throw new Error(contents.format);
    expect(contents.samples.skipped).toEqual([
      {
        line: 500,
        reason:
          'ax is out of range ("111111111111"): beyond ±2511 m/s^2 (256 g, more than a phone\'s accelerometer measures)',
      },
    ]);
    // The analysis of the rest has no absurd number: the same RMS as the fixture's to 1 %.
    const plainRms = analyze(samplesOf(readFileContents(SAMPLES, 'x.csv'))[0]!.recording).metrics
      .rms as number;
    const rms = analyze(contents.samples.trials[0]!.recording).metrics.rms as number;
    expect(Math.abs(rms / plainRms - 1)).toBeLessThan(0.01);
  });

  it("another app's file (phyphox, rad/s): the row is left out and listed with its line", () => {
    const lines = PHYPHOX_GYRO.split('\n');
    lines[9] = lines[9]!.replace(/^([^;]*);[^;]*/, '$1;1e308');
    const contents = readFileContents(lines.join('\n'), 'Gyroscope.csv');
    if (contents.format !== 'phyphox') throw new Error(contents.format);
    expect(contents.sensors.skipped).toEqual([
      {
        line: 10,
        reason:
          'x (rad/s) is out of range ("1e308"): beyond ±69.81 rad/s (4000 deg/s, more than a phone\'s gyroscope measures)',
      },
    ]);
  });

  it('the analysis itself, given such a value (a stored trial), names it and its time', () => {
    const recording = samplesOf(readFileContents(SAMPLES, 'x.csv'))[0]!.recording;
    const ax = Float64Array.from(recording.ax);
    ax[600] = 1e308;
    expect(() => analyze({ ...recording, ax })).toThrow(
      /^an acceleration of 1e\+308 m\/s\^2 at \d+\.\d\d s is beyond ±2511 m\/s\^2, more than a sensor measures$/,
    );
  });
});

describe('non-finite values that would reach the tilt correction', () => {
  it.each(['1e308', '-1e308', '1.7976931348623157e308'])(
    '%s in every acceleration cell of a column: the line, never an internal function',
    (cell) => {
      let text = SAMPLES;
      for (let line = 2; line <= 40; line++) text = withCell(text, line, 2, cell);
      expect(() => readFileContents(text, 'x.csv')).toThrow(/^line 2: ay is out of range/);
    },
  );

  it('the analysis of values whose mean overflows says so in words, not rotationToVertical', () => {
    const recording = samplesOf(readFileContents(SAMPLES, 'x.csv'))[0]!.recording;
    const ay = recording.ay.map(() => 1e308);
    let message = '';
    try {
      analyze({ ...recording, ay });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^an acceleration of 1e\+308 m\/s\^2 at /);
    expect(message).not.toMatch(/rotationToVertical|uniformGrid/);
  });

  it('a mean that is not finite is refused before the rotation, in words', () => {
    expect(() => finiteGravity([-Infinity, 9.57, 0.1])).toThrow(
      'the mean acceleration over the window is not a finite vector (-Infinity, 9.57, 0.1): no tilt correction can be made',
    );
    expect(finiteGravity([0.1, 9.8, 0.2])).toEqual([0.1, 9.8, 0.2]);
  });
});
