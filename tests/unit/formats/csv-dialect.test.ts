import { describe, expect, it } from 'vitest';
import {
  readCsvHeader,
  readCsvTables,
  MAX_SKIPPED_SHARE,
  type TableRequest,
} from '../../../src/formats/csv-table';
import { RowBreakScanner } from '../../../src/formats/csv-text';
import { parseDecimal } from '../../../src/formats/decimal';
import { readSamplesCsv } from '../../../src/formats/samples-csv';

function request(text: string, extra: Partial<TableRequest> = {}): TableRequest {
  const delimiter = extra.dialect?.delimiter ?? ',';
  const header = readCsvHeader(text, delimiter);
  return {
    header,
    columns: header.names.map((name, cell) => ({ name, cell, scaleExp: 0 })),
    timeColumn: 0,
    trialCell: null,
    ...extra,
  };
}

describe('parseDecimal with a decimal comma', () => {
  it.each([
    ['1,5', 1.5],
    ['-2,25E1', -22.5],
    ['6,137237549E0', 6.137237549],
    ['0,1', 0.1],
    ['12345678901234567,5', 12345678901234568],
  ])('%s reads %d', (text, value) => {
    expect(parseDecimal(text, 0, text.length, 0, true)).toBe(value);
  });

  it('refuses a point then, and a comma without it', () => {
    expect(parseDecimal('1.5', 0, 3, 0, true)).toBeNull();
    expect(parseDecimal('1,5', 0, 3)).toBeNull();
  });
});

describe('tables with ; and tab separators', () => {
  it('reads phyphox semicolon and tab files with decimal commas', () => {
    for (const delimiter of [';', '\t'] as const) {
      const text =
        ['"Time (s)"', '"X (m/s^2)"'].join(delimiter) + '\n' + ['0,01', '9,8'].join(delimiter) + '\n';
      const { tables } = readCsvTables(text, request(text, { dialect: { delimiter, decimalComma: true } }));
      expect(Array.from(tables[0]!.columns[0]!)).toEqual([0.01]);
      expect(Array.from(tables[0]!.columns[1]!)).toEqual([9.8]);
    }
  });

  it('takes a line of tabs as a row of empty cells when tab separates cells', () => {
    const text = 'a\tb\n1\t2\n\t\n';
    const { tables } = readCsvTables(
      text,
      request(text, { dialect: { delimiter: '\t', decimalComma: false } }),
    );
    expect(Array.from(tables[0]!.columns[0]!)).toEqual([1, NaN]);
  });
});

describe('rows left out (badRows: skip)', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, k) => `${k},${k * 2}`);

  it('lists each bad row with its line and reason, and reads the rest', () => {
    const text = ['t,x', ...rows(30), '31,abc', '32', '40,1', '33,66'].join('\n');
    const read = readCsvTables(text, request(text, { badRows: 'skip' }));
    expect(read.skipped).toEqual([
      { line: 32, reason: 'x is not a number ("abc")' },
      { line: 33, reason: 'expected 2 cells, found 1' },
      { line: 35, reason: 't goes backwards (33 after 40)' },
    ]);
    expect(read.skippedCount).toBe(3);
    expect(read.tables[0]!.columns[0]!.length).toBe(31);
  });

  it(`throws the first bad row when more than ${MAX_SKIPPED_SHARE * 100} % of the rows are bad`, () => {
    const text = ['t,x', ...rows(8), '9,abc', '10,abc'].join('\n');
    expect(() => readCsvTables(text, request(text, { badRows: 'skip' }))).toThrow(
      'line 10: x is not a number ("abc")',
    );
  });
});

describe('row breaks outside quoted cells', () => {
  it('keeps line numbers right after a quote inside an unquoted cell, with CRLF line ends', () => {
    // Before RowBreakScanner, the CR normalisation took `a"b ... c"` for a quoted cell: the
    // first row's id got a trailing CR and every later line number was one too high.
    const text = 't_ms,ax,ay,az,trial_id\r\n0,1,2,3,a"b\r\n0,1,2,3,c"d\r\n0,1,2,3\r\n';
    expect(() => readSamplesCsv(text)).toThrow('line 4: expected 5 cells, found 4');
    const good = 't_ms,ax,ay,az,trial_id\r\n0,1,2,3,a"b\r\n10,1,2,3,a"b\r\n';
    expect(readSamplesCsv(good).map((trial) => trial.trialId)).toEqual(['a"b']);
  });

  it('finds the same breaks whatever parts the text comes in, a CRLF or "" split between them', () => {
    const text = 'a,"x\r\ny"\r\nb,c""d\rlast,"q""""r"\n';
    const breaksOf = (parts: string[]) => {
      const scanner = new RowBreakScanner(',');
      const found: number[] = [];
      let pending = '';
      let offset = 0;
      let from = 0;
      parts.forEach((part, index) => {
        pending += part;
        from = scanner.scan(pending, from, index < parts.length - 1, (_start, end) =>
          found.push(offset + end),
        );
        offset += from;
        pending = pending.slice(from);
        from = 0;
      });
      return found;
    };
    const expected = breaksOf([text]);
    // After `y"\r\n` (index 10), `d\r` (17) and the final LF (31); not after the CRLF inside the quoted `x..y`.
    expect(expected).toEqual([10, 17, 31]);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(breaksOf([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(expected);
    }
  });
});
