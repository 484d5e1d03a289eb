/**
 * Left vs right: for the chosen person, session (a day or a date range) and like-for-like
 * conditions, each leg's best and mean of its last trials for hold time and the main sway
 * metrics, both symmetry indices of SPEC section 6 under their names, and a flag in words
 * and colour when LSI < 90 %. One grouped bar chart per measure, with its numbers in a table;
 * under hold time, whether the legs differ by more than the minimal detectable change.
 */
import type { Chart } from 'chart.js';
import type { SessionSpan } from '../core/compare';
import { LSI_FLAG_BELOW_PERCENT } from '../core/symmetry';
import { definitions, metricCard } from './compare-cards';
import { h, replaceChildren } from './dom';
import {
  compareForPage,
  compareState,
  conditionOptions,
  dayOptionLabel,
  dayOptions,
  defaultCompareChoice,
  holdTimeDifference,
  type CompareChoice,
} from './compare-model';
import { conditionsControls } from './history-conditions';
import { conditionsKey, formatDay, formatMeasure } from './history-format';
import { emptyState, frameFor, loadPageData, page, testLink } from './history-page';
import { adviceWords, comparableTests, differSentence } from './like-advice-view';
import { likeAdvice, setupFor } from './like-with-like';
import type { PlaceContext } from './place-context';

/** The choice per person, kept while the page is open in this tab. */
const choices = new Map<string, { choice: CompareChoice | null; includeInterrupted: boolean }>();

const RANGE = 'range';

function spanKey(span: SessionSpan): string {
  return 'date' in span ? span.date : RANGE;
}

