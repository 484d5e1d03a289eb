import { describe, expect, it, vi } from 'vitest';
import {
  deliverFiles,
  deliveryFor,
  exportFileName,
  fileNameSafe,
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
