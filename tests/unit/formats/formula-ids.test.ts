/**
 * Trial ids that a spreadsheet would run as a formula (OWASP "CSV Injection": `=`, `+`, `-`,
 * `@`, a tab or CR first) in the samples CSV and the 2-D sway CSV: written inert with a `'`
 * in front, as the summary CSV writes its text cells, and read back exactly.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMULA_TRIGGER, neutralised, unneutralised } from '../../../src/formats/formula-text';
import { readSamplesCsv } from '../../../src/formats/samples-csv';
import { writeSamplesCsv } from '../../../src/formats/samples-csv-writer';
import { readSwayCsv, writeSwayCsv } from '../../../src/formats/sway-csv';

/** What a spreadsheet runs as a formula: a trigger first, after white space (Excel trims it). */
const RUNS_AS_FORMULA = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

const INJECTIONS = [
  '=HYPERLINK("http://evil","x")',
  '+1',
  '-1',
  '@SUM(1)',
  '\t=1',
  '\r=1',
  '  =1',
  '＝1',
  "'=1",
];

/** Ids of any text, with formula triggers and the quote character made frequent. */
const trialId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' =', "'", "''=", '＠', ','),
      fc.string({ maxLength: 8 }),
    )
    .map(([head, tail]) => head + tail),
  fc.constantFrom(...INJECTIONS),
);

/** The trial_id cells of a CSV text as a spreadsheet's CSV reader gives them (RFC 4180). */
function idCells(text: string): string[] {
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return [...new Set(rows.map((row) => row['trial_id'] as string))];
}

const motion = (n: number) => ({
  kind: 'motion' as const,
  tS: Array.from({ length: n }, (_, i) => i / 50),
  ax: new Array<number>(n).fill(0.1),
  ay: new Array<number>(n).fill(9.8),
  az: new Array<number>(n).fill(0.2),
});
const sway = (n: number) => ({
  kind: 'sway' as const,
  tS: Array.from({ length: n }, (_, i) => i / 100),
  ap: new Array<number>(n).fill(0.5),
  ml: new Array<number>(n).fill(-0.25),
});

describe('formula-like trial ids in the samples CSV and the 2-D sway CSV', () => {
  it('neutralised takes exactly what unneutralised gives back, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), trialId), (text) => {
        expect(unneutralised(neutralised(text))).toBe(text);
        expect(RUNS_AS_FORMULA.test(neutralised(text))).toBe(false);
      }),
    );
    // Text that looks neutralised already gets one more ' (so only that one comes off).
    expect(neutralised("'=1")).toBe("''=1");
    expect(neutralised('plain id')).toBe('plain id');
    expect(FORMULA_TRIGGER.test('trial-1')).toBe(false);
  });

  it('the samples CSV writes the examples of the issue with a leading quote mark and reads them back', () => {
    const text = writeSamplesCsv(INJECTIONS.map((id) => ({ trialId: id, recording: motion(3) })));
    expect(idCells(text)).toEqual(INJECTIONS.map((id) => `'${id}`));
    expect(readSamplesCsv(text).map((trial) => trial.trialId)).toEqual(INJECTIONS);
  });

  it('the 2-D sway CSV likewise', () => {
    const text = writeSwayCsv(INJECTIONS.map((id) => ({ trialId: id, recording: sway(3) })));
    expect(idCells(text)).toEqual(INJECTIONS.map((id) => `'${id}`));
    expect(readSwayCsv(text).map((trial) => trial.trialId)).toEqual(INJECTIONS);
  });

  it('any set of distinct ids: no cell runs as a formula, and each reads back as it was', () => {
    fc.assert(
      fc.property(fc.uniqueArray(trialId, { minLength: 1, maxLength: 4 }), (ids) => {
        const samples = writeSamplesCsv(ids.map((id) => ({ trialId: id, recording: motion(2) })));
        const swayText = writeSwayCsv(ids.map((id) => ({ trialId: id, recording: sway(2) })));
        for (const text of [samples, swayText])
          for (const cell of idCells(text))
            expect(RUNS_AS_FORMULA.test(cell), JSON.stringify(cell)).toBe(false);
        expect(readSamplesCsv(samples).map((trial) => trial.trialId)).toEqual(ids);
        expect(readSwayCsv(swayText).map((trial) => trial.trialId)).toEqual(ids);
      }),
    );
  });

  it('a file written before, with an id as it was (not neutralised), still reads that id', () => {
    const old = 't_ms,ax,ay,az,trial_id\r\n0,0,9.8,0,=1+1\r\n20,0,9.8,0,=1+1\r\n';
    expect(readSamplesCsv(old).map((trial) => trial.trialId)).toEqual(['=1+1']);
  });
});
