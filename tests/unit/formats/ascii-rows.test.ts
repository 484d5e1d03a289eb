/**
 * The command line's byte reader (ascii-rows.ts, readRecordingsFromAscii): for every ASCII
 * text, reading its bytes gives what reading the text gives (readRecordings): the same trials,
 * values to the bit, lines, notes, or the same error on the same line. Checked on every ASCII
 * fixture, on hostile versions of real files (tests/unit/helpers/hostile-mutations.ts) and on
 * generated CSV-like text; and the helpers against what csv-text.ts and file-stream.ts do.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asciiText,
  leadingLinesEnd as leadingLinesEndOf,
  plainLineFeeds,
  visitAsciiRows,
} from '../../../src/formats/ascii-rows';
import { visitCsvRows } from '../../../src/formats/csv-text';
import { FormatError } from '../../../src/formats/format-error';
import { readRecordings, readRecordingsFromAscii } from '../../../src/formats/read-recordings';
import { csvLike } from '../helpers/csv-like';
import { fixturePath } from '../helpers/fixtures';
import { BASES, hostileFile, mutation } from '../helpers/hostile-mutations';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const isAsciiText = (text: string) => [...text].every((char) => char.charCodeAt(0) < 128);

/** What a reader made of a text: its trials, or its error's message and line. */
function outcome(read: () => unknown): unknown {
  try {
    return { trials: read() };
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return { error: error.message, line: error.line };
  }
}

/** Both readers on one ASCII text, which must give the same outcome. */
function expectSameOutcome(text: string, name = 'trial.csv'): unknown {
  const fromText = outcome(() => readRecordings(text, name));
  // A buffer longer than the file, as the command line's reused one: only the view is read.
  const buffer = new Uint8Array(text.length + 7).fill(0x2c);
  buffer.set(bytesOf(text));
  const fromBytes = outcome(() => readRecordingsFromAscii(buffer.subarray(0, text.length), name));
  expect(fromBytes).toEqual(fromText);
  return fromText;
}

/** Every file under fixtures/ (recursively) whose bytes are all ASCII and whose name ends in .csv. */
function asciiFixtures(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.toLowerCase().endsWith('.csv') && isAsciiText(readFileSync(path, 'latin1')))
        found.push(path);
    }
  };
  walk(fixturePath(''));
  return found.sort();
}

describe('ascii-rows helpers', () => {
  it('plainLineFeeds: every line feed, or null for a quote or a CR not before an LF', () => {
    expect(Array.from(plainLineFeeds(bytesOf('t_ms,ax\r\n1,2\n3,4')) ?? [])).toEqual([8, 12]);
    expect(Array.from(plainLineFeeds(bytesOf('\n\r\n\n')) ?? [])).toEqual([0, 2, 3]);
    expect(plainLineFeeds(bytesOf('t_ms,ax\n1,"2"\n'))).toBeNull();
    expect(plainLineFeeds(bytesOf('t_ms,ax\r1,2\r\n'))).toBeNull();
    expect(plainLineFeeds(bytesOf('t_ms,ax\n1,2\r'))).toBeNull();
    expect(plainLineFeeds(bytesOf('\r\r\n'))).toBeNull();
    expect(Array.from(plainLineFeeds(new Uint8Array(0)) ?? [1])).toEqual([]);
    // More rows than the first guess of their number (one per 32 bytes): the list grows.
    const short = '1\n'.repeat(5000);
    expect(plainLineFeeds(bytesOf(short))?.length).toBe(5000);
    expect(plainLineFeeds(bytesOf(short))?.[4999]).toBe(9999);
  });

  it('visitAsciiRows visits the rows, lines and ranges visitCsvRows visits in the same text', () => {
    const row = fc.array(fc.constantFrom('1', '2.5', ' ', '\t', '', 'x'), { maxLength: 4 });
    const text = fc
      .tuple(
        fc.array(fc.tuple(row, fc.constantFrom('\n', '\r\n')), { maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
      )
      .map(([rows, sep]) => ({ text: rows.map(([cells, end]) => cells.join(sep) + end).join(''), sep }));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), ({ text, sep }, firstLine) => {
        const delimiter = sep as ',' | ';' | '\t';
        const fromText: [number, string][] = [];
        visitCsvRows(
          text,
          {
            beginRow: () => {},
            cell: () => {},
            endRow: () => {},
            plainRow: (line, source, start, end) => {
              fromText.push([line, source.slice(start, end)]);
            },
          },
          { delimiter, firstLine },
        );
        const fromBytes: [number, string][] = [];
        const bytes = bytesOf(text);
        visitAsciiRows(
          bytes,
          plainLineFeeds(bytes) as Int32Array,
          { asciiRow: (line, bytes, start, end) => fromBytes.push([line, asciiText(bytes, start, end)]) },
          delimiter.charCodeAt(0),
          firstLine,
        );
        expect(fromBytes).toEqual(fromText);
      }),
      { numRuns: 300 },
    );
  });

  it('leadingLinesEnd ends after the n-th non-blank line and its line break, or is -1', () => {
    const leadingLinesEnd = (bytes: Uint8Array, count: number) =>
      leadingLinesEndOf(bytes, plainLineFeeds(bytes) as Int32Array, count);
    expect(leadingLinesEnd(bytesOf('a\nb\nc\n'), 2)).toBe(4);
    expect(leadingLinesEnd(bytesOf('\n \n\t\na\r\nb\r\nc'), 2)).toBe(11);
    expect(leadingLinesEnd(bytesOf('a\nb'), 2)).toBe(-1);
    expect(leadingLinesEnd(bytesOf(''), 2)).toBe(-1);
    // 1.6 million blank lines before the header are passed in one scan (issue 11 part 2).
    const blank = '\n'.repeat(1_600_000);
    expect(leadingLinesEnd(bytesOf(`${blank}t_ms,ax,ay,az\n0,1,2,3\n`), 2)).toBe(blank.length + 22);
  });

  it('asciiText: the text of any ASCII bytes, short or long', () => {
    const long = 'a,b\n'.repeat(10_000) + 'end';
    expect(asciiText(bytesOf(long))).toBe(long);
    expect(asciiText(bytesOf(long), 4, 9)).toBe('a,b\na');
    expect(asciiText(new Uint8Array(0))).toBe('');
  });
});

