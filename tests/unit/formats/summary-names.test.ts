/**
 * The summary CSV's names that say what they are (eyes, samples_received, samples_analysed), hold
 * times at the clock's resolution, the byte-order mark for Excel, and a summary written before
 * the renaming (fixtures/summary-legacy/, see PROVENANCE.md) that still imports.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { HOLD_TIME_RESOLUTION_S, roundHoldTimeS } from '../../../src/core/hold-time';
import { summaryColumns } from '../../../src/formats/summary-csv';
import { readSummaryCsv } from '../../../src/formats/summary-reader';
import { exportTrialsCsv, trialSummaryColumns } from '../../../src/formats/trial-export';
import { importStorkFiles, isCompleteRecord, recordingOfSamples } from '../../../src/formats/trial-import';
import type { StorkTrialRecord } from '../../../src/formats/trial-record';
import { fixturePath } from '../helpers/fixtures';

const legacySamples = readFileSync(fixturePath('summary-legacy/samples.csv'), 'utf8');
const legacySummary = readFileSync(fixturePath('summary-legacy/summary.csv'), 'utf8');

/** The one trial of the legacy export, restored from its two files. */
function legacyTrial(summary = legacySummary): StorkTrialRecord {
  const { trials } = importStorkFiles(legacySamples, summary);
  expect(trials).toHaveLength(1);
  const record = trials[0]!.record;
  if (!isCompleteRecord(record)) throw new Error('the legacy trial is not complete');
  return record;
}

describe('roundHoldTimeS', () => {
  it('takes the noise of subtracting time stamps off, to the nanosecond', () => {
    // 12.127800000000743: a hold time the page stored (issue 14), 12.1278 s on the 0.1 ms clock.
    expect(roundHoldTimeS(12.127800000000743)).toBe(12.1278);
    expect(String(roundHoldTimeS(12.127800000000743))).toBe('12.1278');
    // Sensor Logger's clock is in ns: 7.2427734 s keeps every digit.
    expect(roundHoldTimeS(7.2427734)).toBe(7.2427734);
    expect(roundHoldTimeS(45)).toBe(45);
    expect(Object.is(roundHoldTimeS(-0), 0)).toBe(true);
    expect(roundHoldTimeS(Number.NaN)).toBeNaN();
  });

  it('is idempotent and moves a time by at most half the resolution', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (seconds) => {
        const rounded = roundHoldTimeS(seconds);
        expect(roundHoldTimeS(rounded)).toBe(rounded);
        // Half a nanosecond, and the rounding of the multiplication: one ulp of the value.
        const ulp = Math.abs(seconds) * Number.EPSILON;
        expect(Math.abs(rounded - seconds)).toBeLessThanOrEqual(HOLD_TIME_RESOLUTION_S / 2 + 2 * ulp);
      }),
    );
  });
});

describe('a summary written before the columns were renamed', () => {
  it('imports: condition read as the eyes, samples as samples_analysed, every number exactly', () => {
    // The legacy header has condition and samples, and no samples_received.
    const header = legacySummary.split('\r\n')[0]!.split(',');
    expect(header).toContain('condition');
    expect(header).toContain('samples');
    expect(header).not.toContain('samples_received');
    const table = readSummaryCsv(legacySummary);
    const cells = table.rows[0]!.cells;
    expect(cells['eyes']).toBe('closed');
    expect(cells['samples_analysed']).toBe(557);
    expect(cells['samples_received']).toBeUndefined();
    const record = legacyTrial();
    expect(record.setup).toEqual({
      stanceSide: 'right',
      eyes: 'closed',
      surface: 'foam',
      placement: 'chest',
      capS: 45,
    });
    // The file says 12.127800000000743: read back exactly as it is written.
    expect(record.holdTimeS).toBe(12.127800000000743);
    expect(record.samples.tS).toHaveLength(724);
    // The stored analysis is the samples' analysis, number for number (the file was written from
    // it), under the file's analysis version, 1: the history re-analyses it with the current one.
    expect(record.analysis).toEqual({ ...analyze(recordingOfSamples(record.samples)), analysisVersion: 1 });
  });

  it('written again has the new names, the hold time to the nanosecond, and reads back to the same trial', () => {
    const before = legacyTrial();
    const { summaryCsv } = exportTrialsCsv([before], { appVersion: '0.1.0', subjectOf: () => 'P-017' });
    const header = summaryCsv.split('\r\n')[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['eyes', 'samples_received', 'samples_analysed']));
    expect(header).not.toContain('condition');
    expect(header).not.toContain('samples');
    const cells = readSummaryCsv(summaryCsv).rows[0]!.cells;
    expect(cells['hold_time_s']).toBe(12.1278);
    expect(summaryCsv).toContain(',12.1278,');
    expect(summaryCsv).not.toContain('12.127800000000743');
    // 724 rows stored (what the page shows), 557 on the 50 Hz grid from 1 s to 12.13 s.
    expect(cells['samples_received']).toBe(724);
    expect(cells['samples_analysed']).toBe(557);
    expect(cells['eyes']).toBe('closed');
    const after = legacyTrial(summaryCsv);
    expect(after).toEqual({ ...before, holdTimeS: 12.1278 });
  });
});

describe('the byte-order mark for Excel', () => {
  it('starts the file with U+FEFF when asked, and the file reads back the same', () => {
    const record = legacyTrial();
    const meta = { appVersion: '0.1.0', subjectOf: () => 'Müller' };
    const plain = exportTrialsCsv([record], meta).summaryCsv;
    const marked = exportTrialsCsv([record], { ...meta, byteOrderMark: true }).summaryCsv;
    expect(plain.charCodeAt(0)).toBe('f'.charCodeAt(0));
    expect(marked.charCodeAt(0)).toBe(0xfeff);
    expect(marked.slice(1)).toBe(plain);
    expect(readSummaryCsv(marked)).toEqual(readSummaryCsv(plain));
    expect(readSummaryCsv(marked).columns[0]).toBe('file');
    expect(legacyTrial(marked)).toEqual(legacyTrial(plain));
    expect(new TextEncoder().encode(marked).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('the data dictionary (docs/summary-csv.md)', () => {
  it('describes every column the page and stork analyze write, and names none that is not written', () => {
    const dictionary = readFileSync(new URL('../../../docs/summary-csv.md', import.meta.url), 'utf8');
    // The first cell of each table row: one or more `column` names.
    const described = new Set(
      dictionary
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]!)),
    );
    const written = new Set([...trialSummaryColumns('both'), ...summaryColumns('generic')]);
    expect([...written].filter((name) => !described.has(name))).toEqual([]);
    expect([...described].filter((name) => !written.has(name))).toEqual([]);
  });
});
