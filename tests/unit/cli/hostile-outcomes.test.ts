/**
 * Issue 11 part 2 as a property: real files (a Stork recording, a Sensor Logger export, an
 * iPhone's Core Motion export, a force plate's 2-D sway) made hostile in the ways a new user's
 * files were (tests/unit/helpers/hostile-mutations.ts), up to three at once, analysed as `stork analyze` does (analyzeFile). Every
 * outcome is a valid result or messages of the fixed forms (`line N: what`, `what`), never a
 * fault; every metric is a finite number or null; and a value beyond the readers' limits is
 * never silent: the line that holds it is named. hostile-files.test.ts has each class on its own;
 * how fast these are answered is measured by scripts/bench-hostile.ts, not here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFile, type FileOutcome } from '../../../src/cli/analyze-file';
import { MAX_ABS_ACCELERATION_M_S2, MAX_ABS_SWAY_VALUE } from '../../../src/core/limits';
import { BASES, mutation, hostileFile, type Base, type Hostile } from '../helpers/hostile-mutations';

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
