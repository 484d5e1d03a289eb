/**
 * A 2-D sway CSV on the import page: each trial of the file becomes a force-plate trial with
 * its AP and ML signal, analysed exactly as `stork analyze` analyses the file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { importFiles } from '../../../src/formats/import-files';
import { readSwayCsv } from '../../../src/formats/sway-csv';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
  a.length === b.length && Array.from(a).every((value, k) => Object.is(value, b[k]));

describe('importing a 2-D sway CSV', () => {
  it('keeps a force-plate file as one sway trial with its signal, unit unknown, metrics as stork analyze', () => {
    const text = fixture('cop/BDS00008.csv');
    const report = importFiles([{ name: 'BDS00008.csv', text }]);
    expect(report.failed).toEqual([]);
    expect(report.ignored).toEqual([]);
    expect(report.trials).toHaveLength(1);
    const { record, origin } = report.trials[0]!;
    // The reader's own reading of the file is the reference for every value.
    const [read] = readSwayCsv(text);
    expect(sameBits(record.samples.tS, read!.recording.tS)).toBe(true);
    expect(sameBits(record.sway!.ap, read!.recording.ap)).toBe(true);
    expect(sameBits(record.sway!.ml, read!.recording.ml)).toBe(true);
    expect(record.sway!.unit).toBeNull();
    // No phone samples were measured: every phone column is NaN.
    for (const key of ['ax', 'ay', 'az', 'gx', 'gy', 'gz', 'lx', 'ly', 'lz'] as const)
      expect(record.samples[key].every(Number.isNaN)).toBe(true);
    // What `stork analyze` computes: the core's analysis of the sway recording, default window.
    const expected = analyze(read!.recording);
    expect(record.analysis).toEqual(expected);
    expect(record.analysis!.signal).toBe('sway');
    expect(record.touchdownS).toBeNull();
    expect(record.holdTimeS).toBe(expected.holdTimeS);
    // PROVENANCE.md: 6000 rows at 100 Hz.
    expect(record.eventsReceived).toBe(6000);
    expect(record.inputRateHz).toBeCloseTo(100, 6);
    expect(record.importedFrom).toBe('force plate / 2-D sway CSV');
    expect(record.setup).toBeNull();
    expect(record.startedAt).toBeNull();
    expect(record.id).toBeNull();
    expect(origin.format).toBe('sway-2d');
    expect(origin.files).toEqual(['BDS00008.csv']);
    // t_s needs no time conversion; the unit is kept.
    expect(origin.conversions).toEqual([
      'ap, ml: a 2-D sway signal, kept in its own unit (metrics in that unit)',
    ]);
  });

  it('gives a trial per trial_id, times in ms converted to s', () => {
    const text = 't_ms,ap,ml,trial_id\r\n0,1,2,a\r\n10,1.5,2.5,a\r\n0,3,4,b\r\n20,3.5,4.5,b\r\n';
    const report = importFiles([{ name: 'two.csv', text }]);
    expect(report.trials.map((trial) => trial.record.id)).toEqual(['a', 'b']);
    expect(Array.from(report.trials[1]!.record.samples.tS)).toEqual([0, 0.02]);
    expect(Array.from(report.trials[1]!.record.sway!.ap)).toEqual([3, 3.5]);
    expect(report.trials[0]!.origin.conversions[0]).toBe('t_ms: milliseconds to seconds');
    // 10 ms of signal is under the 2 s the analysis needs: kept, with the reason, not analysed.
    expect(report.trials[0]!.record.analysis).toBeNull();
    expect(report.trials[0]!.record.analysisError).toMatch(/2 s/);
  });
});