describe('reading the bytes gives what reading the text gives', () => {
  const fixtures = asciiFixtures();

  it('on every ASCII CSV fixture (values to the bit, lines, notes, errors)', () => {
    // Stork samples and sway files, and other apps' files, which go the text path.
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    let readFromBytes = 0;
    for (const path of fixtures) {
      const text = readFileSync(path, 'latin1');
      const read = expectSameOutcome(text, path.split('/').pop());
      const trials = (read as { trials?: { format: string }[] }).trials ?? [];
      if (trials.some(({ format }) => format === 'stork-samples' || format === 'sway-2d')) readFromBytes++;
    }
    expect(readFromBytes).toBeGreaterThanOrEqual(15);
  });

  for (const base of BASES) {
    if (!base.lines.every(isAsciiText)) continue;
    it(`on hostile versions of ${base.name}`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          expectSameOutcome(hostileFile(base, mutations).text, base.name);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('on generated CSV-like text: Stork samples and 2-D sway headers, trial ids, broken cells', () => {
    const header = fc.constantFrom(
      't_ms,ax,ay,az',
      't_ms,ax,ay,az,gx,gy,gz,trial_id',
      'trial_id,t_ms,ax,ay,az',
      't_s,ap,ml',
      't_s,ap,ml,trial_id',
      't_ms;ax;ay;az',
      't_ms\tax\tay\taz',
      '',
    );
    const cell = fc.oneof(
      fc.double().map(String),
      fc.integer({ min: -20, max: 20 }).map(String),
      fc.constantFrom('', ' ', '1e308', '1e400', 'NaN', '1,5', 'abc', '=SUM(1)', "'=1", 'a', 'b', '-0'),
    );
    const text = csvLike(header, cell, 8).filter(isAsciiText);
    fc.assert(
      fc.property(text, (generated) => {
        expectSameOutcome(generated);
      }),
      { numRuns: 500 },
    );
  });

  it('on texts the byte path hands back to the text path: quotes, lone CRs, a summary, too short', () => {
    expectSameOutcome('t_ms,ax,ay,az,trial_id\n0,0.1,9.8,0.2,"a"\n10,0.1,9.8,0.2,"a"\n');
    expectSameOutcome('t_ms,ax,ay,az\r0,0.1,9.8,0.2\r10,0.1,9.8,0.2\r');
    expectSameOutcome('t_ms,ax,ay,az\n0,0.1,9.8,0.2');
    expectSameOutcome('');
    expectSameOutcome('   \n\t\n');
  });
});
