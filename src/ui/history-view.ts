/**
 * The history page: one person's trials, newest first, filtered by side, eyes and surface
 * (interrupted trials only when asked for); each row opens the trial's result page.
 */
import type { TrialSummary } from '../storage/summaries';
import { h, replaceChildren } from './dom';
import { filesLinks } from './files-links';
import { emptyState, frameFor, loadPageData, page } from './history-page';
import {
  DEFAULT_HISTORY_FILTER,
  filterHistory,
  HISTORY_PAGE_ROWS,
  historyRow,
  type HistoryFilter,
} from './history-model';
import type { PlaceContext } from './place-context';
import { routeHash } from './routes';

/** The filters, kept while the page is open in this tab (so "Back to history" keeps them). */
let filter: HistoryFilter = { ...DEFAULT_HISTORY_FILTER };

/** The filters chosen on the history page now (the export offers "the trials shown"). */
export const currentHistoryFilter = (): HistoryFilter => filter;

function segmented<T extends string>(
  name: string,
  legend: string,
  options: readonly { value: T; label: string }[],
  selected: T,
  onChange: (value: T) => void,
): HTMLFieldSetElement {
  return h(
    'fieldset',
    { className: 'choice-group filter-group', data: { group: name } },
    h('legend', {}, legend),
    h(
      'div',
      { className: 'choices' },
      ...options.map((option) => {
        const input = h('input', {
          attrs: { type: 'radio', name, value: option.value },
          on: { change: () => onChange(option.value) },
        });
        input.checked = option.value === selected;
        return h('label', { className: 'choice' }, input, h('span', {}, option.label));
      }),
    ),
  );
}

function rowElement(trial: TrialSummary): HTMLElement {
  const row = historyRow(trial);
  return h(
    'li',
    {},
    h(
      'a',
      {
        className: 'history-row',
        attrs: { href: routeHash({ name: 'trial', trialId: row.id }) },
        data: {
          trialId: row.id,
          side: trial.setup.stanceSide,
          holdTime: String(row.holdTimeS),
          interrupted: String(row.interrupted),
        },
      },
      h(
        'span',
        { className: 'row-head' },
        h('span', { className: 'row-date' }, row.dateTime),
        h('span', { className: `side-tag side-${trial.setup.stanceSide}` }, row.side),
      ),
      h('span', { className: 'row-condition' }, row.condition),
      h(
        'span',
        { className: 'row-numbers' },
        h('span', { className: 'row-hold', data: { field: 'hold-time' } }, row.holdTime),
        h('span', { className: 'row-reason' }, row.endReason),
        h('span', { className: 'row-metric' }, row.keyMetric),
      ),
    ),
  );
}

export async function showHistory(context: PlaceContext): Promise<void> {
  const data = await loadPageData(context.history);
  if (!context.isCurrent()) return;
  const frame = frameFor(data, (person) => {
    context.history.choosePerson(person);
    context.refresh();
  });
  if (frame.empty !== null || data.kind !== 'person') {
    context.show(page('history', 'History', ...frame.top, frame.empty, filesLinks()));
    return;
  }
  const { trials, person } = data;
  const results = h('div', { className: 'history-results' });
  let shownRows = HISTORY_PAGE_ROWS;

  function render(): void {
    const { trials: shown, hiddenInterrupted } = filterHistory(trials, filter);
    const count = h(
      'p',
      { className: 'history-count', data: { field: 'history-count', value: String(shown.length) } },
      `${shown.length} ${shown.length === 1 ? 'trial' : 'trials'}, newest first`,
      hiddenInterrupted > 0
        ? ` (${hiddenInterrupted} interrupted ${hiddenInterrupted === 1 ? 'trial' : 'trials'} not shown)`
        : '',
    );
    if (shown.length === 0) {
      replaceChildren(
        results,
        count,
        emptyState(
          'no-match',
          'No trials match these filters',
          'Choose “All” in a filter to see more of the history.',
        ),
      );
      return;
    }
    const list = h('ol', { className: 'history-list' }, ...shown.slice(0, shownRows).map(rowElement));
    const more =
      shown.length > shownRows
        ? h(
            'button',
            {
              className: 'secondary',
              attrs: { type: 'button' },
              on: {
                click: () => {
                  shownRows += HISTORY_PAGE_ROWS;
                  render();
                },
              },
            },
            `Show ${Math.min(HISTORY_PAGE_ROWS, shown.length - shownRows)} more`,
          )
        : null;
    replaceChildren(results, count, list, more);
  }

  const change = (next: Partial<HistoryFilter>): void => {
    filter = { ...filter, ...next };
    shownRows = HISTORY_PAGE_ROWS;
    render();
  };
  const interrupted = h('input', {
    id: 'show-interrupted',
    attrs: { type: 'checkbox' },
    on: { change: () => change({ showInterrupted: interrupted.checked }) },
  });
  interrupted.checked = filter.showInterrupted;

  const filters = h(
    'div',
    { className: 'history-filters', attrs: { role: 'group', 'aria-label': 'Filters' } },
    segmented(
      'filter-side',
      'Leg',
      [
        { value: 'all', label: 'Both' },
        { value: 'left', label: 'Left' },
        { value: 'right', label: 'Right' },
      ],
      filter.side,
      (side) => change({ side }),
    ),
    segmented(
      'filter-eyes',
      'Eyes',
      [
        { value: 'all', label: 'All' },
        { value: 'open', label: 'Open' },
        { value: 'closed', label: 'Closed' },
      ],
      filter.eyes,
      (eyes) => change({ eyes }),
    ),
    segmented(
      'filter-surface',
      'Surface',
      [
        { value: 'all', label: 'All' },
        { value: 'firm', label: 'Firm' },
        { value: 'foam', label: 'Foam' },
      ],
      filter.surface,
      (surface) => change({ surface }),
    ),
    h(
      'label',
      { className: 'check', attrs: { for: 'show-interrupted' } },
      interrupted,
      h('span', {}, 'Show interrupted trials'),
    ),
  );
  render();
  performance.mark('stork:page-built');
  const notes =
    person.notes === ''
      ? null
      : h('p', { className: 'person-notes', data: { field: 'person-notes' } }, person.notes);
  context.show(page('history', 'History', ...frame.top, notes, filesLinks(), filters, results));
}
