/**
 * The 2-D sway CSV written for a sway trial (its samples export) reads back to the same
 * doubles, and a stored sway trial's export imports again as the same trial.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/formats/import-files';
import { readSwayCsv, writeSwayCsv } from '../../../src/formats/sway-csv';
import { trialSamplesCsvParts, trialSwayCsvParts } from '../../../src/formats/trial-export';
import type { TrialRecord } from '../../../src/session/types';
import { trialSamplesCsv } from '../../../src/ui/download';
import { completeRecords } from '../../../src/ui/import-records';
import { MAX_ABS_SWAY_VALUE } from '../../../src/core/limits';

/** Bits of each double; NaN as one value (a missing sample). */
function bitsOf(values: ArrayLike<number>): string[] {
  const copy = Float64Array.from(values);
  const bits = new BigUint64Array(copy.buffer);
  return Array.from(copy, (value, i) => (Number.isNaN(value) ? 'NaN' : (bits[i] as bigint).toString(16)));
}

/**
 * Any double within the reader's limit on sway values (src/core/limits.ts) but +-Infinity
 * (written as an empty cell, read back as NaN). Values beyond it are refused: hostile-files.test.ts.
 */
const value = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -MAX_ABS_SWAY_VALUE, max: MAX_ABS_SWAY_VALUE }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, -0, 0, 5e-324, -MAX_ABS_SWAY_VALUE, 0.1, -7.166399) },
);

describe('2-D sway CSV round trip', () => {
  it('writes t_ms, ap, ml that read back bit for bit (any doubles, non-decreasing times)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((n) =>
          fc.tuple(
            // Non-decreasing times (the reader refuses a time that goes back): cumulative steps.
            fc
              .tuple(
                fc.double({ min: -2, max: 2, noNaN: true }),
                fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: n, maxLength: n }),
              )
              .map(([start, steps]) => {
                let t = start;
                return steps.map((step) => (t += step));
              }),
            fc.array(value, { minLength: n, maxLength: n }),
            fc.array(value, { minLength: n, maxLength: n }),
          ),
        ),
        fc.option(fc.constantFrom('a', 'x,"y"', 'trial 7'), { nil: null }),
        ([tS, ap, ml], trialId) => {
          const text = writeSwayCsv([{ trialId, recording: { kind: 'sway', tS, ap, ml } }]);
          const [back, ...more] = readSwayCsv(text);
          expect(more).toEqual([]);
          expect(back!.trialId).toBe(trialId);
          expect(bitsOf(back!.recording.tS)).toEqual(bitsOf(tS));
          expect(bitsOf(back!.recording.ap)).toEqual(bitsOf(ap));
          expect(bitsOf(back!.recording.ml)).toEqual(bitsOf(ml));
        },
      ),
    );
  });

  it('refuses several trials without distinct ids, and columns of different lengths', () => {
    const one = { kind: 'sway' as const, tS: [0, 1], ap: [1, 2], ml: [3, 4] };
    expect(() => writeSwayCsv([{ recording: one }, { recording: one }])).toThrow(RangeError);
    expect(() => writeSwayCsv([{ recording: { ...one, ml: [3] } }])).toThrow(RangeError);
  });

  it('a stored force-plate trial exports its samples as a sway CSV that imports as the same trial', () => {
    const name = 'BDS00015.csv';
    const text = readFileSync(new URL(`../../../fixtures/cop/${name}`, import.meta.url), 'utf8');
    // The trial as the import page saves it (person's choices: right leg, unit cm).
    const [saved] = completeRecords(
      importFiles([{ name, text }]).trials,
      { stanceSide: 'right', eyes: 'open', surface: 'firm', placement: 'chest', capS: 60 },
      new Date('2026-03-05T10:00:00Z'),
      () => 'id-1',
      ' cm ',
    ) as [TrialRecord];
    expect(saved.setup.placement).toBe('force-plate');
    // PROVENANCE.md: 6000 rows at 100 Hz, a 60 s recording: the 60 s cap, not the form's.
    expect(saved.holdTimeS).toBeGreaterThan(45);
    expect(saved.setup.capS).toBe(60);
    expect(saved.sway!.unit).toBe('cm');
    const exported = trialSamplesCsv(saved);
    expect(exported.slice(0, exported.indexOf('\r\n'))).toBe('t_ms,ap,ml');
    const [again] = importFiles([{ name: 'export.csv', text: exported }]).trials;
    const record = again!.record;
    expect(bitsOf(record.samples.tS)).toEqual(bitsOf(saved.samples.tS));
    expect(bitsOf(record.sway!.ap)).toEqual(bitsOf(saved.sway!.ap));
    expect(bitsOf(record.sway!.ml)).toEqual(bitsOf(saved.sway!.ml));
    expect(record.analysis).toEqual(saved.analysis);
    expect(record.holdTimeS).toBe(saved.holdTimeS);
    expect(record.inputRateHz).toBe(saved.inputRateHz);
    expect(record.importedFrom).toBe(saved.importedFrom);
  });

  it('a history export puts sway trials in the sway CSV, not in the samples CSV', () => {
    const name = 'BDS00019.csv';
    const text = readFileSync(new URL(`../../../fixtures/cop/${name}`, import.meta.url), 'utf8');
    const [saved] = completeRecords(
      importFiles([{ name, text }]).trials,
      { stanceSide: 'left', eyes: 'closed', surface: 'firm', placement: 'chest', capS: 60 },
      new Date('2026-03-05T10:00:00Z'),
      () => 'fp-1',
    ) as [TrialRecord];
    // The samples CSV holds its header only: the sway trial has no phone samples.
    expect([...trialSamplesCsvParts([saved])].join('')).toBe('t_ms,ax,ay,az,gx,gy,gz,lx,ly,lz,trial_id\r\n');
    const sway = [...trialSwayCsvParts([saved])].join('');
    const [back] = readSwayCsv(sway);
    expect(back!.trialId).toBe('fp-1');
    expect(bitsOf(back!.recording.ap)).toEqual(bitsOf(saved.sway!.ap));
    expect(bitsOf(back!.recording.tS)).toEqual(bitsOf(saved.samples.tS));
  });
});