export async function showCompare(context: PlaceContext): Promise<void> {
  const data = await loadPageData(context.history);
  if (!context.isCurrent()) return;
  const frame = frameFor(data, (person) => {
    context.history.choosePerson(person);
    context.refresh();
  });
  if (frame.empty !== null || data.kind !== 'person') {
    context.show(page('compare', 'Left vs right', ...frame.top, frame.empty));
    return;
  }
  const { trials, person } = data;
  const kept = choices.get(person.id);
  let includeInterrupted = kept?.includeInterrupted ?? false;
  // A kept day with no trial left (deleted meanwhile) gives way to the default.
  const keptSpan = kept?.choice?.span;
  const keptDayGone =
    keptSpan !== undefined &&
    'date' in keptSpan &&
    !dayOptions(trials, includeInterrupted).some((day) => day.date === keptSpan.date);
  let choice: CompareChoice | null =
    (keptDayGone ? null : kept?.choice) ?? defaultCompareChoice(trials, includeInterrupted);
  const controls = h('div', { className: 'compare-controls' });
  const results = h('div', { className: 'compare-results' });
  let charts: Chart[] = [];
  let drawing = 0;

  const destroyCharts = (): void => {
    for (const chart of charts) chart.destroy();
    charts = [];
  };

  function renderControls(): void {
    const days = dayOptions(trials, includeInterrupted);
    const span: SessionSpan | null = choice?.span ?? null;
    const session = h(
      'select',
      { id: 'compare-session' },
      ...days.map((day) =>
        h('option', { attrs: { value: day.date } }, dayOptionLabel(day, formatDay(day.date))),
      ),
      h('option', { attrs: { value: RANGE } }, 'A range of days…'),
    );
    session.value = span === null ? (days[0]?.date ?? RANGE) : spanKey(span);
    const first = days[days.length - 1]?.date ?? '';
    const last = days[0]?.date ?? '';
    const fromInput = h('input', { id: 'compare-from', attrs: { type: 'date', min: first, max: last } });
    const toInput = h('input', { id: 'compare-to', attrs: { type: 'date', min: first, max: last } });
    fromInput.value = span && 'fromDate' in span ? span.fromDate : first;
    toInput.value = span && 'toDate' in span ? span.toDate : last;
    const range = h(
      'div',
      { className: 'range-fields' },
      h('div', { className: 'field' }, h('label', { attrs: { for: 'compare-from' } }, 'From'), fromInput),
      h('div', { className: 'field' }, h('label', { attrs: { for: 'compare-to' } }, 'To'), toInput),
    );
    range.hidden = session.value !== RANGE;

    const currentSpan = (): SessionSpan =>
      session.value === RANGE
        ? {
            fromDate: fromInput.value <= toInput.value ? fromInput.value : toInput.value,
            toDate: fromInput.value <= toInput.value ? toInput.value : fromInput.value,
          }
        : { date: session.value };
    const options = conditionOptions(trials, span ?? currentSpan(), includeInterrupted);
    let conditionsChoice = choice === null ? '' : conditionsKey(choice.conditions);
    if (!options.some((option) => option.key === conditionsChoice)) conditionsChoice = options[0]?.key ?? '';

    const update = (): void => {
      const nextSpan = currentSpan();
      const nextOptions = conditionOptions(trials, nextSpan, includeInterrupted);
      const same = nextOptions.find((option) => option.key === conditionsChoice) ?? nextOptions[0];
      choice = same ? { span: nextSpan, conditions: same.conditions } : null;
      choices.set(person.id, { choice, includeInterrupted });
      renderControls();
      renderResults();
    };
    session.addEventListener('change', update);
    fromInput.addEventListener('change', update);
    toInput.addEventListener('change', update);

    replaceChildren(
      controls,
      h('div', { className: 'field' }, h('label', { attrs: { for: 'compare-session' } }, 'Session'), session),
      range,
      ...conditionsControls({
        page: 'compare',
        options,
        chosenKey: conditionsChoice,
        includeInterrupted,
        onConditions: (key) => {
          conditionsChoice = key;
          update();
        },
        onInterrupted: (include) => {
          includeInterrupted = include;
          update();
        },
      }),
    );
  }

  function renderResults(): void {
    destroyCharts();
    const ticket = ++drawing;
    const state = compareState(trials, choice, includeInterrupted);
    // The session's trials under other conditions than the chosen ones, said in words.
    const advice =
      choice === null
        ? null
        : likeAdvice(
            conditionOptions(trials, choice.span, includeInterrupted),
            conditionsKey(choice.conditions),
          );
    if (state.kind !== 'ready' || choice === null) {
      const empty =
        state.kind === 'one-side' && advice !== null
          ? emptyState(
              'conditions-differ',
              'The legs were tested under different conditions',
              `In this session: ${differSentence(advice)} ${adviceWords(advice)}`,
              comparableTests(advice.tests) ?? undefined,
            )
          : state.kind === 'one-side'
            ? emptyState(
                'one-side',
                `Only the ${state.tested} leg so far`,
                `In this session there are trials of the ${state.tested} leg only. Test the ${state.missing} leg under the same conditions to compare the two.`,
                // The advised test: the missing leg, under the conditions of the tested one.
                testLink(
                  `Test the ${state.missing} leg`,
                  choice && setupFor(state.missing, choice.conditions),
                ),
              )
            : state.kind === 'no-trials'
              ? emptyState(
                  'no-trials',
                  'No trials to compare',
                  'Only interrupted trials are stored: they are not results. Run a test on each leg.',
                  testLink(),
                )
              : emptyState(
                  'no-like',
                  'No like-for-like trials',
                  'No trials of either leg under these conditions in this session. Choose another session or conditions, or test both legs with the same set-up.',
                );
      replaceChildren(results, empty);
      return;
    }
    const { comparison, cards } = compareForPage(trials, choice, includeInterrupted);
    const { conditions } = choice;
    const flagged = cards.filter((card) => card.ofBest.flagged);
    const summary = h(
      'p',
      {
        className: flagged.length > 0 ? 'compare-summary flagged' : 'compare-summary',
        data: { field: 'compare-summary' },
      },
      flagged.length > 0
        ? `⚠ LSI below ${LSI_FLAG_BELOW_PERCENT} % for ${flagged.map((card) => card.label.toLowerCase()).join(', ')}.`
        : `No LSI below ${LSI_FLAG_BELOW_PERCENT} %.`,
    );
    const built = cards.map(metricCard);
    const difference = holdTimeDifference(comparison, choice, person.birthYear);
    built
      .find((card) => card.element.dataset['metric'] === 'holdTimeS')
      ?.element.append(
        h(
          'p',
          {
            className: 'hold-difference',
            data: {
              field: 'hold-difference',
              beyond: difference.beyond === null ? '' : String(difference.beyond),
              ...(difference.differenceS === null ? {} : { differenceS: difference.differenceS.toFixed(1) }),
            },
          },
          `${difference.words}.`,
        ),
      );
    const alsoUnder =
      advice === null
        ? null
        : h(
            'p',
            { className: 'notice', data: { field: 'conditions-differ' } },
            `Also in this session, not compared here: ${advice.others}.`,
          );
    replaceChildren(results, summary, alsoUnder, ...built.map((card) => card.element), definitions());
    void import('./charts/history-charts').then((module) => {
      if (ticket !== drawing || !context.isCurrent()) return;
      charts = cards.map((card, k) =>
        module.compareBarChart((built[k] as { canvas: HTMLCanvasElement }).canvas, {
          label: card.label,
          unit: card.unit,
          left: { best: card.left.bestValue, mean: card.left.meanValue },
          right: { best: card.right.bestValue, mean: card.right.meanValue },
          format: (value) => formatMeasure(card.metric, value, conditions),
        }),
      );
      results.dataset['charts'] = 'drawn';
    });
  }

  renderControls();
  renderResults();
  context.show(page('compare', 'Left vs right', ...frame.top, controls, results), () => {
    drawing++;
    destroyCharts();
  });
}
