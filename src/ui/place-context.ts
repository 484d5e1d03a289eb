/** What the history pages get from the page flow (history-places.ts) to show themselves. */
import type { ReportProgramme } from '../report/report-types';
import type { TrialRecord } from '../session/types';
import type { HistoryAccess } from './history-access';
import type { Route } from './routes';
import type { Toast } from './toast';

export interface PlaceContext {
  history: HistoryAccess;
  /** The toast at the bottom of the screen (delete + undo). */
  toast: Toast;
  /** Says something through the polite live region (screen readers). */
  say(message: string): void;
  /** Goes to another place (changes the address). */
  navigate(route: Route): void;
  /** Shows the place again from the address (after an undo, a change of person). */
  refresh(): void;
  /** Shows the page, unless the person already went elsewhere (then disposes it and returns false). */
  show(element: HTMLElement, dispose?: () => void): boolean;
  /** False once another page was shown. */
  isCurrent(): boolean;
  /** Offers the trial's samples as a CSV download. */
  download(record: TrialRecord): void;
  /** The person's saved home programme (src/ui/training-prefs.ts); null when none was saved. */
  programmeOf(personId: string): ReportProgramme | null;
}
