/**
 * An import read part by part: each file's text streamed through file-stream.ts (a zip is
 * unpacked whole: fflate needs its central directory, at the end of the archive), then the
 * files combined as `importFiles` does. Pure: the page's worker (worker-entry.ts) turns its
 * `File`s into these sources and posts the progress.
 */
import { createFileStream } from './file-stream';
import { FormatError } from './format-error';
import {
  NOT_A_FORMAT_STORK_READS,
  ignoredByName,
  importReadFiles,
  isNotAFormat,
  readImportFile,
  type ImportReport,
  type ReadFile,
} from './import-files';
import { baseName } from './sensor-file';
import { unzipCsvFiles } from './zip';

/** One file to import: its text as a stream, or (a zip) its bytes. */
export type ImportSource = { name: string; text: ReadableStream<string> } | { name: string; zip: Uint8Array };

/** Progress of one file: characters read so far, and its data rows. */
export interface ImportProgress {
  file: string;
  chars: number;
  rows: number;
}

/**
 * Reads the sources of one import (see import-files.ts for the rule).
 *
 * @throws FormatError naming the file; nothing is imported then.
 */
export async function importSources(
  sources: readonly ImportSource[],
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const read: ReadFile[] = [];
  const expanded = sources.length > 1 || sources.some((source) => 'zip' in source);
  for (const source of sources) {
    if ('zip' in source) {
      const files = unzipCsvFiles(source.zip);
      read.push(...files.map((file) => readImportFile(file, true)));
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

async function readStreamedFile(
  name: string,
  text: ReadableStream<string>,
  inGroup: boolean,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ReadFile> {
  const byName = inGroup ? ignoredByName(name) : null;
  if (byName !== null) {
    await text.cancel();
    return { name, contents: null, ignoredReason: byName };
  }
  const stream = createFileStream(name, {
    storkBadRows: 'skip',
    onProgress: ({ chars, rows }) => onProgress?.({ file: name, chars, rows }),
  });
  const reader = text.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      stream.push(value);
    }
    return { name, contents: stream.end(), ignoredReason: null };
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    if (inGroup && isNotAFormat(error)) {
      await reader.cancel();
      return { name, contents: null, ignoredReason: NOT_A_FORMAT_STORK_READS };
    }
    await reader.cancel();
    throw error.inFile(baseName(name));
  } finally {
    reader.releaseLock();
  }
}
