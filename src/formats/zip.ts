/**
 * The CSV files of a zip archive: phyphox's "Export data: CSV zip" (one CSV per sensor and a
 * `meta/` folder) and Sensor Logger's zip export (one CSV per sensor and `Metadata.csv`).
 *
 * The archive's directory (PKWARE APPNOTE 6.3.10, sections 4.3.12 and 4.3.16) is read here, so
 * that a hostile archive is refused before any work: more than MAX_ZIP_ENTRIES entries, entries
 * whose data overlap (an "overlapping" zip bomb makes one small deflate stream count as many
 * large files) or lie outside the archive. Entries are inflated with fflate's streaming
 * `Inflate` (pure JavaScript, the same in browsers, workers and Node) in small parts, counting
 * the bytes it gives: an entry that unpacks to more than its header says, or past
 * MAX_ZIP_ENTRY_BYTES / MAX_ZIP_TOTAL_BYTES, stops there. Only `.csv` entries are unpacked;
 * macOS's `__MACOSX/` copies are left out.
 */
import { Inflate } from 'fflate';
import { MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_TOTAL_BYTES } from '../core/limits';
import { FormatError } from './format-error';

/** A file's name (its path inside the archive) and its text. */
export interface NamedText {
  name: string;
  text: string;
}

/** True when the bytes start like a zip archive (local file header `PK\x03\x04`, or an empty archive's `PK\x05\x06`). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Fixed sizes of the records (APPNOTE 4.3.16, 4.3.12, 4.3.7), bytes. */
const END_OF_DIRECTORY_SIZE = 22;
const DIRECTORY_ENTRY_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
/** The end record's comment is at most 65535 bytes: the record starts no further from the end. */
const MAX_END_SEARCH = END_OF_DIRECTORY_SIZE + 0xffff;
/** A 32-bit size or offset of 0xFFFFFFFF means "in the zip64 record" (archives over 4 GB). */
const ZIP64_MARK = 0xffffffff;
/** Compressed bytes given to the inflater at a time: it then gives at most ~1032 times that (deflate's largest ratio), 4 MB. */
const INFLATE_PART_BYTES = 4096;
/** General-purpose flag bits (APPNOTE 4.4.4): bit 0 encrypted, bit 11 UTF-8 names. */
const FLAG_ENCRYPTED = 1;
const FLAG_UTF8 = 0x800;

/** One entry of the archive's directory. */
interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
}

/**
 * The `.csv` files of a zip archive, decoded as UTF-8 (a byte order mark removed),
 * in the archive's order.
 *
 * @throws FormatError `not a readable zip archive (...)`, `zip archive has more than 1000
 *   entries`, `zip entries overlap (a zip bomb?)`, `zip entry X unpacks to more than its
 *   header says (a zip bomb?)`, `zip entry X is larger than 256 MB`, `zip archive unpacks to
 *   more than 512 MB`, `zip archive holds no CSV file`.
 */
export function unzipCsvFiles(bytes: Uint8Array): NamedText[] {
  const entries = readDirectory(bytes);
  checkNoOverlap(entries, bytes);
  const decoder = new TextDecoder('utf-8');
  const files: NamedText[] = [];
  let total = 0;
  for (const entry of entries) {
    if (!isCsvEntry(entry.name)) continue;
    if (entry.size > MAX_ZIP_ENTRY_BYTES)
      throw new FormatError(null, `zip entry ${entry.name} is larger than 256 MB`);
    total += entry.size;
    if (total > MAX_ZIP_TOTAL_BYTES) throw new FormatError(null, 'zip archive unpacks to more than 512 MB');
    files.push({ name: entry.name, text: decoder.decode(entryBytes(bytes, entry)) });
  }
  if (files.length === 0) throw new FormatError(null, 'zip archive holds no CSV file');
  return files;
}

function unreadable(reason: string): FormatError {
  return new FormatError(null, `not a readable zip archive (${reason})`);
}

