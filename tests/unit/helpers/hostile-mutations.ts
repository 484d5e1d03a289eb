/**
 * Real files made hostile in the ways a new user's files were (issue 11 part 2): white-space
 * lines before the header, absurd and non-finite cells, times 10^15 ms away, rows lost,
 * repeated or swapped, a file cut short. Used by tests/unit/cli/hostile-outcomes.test.ts (the
 * outcomes) and scripts/bench-hostile.ts (how fast they are answered).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fixturePath } from './fixtures';

export interface Base {
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

export const BASES: Base[] = [
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
export const HOSTILE_VALUES = [
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
export const BEYOND_LIMITS = new Set<string>(['1e308', '1.7976931348623157e308', '111111111111', '-1e300']);
/** Times of a row that would stretch the grid to 10^13 points and more, or are not finite. */
export const HOSTILE_TIMES = ['1e15', '-1e15', '1e309', '1e300', 'NaN', ''];

export type Mutation =
  | { kind: 'blank-lines'; count: number; line: string }
  | { kind: 'cell'; row: number; column: number; value: string }
  | { kind: 'time'; row: number; value: string }
  | { kind: 'drop' | 'repeat' | 'swap'; row: number }
  | { kind: 'cut'; at: number };

/** A mutation; rows and columns as fractions of the file, placed when applied. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
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

export interface Hostile {
  text: string;
  /** 1-based lines of the final text that hold a value beyond the readers' limits. */
  beyondLimitLines: number[];
}

/** Applies the mutations in turn; a data row is any line after the header (line 0). */
export function hostileFile(base: Base, mutations: readonly Mutation[]): Hostile {
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

/** The text with cell `column` (0-based) of physical line `line` (1-based) replaced; `,` between cells. */
export function withCell(text: string, line: number, column: number, cell: string): string {
  const lines = text.split('\n');
  const cells = (lines[line - 1] as string).split(',');
  cells[column] = cell;
  lines[line - 1] = cells.join(',');
  return lines.join('\n');
}
