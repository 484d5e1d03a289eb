/**
 * Reading a file in parts, so that a large one (50 MB, an hour of 100 Hz samples) never has to
 * be one string and the page can show progress: push the text as it arrives (from a Web
 * Worker, see worker-entry.ts), then `end()`. The result is exactly what `readFileContents`
 * gives for the whole text, whatever the sizes of the parts (tested for every part size).
 *
 * The format is decided from the header and the first data row; then the text is cut after
 * each row break (RowBreakScanner: outside quoted cells as papaparse reads them, never between
 * the CR and LF of a CRLF) and each cut part goes to the same table reader as a whole text
 * (csv-table.ts), with its first line number.
 * Small files that are not tables of samples (a summary CSV, metadata) are kept and read whole
 * at the end.
 */
import { createCsvTableReader, type CsvTableReader } from './csv-table';
import { RowBreakScanner, stripByteOrderMark } from './csv-text';
import { detectFormat } from './detect-format';
import {
  planFileContents,
  readFileContents,
  readSmallFile,
  type FileContents,
  type ReadFileOptions,
} from './read-file';
import { PLAN_START_LINES, type TablePlan } from './table-plan';

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

const CHAR_LF = 10;
const CHAR_CR = 13;

/** A stream reader for one file (its name tells other apps' sensor files apart). */
export function createFileStream(fileName: string, options: FileStreamOptions = {}): FileStream {
  let pending = ''; // text not yet given to the reader
  let scanned = 0; // characters of `pending` the scanner has passed
  let started = false; // BOM handled
  let chars = 0;
  let mode: 'start' | 'table' | 'whole' = 'start';
  let plan: TablePlan<FileContents> | null = null;
  let reader: CsvTableReader | null = null;
  let scanner: RowBreakScanner | null = null;
  let nextLine = 1;
  const leading = new LeadingLinesScanner(PLAN_START_LINES);

  /** Gives the reader the whole rows of `pending` (all of it at the end). */
  const feedRows = (atEnd: boolean) => {
    let cut = -1;
    scanned = (scanner as RowBreakScanner).scan(pending, scanned, !atEnd, (_start, end) => {
      cut = end;
    });
    const take = atEnd ? pending.length : cut;
    if (take <= 0) return;
    const rows = pending.slice(0, take);
    (reader as CsvTableReader).read(rows, nextLine);
    nextLine += countLineBreaks(rows);
    pending = pending.slice(take);
    scanned -= take;
  };

  /** Decides the format once the start holds the header and the first data row. */
  const decide = (start: string) => {
    plan = planFileContents(start, fileName, options);
    if (plan === null) {
      mode = 'whole';
      return;
    }
    mode = 'table';
    reader = createCsvTableReader(plan.request);
    scanner = new RowBreakScanner(plan.request.dialect?.delimiter ?? ',');
  };

  return {
    push(chunk) {
      chars += chunk.length;
      pending += chunk;
      if (!started && pending.length > 0) {
        pending = stripByteOrderMark(pending);
        started = true;
      }
      if (mode === 'start') {
        const end = leading.scan(pending);
        if (end >= 0) decide(pending.slice(0, end));
      }
      if (mode === 'table') feedRows(false);
      options.onProgress?.({ chars, rows: reader?.rowCount() ?? 0 });
    },
    end() {
      // A file shorter than its start: read as a whole text, as readFileContents does.
      if (mode === 'start') return readFileContents(pending, fileName, options);
      if (mode === 'whole') return readSmallFile(pending, detectFormat(pending));
      feedRows(true);
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

/**
 * Finds where the `count`-th non-blank line ends (after its line break) in a text that grows
 * push by push: each `scan` goes on from the last whole line it passed, so a start of many
 * blank lines (1.6 million before the header) is scanned once, not once per push. Quotes are
 * not looked at: this only finds enough text to recognise the format.
 */
class LeadingLinesScanner {
  private readonly count: number;
  /** Non-blank lines found before `from`. */
  private found = 0;
  /** Where the line being scanned starts: every line before it is whole. */
  private from = 0;

  constructor(count: number) {
    this.count = count;
  }

  /**
   * Where the `count`-th non-blank line of `text` ends, or -1 when the text does not hold that
   * many whole lines yet (a CR at the very end may still be followed by LF). `text` must be the
   * text of the last call with more appended.
   */
  scan(text: string): number {
    let blank = true;
    for (let i = this.from; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === CHAR_LF || code === CHAR_CR) {
        if (code === CHAR_CR && i + 1 === text.length) return -1;
        if (!blank) this.found++;
        blank = true;
        const end = code === CHAR_CR && text.charCodeAt(i + 1) === CHAR_LF ? i + 2 : i + 1;
        if (this.found === this.count) return end;
        i = end - 1;
        this.from = end;
      } else if (code !== 32 && code !== 9) blank = false;
    }
    return -1;
  }
}

/** Physical line breaks in the text (also inside quoted cells): CRLF, LF and a lone CR each count once. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CHAR_LF) count++;
    else if (code === CHAR_CR && text.charCodeAt(i + 1) !== CHAR_LF) count++;
  }
  return count;
}