/** The entries of the archive's central directory, in its order. */
function readDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  let end = bytes.length - END_OF_DIRECTORY_SIZE;
  const last = Math.max(0, bytes.length - MAX_END_SEARCH);
  while (end >= last && u32OrNaN(view, end) !== END_OF_DIRECTORY) end--;
  if (end < last) throw unreadable('no end of central directory');
  const count = u16(end + 10);
  const directoryOffset = u32(end + 16);
  if (count === 0xffff || directoryOffset === ZIP64_MARK) throw unreadable('zip64 archives are not read');
  if (count > MAX_ZIP_ENTRIES)
    throw new FormatError(null, `zip archive has more than ${MAX_ZIP_ENTRIES} entries`);
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + DIRECTORY_ENTRY_SIZE > end || u32(at) !== DIRECTORY_ENTRY)
      throw unreadable('broken central directory');
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const next = at + DIRECTORY_ENTRY_SIZE + nameLength + u16(at + 30) + u16(at + 32);
    if (next > end) throw unreadable('broken central directory');
    const nameBytes = bytes.subarray(at + DIRECTORY_ENTRY_SIZE, at + DIRECTORY_ENTRY_SIZE + nameLength);
    const entry: ZipEntry = {
      name: new TextDecoder((flags & FLAG_UTF8) !== 0 ? 'utf-8' : 'latin1').decode(nameBytes),
      method: u16(at + 10),
      flags,
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      offset: u32(at + 42),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.size === ZIP64_MARK || entry.offset === ZIP64_MARK)
      throw unreadable('zip64 archives are not read');
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** The 32-bit little-endian word at `at`, NaN past the end. */
function u32OrNaN(view: DataView, at: number): number {
  return at >= 0 && at + 4 <= view.byteLength ? view.getUint32(at, true) : NaN;
}

/** Where an entry's data start, after its local header. */
function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + LOCAL_HEADER_SIZE > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER)
    throw unreadable(`no local header for ${entry.name}`);
  return at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

/**
 * Each entry's bytes (local header and data) must lie inside the archive and apart from every
 * other's: a zip writer puts them one after the other, an overlapping zip bomb (Fifield 2019)
 * points many entries at the same data.
 */
function checkNoOverlap(entries: readonly ZipEntry[], bytes: Uint8Array): void {
  const spans = entries.map((entry) => ({
    from: entry.offset,
    to: dataStart(bytes, entry) + entry.compressedSize,
  }));
  spans.sort((a, b) => a.from - b.from);
  let lastEnd = 0;
  for (const span of spans) {
    if (span.to > bytes.length) throw unreadable('an entry runs past the end of the archive');
    if (span.from < lastEnd) throw new FormatError(null, 'zip entries overlap (a zip bomb?)');
    lastEnd = span.to;
  }
}

/** One entry unpacked, checked against its declared size while it inflates. */
function entryBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if ((entry.flags & FLAG_ENCRYPTED) !== 0) throw unreadable(`${entry.name} is encrypted`);
  const start = dataStart(bytes, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw unreadable(`${entry.name} is not the size its header says`);
    return data.slice();
  }
  if (entry.method !== 8)
    throw unreadable(`${entry.name}: compression method ${entry.method} is not supported`);
  const out = new Uint8Array(entry.size);
  let filled = 0;
  let tooLarge = false;
  const inflater = new Inflate((chunk) => {
    if (tooLarge || filled + chunk.length > out.length) {
      tooLarge = true;
      return;
    }
    out.set(chunk, filled);
    filled += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && !tooLarge; at += INFLATE_PART_BYTES) {
      const part = data.subarray(at, at + INFLATE_PART_BYTES);
      inflater.push(part, at + INFLATE_PART_BYTES >= data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw unreadable(`${entry.name}: ${reason.split('\n')[0]}`);
  }
  if (tooLarge)
    throw new FormatError(null, `zip entry ${entry.name} unpacks to more than its header says (a zip bomb?)`);
  if (filled !== entry.size) throw unreadable(`${entry.name} unpacks to less than its header says`);
  return out;
}

function isCsvEntry(name: string): boolean {
  return name.toLowerCase().endsWith('.csv') && !name.startsWith('__MACOSX/') && !name.includes('/._');
}
