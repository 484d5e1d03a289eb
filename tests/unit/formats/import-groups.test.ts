/**
 * Several files in one import (the page's picker and drop): which belong together
 * (import-groups.ts), and that a file that cannot be imported fails alone (import-files.ts).
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { FileFormat } from '../../../src/formats/detect-format';
import { groupImportFiles, type GroupableFile } from '../../../src/formats/import-groups';
import { importFiles } from '../../../src/formats/import-files';
import { importSources, type ImportSource } from '../../../src/formats/stream-import';
import { exportTrialsCsv } from '../../../src/formats/trial-export';
import type { StorkTrialRecord } from '../../../src/formats/trial-record';
import { fixturePath } from '../helpers/fixtures';

const fixture = (path: string) => readFileSync(fixturePath(path), 'utf8');

const file = (name: string, format: FileFormat, container: string | null = null): GroupableFile => ({
  name,
  format,
  container,
});

/** The groups as kind and file names, for comparing. */
function shape(files: GroupableFile[]): [string, string[]][] {
  return groupImportFiles(files).map((group) => [group.kind, group.files.map((f) => f.name)]);
}

/** Data rows of a plain CSV: its non-blank lines but the header (counted without Stork's reader). */
function dataRows(text: string): number {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1;
}

describe('groupImportFiles', () => {
  it("puts Stork's samples and summary files in one set, each sway CSV and single-file export alone", () => {
    expect(
      shape([
        file('a.csv', 'stork-samples'),
        file('plate1.csv', 'sway-2d'),
        file('b.csv', 'stork-samples'),
        file('summary.csv', 'stork-summary'),
        file('plate2.csv', 'sway-2d'),
        file('ubc1.csv', 'ubc-balance-test'),
        file('ubc2.csv', 'ubc-balance-test'),
        file('iphone.csv', 'coremotion-g'),
      ]),
    ).toEqual([
      ['stork', ['a.csv', 'b.csv', 'summary.csv']],
      ['sway', ['plate1.csv']],
      ['sway', ['plate2.csv']],
      ['recording', ['ubc1.csv']],
      ['recording', ['ubc2.csv']],
      ['recording', ['iphone.csv']],
    ]);
  });

  it("puts a sway CSV in Stork's set when a summary chosen with it lists one of its trial ids", () => {
    const ids: Record<string, string[]> = {
      'summary.csv': ['t1', 'fp-1'],
      'export-sway.csv': ['fp-1', 'fp-2'],
      'other-plate.csv': ['fp-9'],
      'no-ids.csv': [],
    };
    const files = [
      file('export-sway.csv', 'sway-2d'),
      file('other-plate.csv', 'sway-2d'),
      file('samples.csv', 'stork-samples'),
      file('no-ids.csv', 'sway-2d'),
      file('summary.csv', 'stork-summary'),
    ];
    const groups = groupImportFiles(files, (f) => ids[f.name] ?? []);
    expect(groups.map((group) => [group.kind, group.files.map((f) => f.name)])).toEqual([
      ['stork', ['export-sway.csv', 'samples.csv', 'summary.csv']],
      ['sway', ['other-plate.csv']],
      ['sway', ['no-ids.csv']],
    ]);
    // Without a summary listing it (or without the ids), a sway CSV is on its own, as before.
    expect(groupImportFiles(files.slice(0, 4), (f) => ids[f.name] ?? []).map((group) => group.kind)).toEqual([
      'sway',
      'sway',
      'stork',
      'sway',
    ]);
    expect(shape(files).map(([kind]) => kind)).toEqual(['sway', 'sway', 'stork', 'sway']);
  });

  it('makes the loose files of one app one recording, and each zip one recording', () => {
    expect(
      shape([
        file('TotalAcceleration.csv', 'sensor-logger'),
        file('Gyroscope.csv', 'sensor-logger'),
        file('Metadata.csv', 'sensor-logger-metadata'),
        file('Accelerometer.csv', 'phyphox', 'run1.zip'),
        file('meta/device.csv', 'phyphox-meta', 'run1.zip'),
        file('Accelerometer.csv', 'phyphox', 'run2.zip'),
        file('Gyroscope.csv', 'phyphox', 'run2.zip'),
        file('Raw Data.csv', 'phyphox'),
      ]),
    ).toEqual([
      ['recording', ['TotalAcceleration.csv', 'Gyroscope.csv', 'Metadata.csv']],
      ['recording', ['Accelerometer.csv', 'meta/device.csv']],
      ['recording', ['Accelerometer.csv', 'Gyroscope.csv']],
      ['recording', ['Raw Data.csv']],
    ]);
  });

  it("lists a loose file of no known format alone, and a zip's with the zip's recording", () => {
    expect(
      shape([
        file('notes.csv', 'unknown'),
        file('Light.csv', 'unknown', 'run.zip'),
        file('Accelerometer.csv', 'phyphox', 'run.zip'),
        file('other.csv', 'unknown', 'empty.zip'),
      ]),
    ).toEqual([
      ['unknown', ['notes.csv']],
      ['recording', ['Accelerometer.csv', 'Light.csv']],
      ['unknown', ['other.csv']],
    ]);
  });
});

