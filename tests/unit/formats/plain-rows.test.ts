import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  readCsvHeader,
  readCsvTables,
  readTextRows,
  type CsvTables,
  type TableRequest,
} from '../../../src/formats/csv-table';
import type { CsvDelimiter } from '../../../src/formats/csv-text';
import { parseDecimal } from '../../../src/formats/decimal';
import { createFileStream } from '../../../src/formats/file-stream';
import { FormatError } from '../../../src/formats/format-error';
import { readFileContents } from '../../../src/formats/read-file';
import { readSamplesCsv } from '../../../src/formats/samples-csv';

/**
 * Text without quotes is read row by row over its bytes (csv-table.ts `plainRow`, ascii-block.ts);
 * text with a quote anywhere goes cell by cell through papaparse. Quoting the header alone
 * sends the same rows down the second path: both must give the same tables and the same errors.
 */

/** Every column of the header read as a decimal; the first one is the time (in ms, read as s). */
function requestFor(text: string, delimiter: CsvDelimiter, decimalComma: boolean, badRows: 'throw' | 'skip') {
  const header = readCsvHeader(text, delimiter);
  const request: TableRequest = {
    header,
    columns: header.names.map((name, cell) => ({ name, cell, scaleExp: cell === 0 ? -3 : 0 })),
    timeColumn: 0,
    trialCell: null,
    dialect: { delimiter, decimalComma },
    badRows,
  };
  return request;
}

type Outcome = { tables: CsvTables } | { error: string };

function read(text: string, request: TableRequest): Outcome {
  try {
    return { tables: readCsvTables(text, request) };
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return { error: error.message };
  }
}

/** The header `a,b,c` quoted as `"a",b,c`: the same names, read by the quoted path. */
function withQuotedHeader(text: string): string {
  return text.replace(/^[^,;\t\r\n]*/, (name) => `"${name}"`);
}

/** Both outcomes, with the numbers as bit patterns so that NaN, -0 and every bit count. */
function comparable(outcome: Outcome): unknown {
  if ('error' in outcome) return outcome;
  return {
    ...outcome.tables,
    tables: outcome.tables.tables.map((table) => ({
      trialId: table.trialId,
      lines: Array.from(table.lines),
      columns: table.columns.map((column) =>
        Array.from(column, (value) => (Object.is(value, -0) ? '-0' : String(value))),
      ),
    })),
  };
}

const digits = (minLength: number, maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength, maxLength }).map((list) => list.join(''));

