import { describe, expect, it, vi } from 'vitest';
import {
  chosenExportFileName,
  deliverFiles,
  deliveryFor,
  exportFileName,
  fileNameSafe,
  trialStamp,
  type NamedTrial,
  type ShareNavigator,
} from '../../../src/ui/export-files';

const csv = (name: string): File => new File(['a,b\n1,2\n'], name, { type: 'text/csv' });

describe('export file names', () => {
  it('say who, what and when, with the name made file-name-safe', () => {
    const day = new Date(2026, 10, 21, 9, 30); // local time: the date the person sees
    expect(exportFileName('P-017', 'summary', day)).toBe('stork-P-017-summary-2026-11-21.csv');
    expect(exportFileName('Zoë O’Brien / left knee', 'samples', day)).toBe(
      'stork-Zoë-O-Brien-left-knee-samples-2026-11-21.csv',
    );
    expect(exportFileName(null, 'summary', new Date(2027, 0, 5))).toBe(
      'stork-everyone-summary-2027-01-05.csv',
    );
  });

  it('keep no path separators, dots or control characters, and never an empty name', () => {
    expect(fileNameSafe('../../etc/passwd')).toBe('etc-passwd');
    expect(fileNameSafe('a\u0000b\tc:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(fileNameSafe('...')).toBe('all');
    expect(fileNameSafe('x'.repeat(60))).toHaveLength(40);
  });
});

describe('file names of chosen trials', () => {
  const trial = (who: string | null, stanceSide: 'left' | 'right', startedAt: string): NamedTrial => ({
    who,
    stanceSide,
    startedAt,
  });

  it('name one trial by person, leg and the local date-time it was started (as recorded, offset left out)', () => {
    // startedAt is the clock time where the test was done: 10:15:02 at +01:00 stays 10-15-02.
    expect(
      chosenExportFileName([trial('P-017 Zoë', 'right', '2026-11-21T10:15:02.250+01:00')], 'samples'),
    ).toBe('stork-P-017-Zoë-right-2026-11-21T10-15-02-samples.csv');
    expect(chosenExportFileName([trial(null, 'left', '2026-03-05T08:00-05:00')], 'summary')).toBe(
      'stork-unknown-person-left-2026-03-05T08-00-00-summary.csv',
    );
  });

  it('name several by person or "several people", how many, and the days from first to last', () => {
    const three = [
      trial('A/B', 'left', '2026-11-21T10:15:02+01:00'),
      trial('A/B', 'right', '2026-11-02T18:40:00+01:00'),
      trial('A/B', 'left', '2026-11-09T07:05:59+01:00'),
    ];
    // In any order: the earliest day (2 Nov) to the latest (21 Nov).
    expect(chosenExportFileName(three, 'samples')).toBe(
      'stork-A-B-3-trials-samples-2026-11-02-to-2026-11-21.csv',
    );
    expect(
      chosenExportFileName([three[0]!, trial('C', 'left', '2026-11-21T11:00:00+01:00')], 'summary'),
    ).toBe('stork-several-people-2-trials-summary-2026-11-21.csv');
  });

  it('keep a date-time that is not ISO 8601 file-name-safe, and refuse to name no trials', () => {
    expect(trialStamp('21/11/2026 10:15')).toBe('21-11-2026-10-15');
    expect(() => chosenExportFileName([], 'samples')).toThrow(RangeError);
  });
});

describe('share or download', () => {
  const files = [csv('stork-A-summary-2026-11-21.csv')];

  it('shares only where the browser says it can share these files', () => {
    expect(deliveryFor({}, files)).toBe('download');
    expect(deliveryFor({ share: () => Promise.resolve() }, files)).toBe('download');
    expect(deliveryFor({ share: () => Promise.resolve(), canShare: () => false }, files)).toBe('download');
    expect(deliveryFor({ share: () => Promise.resolve(), canShare: () => true }, files)).toBe('share');
    const throws: ShareNavigator = {
      share: () => Promise.resolve(),
      canShare: () => {
        throw new TypeError('files not supported');
      },
    };
    expect(deliveryFor(throws, files)).toBe('download');
  });

  it('hands the files to navigator.share, or downloads each', async () => {
    const share = vi.fn(() => Promise.resolve());
    const download = vi.fn();
    await expect(deliverFiles(files, { share, canShare: () => true }, download)).resolves.toBe('shared');
    expect(share).toHaveBeenCalledWith({ files, title: 'stork-A-summary-2026-11-21.csv' });
    expect(download).not.toHaveBeenCalled();

    const two = [...files, csv('stork-A-samples-2026-11-21.csv')];
    await expect(deliverFiles(two, {}, download)).resolves.toBe('downloaded');
    expect(download.mock.calls.map(([file]) => (file as File).name)).toEqual([
      'stork-A-summary-2026-11-21.csv',
      'stork-A-samples-2026-11-21.csv',
    ]);
  });

  it('says cancelled when the person closes the share sheet, and downloads when sharing fails', async () => {
    const download = vi.fn();
    const cancelled = (): Promise<void> => Promise.reject(new DOMException('closed', 'AbortError'));
    await expect(deliverFiles(files, { share: cancelled, canShare: () => true }, download)).resolves.toBe(
      'cancelled',
    );
    expect(download).not.toHaveBeenCalled();
    const refused = (): Promise<void> => Promise.reject(new DOMException('no', 'NotAllowedError'));
    await expect(deliverFiles(files, { share: refused, canShare: () => true }, download)).resolves.toBe(
      'downloaded',
    );
    expect(download).toHaveBeenCalledTimes(1);
  });
});
