/**
 * Progress over time: for the chosen person, conditions and measure (picker), one line per
 * leg through the best of each session, every trial a point, dates along the x axis; for hold
 * time the Springer 2007 age-group norm as a band where the person's age and the conditions
 * allow it, cited under the chart; the minimal detectable change around each leg's first value
 * as an outlined band, and in words whether each leg's change exceeds it (progress-change.ts).
 * A table beside the chart gives the same numbers.
 */
import type { Chart } from 'chart.js';
import type { LikeConditions, ProgressPoint, SessionValue, Side } from '../core/compare';
import type { ComparedMetric } from '../core/metric-direction';
import { h, replaceChildren } from './dom';
import { conditionOptions } from './compare-model';
import type { MdcBands } from './charts/mdc-band';
import type { TimedValue } from './charts/progress-chart';
import { conditionsControls } from './history-conditions';
import {
  conditionsKey,
  formatDateTime,
  formatDay,
  formatMeasure,
  metricLabel,
  PROGRESS_METRICS,
} from './history-format';
import { emptyState, frameFor, loadPageData, page, testLink } from './history-page';
import { adviceWords, comparableTests, differSentence } from './like-advice-view';
import { likeAdvice } from './like-with-like';
import type { PlaceContext } from './place-context';
import { routeHash } from './routes';
import { normSources } from './sources';
import { changeLines } from './progress-change';
import { NORM_BAND_LABEL, progressModel, type ProgressModel } from './progress-model';

/** The picks, kept while the page is open in this tab. */
let metric: ComparedMetric = 'holdTimeS';
let conditionsChoice: string | null = null;
let includeInterrupted = false;

function timed(points: readonly ProgressPoint[]): TimedValue[] {
  return points.map((point) => ({ x: point.timeMs, y: point.value, trialId: point.trialId }));
}

/** The session's own record as its point's `session`: no words are made until a tooltip asks. */
function line(sessions: readonly SessionValue[]): TimedValue[] {
  return sessions.map((session) => ({ x: session.timeMs, y: session.value, session }));
}

/** The sessions of both legs as rows: date, each leg's session value and number of trials. */
function dataTable(
  model: ProgressModel,
  chosen: ComparedMetric,
  conditions: LikeConditions | null,
): HTMLElement {
  const what = model.series.line === 'best' ? 'Best' : 'Mean';
  const cell = (session: SessionValue | undefined) =>
    h(
      'td',
      { data: { value: session ? String(session.value) : '' } },
      session ? `${formatMeasure(chosen, session.value, conditions)} (${session.trials})` : '–',
    );
  // The rows are made when the table is first opened: years of sessions are many rows.
  const details = h('details', { className: 'data-table' }, h('summary', {}, 'The numbers as a table'));
  const fill = (): void => {
    details.removeEventListener('toggle', fill);
    details.append(table());
  };
  details.addEventListener('toggle', fill);
  return details;

  function table(): HTMLElement {
    const bySide = (side: Side) => new Map(model.series.sides[side].sessions.map((s) => [s.date, s]));
    const left = bySide('left');
    const right = bySide('right');
    const dates = [...new Set([...left.keys(), ...right.keys()])].sort().reverse();
    return h(
      'table',
      {},
      h('caption', {}, `${what} of each session; in brackets the trials it was taken from.`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'col' } }, 'Day'),
          h('th', { attrs: { scope: 'col' } }, 'Left leg'),
          h('th', { attrs: { scope: 'col' } }, 'Right leg'),
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
            cell(left.get(date)),
            cell(right.get(date)),
          ),
        ),
      ),
    );
  }
}

/** To the progress of training (the test's trials only are charted here). */
function trainingLink(): HTMLElement {
  return h(
    'p',
    {},
    h('a', { attrs: { href: routeHash({ name: 'training-progress' }) } }, 'Training progress'),
  );
}

