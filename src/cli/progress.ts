/**
 * The progress line `stork analyze` keeps on standard error when that is a terminal:
 * `stork: 120/2000 files, 0:12 elapsed, about 3:08 left`, rewritten in place.
 */

/** Erases the terminal line the cursor is on and goes to its start (CR, then ANSI "erase line"). */
export const CLEAR_LINE = '\r\u001b[K';

/**
 * The least time between two redraws of the line, ms: ten a second reads as live without
 * spending the terminal's time on thousands of small files.
 */
export const PROGRESS_REDRAW_MS = 100;

/** `0:07`, `3:08`, `1:02:03`: a duration in whole seconds, as a clock shows it. */
export function clockTime(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * The line's text after `done` of `total` files in `elapsedMs`: the time left is the elapsed
 * time per file done so far times the files left (unknown before the first file is done).
 */
export function progressText(done: number, total: number, elapsedMs: number): string {
  const left = done === 0 ? '' : `, about ${clockTime((elapsedMs / done) * (total - done))} left`;
  return `stork: ${done}/${total} files, ${clockTime(elapsedMs)} elapsed${left}`;
}

/** The progress line on a terminal: drawn at most every PROGRESS_REDRAW_MS, put away for messages. */
export class ProgressLine {
  private lastDrawMs = -Infinity;
  private shown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number,
    private readonly total: number,
    private readonly startMs = now(),
  ) {}

  /** Shows `done` files of the total, unless the line was drawn less than PROGRESS_REDRAW_MS ago. */
  update(done: number): void {
    const nowMs = this.now();
    if (nowMs - this.lastDrawMs < PROGRESS_REDRAW_MS && done < this.total) return;
    this.lastDrawMs = nowMs;
    this.shown = true;
    this.write(CLEAR_LINE + progressText(done, this.total, nowMs - this.startMs));
  }

  /** Writes whole lines (messages) above the progress line, which the next update redraws. */
  message(lines: string): void {
    this.clear();
    this.write(lines);
    this.lastDrawMs = -Infinity;
  }

  /** Erases the line (at the end, so that what follows starts on a clean line). */
  clear(): void {
    if (this.shown) this.write(CLEAR_LINE);
    this.shown = false;
  }
}
