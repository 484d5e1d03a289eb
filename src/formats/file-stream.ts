/**
 * Reading a file in parts, so that a large one (50 MB, an hour of 100 Hz samples) never has to
 * be one string and the page can show progress: push the text as it arrives (from a Web
 * Worker, see worker-entry.ts), then `end()`. The result is exactly what `readFileContents`
 * gives for the whole text, whatever the sizes of the parts (tested for every part size).
 *
 * Parts are cut after a line break that lies outside double quotes (quote parity: RFC 4180
 * doubles a quote inside a quoted cell, which keeps the parity), and never between the CR and
 * LF of a CRLF; the format is decided from the header and first data row, then each cut part
 * goes to the same table reader as a whole text (csv-table.ts), with its first line number.
 * Small files that are not tables of samples (a summary CSV, metadata) are kept and read whole
 * at the end.
 */
import { createCsvTableReader, type CsvTableReader } from './csv-table';
import { stripByteOrderMark } from './csv-text';
import { detectFormat } from './detect-format';
import {
  planFileContents,
  readFileContents,
  readSmallFile,
  type FileContents,
  type ReadFileOptions,
} from './read-file';
import type { TablePlan } from './table-plan';

/** How far the reading is. */
export interface StreamProgress {
  /** Characters pushed so far. */
  chars: number;
  /** Data rows read so far (0 until the format is known, and for files read whole). */
  rows: number;
}

export interface FileStreamOptions extends ReadFileOptions {
  /** Called after each push. */
  onProgress?: (progress: StreamProgress) => void;
}

export interface FileStream {
  /** The next part of the text. @throws FormatError as soon as the header or a row is wrong. */
  push(chunk: string): void;
  /** The file's contents. @throws FormatError as `readFileContents`. */
  end(): FileContents;
}

const CHAR_QUOTE = 34;
const CHAR_LF = 10;
const CHAR_CR = 13;

/** Non-blank lines the start must hold before the format is decided: the header and the first data row. */
const START_LINES = 2;

/** A stream reader for one file (its name tells other apps' sensor files apart). */
export function createFileStream(fileName: string, options: FileStreamOptions = {}): FileStream {
  let pending = '';
  let scanned = 0; // characters of `pending` already scanned for line breaks
  let inQuotes = false; // quote parity at `scanned`
  let started = false; // BOM handled
  let head = ''; // whole lines kept until the format is decided
  let nextLine = 1;
  let chars = 0;
  let mode: 'start' | 'table' | 'whole' = 'start';
  let plan: TablePlan<FileContents> | null = null;
  let reader: CsvTableReader | null = null;

  /** The end of the last whole line of `pending` outside quotes, or -1. */
  const lastCut = (): number => {
    let cut = -1;
    let i = scanned;
    for (; i < pending.length; i++) {
      const code = pending.charCodeAt(i);
      if (code === CHAR_QUOTE) inQuotes = !inQuotes;
      else if (!inQuotes && code === CHAR_LF) cut = i + 1;
      else if (!inQuotes && code === CHAR_CR) {
        if (i + 1 === pending.length) break; // a CRLF may be split here: look again with the next part
        if (pending.charCodeAt(i + 1) !== CHAR_LF) cut = i + 1;
      }
    }
    scanned = i;
    return cut;
  };

  const feed = (text: string) => {
    (reader as CsvTableReader).read(text, nextLine);
    nextLine += countLineBreaks(text);
  };

  /** Decides the format once the start holds enough lines (or at the end, with what there is). */
  const decide = (atEnd: boolean) => {
    if (!atEnd && countNonBlankLines(head) < START_LINES) return;
    plan = planFileContents(head, fileName, options);
    if (plan === null) {
      mode = 'whole';
      return;
    }
    mode = 'table';
    reader = createCsvTableReader(plan.request);
    const text = head;
    head = '';
    feed(text);
  };

  return {
    push(chunk) {
      chars += chunk.length;
      pending += chunk;
      if (!started && pending.length > 0) {
        pending = stripByteOrderMark(pending);
        started = true;
      }
      if (mode !== 'whole') {
        const cut = lastCut();
        if (cut > 0) {
          const whole = pending.slice(0, cut);
          pending = pending.slice(cut);
          scanned -= cut;
          if (mode === 'start') {
            head += whole;
            decide(false);
          } else feed(whole);
        }
      }
      options.onProgress?.({ chars, rows: reader?.rowCount() ?? 0 });
    },
    end() {
      if (mode === 'start') {
        // A file shorter than its start: read as a whole text, as readFileContents does.
        return readFileContents(head + pending, fileName, options);
      }
      if (mode === 'whole') return readSmallFile(head + pending, detectFormat(head));
      if (pending !== '') feed(pending);
      pending = '';
      return (plan as TablePlan<FileContents>).finish((reader as CsvTableReader).finish());
    },
  };
}

/**
 * Reads a stream of text (e.g. `file.stream().pipeThrough(new TextDecoderStream())`) part by
 * part, letting other work run between parts.
 */
export async function readFileStream(
  stream: ReadableStream<string>,
  fileName: string,
  options: FileStreamOptions = {},
): Promise<FileContents> {
  const file = createFileStream(fileName, options);
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      file.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return file.end();
}

/** Line breaks in the text: CRLF, LF and a lone CR each count once. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CHAR_LF) count++;
    else if (code === CHAR_CR && text.charCodeAt(i + 1) !== CHAR_LF) count++;
  }
  return count;
}

/** Lines with something but spaces and tabs on them (the text ends with a line break). */
function countNonBlankLines(text: string): number {
  let count = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CHAR_LF || code === CHAR_CR) {
      if (!blank) count++;
      blank = true;
    } else if (code !== 32 && code !== 9) blank = false;
  }
  return count + (blank ? 0 : 1);
}
