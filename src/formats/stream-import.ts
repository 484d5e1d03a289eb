/**
 * An import read part by part: each file's text streamed through file-stream.ts (a zip is
 * unpacked whole: fflate needs its central directory, at the end of the archive), then the
 * files combined as `importFiles` does. Pure: the page's worker (worker-entry.ts) turns its
 * `File`s into these sources and posts the progress.
 */
import { detectFormat, type FileFormat } from './detect-format';
import { createFileStream } from './file-stream';
import {
  failedRead,
  ignoredByName,
  importReadFiles,
  readImportFile,
  type ImportReport,
  type ReadFile,
} from './import-files';
import { unzipCsvFiles, type NamedText } from './zip';

/** One file to import: its text as a stream, or (a zip) its bytes. */
export type ImportSource = { name: string; text: ReadableStream<string> } | { name: string; zip: Uint8Array };

/** Progress of one file: characters read so far, and its data rows. */
export interface ImportProgress {
  file: string;
  chars: number;
  rows: number;
}

/**
 * Reads the sources of one import (see import-files.ts for the rule). A file (or zip) that
 * cannot be read is in the report's `failed`; the others are still imported.
 */
export async function importSources(
  sources: readonly ImportSource[],
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const read: ReadFile[] = [];
  const expanded = sources.length > 1 || sources.some((source) => 'zip' in source);
  for (const source of sources) {
    if ('zip' in source) {
      let files: NamedText[];
      try {
        files = unzipCsvFiles(source.zip);
      } catch (error) {
        read.push({
          name: source.name,
          format: 'unknown',
          container: null,
          contents: null,
          ...failedRead(error, false, source.name),
        });
        continue;
      }
      read.push(...files.map((file) => readImportFile(file, true, source.name)));
      onProgress?.({
        file: source.name,
        chars: files.reduce((sum, file) => sum + file.text.length, 0),
        rows: 0,
      });
    } else {
      read.push(await readStreamedFile(source.name, source.text, expanded, onProgress));
    }
  }
  return importReadFiles(read);
}

/** Characters kept from a file's first one that is not white space, to detect its format (its header line is in them). */
const HEAD_CHARS = 64 * 1024;

async function readStreamedFile(
  name: string,
  text: ReadableStream<string>,
  inGroup: boolean,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ReadFile> {
  const reader = text.getReader();
  let head = '';
  let format: FileFormat | null = null;
  /** The format, once the head holds a whole non-blank line (or the file is read). */
  const detect = (atEnd: boolean) => {
    if (format === null && (atEnd || head.length >= HEAD_CHARS || /\S[^\n\r]*[\n\r]/.test(head)))
      format = detectFormat(head);
  };
  const stream = createFileStream(name, {
    storkBadRows: 'skip',
    onProgress: ({ chars, rows }) => onProgress?.({ file: name, chars, rows }),
  });
  const byName = inGroup ? ignoredByName(name) : null;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (format === null) {
        // White space before the header is not kept (a hostile file had 1.6 million blank
        // lines: a head of its first 64 KiB held no header), so the head starts at the header.
        head = (head === '' ? value.trimStart() : head + value).slice(0, HEAD_CHARS);
        detect(false);
      }
      if (byName !== null) {
        if (format === null) continue;
        await reader.cancel();
        return leftOut(name, format, byName);
      }
      stream.push(value);
    }
    detect(true);
    if (byName !== null) return leftOut(name, format ?? 'unknown', byName);
    return { ...leftOut(name, format ?? 'unknown', null), contents: stream.end() };
  } catch (error) {
    await reader.cancel();
    detect(true);
    return { ...leftOut(name, format ?? 'unknown', null), ...failedRead(error, inGroup, name) };
  } finally {
    reader.releaseLock();
  }
}

function leftOut(name: string, format: FileFormat, ignoredReason: string | null): ReadFile {
  return { name, format, container: null, contents: null, ignoredReason, error: null };
}