export async function showProgress(context: PlaceContext): Promise<void> {
  const data = await loadPageData(context.history);
  if (!context.isCurrent()) return;
  const frame = frameFor(data, (person) => {
    context.history.choosePerson(person);
    context.refresh();
  });
  if (frame.empty !== null || data.kind !== 'person') {
    context.show(page('progress', 'Progress', ...frame.top, frame.empty, trainingLink()));
    return;
  }
  const { trials, person } = data;
  /** Looked up for a tooltip or the one-trial text, so made on the first question. */
  let startedAtOf: Map<string, string> | null = null;
  const whenOf = (trialId: string): string => {
    startedAtOf ??= new Map(trials.map((trial) => [trial.id, trial.startedAt]));
    return formatDateTime(startedAtOf.get(trialId) ?? '');
  };
  const describe = (point: TimedValue): string =>
    point.session
      ? `${formatDay(point.session.date)} (${point.session.trials} ${point.session.trials === 1 ? 'trial' : 'trials'})`
      : point.trialId
        ? whenOf(point.trialId)
        : '';
  const controls = h('div', { className: 'progress-controls' });
  const results = h('div', { className: 'progress-results' });
  let chart: Chart | null = null;
  let drawing = 0;

  /** The conditions trials were done under, worked out again only when "include interrupted" changes. */
  let options = conditionOptions(trials, null, includeInterrupted);
  function chosenConditions(): LikeConditions | null {
    const chosen = options.find((option) => option.key === conditionsChoice) ?? options[0];
    return chosen?.conditions ?? null;
  }

  function renderControls(): void {
    const current = chosenConditions();
    const metricSelect = h(
      'select',
      { id: 'progress-metric' },
      ...PROGRESS_METRICS.map((key) => {
        const { label, unit } = metricLabel(key, current);
        return h('option', { attrs: { value: key } }, `${label} (${unit})`);
      }),
    );
    metricSelect.value = metric;
    metricSelect.addEventListener('change', () => {
      metric = metricSelect.value as ComparedMetric;
      renderResults();
    });
    replaceChildren(
      controls,
      h(
        'div',
        { className: 'field' },
        h('label', { attrs: { for: 'progress-metric' } }, 'Measure'),
        metricSelect,
      ),
      ...conditionsControls({
        page: 'progress',
        options,
        chosenKey: current === null ? '' : conditionsKey(current),
        includeInterrupted,
        onConditions: (key) => {
          conditionsChoice = key;
          renderResults();
        },
        onInterrupted: (include) => {
          includeInterrupted = include;
          options = conditionOptions(trials, null, includeInterrupted);
          renderControls();
          renderResults();
        },
      }),
    );
  }

  function renderResults(): void {
    chart?.destroy();
    chart = null;
    const ticket = ++drawing;
    const conditions = chosenConditions();
    const model = progressModel(
      trials,
      conditions,
      metric,
      { birthYear: person.birthYear, sex: person.sex },
      includeInterrupted,
    );
    const { label, unit } = metricLabel(metric, conditions);
    const state = model.state;
    if (state.kind === 'no-trials') {
      replaceChildren(
        results,
        emptyState(
          'no-trials',
          'No results yet',
          'Only interrupted trials are stored: they are not results. Run a test to start the chart.',
          testLink(),
        ),
      );
      return;
    }
    if (state.kind === 'no-like') {
      replaceChildren(
        results,
        emptyState(
          'no-like',
          `No ${label.toLowerCase()} to show`,
          'None of the trials under these conditions has this measure. Choose another measure or other conditions.',
        ),
      );
      return;
    }
    // Trials under other conditions than the chosen ones, said in words.
    const advice = conditions === null ? null : likeAdvice(options, conditionsKey(conditions));
    if (state.kind === 'one-trial') {
      const only = model.series.sides.left.points[0] ?? model.series.sides.right.points[0];
      const value = only
        ? `${whenOf(only.trialId)}: ${label.toLowerCase()} ${formatMeasure(metric, only.value, conditions)}. `
        : '';
      replaceChildren(
        results,
        advice === null
          ? emptyState(
              'one-trial',
              'One trial so far',
              `${value}The chart starts with the second trial: test again (the other leg, or another day) to see how balance changes.`,
              testLink(),
            )
          : emptyState(
              'one-trial',
              'One trial under these conditions',
              `${value}The trials differ in conditions: ${differSentence(advice)} A chart needs two trials under the same conditions. ${adviceWords(advice)}`,
              comparableTests(advice.tests) ?? testLink(),
            ),
      );
      return;
    }
    const canvas = h('canvas', {
      attrs: {
        role: 'img',
        'aria-label': `${label} over time, left and right leg; the numbers are in the table below`,
      },
    });
    const captionParts: (HTMLElement | string)[] = [
      `Points: each trial. Lines: the ${model.series.line} of each session (the last 3 trials of a day). Solid: left leg; dashed with triangles: right leg.`,
    ];
    const norm = model.norm;
    if (norm?.applies) {
      captionParts.push(
        h(
          'span',
          { className: 'norm-caption', data: { field: 'norm' } },
          ` Grey band (“${NORM_BAND_LABEL}”): ${norm.label}.`,
        ),
        normSources(),
      );
    } else if (norm && !norm.applies) {
      captionParts.push(
        h('span', { className: 'norm-caption', data: { field: 'norm' } }, ` No norm band: ${norm.reason}.`),
      );
    }
    const mdcBands: MdcBands = {};
    if (model.change) {
      const lines = changeLines(model.change, metric, conditions);
      const legLines = (['left', 'right'] as const).flatMap((side) => {
        const text = lines.legs[side];
        return text === undefined ? [] : [h('li', { data: { field: `change-${side}` } }, text)];
      });
      captionParts.push(
        h('span', { className: 'mdc-caption', data: { field: 'mdc' } }, ` ${lines.mdc}`),
        h('ul', { className: 'change-lines' }, ...legLines),
      );
      for (const side of ['left', 'right'] as const) {
        const band = model.change.legs[side].band;
        const first = model.series.sides[side].sessions[0];
        if (band && first) mdcBands[side] = { fromMs: first.timeMs, ...band };
      }
    }
    // The numbers behind the bands, for checks: data-mdc-s, data-mdc-left-low-s, ...
    const mdcData: Record<string, string> = {};
    if (model.change?.mdc.applies) mdcData['mdcS'] = model.change.mdc.mdc95.toFixed(1);
    for (const [side, band] of Object.entries(mdcBands)) {
      mdcData[`mdc${side === 'left' ? 'Left' : 'Right'}LowS`] = band.lowS.toFixed(1);
      mdcData[`mdc${side === 'left' ? 'Left' : 'Right'}HighS`] = band.highS.toFixed(1);
    }
    const oneSide =
      state.missingSide === null
        ? null
        : h(
            'div',
            { className: 'notice', data: { empty: 'one-side' } },
            h(
              'p',
              {},
              `Only the ${state.missingSide === 'left' ? 'right' : 'left'} leg has trials under these conditions: test the ${state.missingSide} leg to draw its line too.`,
              advice === null ? '' : ` Under other conditions: ${advice.others}.`,
            ),
            advice === null ? null : comparableTests(advice.tests),
          );
    const figure = h(
      'figure',
      {
        className: 'chart progress-figure',
        data: {
          metric,
          pointsLeft: String(model.points.left),
          pointsRight: String(model.points.right),
          sessionsLeft: String(model.series.sides.left.sessions.length),
          sessionsRight: String(model.series.sides.right.sessions.length),
          ...(norm?.applies
            ? {
                normLowS: String(norm.steps[norm.steps.length - 1]?.lowS),
                normHighS: String(norm.steps[norm.steps.length - 1]?.highS),
              }
            : {}),
          ...mdcData,
        },
      },
      h('div', { className: 'chart-box progress-box' }, canvas),
      h('figcaption', {}, ...captionParts),
    );
    replaceChildren(results, oneSide, figure, dataTable(model, metric, conditions));
    performance.mark('stork:page-built');
    const lineLabel = model.series.line === 'best' ? 'best of session' : 'mean of session';
    void import('./charts/history-charts').then((module) => {
      if (ticket !== drawing || !context.isCurrent()) return;
      chart = module.progressChart(canvas, {
        label,
        unit,
        left: {
          points: timed(model.series.sides.left.points),
          line: line(model.series.sides.left.sessions),
        },
        right: {
          points: timed(model.series.sides.right.points),
          line: line(model.series.sides.right.sessions),
        },
        lineLabel,
        norm: norm?.applies ? { steps: norm.steps, label: NORM_BAND_LABEL } : null,
        mdc: mdcBands,
        yMax: metric === 'holdTimeS' && conditions !== null ? conditions.capS : null,
        format: (value) => formatMeasure(metric, value, conditions),
        describe,
      });
      performance.mark('stork:chart-drawn');
      figure.dataset['chart'] = 'drawn';
    });
  }

  renderControls();
  renderResults();
  context.show(page('progress', 'Progress', ...frame.top, controls, results, trainingLink()), () => {
    drawing++;
    chart?.destroy();
  });
}