describe('importFiles with several files', () => {
  const case00 = fixture('e2e/case00.csv');
  const case01 = fixture('demo/case01.csv');

  it('gives each Stork samples file its own trial (none has a trial_id column)', () => {
    const report = importFiles([
      { name: 'case00.csv', text: case00 },
      { name: 'case01.csv', text: case01 },
    ]);
    expect(report.failed).toEqual([]);
    expect(report.trials.map((trial) => trial.record.samples.tS.length)).toEqual([
      dataRows(case00),
      dataRows(case01),
    ]);
    expect(report.trials.map((trial) => trial.origin.files)).toEqual([['case00.csv'], ['case01.csv']]);
    // The same file twice is two trials too: nothing tells that they are the same.
    expect(
      importFiles([
        { name: 'a.csv', text: case00 },
        { name: 'b.csv', text: case00 },
      ]).trials,
    ).toHaveLength(2);
  });

  it('imports the good files and lists a malformed one with its line and reason; a sway CSV is left out', () => {
    const report = importFiles([
      { name: 'case00.csv', text: case00 },
      { name: 'text-in-number.csv', text: fixture('formats/text-in-number.csv') },
      { name: 'BDS00008.csv', text: fixture('cop/BDS00008.csv') },
      { name: 'case01.csv', text: case01 },
    ]);
    // Stork's files are one group (case00, case01), the sway CSV its own: a force-plate trial.
    expect(report.trials.map((trial) => trial.origin.files)).toEqual([
      ['case00.csv'],
      ['case01.csv'],
      ['BDS00008.csv'],
    ]);
    expect(report.trials[2]?.record.setup).toBeNull();
    expect(report.trials[2]?.record.sway?.ap.length).toBe(6000);
    // text-in-number.csv: line 4 is `20,abc,9.8,0.2`; one bad row in three is more than the
    // one in ten a Stork samples file may skip, so the file fails as a whole.
    expect(report.failed).toEqual([
      {
        file: 'text-in-number.csv',
        line: 4,
        reason: 'ax is not a number ("abc")',
        message: 'text-in-number.csv: line 4: ax is not a number ("abc")',
        alsoNotImported: [],
      },
    ]);
    expect(report.ignored).toEqual([]);
  });

  it('says which rows of a partly bad Stork file it skipped, and imports the rest', () => {
    const lines = case00.split('\n');
    lines[10] = '135.5,1.2,oops,-0.8,0.1,0,-0.4';
    const report = importFiles([{ name: 'case00.csv', text: lines.join('\n') }]);
    expect(report.failed).toEqual([]);
    expect(report.trials[0]?.record.samples.tS.length).toBe(dataRows(case00) - 1);
    expect(report.skippedCount).toBe(1);
    expect(report.skipped).toEqual([{ line: 11, reason: 'ay is not a number ("oops")', file: 'case00.csv' }]);
  });

  describe("Stork's exports of two people, each a samples and a summary file", () => {
    const [first, second] = importFiles([
      { name: 'case00.csv', text: case00 },
      { name: 'case01.csv', text: case01 },
    ]).trials.map((trial, i): StorkTrialRecord => ({
      ...trial.record,
      id: `trial-${i}`,
      setup: {
        stanceSide: i === 0 ? 'left' : 'right',
        eyes: 'open',
        surface: 'firm',
        placement: 'chest',
        capS: 45,
      },
      startedAt: `2026-11-0${i + 1}T10:00:00.000+01:00`,
    }));
    const a = exportTrialsCsv([first!], { appVersion: '0.1.0', subjectOf: () => 'A' });
    const b = exportTrialsCsv([second!], { appVersion: '0.1.0', subjectOf: () => 'B' });

    it('restores both trials exactly, each from its own two files', () => {
      const report = importFiles([
        { name: 'a-samples.csv', text: a.samplesCsv },
        { name: 'b-samples.csv', text: b.samplesCsv },
        { name: 'a-summary.csv', text: a.summaryCsv },
        { name: 'b-summary.csv', text: b.summaryCsv },
      ]);
      expect(report.failed).toEqual([]);
      expect(report.trials.map((trial) => trial.record)).toEqual([first, second]);
      expect(report.trials.map((trial) => trial.origin.files)).toEqual([
        ['a-samples.csv', 'a-summary.csv'],
        ['b-samples.csv', 'b-summary.csv'],
      ]);
    });

    it('fails a samples file whose trial id an earlier file has, and keeps the rest', () => {
      const report = importFiles([
        { name: 'a-samples.csv', text: a.samplesCsv },
        { name: 'again.csv', text: a.samplesCsv },
        { name: 'a-summary.csv', text: a.summaryCsv },
      ]);
      expect(report.trials.map((trial) => trial.record)).toEqual([first]);
      expect(report.failed.map((failed) => failed.message)).toEqual([
        'again.csv: line 2: trial_id "trial-0" is also in a-samples.csv',
      ]);
    });

    it('fails a summary whose trial has no samples; the samples are still imported, to be completed', () => {
      const report = importFiles([
        { name: 'b-samples.csv', text: b.samplesCsv },
        { name: 'a-summary.csv', text: a.summaryCsv },
      ]);
      expect(report.failed.map((failed) => failed.message)).toEqual([
        'a-summary.csv: line 2: trial "trial-0" has no rows in the samples file',
      ]);
      expect(report.trials.map((trial) => [trial.record.id, trial.record.setup])).toEqual([
        ['trial-1', null],
      ]);
    });
  });
});

