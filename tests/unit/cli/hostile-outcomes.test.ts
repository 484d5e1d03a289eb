/**
 * Issue 11 part 2 as a property: real files (a Stork recording, a phyphox export, a force
 * plate's 2-D sway) made hostile in the ways a new user's files were (white-space lines before
 * the header, absurd and non-finite cells, times 10^15 ms away, rows lost, repeated or swapped,
 * a file cut short), up to three at once, analysed as `stork analyze` does (analyzeFile). Every
 * outcome is a valid result or messages of the fixed forms (`line N: what`, `what`), never a
 * fault; every metric is a finite number or null; and a value beyond the readers' limits is
 * never silent: the line that holds it is named. hostile-files.test.ts has each class on its own;
 * how fast these are answered is measured by scripts/bench-hostile.ts, not here.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFile, type FileOutcome } from '../../../src/cli/analyze-file';
import { MAX_ABS_ACCELERATION_M_S2, MAX_ABS_SWAY_VALUE } from '../../../src/core/limits';
import { fixturePath } from '../helpers/fixtures';

interface Base {
  name: string;
  lines: string[];
  separator: string;
  timeColumn: number;
  /** Stork's own formats stop at their first bad row; other apps' files leave bad rows out and list them. */
  stopsAtBadRow: boolean;
  /** The columns holding sample values. */
  valueColumns: number[];
}

function linesOf(relative: string, keep: number): string[] {
  return readFileSync(fixturePath(relative), 'utf8').split(/\r?\n/).filter(Boolean).slice(0, keep);
}

const BASES: Base[] = [
  // 10 s of a 60 Hz phone recording (fixtures/PROVENANCE.md, e2e/): t_ms, ax..az, gx..gz.
  {
    name: 'trial.csv',
    lines: linesOf('e2e/case00.csv', 601),
    separator: ',',
    timeColumn: 0,
    stopsAtBadRow: true,
    valueColumns: [1, 2, 3],
  },
  // A Sensor Logger TotalAcceleration.csv, 7 s at 100 Hz: time (ns since 1970), seconds_elapsed, z, y, x (fixtures/PROVENANCE.md, sensorlogger/).
  {
    name: 'TotalAcceleration.csv',
    lines: linesOf('sensorlogger/malimsZen_SM-N986B_TotalAcceleration.csv', 726),
    separator: ',',
    timeColumn: 0,
    stopsAtBadRow: false,
    valueColumns: [2, 3, 4],
  },
  // An iPhone's Core Motion export in g, `;` between cells, 6.5 s: Date;Timestamp;DeviceOrientation;AccelerationX..Z;Label (phone/).
  {
    name: 'aybarscebi_iphone_standing.csv',
    lines: linesOf('phone/aybarscebi_iphone_standing.csv', 133),
    separator: ';',
    timeColumn: 1,
    stopsAtBadRow: false,
    valueColumns: [3, 4, 5],
  },
  // 15 s of a force plate's centre of pressure at 100 Hz (Santos & Duarte 2016, cop/): t_s, ap, ml.
  {
    name: 'BDS00008.csv',
    lines: linesOf('cop/BDS00008.csv', 1501),
    separator: ',',
    timeColumn: 0,
    stopsAtBadRow: true,
    valueColumns: [1, 2],
  },
];

/** Cells a new user's files held: beyond any limit, absurd, non-finite, not numbers, empty. */
const HOSTILE_VALUES = [
  '1e308',
  '1.7976931348623157e308',
  '111111111111',
  '-1e300',
  '1e999',
  'Infinity',
  'NaN',
  '',
  'abc',
];
/**
 * Values beyond the limits of every value column: acceleration (MAX_ABS_ACCELERATION_M_S2, and
 * 256 g in a file in g), sway (MAX_ABS_SWAY_VALUE).
 */
const BEYOND_LIMITS = new Set<string>(['1e308', '1.7976931348623157e308', '111111111111', '-1e300']);
/** Times of a row that would stretch the grid to 10^13 points and more, or are not finite. */
const HOSTILE_TIMES = ['1e15', '-1e15', '1e309', '1e300', 'NaN', ''];

type Mutation =
  | { kind: 'blank-lines'; count: number; line: string }
  | { kind: 'cell'; row: number; column: number; value: string }
  | { kind: 'time'; row: number; value: string }
  | { kind: 'drop' | 'repeat' | 'swap'; row: number }
  | { kind: 'cut'; at: number };

/** A mutation; rows and columns as fractions of the file, placed when applied. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('blank-lines' as const),
    count: fc.integer({ min: 1, max: 5000 }),
    line: fc.constantFrom('', ' ', '\t', '  \t ', '\r'),
  }),
  fc.record({
    kind: fc.constant('cell' as const),
    row: fc.nat(),
    column: fc.nat(),
    value: fc.constantFrom(...HOSTILE_VALUES),
  }),
  fc.record({ kind: fc.constant('time' as const), row: fc.nat(), value: fc.constantFrom(...HOSTILE_TIMES) }),
  fc.record({ kind: fc.constantFrom('drop' as const, 'repeat' as const, 'swap' as const), row: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

interface Hostile {
  text: string;
  /** 1-based lines of the final text that hold a value beyond the readers' limits. */
  beyondLimitLines: number[];
}

