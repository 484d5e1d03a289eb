/**
 * Text cells a spreadsheet would run as a formula, and how Stork's files keep them inert yet
 * exact. The summary CSV neutralises every text cell so; the samples CSV and the 2-D sway CSV
 * their `trial_id` (the one text cell they have: a trial's id can be any text, e.g. one taken
 * from an imported summary); each reader takes exactly that `'` off again.
 */

/**
 * Text that Excel, LibreOffice or Google Sheets would run as a formula: starting with
 * `= + - @`, tab or CR (OWASP "CSV Injection"), also after leading white space (spreadsheets
 * trim it, papaparse's default pattern does not), in full-width form (＝ ＋ － ＠), and in a
 * cell with a line break (papaparse's default `^[=+\-@\t\r].*$` fails there: `.` stops at the
 * line break before `$`). Applied to text cells only; numbers are number cells.
 *
 * Such a cell is written with a `'` in front. So that a reader can take exactly that `'` off
 * again (`unneutralised`), text that already starts with `'`s before a trigger gets one
 * more: `'=1` is written `''=1` and reads back as `'=1`.
 */
export const FORMULA_TRIGGER = /^'*(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** The text with a `'` in front when a spreadsheet would run it as a formula (FORMULA_TRIGGER). */
export function neutralised(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** A text cell without the `'` that `neutralised` put before a formula-like text, and only that one. */
export function unneutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_TRIGGER.test(cell.slice(1)) ? cell.slice(1) : cell;
}
