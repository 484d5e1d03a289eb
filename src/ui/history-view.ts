/**
 * The history page: one person's trials, newest first, filtered by side, eyes and surface
 * (interrupted trials only when asked for); each row opens the trial's result page, and its
 * check box chooses the trial for an export ("Export chosen" opens the export page with them).
 */
import type { TrialSummary } from '../storage/summaries';
import { h, replaceChildren } from './dom';
import { filesLinks } from './files-links';
import { emptyState, frameFor, loadPageData, page } from './history-page';
import {
  chooseAll,
  choiceCount,
  choiceFromText,
  choiceLabel,
  choiceToText,
  DEFAULT_HISTORY_FILTER,
  filterHistory,
  HISTORY_PAGE_ROWS,
  historyRow,
  NO_CHOICE,
  toggleChoice,
  type HistoryFilter,
  type TrialChoice,
} from './history-model';
import type { PlaceContext } from './place-context';
import { routeHash } from './routes';

/** The filters, kept while the page is open in this tab (so "Back to history" keeps them). */
let filter: HistoryFilter = { ...DEFAULT_HISTORY_FILTER };

/** The filters chosen on the history page now (the export offers "the trials shown"). */
export const currentHistoryFilter = (): HistoryFilter => filter;

/**
 * The trials chosen for an export, kept for this browser tab: in memory, and in sessionStorage
 * so that a reload (of the history or the export page) keeps them; a closed tab forgets them.
 * Where sessionStorage is refused (some private modes), in memory only: a reload forgets them.
 */
const CHOICE_KEY = 'stork.export-choice';

function readKeptChoice(): TrialChoice {
  try {
    return choiceFromText(window.sessionStorage.getItem(CHOICE_KEY));
  } catch {
    return NO_CHOICE;
  }
}

let choice: TrialChoice = readKeptChoice();

/** The trials chosen in the history list now (the export page offers exactly these). */
export const currentTrialChoice = (): TrialChoice => choice;

/** Replaces the choice (the export page drops trials no longer in the history). */
export function keepTrialChoice(next: TrialChoice): void {
  choice = next;
  try {
    if (next.size === 0) window.sessionStorage.removeItem(CHOICE_KEY);
    else window.sessionStorage.setItem(CHOICE_KEY, choiceToText(next));
  } catch {
    // in memory only
  }
}

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

function rowElement(
  trial: TrialSummary,
  chosen: boolean,
  onChoose: (id: string, chosen: boolean) => void,
): HTMLElement {
  const row = historyRow(trial);
  const box = h('input', {
    attrs: { type: 'checkbox' },
    data: { chooseTrial: row.id },
    on: { change: () => onChoose(row.id, box.checked) },
  });
  box.checked = chosen;
  return h(
    'li',
    { className: 'history-item' },
    h(
      'label',
      { className: 'choose-trial' },
      box,
      h('span', { className: 'visually-hidden' }, `Choose for export: ${row.dateTime}, ${row.side}`),
    ),
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

/**
 * The bar above the list: how many trials are chosen, "Choose all" of those the filters show,
 * "Clear choice", and "Export chosen" (the export page, its scope the chosen trials).
 */
function choiceBar(
  shown: readonly TrialSummary[],
  onChooseAll: () => void,
  onClear: () => void,
  onExport: () => void,
): { element: HTMLElement; update: () => void } {
  const count = h('p', {
    className: 'choice-count',
    data: { field: 'choice-count' },
    attrs: { role: 'status' },
  });
  // aria-disabled, not disabled: a button that turns unavailable when pressed ("Clear choice")
  // keeps the keyboard focus instead of dropping it to the page.
  const button = (label: string, kind: string, action: string, run: () => void): HTMLButtonElement => {
    const element = h('button', { className: kind, attrs: { type: 'button' }, data: { action } }, label);
    element.addEventListener('click', () => {
      if (element.getAttribute('aria-disabled') !== 'true') run();
    });
    return element;
  };
  const enable = (element: HTMLButtonElement, enabled: boolean): void =>
    element.setAttribute('aria-disabled', String(!enabled));
  const all = button(
    shown.length === 1 ? 'Choose the one shown' : `Choose all ${shown.length} shown`,
    'secondary',
    'choose-all',
    onChooseAll,
  );
  const clear = button('Clear choice', 'secondary', 'clear-choice', onClear);
  const exportChosen = button('Export chosen', 'primary', 'export-chosen', onExport);
  const update = (): void => {
    const counted = choiceCount(choice, shown);
    count.textContent = choiceLabel(counted);
    count.dataset['value'] = String(counted.chosen);
    enable(all, counted.chosenListed < counted.listed);
    enable(clear, counted.chosen > 0);
    enable(exportChosen, counted.chosen > 0);
  };
  update();
  const element = h(
    'div',
    { className: 'choice-bar', attrs: { role: 'group', 'aria-label': 'Choose trials to export' } },
    count,
    h('div', { className: 'choice-actions' }, all, clear, exportChosen),
  );
  return { element, update };
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
    const boxes = (): HTMLInputElement[] =>
      Array.from(results.querySelectorAll<HTMLInputElement>('input[data-choose-trial]'));
    const bar = choiceBar(
      shown,
      () => {
        keepTrialChoice(chooseAll(choice, shown));
        for (const box of boxes()) box.checked = true;
        bar.update();
      },
      () => {
        keepTrialChoice(NO_CHOICE);
        for (const box of boxes()) box.checked = false;
        bar.update();
      },
      () => context.navigate({ name: 'export' }),
    );
    const onChoose = (id: string, chosen: boolean): void => {
      keepTrialChoice(toggleChoice(choice, id, chosen));
      bar.update();
    };
    const list = h(
      'ol',
      { className: 'history-list' },
      ...shown.slice(0, shownRows).map((trial) => rowElement(trial, choice.has(trial.id), onChoose)),
    );
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
    replaceChildren(results, count, bar.element, list, more);
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
