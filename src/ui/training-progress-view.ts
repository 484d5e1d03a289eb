/**
 * Training progress (#/training-progress): for the chosen person and exercise (and leg, eyes,
 * surface), three charts over time, the hold time per set, the sway RMS per set and the time in
 * zone (%), each set a point and each day's mean a line, the sets with feedback apart from the
 * control sets without it (src/training/progress.ts). Under each chart a table gives the same
 * numbers per day. Training sets only: the test's trials are on the Progress page.
 */
import type { Chart } from 'chart.js';
import {
  exerciseChoices,
  trainingSeries,
  TRAINING_MEASURES,
  type DayMean,
  type ExerciseChoice,
  type SetPoint,
  type TrainingMeasure,
  type TrainingSeries,
} from '../training/progress';
import type { Exercise } from '../training/types';
import { h } from './dom';
import { formatDateTime, formatDay } from './history-format';
import { emptyState, frameFor, loadPageData, page } from './history-page';
import { EYES_LABELS, SURFACE_LABELS } from './labels';
import type { PlaceContext } from './place-context';
import { routeHash } from './routes';

const EXERCISE_LABELS: Record<Exercise, string> = {
  'single-leg': 'Standing on one leg',
  tandem: 'One foot in front of the other',
  'feet-together': 'Feet together',
};

const MEASURES: Record<TrainingMeasure, { title: string; axis: string; format(value: number): string }> = {
  holdTimeS: { title: 'Hold time per set', axis: 'Hold time, s', format: (v) => `${v.toFixed(1)} s` },
  rms: { title: 'Sway per set (RMS)', axis: 'Sway (RMS), m/s²', format: (v) => `${v.toFixed(3)} m/s²` },
  timeInZonePct: {
    title: 'Time in the still zone',
    axis: 'Time in zone, %',
    format: (v) => `${v.toFixed(0)} %`,
  },
};

/** The chosen exercise, kept while the page is open in this tab. */
let chosenKey: string | null = null;

export function exerciseLabel(choice: ExerciseChoice): string {
  const leg = choice.leg === null ? '' : `, ${choice.leg} leg`;
  return `${EXERCISE_LABELS[choice.exercise]}${leg}, ${EYES_LABELS[choice.eyes].toLowerCase()}, ${SURFACE_LABELS[choice.surface].toLowerCase()}`;
}

/** The days of both series as rows: the day, the mean with feedback and without, and the sets. */
function dayTable(series: TrainingSeries, measure: TrainingMeasure): HTMLElement {
  const { format } = MEASURES[measure];
  const on = new Map(series.on.days.map((d) => [d.date, d]));
  const off = new Map(series.off.days.map((d) => [d.date, d]));
  const dates = [...new Set([...on.keys(), ...off.keys()])].sort().reverse();
  const cell = (day: DayMean | undefined, side: 'on' | 'off') =>
    h(
      'td',
      { data: { feedback: side, value: day ? String(day.mean) : '', sets: day ? String(day.sets) : '0' } },
      day ? `${format(day.mean)} (${day.sets} ${day.sets === 1 ? 'set' : 'sets'})` : '–',
    );
  return h(
    'table',
    { className: 'training-table', data: { measure } },
    h('caption', {}, 'Mean of each day; in brackets the sets it is of.'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'col' } }, 'Day'),
        h('th', { attrs: { scope: 'col' } }, 'Feedback on'),
        h('th', { attrs: { scope: 'col' } }, 'Feedback off'),
      ),
    ),
    h(
      'tbody',
      {},
      ...dates.map((date) =>
        h(
          'tr',
          { data: { date } },
          h('th', { attrs: { scope: 'row' } }, formatDay(date)),
          cell(on.get(date), 'on'),
          cell(off.get(date), 'off'),
        ),
      ),
    ),
  );
}

export async function showTrainingProgress(context: PlaceContext): Promise<void> {
  const data = await loadPageData(context.history);
  if (!context.isCurrent()) return;
  const frame = frameFor(data, (person) => {
    context.history.choosePerson(person);
    context.refresh();
  });
  const title = 'Training progress';
  if (frame.empty !== null || data.kind !== 'person') {
    context.show(page('training-progress', title, ...frame.top, frame.empty));
    return;
  }
  const sets = data.trials;
  const choices = exerciseChoices(sets);
  if (choices.length === 0) {
    context.show(
      page(
        'training-progress',
        title,
        ...frame.top,
        emptyState(
          'no-training',
          'No training sets yet',
          `${data.person.name} has no training set stored. Every set of a training session is kept here, and this page then shows how the hold time, the sway and the time in the still zone change from day to day.`,
        ),
      ),
    );
    return;
  }
  const choice = choices.find((c) => c.key === chosenKey) ?? choices[0]!;
  const select = h(
    'select',
    { id: 'training-exercise' },
    ...choices.map((c) =>
      h(
        'option',
        { attrs: { value: c.key } },
        `${exerciseLabel(c)} (${c.sets} ${c.sets === 1 ? 'set' : 'sets'})`,
      ),
    ),
  );
  select.value = choice.key;
  select.addEventListener('change', () => {
    chosenKey = select.value;
    context.refresh();
  });
  const charts: Chart[] = [];
  let open = true;
  const figures = TRAINING_MEASURES.map((measure) => {
    const series = trainingSeries(sets, choice, measure);
    const { title: heading, axis, format } = MEASURES[measure];
    const count = series.on.points.length + series.off.points.length;
    const canvas = h('canvas', {
      attrs: {
        role: 'img',
        'aria-label': `${heading} over time, feedback on and off; the numbers are in the table below`,
      },
    });
    const figure = h(
      'figure',
      {
        className: 'chart training-progress-figure',
        data: {
          measure,
          setsOn: String(series.on.points.length),
          setsOff: String(series.off.points.length),
        },
      },
      h('h2', {}, heading),
      count === 0
        ? h('p', { data: { empty: 'no-values' } }, 'None of these sets has this measure.')
        : h('div', { className: 'chart-box progress-box' }, canvas),
      h(
        'figcaption',
        {},
        'Points: each set. Lines: the mean of each day. Solid with circles: feedback on; dashed with squares: feedback off (a set to compare with).',
      ),
      count === 0 ? null : dayTable(series, measure),
    );
    if (count > 0)
      void import('./charts/history-charts').then((module) => {
        if (!open || !context.isCurrent()) return;
        charts.push(
          module.trainingProgressChart(canvas, {
            series,
            axisTitle: axis,
            yMax: measure === 'timeInZonePct' ? 100 : null,
            format,
            describe: (point: SetPoint | DayMean) =>
              'trialId' in point
                ? `${formatDateTime(sets.find((s) => s.id === point.trialId)?.startedAt ?? '')}${point.endedEarly ? ', ended early' : ''}`
                : `${formatDay(point.date)} (${point.sets} ${point.sets === 1 ? 'set' : 'sets'})`,
          }),
        );
        figure.dataset['chart'] = 'drawn';
      });
    return figure;
  });
  context.show(
    page(
      'training-progress',
      title,
      ...frame.top,
      h(
        'div',
        { className: 'field' },
        h('label', { attrs: { for: 'training-exercise' } }, 'Exercise'),
        select,
      ),
      ...figures,
      h('p', {}, h('a', { attrs: { href: routeHash({ name: 'progress' }) } }, 'Progress of the test')),
    ),
    () => {
      open = false;
      for (const chart of charts) chart.destroy();
    },
  );
}
