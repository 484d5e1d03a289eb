/**
 * A stored trial's result page: the live result page (result-view.ts) for a trial read back
 * from the history, with "Back to history" and "Delete trial", and "Export this trial's
 * samples": the export's samples CSV of this one trial (with its trial id, so the import page
 * takes it back), shared where the browser can share files, downloaded otherwise. A deletion
 * can be undone from the toast for UNDO_TOAST_MS (the store keeps it undoable for longer,
 * src/storage/store.ts).
 */
import { trialSamplesCsvParts, trialSwayCsvParts } from '../formats/trial-export';
import type { StorkTrialRecord } from '../formats/trial-record';
import { chosenExportFileName, deliverFiles } from './export-files';
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

/** The "Export this trial's samples" button and the line that says what happened. */
function exportAction(
  record: StorkTrialRecord,
  who: string | null,
  say: (text: string) => void,
): HTMLElement {
  const status = h('p', {
    className: 'export-status',
    data: { field: 'trial-export-status' },
    attrs: { role: 'status' },
  });
  const button = h(
    'button',
    { className: 'secondary', attrs: { type: 'button' }, data: { action: 'export-trial' } },
    'Export this trial’s samples',
  );
  button.addEventListener('click', () => {
    button.disabled = true;
    const name = chosenExportFileName(
      [{ who, stanceSide: record.setup.stanceSide, startedAt: record.startedAt }],
      'samples',
    );
    void Promise.resolve()
      .then(() => {
        // A 2-D sway trial's samples are its AP and ML: the 2-D sway CSV (t_ms, ap, ml, trial_id).
        const parts =
          record.sway === undefined ? trialSamplesCsvParts([record]) : trialSwayCsvParts([record]);
        return deliverFiles([new File([...parts], name, { type: 'text/csv' })]);
      })
      .then(
        (outcome) => {
          status.dataset['outcome'] = outcome;
          status.textContent =
            outcome === 'cancelled'
              ? 'Nothing was shared.'
              : `${outcome === 'shared' ? 'Shared' : 'Downloaded'} ${name}.`;
        },
        (error: unknown) => {
          status.textContent = `The export failed: ${error instanceof Error ? error.message : String(error)}`;
        },
      )
      .finally(() => {
        button.disabled = false;
        say(status.textContent ?? '');
      });
  });
  return h('div', { className: 'trial-export' }, button, status);
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
    person: person ?? null,
    // Against the trials before this one: the same rule as a live result (usual-sway.ts). It
    // never rejects: a trial without sway has no line to catch it.
    earlierTrials: store.trials.listByPerson(trial.personId, { includeInterrupted: false }).then(
      (trials) => ({ trials }),
      () => ({ unavailable: 'the history could not be read' }),
    ),
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
  // Beside "Download samples (CSV)", the last row of actions on the result page.
  const lastActions = view.element.lastElementChild;
  const exportRow = exportAction(trial, person?.name ?? null, (text) => context.say(text));
  if (lastActions instanceof HTMLElement && lastActions.classList.contains('actions'))
    lastActions.append(exportRow);
  else view.element.append(exportRow);
  if (context.show(view.element, () => view.destroy())) void view.drawCharts();
}