/** Cells as phones and other apps write them, and broken ones. */
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
  {
    weight: 2,
    arbitrary: fc.double({ min: -20, max: 20, noNaN: true }).map((x) => String(Math.round(x * 10) / 10)),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('', '-'), digits(0, 4), digits(12, 22))
      .map(([sign, whole, fraction]) => `${sign}${whole || '0'}.${fraction}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'NaN',
      'nan',
      ' 1.5 ',
      '+.5',
      '5.',
      '1e',
      '1e5x',
      '1.5.3',
      'abc',
      'é',
      '1,5',
      '9007199254740993',
      '0.30000000000000004',
      '4.9406564584124654e-324',
      '1e400',
    ),
  },
);

const table = fc
  .record({
    delimiter: fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
    decimalComma: fc.boolean(),
    badRows: fc.constantFrom<'throw' | 'skip'>('throw', 'skip'),
    columns: fc.integer({ min: 1, max: 5 }),
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 30 }),
    lineEnd: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ delimiter, decimalComma, badRows, columns, rows, lineEnd }) => {
    const comma = decimalComma && delimiter !== ',';
    const names = ['t_ms', 'ax', 'ay', 'az', 'gx'].slice(0, columns);
    const cells = (row: string[]) =>
      row.map((text) => (comma ? text.replace('.', ',') : text)).join(delimiter);
    const text = [names.join(delimiter), ...rows.map(cells)].join(lineEnd) + lineEnd;
    return { text, delimiter, comma, badRows };
  });

describe('rows without quotes, read over their bytes', () => {
  it('give the tables and errors that the cell-by-cell path gives', () => {
    fc.assert(
      fc.property(table, ({ text, delimiter, comma, badRows }) => {
        const plain = read(text, requestFor(text, delimiter, comma, badRows));
        const quotedText = withQuotedHeader(text);
        const quoted = read(quotedText, requestFor(quotedText, delimiter, comma, badRows));
        expect(comparable(plain)).toEqual(comparable(quoted));
      }),
      { numRuns: 1000 },
    );
  });

  /** A samples CSV of `rows` rows of full-precision numbers, about 100 characters each. */
  function longSamplesCsv(rows: number, rowText: (k: number) => string = (k) => fullRow(k)): string {
    const lines = ['t_ms,ax,ay,az,trial_id'];
    for (let k = 0; k < rows; k++) lines.push(rowText(k));
    return lines.join('\r\n') + '\r\n';
  }

  /** Row k: t_ms, ax, ay, az as full doubles, then the trial id; `ay` may be replaced. */
  function fullRow(k: number, trialId = 'a', ay?: string): string {
    const x = Math.sin(k) / 3;
    return [k * 10 + Math.cos(k) / 7, x, ay ?? 9.81 + x / 10, -x, trialId].join(',');
  }

  it('read every number as Number() does across many blocks of 64 KB', () => {
    const text = longSamplesCsv(4000);
    expect(text.length).toBeGreaterThan(4 * 65536);
    const [trial] = readSamplesCsv(text);
    const rows = text.split('\r\n').slice(1, -1);
    rows.forEach((row, k) => {
      const [tMs, ax, ay, az] = row.split(',');
      expect(trial?.recording.tS[k]).toBe(Number(`${tMs}e-3`));
      expect(trial?.recording.ax[k]).toBe(Number(ax));
      expect(trial?.recording.ay[k]).toBe(Number(ay));
      expect(trial?.recording.az[k]).toBe(Number(az));
      expect(trial?.lines[k]).toBe(k + 2);
    });
  });

  it('name the line and the cell of a bad number anywhere, also past the first block', () => {
    for (const badRow of [0, 700, 1500, 3999]) {
      const text = longSamplesCsv(4000, (k) => fullRow(k, 'a', k === badRow ? '9.8x1' : undefined));
      expect(() => readSamplesCsv(text)).toThrow(new FormatError(badRow + 2, 'ay is not a number ("9.8x1")'));
    }
  });

  it('read rows with characters beyond ASCII (trial ids) from the text, with the same results', () => {
    const names = ['a', 'Müller', '左', 'b'];
    const text = longSamplesCsv(2000, (k) => fullRow(k, names[Math.floor(k / 500)]));
    const plain = readSamplesCsv(text);
    expect(plain.map((trial) => trial.trialId)).toEqual(names);
    expect(plain).toEqual(readSamplesCsv(withQuotedHeader(text)));
    const bad = longSamplesCsv(2000, (k) =>
      k === 600 ? fullRow(k, 'Müller').replace(/^[^,]*/, '6000é') : fullRow(k),
    );
    expect(() => readSamplesCsv(bad)).toThrow('line 602: t_ms is not a number ("6000é")');
  });

  it('give the same tables when the text comes in parts of any size (a stream)', () => {
    const names = ['a', 'Müller', 'b'];
    const text = longSamplesCsv(3000, (k) => fullRow(k, names[Math.floor(k / 1000)]));
    const whole = readFileContents(text, 'samples.csv');
    for (const partChars of [997, 65536, 65537, 100_003]) {
      const stream = createFileStream('samples.csv');
      for (let at = 0; at < text.length; at += partChars) stream.push(text.slice(at, at + partChars));
      expect(stream.end()).toEqual(whole);
    }
  });

  it('read a row longer than a block', () => {
    const longCell = `0.${'1'.repeat(70000)}`;
    const text = `t_ms,ax,ay,az\n0,${longCell},2,3\n10,1,2,3\n`;
    const [trial] = readSamplesCsv(text);
    expect(trial?.recording.ax[0]).toBe(Number(longCell));
    expect(Array.from(trial?.recording.tS ?? [])).toEqual([0, 0.01]);
  });
});

describe('the header row, read from the start of the text', () => {
  /** readCsvHeader's outcome: the header, or its error's message. */
  function header(text: string, delimiter: CsvDelimiter): unknown {
    try {
      return readCsvHeader(text, delimiter);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      return error.message;
    }
  }

  /** The same from the whole text's first row, read as any row is. */
  function headerOfWholeText(text: string, delimiter: CsvDelimiter): unknown {
    if (text.trim() === '') return 'file is empty';
    try {
      const [row] = readTextRows(text, 1, delimiter);
      const names = (row?.cells ?? []).map((cell) => cell.trim().toLowerCase());
      if (names.every((name) => parseDecimal(name, 0, name.length) !== null)) return 'no header row';
      return { names, line: row?.line };
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      return error.message;
    }
  }

  it('is the first row of the whole text, whatever comes before and after it', () => {
    const piece = fc.constantFrom(
      't_ms',
      'AX',
      ' ay ',
      '',
      ' ',
      '\t',
      ',',
      ';',
      '\r',
      '\n',
      '\r\n',
      '"',
      '""',
      '1.5',
      'é',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 16 }),
        fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
        fc.constantFrom('', '\n1,2,3\n', '\n1,2,3\n"x"\n'),
        (pieces, delimiter, rest) => {
          const text = pieces.join('') + rest;
          expect(header(text, delimiter)).toEqual(headerOfWholeText(text, delimiter));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