/** Applies the mutations in turn; a data row is any line after the header (line 0). */
function hostileFile(base: Base, mutations: readonly Mutation[]): Hostile {
  let header = 0;
  const lines = [...base.lines];
  const marked = new Set<string>();
  const dataRow = (n: number) => header + 1 + (n % Math.max(1, lines.length - header - 1));
  for (const m of mutations) {
    if (lines.length <= header + 1 && m.kind !== 'blank-lines') continue;
    switch (m.kind) {
      case 'blank-lines':
        lines.splice(0, 0, ...new Array<string>(m.count).fill(m.line));
        header += m.count;
        break;
      case 'cell': {
        const at = dataRow(m.row);
        const cells = (lines[at] as string).split(base.separator);
        const column = base.valueColumns[m.column % base.valueColumns.length] as number;
        if (column >= cells.length) break;
        cells[column] = m.value;
        lines[at] = cells.join(base.separator);
        if (BEYOND_LIMITS.has(m.value)) marked.add(lines[at]);
        break;
      }
      case 'time': {
        const at = dataRow(m.row);
        const cells = (lines[at] as string).split(base.separator);
        cells[base.timeColumn] = m.value;
        lines[at] = cells.join(base.separator);
        break;
      }
      case 'drop':
        lines.splice(dataRow(m.row), 1);
        break;
      case 'repeat': {
        const at = dataRow(m.row);
        lines.splice(at, 0, lines[at] as string);
        break;
      }
      case 'swap': {
        const at = dataRow(m.row);
        if (at + 1 < lines.length)
          [lines[at], lines[at + 1]] = [lines[at + 1] as string, lines[at] as string];
        break;
      }
      case 'cut': {
        // The file cut off inside its last line, as a copy that stopped.
        const last = lines.length - 1;
        if (last > header)
          lines[last] = (lines[last] as string).slice(0, m.at % (lines[last] as string).length);
        break;
      }
    }
  }
  const beyondLimitLines = lines.flatMap((line, index) => (marked.has(line) ? [index + 1] : []));
  return { text: lines.join('\n') + '\n', beyondLimitLines };
}

/** One file's outcome as `stork analyze` has it, from text in memory. */
function outcomeOf(name: string, text: string): Promise<FileOutcome> {
  return analyzeFile(name, {}, { readFile: () => Promise.resolve(text) });
}

/** The message forms: `FILE: line N: what`, `FILE: trial "ID": what`, `FILE: what`; one line, in words. */
const MESSAGE_FORM = /^[^:\n]+: (trial "[^"\n]*": )?(line \d+: )?[^\s].*$/;
/** What no message may show: a fault, an internal function, an error class. */
const FAULT_WORDS = /unexpected error|Error\b|rotationToVertical|typed array|undefined|\bat [a-zA-Z]+ \(/;

function expectValidOutcome(base: Base, hostile: Hostile, outcome: FileOutcome): void {
  const { name } = base;
  for (const message of [...outcome.problems, ...outcome.notes]) {
    const line = `${name}: ${message}`;
    expect(line).toMatch(MESSAGE_FORM);
    expect(line).not.toMatch(FAULT_WORDS);
  }
  if (outcome.trials.length === 0) expect(outcome.problems.length).toBeGreaterThan(0);
  for (const { result } of outcome.trials) {
    for (const [key, value] of Object.entries(result.metrics)) {
      if (typeof value !== 'number') continue;
      expect(Number.isFinite(value), `${key} = ${value}`).toBe(true);
    }
    expect(Number.isFinite(result.holdTimeS ?? 0)).toBe(true);
  }
  // A value beyond the limits is never analysed silently: its line is named (another app's file
  // leaves the row out and lists it), or, in Stork's own formats, which stop at their first bad
  // row, that row's line or an earlier one is.
  const said = [...outcome.problems, ...outcome.notes].join('\n');
  if (hostile.beyondLimitLines.length === 0) return;
  if (base.stopsAtBadRow) {
    const named = [...said.matchAll(/line (\d+):/g)].map((match) => Number(match[1]));
    expect(named.length, said).toBeGreaterThan(0);
    expect(Math.min(...named)).toBeLessThanOrEqual(Math.min(...hostile.beyondLimitLines));
  } else {
    for (const lineNumber of hostile.beyondLimitLines)
      expect(said, `line ${lineNumber}`).toMatch(new RegExp(`line ${lineNumber}:`));
  }
}

describe('stork analyze on hostile versions of real files', () => {
  for (const base of BASES) {
    it(`${base.name}: a valid result or messages of the fixed forms, no silent value beyond the limits`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          const hostile = hostileFile(base, mutations);
          expectValidOutcome(base, hostile, await outcomeOf(base.name, hostile.text));
        }),
        { numRuns: 60 },
      );
    });
  }

  it('the unmutated files analyse (so that the properties above see results, not only messages)', async () => {
    for (const base of BASES) {
      const outcome = await outcomeOf(base.name, base.lines.join('\n') + '\n');
      expect(outcome.problems, base.name).toEqual([]);
      expect(outcome.trials.length, base.name).toBe(1);
    }
  });
});

it('the limits the hostile values go beyond', () => {
  // 1e308 and 111111111111 lie beyond the acceleration's 256 g and the sway's 10^6 alike.
  expect(111111111111).toBeGreaterThan(Math.max(MAX_ABS_ACCELERATION_M_S2, MAX_ABS_SWAY_VALUE));
});
