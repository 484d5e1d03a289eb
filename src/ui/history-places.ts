/**
 * Opening one of the history's places (history-screens.ts, loaded on demand) when the address
 * names it: the page flow (app.ts) hands over here, with what the places show themselves
 * through (place-context.ts).
 */
import type { HistoryAccess } from './history-access';
import { readPageDataAhead } from './history-data';
import type { PlaceContext } from './place-context';
import { routeHash, type Route } from './routes';
import type { ScreenHost } from './screen-host';
import type { KeyValueStore } from './setup-prefs';
import type { Toast } from './toast';
import { loadProgramme } from './training-prefs';

/** The history screens' code, asked for once (the set-up page fetches it ahead, test-flow.ts). */
let historyScreens: Promise<typeof import('./history-screens')> | null = null;
export const loadHistoryScreens = (): Promise<typeof import('./history-screens')> =>
  (historyScreens ??= import('./history-screens'));

/** What a history place needs from the page flow (app.ts). */
export interface HistoryPlaceDeps {
  history: HistoryAccess;
  /** The toast at the bottom of the screen (delete + undo). */
  toast: Toast;
  /** Where the home programmes are kept (training-prefs.ts). */
  prefs: KeyValueStore | null;
  host: ScreenHost;
  /** Says something through the polite live region (screen readers). */
  say(message: string): void;
  /** Shows the place again from the address. */
  refresh(): void;
}

/** Shows `place`, one of the history's, once its code and data are there (unless left before). */
export function showHistoryPlace(place: Route, deps: HistoryPlaceDeps): void {
  const { history, toast, prefs, host, say, refresh } = deps;
  let current = host.nextTicket();
  const isCurrent = (): boolean => current === host.ticket();
  const context: PlaceContext = {
    history,
    toast,
    say: (message) => say(message),
    navigate: (next) => {
      window.location.hash = routeHash(next);
    },
    show: (element, dispose) => {
      if (!isCurrent()) {
        dispose?.();
        return false;
      }
      host.show(element, dispose);
      current = host.ticket();
      return true;
    },
    isCurrent,
    refresh: () => refresh(),
    download: (record) =>
      void import('./download').then((csv) =>
        csv.downloadText(csv.trialFileName(record), csv.trialSamplesCsv(record)),
      ),
    programmeOf: (personId) => {
      const { programme, saved } = loadProgramme(prefs, personId);
      return saved
        ? { daysPerWeek: programme.daysPerWeek, exercises: programme.exercises.map((e) => e.exercise) }
        : null;
    },
  };
  // The history pages and their charts load on demand: most visits only run a test. Both
  // are asked for at once, and the page's data is read meanwhile, so a reload on a chart
  // page does not wait for one after the other.
  if (place.name !== 'history') void import('./charts/history-charts');
  if (place.name === 'history' || place.name === 'compare' || place.name === 'progress')
    readPageDataAhead(history, isCurrent);
  void loadHistoryScreens().then((screens) => {
    if (isCurrent()) screens.showPlace(place, context);
  });
}
