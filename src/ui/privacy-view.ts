/**
 * The privacy page: what Stork keeps on this device and that it sends nothing anywhere, and
 * "Delete all my data" with a confirm step, after which it says what was deleted.
 */
import type { DeletionReport } from '../storage/delete-all';
import { DATABASE_NAME } from '../storage/schema';
import { h, replaceChildren } from './dom';
import { GUIDED_SESSION_KEY, SESSION_ORDER_KEY } from './guided-session';
import { CURRENT_PERSON_KEY } from './history-access';
import { SETUP_PREFS_KEY } from './setup-prefs';

export interface PrivacyViewOptions {
  /** Deletes Stork's data on this device (src/storage/delete-all.ts). */
  deleteAllData(): Promise<DeletionReport>;
  onBack(): void;
  /** After a deletion: opens the page afresh, so nothing deleted stays in memory. */
  onRestart(): void;
}

/** What a person calls the things Stork keeps; other names are shown as they are. */
const KEPT_AS: Readonly<Record<string, string>> = {
  [DATABASE_NAME]: 'The trial history: people, notes, trials and their recordings',
  [SETUP_PREFS_KEY]: 'The last set-up choices',
  [CURRENT_PERSON_KEY]: 'Who was being tested last',
  [SESSION_ORDER_KEY]: 'The order of the legs chosen last',
  [GUIDED_SESSION_KEY]: 'The test session under way in this tab',
};

/** The lines of a deletion report, in a person's words. */
export function deletionLines(report: DeletionReport): { deleted: string[]; problems: string[] } {
  const deleted = [
    ...report.databases.map((name) => KEPT_AS[name] ?? `Database “${name}”`),
    ...report.storageKeys.map((key) => KEPT_AS[key] ?? `Setting “${key}”`),
    ...report.caches.map((name) => `Stored files “${name}”`),
  ];
  const problems = [
    ...report.databasesWaiting.map(
      (name) =>
        `${KEPT_AS[name] ?? `Database “${name}”`} is open in another tab: it is deleted as soon as that tab is closed.`,
    ),
    ...report.failures.map((failure) => `Could not delete: ${failure}`),
  ];
  return { deleted, problems };
}

export function privacyView(options: PrivacyViewOptions): HTMLElement {
  const deleteArea = h('div', { className: 'delete-area' });
  const back = h(
    'div',
    { className: 'actions' },
    h(
      'button',
      { className: 'secondary', attrs: { type: 'button' }, on: { click: () => options.onBack() } },
      'Back to set-up',
    ),
  );

  const startButton = h(
    'button',
    { className: 'danger', attrs: { type: 'button' }, on: { click: () => confirmStep() } },
    'Delete all my data',
  );

  function firstStep(): void {
    replaceChildren(deleteArea, startButton);
  }

  function confirmStep(): void {
    const question = h(
      'p',
      { className: 'confirm-question', attrs: { tabindex: '-1' } },
      'Delete everything Stork keeps on this device? This cannot be undone.',
    );
    replaceChildren(
      deleteArea,
      question,
      h(
        'div',
        { className: 'actions' },
        h(
          'button',
          { className: 'danger', attrs: { type: 'button' }, on: { click: () => void runDeletion() } },
          'Yes, delete everything',
        ),
        h(
          'button',
          {
            className: 'secondary',
            attrs: { type: 'button' },
            on: {
              click: () => {
                firstStep();
                startButton.focus();
              },
            },
          },
          'Cancel',
        ),
      ),
    );
    question.focus();
  }

  async function runDeletion(): Promise<void> {
    const working = h('p', { attrs: { role: 'status' } }, 'Deleting…');
    // After a deletion the only way on is a fresh page (onRestart).
    back.hidden = true;
    replaceChildren(deleteArea, working);
    const { deleted, problems } = deletionLines(await options.deleteAllData());
    const outcome = h(
      'div',
      { className: 'deletion-report', data: { field: 'deletion-report' }, attrs: { role: 'status' } },
      h(
        'p',
        { attrs: { tabindex: '-1' } },
        deleted.length === 0 ? 'There was nothing to delete.' : 'Deleted from this device:',
      ),
      deleted.length === 0 ? null : h('ul', {}, ...deleted.map((line) => h('li', {}, line))),
      ...problems.map((line) => h('p', { className: 'notice' }, line)),
    );
    replaceChildren(
      deleteArea,
      outcome,
      h(
        'button',
        { className: 'primary', attrs: { type: 'button' }, on: { click: () => options.onRestart() } },
        'Start again',
      ),
    );
    outcome.querySelector<HTMLElement>('p')?.focus();
  }

  firstStep();
  return h(
    'section',
    { className: 'screen privacy', data: { screen: 'privacy' } },
    h('h1', { attrs: { tabindex: '-1' } }, 'Privacy and your data'),
    h(
      'p',
      {},
      'Stork runs entirely on this device. No recording, result, name or note is sent anywhere: once the page has loaded, it asks the network only for its own files, and it has no analytics, advertising or tracking.',
    ),
    h('h2', {}, 'What this device keeps'),
    h(
      'ul',
      {},
      h('li', {}, 'The trial history: the people you test, their notes, their trials and recordings.'),
      h('li', {}, 'The last set-up choices, the test session under way and who was being tested last.'),
      h('li', {}, 'Stork’s own files, so that it opens without a network. They hold nothing about anyone.'),
    ),
    h('p', {}, 'Downloaded CSV files are yours to keep or delete: Stork does not track them.'),
    h('h2', {}, 'Delete all my data'),
    h(
      'p',
      {},
      'Deletes every person, note, trial and recording, and the remembered choices, from this device. Download what you want to keep first.',
    ),
    deleteArea,
    back,
  );
}
