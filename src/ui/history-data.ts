/**
 * What every history page reads first: the store, the people, the current person and their
 * trials. Small and loaded with the page's code (app.ts), so that a history page opened from
 * the address reads its data while its own code is still loading, not after.
 */
import type { PersonRecord, TrialStore } from '../storage';
import type { TrialSummary } from '../storage/summaries';
import type { HistoryAccess } from './history-access';

export type PageData =
  | { kind: 'unavailable'; message: string }
  | { kind: 'no-people' }
  | { kind: 'no-person'; store: TrialStore; people: PersonRecord[] }
  | {
      kind: 'person';
      store: TrialStore;
      people: PersonRecord[];
      person: PersonRecord;
      /** Newest first, interrupted ones included (each page decides). */
      trials: TrialSummary[];
    };

async function readPageData(history: HistoryAccess): Promise<PageData> {
  const store = await history.ready;
  if (store === null) return { kind: 'unavailable', message: history.problem() ?? '' };
  const person = history.person();
  // The current person's trials are read beside the people (one wait for the database, not
  // two), and used only if that person is still among them.
  const [people, trials] = await Promise.all([
    store.people.list(),
    person === null ? null : store.trials.listByPerson(person.id),
  ]);
  if (people.length === 0) return { kind: 'no-people' };
  const known = person === null ? undefined : people.find((p) => p.id === person.id);
  if (known === undefined || trials === null) return { kind: 'no-person', store, people };
  // Read by scripts/bench-history-views.ts: how much of opening a page is the data.
  performance.mark('stork:page-data');
  return { kind: 'person', store, people, person: known, trials };
}

/** A read started by the page flow for the page it is about to show, while that page still counts. */
let ahead: { data: Promise<PageData>; stillCurrent: () => boolean } | null = null;

/**
 * Starts reading the page data for the page being opened (history-places.ts, as soon as the
 * address says which); the page's loadPageData then takes it over. `stillCurrent` is false once
 * the person went elsewhere: a read for a page never shown is not handed to a later one (it may
 * be stale).
 */
export function readPageDataAhead(history: HistoryAccess, stillCurrent: () => boolean): void {
  const data = readPageData(history);
  // A failure is the page's to show, when it takes the read over.
  data.catch(() => undefined);
  ahead = { data, stillCurrent };
}

/** The page data: the read started ahead for this page when there is one, else a fresh read. */
export function loadPageData(history: HistoryAccess): Promise<PageData> {
  const started = ahead;
  ahead = null;
  return started !== null && started.stillCurrent() ? started.data : readPageData(history);
}
