/**
 * number-rows.ts and its WebAssembly module (wasm/number-rows.as.ts): the rows the module
 * reads are the rows, values (to the bit), lines, skipped rows and errors that the JavaScript
 * byte reader (visitAsciiRows into a TableBuilder) gives, and it reads every data row of a
 * plain recording, so that those comparisons are about its rows and not the reader's.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { plainLineFeeds, visitAsciiRows } from '../../../src/formats/ascii-rows';
import { readCsvHeader } from '../../../src/formats/csv-table';
import { FormatError } from '../../../src/formats/format-error';
import { CHUNK_ROWS, readNumberRows } from '../../../src/formats/number-rows';
import { readRecordings, readRecordingsFromAscii } from '../../../src/formats/read-recordings';
import { writeSamplesCsv } from '../../../src/formats/samples-csv-writer';
import { finishTables, TableBuilder } from '../../../src/formats/table-builder';
import { textsAroundMidpoint } from '../helpers/halfway';
import type { TableRequest } from '../../../src/formats/table-types';
import { randomScenario } from '../../sim/scenario';
import { simulateScenario } from '../../sim/simulate';

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** Every number as its bit pattern, so that -0, NaN and the last bit count. */
function bits(array: Float64Array): string[] {
  return Array.from(new BigUint64Array(array.buffer, array.byteOffset, array.length), (word) =>
    word.toString(16),
  );
}

/** What finishing a builder gives: the tables with their numbers as bits, or the error. */
function finished(builder: TableBuilder, request: TableRequest): unknown {
  try {
    const { tables, skipped, skippedCount } = finishTables(builder, request);
    const shown = tables.map((table) => ({
      lines: Array.from(table.lines),
      columns: table.columns.map(bits),
    }));
    return { tables: shown, skipped, skippedCount };
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return { error: error.message, line: error.line };
  }
}

/**
 * A samples-like request: every column a decimal (but `ignoredCell`, read by none), the first
 * the time in ms (read as s), the others within ±`maxAbs`.
 */
function requestFor(
  text: string,
  delimiter: ',' | ';' | '\t',
  badRows: 'throw' | 'skip',
  { maxAbs = 2000, ignoredCell = -1 } = {},
): TableRequest {
  const header = readCsvHeader(text, delimiter);
  const cells = header.names.map((name, cell) => ({ name, cell })).filter(({ cell }) => cell !== ignoredCell);
  return {
    header,
    columns: cells.map(({ name, cell }) => ({
      name,
      cell,
      scaleExp: cell === 0 ? -3 : 0,
      limit: cell === 0 ? undefined : { maxAbs, beyond: `±${maxAbs}` },
    })),
    timeColumn: 0,
    trialCell: null,
    dialect: { delimiter, decimalComma: false },
    badRows,
    maxTimeSpan: 3600,
  };
}

/** The table the module and the JavaScript reader make of `text`, and how many rows the module read. */
function bothReaders(
  text: string,
  delimiter: ',' | ';' | '\t' = ',',
  badRows: 'throw' | 'skip' = 'skip',
  options: { maxAbs?: number; ignoredCell?: number } = {},
) {
  const bytes = bytesOf(text);
  const lineFeeds = plainLineFeeds(bytes);
  if (lineFeeds === null) throw new Error('not plain rows');
  const request = requestFor(text, delimiter, badRows, options);
  const run = (read: (builder: TableBuilder) => number) => {
    const builder = new TableBuilder(request, lineFeeds.length + 1);
    try {
      const taken = read(builder);
      return { taken, outcome: finished(builder, request) };
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      return { taken: NaN, outcome: { error: error.message, line: error.line } };
    }
  };
  const module = run((builder) => readNumberRows(bytes, lineFeeds, builder));
  const reader = run((builder) => {
    visitAsciiRows(bytes, lineFeeds, builder, delimiter.charCodeAt(0));
    return 0;
  });
  return { taken: module.taken, module: module.outcome, reader: reader.outcome };
}

/** Numbers as phones and apps write them, and texts readDecimal takes or refuses. */
const numberText = fc.oneof(
  fc.double({ noNaN: true, min: -1500, max: 1500 }).map(String),
  fc.double({ noNaN: true, min: -1e-3, max: 1e-3 }).map(String), // 1.2e-7: exponents
  fc.integer({ min: -1500, max: 1500 }).map(String),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 19n }).map((digits) => `0.${digits}`), // 16-20 digits
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 17n }).map((digits) => `9.${digits}`),
  fc.constantFrom('+1.5', '-0', '.5', '5.', ' 1.25', '2.5\t', '1E3', '1e+2', '-2.5e-3', '9.8000000000000007'),
);
const oddCell = fc.constantFrom(
  '',
  ' ',
  'NaN',
  'nan',
  'abc',
  '1e',
  '1e+',
  '1e400',
  '1,5',
  '2500',
  '-2500',
  '0x10',
);

