/**
 * The one error type the file readers throw for input they cannot read.
 *
 * Every message has one fixed form: `line N: what is wrong` when a line applies
 * (`line 17: ax is not a number ("abc")`), or just `what is wrong` when none does
 * (`file is empty`). `line` is 1-based and counts physical lines of the file, blank
 * lines included, so an editor's "go to line" lands on it.
 */
export class FormatError extends Error {
  override name = 'FormatError';
  /** 1-based line of the file the problem is on, or null when no line applies. */
  readonly line: number | null;
  /** What is wrong, without the `line N: ` prefix. */
  readonly reason: string;
  /**
   * The file the problem is in, when it is one of several read together (a zip, a folder of a
   * Sensor Logger export): the message then starts with it, `Gyroscope.csv: line 3: ...`.
   */
  readonly file: string | null;

  constructor(line: number | null, reason: string, file: string | null = null) {
    const where = line === null ? reason : `line ${line}: ${reason}`;
    super(file === null ? where : `${file}: ${where}`);
    this.line = line;
    this.reason = reason;
    this.file = file;
  }

  /** The same error, said of `file` (kept when it already names one). */
  inFile(file: string): FormatError {
    return this.file === null ? new FormatError(this.line, this.reason, file) : this;
  }
}

/** Longest part of a cell quoted back in a message: keeps every message on one short line. */
export const QUOTED_CELL_MAX_CHARS = 24;

/**
 * A cell's text as messages show it: JSON-quoted (so line breaks and control characters
 * stay escaped and the message stays on one line), cut to QUOTED_CELL_MAX_CHARS.
 */
export function quoteCell(text: string): string {
  const cut = text.length > QUOTED_CELL_MAX_CHARS ? `${text.slice(0, QUOTED_CELL_MAX_CHARS)}...` : text;
  return JSON.stringify(cut);
}
