/**
 * The CSV files of a zip archive: phyphox's "Export data: CSV zip" (one CSV per sensor and a
 * `meta/` folder) and Sensor Logger's zip export (one CSV per sensor and `Metadata.csv`).
 *
 * Unpacked with fflate (pure JavaScript, no dependencies, the same code in browsers, workers
 * and Node). Only `.csv` entries are unpacked; macOS's `__MACOSX/` copies are left out; each
 * entry's declared size is checked before it is inflated (fflate inflates into a buffer of that
 * size), so a small archive cannot expand into gigabytes.
 */
import { unzipSync } from 'fflate';
import { FormatError } from './format-error';

/** A file's name (its path inside the archive) and its text. */
export interface NamedText {
  name: string;
  text: string;
}

/** Largest CSV unpacked from an archive, bytes: an hour at 100 Hz of one sensor is about 30 MB. */
export const MAX_ZIP_ENTRY_BYTES = 256 * 1024 * 1024;
/** Largest sum of the unpacked CSVs, bytes. */
export const MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024;

/** True when the bytes start like a zip archive (local file header `PK\x03\x04`, or an empty archive's `PK\x05\x06`). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

/**
 * The `.csv` files of a zip archive, decoded as UTF-8 (a byte order mark removed),
 * in the archive's order.
 *
 * @throws FormatError `not a readable zip archive (...)`, `zip entry X is larger than 256 MB`,
 *   `zip archive unpacks to more than 512 MB`, `zip archive holds no CSV file`.
 */
export function unzipCsvFiles(bytes: Uint8Array): NamedText[] {
  let total = 0;
  let tooLarge: string | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (!isCsvEntry(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > MAX_ZIP_ENTRY_BYTES)
          tooLarge ??= `zip entry ${file.name} is larger than 256 MB`;
        else if (total > MAX_ZIP_TOTAL_BYTES) tooLarge ??= 'zip archive unpacks to more than 512 MB';
        return tooLarge === null;
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FormatError(null, `not a readable zip archive (${reason.split('\n')[0]})`);
  }
  if (tooLarge !== null) throw new FormatError(null, tooLarge);
  const decoder = new TextDecoder('utf-8');
  const files = Object.entries(entries).map(([name, data]) => ({ name, text: decoder.decode(data) }));
  if (files.length === 0) throw new FormatError(null, 'zip archive holds no CSV file');
  return files;
}

function isCsvEntry(name: string): boolean {
  return name.toLowerCase().endsWith('.csv') && !name.startsWith('__MACOSX/') && !name.includes('/._');
}
