/**
 * A stored trial's result page: the live result page (result-view.ts) for a trial read back
 * from the history, with "Back to history" and "Delete trial". A deletion can be undone from
 * the toast for UNDO_TOAST_MS (the store keeps it undoable for longer, src/storage/store.ts).
 */
import { emptyState, page } from './history-page';
import { formatDateTime } from './history-format';
import type { PlaceContext } from './place-context';
import { resultView } from './result-view';
import { routeHash } from './routes';
import { h } from './dom';

const nothing = (): void => undefined;

function backLink(): HTMLElement {
  return h(
    'a',
    { className: 'button-link primary', attrs: { href: routeHash({ name: 'history' }) } },
    'Back to history',
  );
}

export async function showStoredTrial(context: PlaceContext, trialId: string): Promise<void> {
  const store = await context.history.ready;
  if (!context.isCurrent()) return;
  if (store === null) {
    context.show(
      page(
        'stored-trial',
        'Trial',
        emptyState(
          'storage-unavailable',
          'No history in this browser',
          context.history.problem() ?? '',
          backLink(),
        ),
      ),
    );
    return;
  }
  const trial = await store.trials.get(trialId).catch(() => undefined);
  const person = trial ? await store.people.get(trial.personId).catch(() => undefined) : undefined;
  if (!context.isCurrent()) return;
  if (trial === undefined) {
    context.show(
      page(
        'stored-trial',
        'Trial',
        emptyState(
          'not-found',
          'This trial is not in the history',
          'It may have been deleted. The history lists every trial kept on this device.',
          backLink(),
        ),
      ),
    );
    return;
  }
  let deleting = false;
  const view = resultView({
    record: trial,
    trialsDone: 0,
    onOtherLeg: nothing,
    onRepeat: nothing,
    onChangeSetup: nothing,
    onDownload: () => context.download(trial),
    stored: {
      caption: `${person?.name ?? 'Unknown person'} · ${formatDateTime(trial.startedAt)}`,
      onBack: () => context.navigate({ name: 'history' }),
      onDelete: () => {
        if (deleting) return;
        deleting = true;
        void store.trials.remove(trial.id).then(
          (token) => {
            context.navigate({ name: 'history' });
            context.say('Trial deleted');
            context.toast.show('Trial deleted.', {
              label: 'Undo',
              run: () =>
                void store.undo(token).then((restored) => {
                  context.say(restored ? 'Trial restored' : 'The trial could not be restored');
                  context.refresh();
                }),
            });
          },
          (error: unknown) => {
            deleting = false;
            view.showSaveStatus('not-saved', error instanceof Error ? error.message : String(error));
          },
        );
      },
    },
  });
  if (context.show(view.element, () => view.destroy())) void view.drawCharts();
}