/** Rows of a samples-like file: mostly numbers with time going forward, now and then anything. */
const samplesText = fc
  .record({
    columns: fc.integer({ min: 2, max: 7 }),
    delimiter: fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t'),
    crlf: fc.boolean(),
    lastLineFeed: fc.boolean(),
    rows: fc.array(
      fc.record({
        step: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(-5)),
        cells: fc.array(fc.oneof({ weight: 12, arbitrary: numberText }, { weight: 1, arbitrary: oddCell }), {
          minLength: 7,
          maxLength: 7,
        }),
        shape: fc.oneof(
          { weight: 20, arbitrary: fc.constant('row') },
          fc.constantFrom('blank', 'extra cell', 'missing cell', 'empty time'),
        ),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ columns, delimiter, crlf, lastLineFeed, rows }) => {
    const end = crlf ? '\r\n' : '\n';
    const header = ['t_ms', 'ax', 'ay', 'az', 'gx', 'gy', 'gz'].slice(0, columns).join(delimiter);
    let timeMs = 0;
    const lines = rows.map(({ step, cells, shape }) => {
      timeMs += step * 16.7;
      const values = [String(Math.round(timeMs * 1000) / 1000), ...cells.slice(0, columns - 1)];
      if (shape === 'blank') return ' ';
      if (shape === 'extra cell') values.push('1');
      if (shape === 'missing cell') values.pop();
      if (shape === 'empty time') values[0] = '';
      return values.join(delimiter);
    });
    return { text: [header, ...lines].join(end) + (lastLineFeed ? end : ''), delimiter };
  });

/** The module's double for `text` (a cell of a one-row file), or undefined when it leaves the row to the reader. */
function moduleNumber(text: string): number | undefined {
  const file = `t_ms,x\n0,${text}\n`;
  const bytes = bytesOf(file);
  const builder = new TableBuilder(requestFor(file, ',', 'throw', { maxAbs: Infinity }), 4);
  const taken = readNumberRows(bytes, plainLineFeeds(bytes) as Int32Array, builder);
  const { tables } = finishTables(builder, requestFor(file, ',', 'throw', { maxAbs: Infinity }));
  return taken === 1 ? (tables[0]?.columns[1]?.[0] as number) : undefined;
}

/** `expect` that the module reads `text` as Number() does, and returns whether it read it. */
function expectNumber(text: string): boolean {
  const value = moduleNumber(text);
  if (value !== undefined) expect(Object.is(value, Number(text)), text).toBe(true);
  return value !== undefined;
}

describe('the numbers the WebAssembly module reads: the double Number() gives, or none', () => {
  it('reads every double from its shortest text (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expectNumber(String(value)); // most beyond 10^±22 are left to Number()
      }),
      { numRuns: 5000 },
    );
    let read = 0;
    fc.assert(
      fc.property(
        fc
          .double({ noNaN: true, min: -1e6, max: 1e6 })
          .filter((value) => value === 0 || Math.abs(value) > 1e-6),
        (value) => {
          if (expectNumber(String(value))) read++;
        },
      ),
      { numRuns: 5000 },
    );
    // The magnitudes of sensor values (1e-6 to 1e6): all but exact ties are read here.
    expect(read).toBeGreaterThan(4900);
  });

  it('reads 17 to 25 digits just below and above the midpoint of two doubles, or leaves them', () => {
    let read = 0;
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e15, noNaN: true }),
        fc.integer({ min: 17, max: 25 }),
        (x, significant) => {
          for (const text of textsAroundMidpoint(x, significant)) if (expectNumber(text)) read++;
        },
      ),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(1000);
  });

  it('leaves exact ties, and 2^53 + 1, to the reader (Number() rounds them to even)', () => {
    expect(moduleNumber('9007199254740993')).toBeUndefined();
    expect(moduleNumber('90071992547409930e-1')).toBeUndefined();
    expect(moduleNumber('9007199254740994')).toBe(9007199254740994);
    for (const text of [
      '-0',
      '0',
      '1e22',
      '1e-22',
      '123456789012345678',
      '0.30000000000000004',
      '900719925474099.3',
    ])
      expectNumber(text);
    expect(moduleNumber('-0')).toBe(-0);
    // Rounding up to the next power of two (the mantissa carries into the exponent): 1 and
    // 2^56; 2^54 - 1, halfway between 2^54 - 2 and 2^54, is a tie, left to the reader.
    for (const text of ['0.99999999999999999', '1.9999999999999999', '72057594037927935'])
      expect(moduleNumber(text), text).toBe(Number(text));
    expect(moduleNumber('18014398509481983')).toBeUndefined();
  });
});