describe('an imported recording of another app says which app', () => {
  it('keeps the app in importedFrom, and the summary CSV carries it back', () => {
    const [trial] = importFiles([
      {
        name: 'TotalAcceleration.csv',
        text: fixture('sensorlogger/malimsZen_SM-N986B_TotalAcceleration.csv'),
      },
      { name: 'Metadata.csv', text: fixture('sensorlogger/malimsZen_SM-N986B_Metadata.csv') },
    ]).trials;
    expect(trial?.record.importedFrom).toBe('Sensor Logger');
    expect(trial?.record.source).toBe('sensor');
    const record: StorkTrialRecord = {
      ...trial!.record,
      id: 'x',
      setup: { stanceSide: 'left', eyes: 'closed', surface: 'foam', placement: 'lumbar', capS: 30 },
      startedAt: trial!.record.startedAt as string,
    };
    const files = exportTrialsCsv([record], { appVersion: '0.1.0' });
    expect(files.summaryCsv.split('\r\n')[0]?.split(',')).toContain('imported_from');
    const back = importFiles([
      { name: 'samples.csv', text: files.samplesCsv },
      { name: 'summary.csv', text: files.summaryCsv },
    ]);
    expect(back.trials.map((t) => t.record)).toEqual([record]);
  });
});

describe('importSources gives what importFiles gives for several files, broken ones too', () => {
  it('streamed loose files, and a zip of a phyphox recording next to them', async () => {
    const texts = [
      { name: 'case00.csv', text: fixture('e2e/case00.csv') },
      { name: 'text-in-number.csv', text: fixture('formats/text-in-number.csv') },
      { name: 'notes.csv', text: 'just,some\nwords,here\n' },
    ];
    const phyphox = [
      { name: 'Accelerometer.csv', text: fixture('phyphox/kartof0nix_Accelerometer_semicolon.csv') },
      { name: 'meta/device.csv', text: fixture('phyphox/kartof0nix_meta_device.csv') },
    ];
    const sources: ImportSource[] = [
      ...texts.map((t) => ({
        name: t.name,
        text: new ReadableStream<string>({
          start(controller) {
            for (let at = 0; at < t.text.length; at += 4096) controller.enqueue(t.text.slice(at, at + 4096));
            controller.close();
          },
        }),
      })),
      {
        name: 'run.zip',
        zip: zipSync(Object.fromEntries(phyphox.map((f) => [f.name, strToU8(f.text)]))),
      },
      { name: 'broken.zip', zip: strToU8('PK\x03\x04 and nothing') },
    ];
    const streamed = await importSources(sources);
    const whole = importFiles([...texts, ...phyphox]);
    expect(streamed.trials).toEqual(whole.trials);
    expect(streamed.trials.map((t) => t.origin.format)).toEqual(['stork-samples', 'phyphox']);
    expect(streamed.ignored).toEqual(['notes.csv: not a format Stork reads']);
    expect(streamed.failed.map((f) => [f.file, f.line])).toEqual([
      ['text-in-number.csv', 4],
      ['broken.zip', null],
    ]);
    expect(streamed.failed[1]?.reason).toMatch(/^not a readable zip archive/);
  });
});
