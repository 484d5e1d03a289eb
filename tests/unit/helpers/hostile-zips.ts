/**
 * Hostile zip archives built from a real entry, as a zip bomb would be: entries that lie about
 * their sizes, entries that overlap (Fifield 2019, "A better zip bomb"), too many entries.
 * Built with fflate's zipSync (a valid archive), then its directory rewritten byte by byte
 * (PKWARE APPNOTE 6.3.10, 4.3.7 local header, 4.3.12 directory entry, 4.3.16 end record).
 */
import { zipSync } from 'fflate';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Where the end record, and the first directory entry, are. */
function layout(bytes: Uint8Array): { end: number; directory: number; count: number } {
  const v = view(bytes);
  let end = bytes.length - 22;
  while (v.getUint32(end, true) !== END) end--;
  return { end, directory: v.getUint32(end + 16, true), count: v.getUint16(end + 10, true) };
}

/** One deflated entry (level 9) of `name` holding `text`. */
export function zipOfOne(name: string, data: Uint8Array): Uint8Array {
  return zipSync({ [name]: [data, { level: 9 }] });
}

/**
 * The archive with every entry's uncompressed size set to `declared` in both the local header
 * and the directory: the entry unpacks to more (or less) than it says.
 */
export function withLyingSizes(bytes: Uint8Array, declared: number): Uint8Array {
  const out = bytes.slice();
  const v = view(out);
  const { directory, count } = layout(out);
  let at = directory;
  for (let i = 0; i < count; i++) {
    if (v.getUint32(at, true) !== CENTRAL) throw new Error('not a directory entry');
    v.setUint32(at + 24, declared, true);
    const local = v.getUint32(at + 42, true);
    if (v.getUint32(local, true) !== LOCAL) throw new Error('not a local header');
    v.setUint32(local + 22, declared, true);
    at += 46 + v.getUint16(at + 28, true) + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return out;
}

/**
 * An archive of one real entry whose directory lists it `copies` times under other names
 * (`copy1.csv`...), all pointing at the same local header and data: an overlapping zip bomb.
 */
export function withOverlappingCopies(bytes: Uint8Array, copies: number): Uint8Array {
  const { end, directory } = layout(bytes);
  const first = bytes.subarray(directory, directory + 46);
  const entries: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for (let i = 1; i <= copies; i++) {
    const name = encoder.encode(`copy${i}.csv`);
    const entry = new Uint8Array(46 + name.length);
    entry.set(first);
    const ev = view(entry);
    ev.setUint16(28, name.length, true);
    ev.setUint16(30, 0, true);
    ev.setUint16(32, 0, true);
    entry.set(name, 46);
    entries.push(entry);
  }
  const directorySize = entries.reduce((sum, entry) => sum + entry.length, 0);
  const out = new Uint8Array(directory + directorySize + 22);
  out.set(bytes.subarray(0, directory));
  let at = directory;
  for (const entry of entries) {
    out.set(entry, at);
    at += entry.length;
  }
  out.set(bytes.subarray(end, end + 22), at);
  const ov = view(out);
  ov.setUint16(at + 8, copies & 0xffff, true);
  ov.setUint16(at + 10, copies & 0xffff, true);
  ov.setUint32(at + 12, directorySize, true);
  ov.setUint32(at + 16, directory, true);
  return out;
}

/** A valid archive of `count` tiny entries (`e1.txt`...): more entries than any export has. */
export function zipOfManyEntries(count: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let i = 1; i <= count; i++) files[`e${i}.txt`] = new Uint8Array([48]);
  return zipSync(files, { level: 0 });
}