describe('the WebAssembly reader of number rows', () => {
  it('reads every data row of a simulated 45 s phone recording, and the table the JavaScript reader makes', () => {
    const scenario = randomScenario(7, false);
    scenario.durationS = 45;
    scenario.sampling.rateHz = 60;
    scenario.sampling.gyroMissing = false;
    const text = writeSamplesCsv([{ recording: simulateScenario(scenario).recording }]);
    const rows = text.trimEnd().split('\n').length - 1;
    expect(rows).toBeGreaterThan(2500); // 45 s at 60 Hz, less the simulator's dropped samples
    const { taken, module, reader } = bothReaders(text);
    expect(taken).toBe(rows);
    expect(module).toEqual(reader);
  });

  it('reads rows across its chunks of CHUNK_ROWS, the JavaScript reader taking the lines it leaves', () => {
    const lines = ['t_ms,ax,ay,az'];
    for (let k = 0; k < 2 * CHUNK_ROWS + 10; k++) lines.push(`${k * 10},0.${k},9.81,-0.${k}5`);
    // Lines the module leaves, at the ends and starts of chunks: an empty cell, NaN, a blank line.
    for (const [row, line] of [
      [CHUNK_ROWS - 1, '81900,,9.81,0'],
      [CHUNK_ROWS, '81910,NaN,9.81,0'],
      [CHUNK_ROWS + 1, '   '],
      [2 * CHUNK_ROWS + 9, '163930,1,2'],
    ] as const)
      lines[row + 1] = line;
    const { taken, module, reader } = bothReaders(lines.join('\n'));
    expect(taken).toBe(2 * CHUNK_ROWS + 10 - 4);
    expect(module).toEqual(reader);
    expect(module).toMatchObject({ skippedCount: 1 }); // the row of three cells; the others are kept
  });

  it('leaves a row to the JavaScript reader at each check it would fail: its errors and lines are the same', () => {
    const cases = [
      't_ms,ax\n0,1\n10,2500\n20,1\n', // beyond the limit
      't_ms,ax\n0,1\n10,2\n5,1\n', // time going backwards
      't_ms,ax\n0,1\n10;2\n20,1\n', // another separator after a number: one cell, not two
      't_ms,ax\n0,1\n10,2\n3600001,1\n', // beyond the longest time span (3,600 s)
      't_ms,ax\n0,1\n10,1e400\n20,1\n', // Infinity: Number()'s
      't_ms,ax\n0,1\n10,0.12345678901234567890123456789\n20,1\n', // more digits than a double-word quotient
    ];
    for (const text of cases) {
      for (const badRows of ['throw', 'skip'] as const) {
        const { taken, module, reader } = bothReaders(text, ',', badRows);
        expect(module).toEqual(reader);
        if (badRows === 'skip') expect(taken).toBe(2); // the rows around the bad one
      }
    }
  });

  it('reads past cells no column wants, whatever they hold, the last cell of a row too', () => {
    const text = 't_ms,ax,note\n0,1,x\n10,2,\n20,3,NaN y\n';
    const { taken, module, reader } = bothReaders(text, ',', 'throw', { ignoredCell: 2 });
    expect(module).toEqual(reader);
    expect(taken).toBe(3);
    // The note read as a number instead: `x` is not one, the same error from both.
    const asNumber = bothReaders(text, ',', 'throw', { ignoredCell: 1 });
    expect(asNumber.module).toEqual(asNumber.reader);
    expect(asNumber.module).toMatchObject({ error: 'line 2: note is not a number ("x")', line: 2 });
  });

  it('gives the JavaScript reader table on generated samples-like files (fast-check)', () => {
    fc.assert(
      fc.property(
        samplesText,
        fc.constantFrom<'throw' | 'skip'>('throw', 'skip'),
        fc.integer({ min: -1, max: 3 }),
        ({ text, delimiter }, badRows, ignoredCell) => {
          // ignoredCell 1-3: a column no one reads, whatever it holds (0 and -1: none)
          const { module, reader } = bothReaders(text, delimiter, badRows, {
            ignoredCell: ignoredCell || -1,
          });
          expect(module).toEqual(reader);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the text reader outcome through readRecordingsFromAscii on generated Stork samples files', () => {
    fc.assert(
      fc.property(samplesText, ({ text }) => {
        const outcome = (read: () => unknown) => {
          try {
            return { trials: read() };
          } catch (error) {
            if (!(error instanceof FormatError)) throw error;
            return { error: error.message, line: error.line };
          }
        };
        expect(outcome(() => readRecordingsFromAscii(bytesOf(text), 'trial.csv'))).toEqual(
          outcome(() => readRecordings(text, 'trial.csv')),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is left out where WebAssembly is not available, and the JavaScript reader reads it all', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    try {
      const { readNumberRows: withoutModule } = await import('../../../src/formats/number-rows');
      const text = 't_ms,ax\n0,1\n10,2\n';
      const bytes = bytesOf(text);
      const builder = new TableBuilder(requestFor(text, ',', 'throw'), 4);
      expect(withoutModule(bytes, plainLineFeeds(bytes) as Int32Array, builder)).toBe(-1);
      expect(builder.rowCount).toBe(0);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
