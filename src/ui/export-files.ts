/**
 * Hands exported files to the person: the Web Share API with files where the browser offers it
 * (a phone: mail, drive, notes), a download otherwise. File names say who, what and when.
 */

/** What a file holds: one row per trial, or every sample of the chosen trials. */
export type ExportKind = 'summary' | 'samples';

/** How the files reach the person. */
export type Delivery = 'share' | 'download';

/** The parts of `navigator` used here (a fake in tests). */
export interface ShareNavigator {
  canShare?: (data: { files: File[] }) => boolean;
  share?: (data: { files: File[]; title?: string }) => Promise<void>;
}

/**
 * A name made safe for every file system and for a URL: letters and digits of any script
 * are kept, everything else becomes one '-', at most 40 characters; 'all' when nothing is left.
 */
export function fileNameSafe(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return safe === '' ? 'all' : safe;
}

/** The local calendar date of `date`, YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** e.g. `stork-P-017-summary-2026-11-21.csv`; `who` null: everyone. */
export function exportFileName(who: string | null, kind: ExportKind, date: Date): string {
  return `stork-${who === null ? 'everyone' : fileNameSafe(who)}-${kind}-${localDate(date)}.csv`;
}

/** What a file name needs of one exported trial. */
export interface NamedTrial {
  /** The person's name or code; null when the person is not known. */
  who: string | null;
  stanceSide: 'left' | 'right';
  /** ISO 8601 with offset, as stored: the local clock time where the test was done. */
  startedAt: string;
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/** The local date-time of `startedAt` as recorded, e.g. `2026-11-21T10-15-02` (no ':' in a file name). */
export function trialStamp(startedAt: string): string {
  const match = STAMP.exec(startedAt);
  if (!match) return fileNameSafe(startedAt);
  return `${match[1]}T${match[2]}-${match[3]}-${match[4] ?? '00'}`;
}

/** The local date of `startedAt` as recorded, `YYYY-MM-DD` (the day the test was done). */
function trialDay(startedAt: string): string {
  return STAMP.exec(startedAt)?.[1] ?? fileNameSafe(startedAt);
}

/**
 * The file of chosen trials. One trial: who, which leg, when it was started, e.g.
 * `stork-P-017-right-2026-11-21T10-15-02-samples.csv`. Several: who (or `several-people`), how
 * many, the days from the first to the last, e.g.
 * `stork-P-017-3-trials-samples-2026-11-02-to-2026-11-21.csv` (one day named once).
 *
 * @throws RangeError for no trials (there is no file to name).
 */
export function chosenExportFileName(trials: readonly NamedTrial[], kind: ExportKind): string {
  const first = trials[0];
  if (first === undefined) throw new RangeError('no trials to name a file after');
  const name = (who: string | null): string => (who === null ? 'unknown-person' : fileNameSafe(who));
  if (trials.length === 1)
    return `stork-${name(first.who)}-${first.stanceSide}-${trialStamp(first.startedAt)}-${kind}.csv`;
  const people = new Set(trials.map((trial) => trial.who));
  const who = people.size === 1 ? name(first.who) : 'several-people';
  const days = trials.map((trial) => trialDay(trial.startedAt)).sort();
  const from = days[0] as string;
  const to = days[days.length - 1] as string;
  return `stork-${who}-${trials.length}-trials-${kind}-${from === to ? from : `${from}-to-${to}`}.csv`;
}

/** 'share' when the browser can share these files (`navigator.canShare({ files })`), else 'download'. */
export function deliveryFor(nav: ShareNavigator, files: File[]): Delivery {
  if (typeof nav.share !== 'function' || typeof nav.canShare !== 'function') return 'download';
  try {
    return nav.canShare({ files }) ? 'share' : 'download';
  } catch {
    return 'download';
  }
}

/** What happened: shared, downloaded, or the person closed the share sheet. */
export type DeliveryOutcome = 'shared' | 'downloaded' | 'cancelled';

/** Offers one file as a download through `<a download>` and a blob URL, revoked afterwards. */
export function downloadFile(file: File, doc: Document = document): void {
  const url = URL.createObjectURL(file);
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Shares the files where possible, else downloads each. A share the person cancels
 * (AbortError) is 'cancelled'; a share that fails otherwise falls back to the download.
 */
export async function deliverFiles(
  files: File[],
  nav: ShareNavigator = navigator,
  download: (file: File) => void = downloadFile,
): Promise<DeliveryOutcome> {
  if (deliveryFor(nav, files) === 'share') {
    try {
      await nav.share!({ files, title: files.map((file) => file.name).join(', ') });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    }
  }
  for (const file of files) download(file);
  return 'downloaded';
}
