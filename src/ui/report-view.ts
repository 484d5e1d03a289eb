/**
 * The clinician's report (`#/report`): one page for the patient's file, the referring doctor
 * or the insurer, from src/report/report-model.ts. Printed with the browser's own print dialog
 * ("Download PDF" opens it: Save as PDF), so nothing leaves the device. The print stylesheet
 * (report.css) fits the sheet on one A4 or Letter page, in black and white.
 */
import './report.css';
import { ANALYSIS_VERSION, SWAY_ANALYSIS_VERSION } from '../core/options';
import { isoWithOffset } from '../session/local-time';
import { defaultPeriod, parsePeriod, type Period } from '../report/period';
import { holdTimeChart, type Band } from '../report/report-chart';
import { reportModel, TABLE_SWAY_METRICS } from '../report/report-model';
import type { ReportModel, ReportTrial } from '../report/report-types';
import { h, replaceChildren, type Child } from './dom';
import { formatDay, metricLabel } from './history-format';
import { emptyState, frameFor, loadPageData, page, testLink } from './history-page';
import type { PlaceContext } from './place-context';
import { reportChartSvg } from './report-svg';

/** The period chosen, kept while the page is open in this tab (null: the last 4 weeks). */
let chosen: Period | null = null;

const today = (): string => isoWithOffset(new Date()).slice(0, 10);

function table(head: string[], rows: Child[][], className: string): HTMLElement {
  return h(
    'table',
    { className },
    h('thead', {}, h('tr', {}, ...head.map((cell) => h('th', { attrs: { scope: 'col' } }, cell)))),
    h(
      'tbody',
      {},
      // Each cell names its column, for the narrow screen's "column: value" lines (report.css).
      ...rows.map((cells) =>
        h('tr', {}, ...cells.map((cell, k) => h('td', { data: { label: head[k] ?? '' } }, cell))),
      ),
    ),
  );
}

function section(title: string, field: string, ...children: Child[]): HTMLElement {
  return h('section', { className: 'report-section', data: { field } }, h('h2', {}, title), ...children);
}

function bandWords(band: Band | null): string {
  return band === null ? '' : `${band.lowS.toFixed(1)}–${band.highS.toFixed(1)} s`;
}

/** The sheet that prints: everything on it comes from the model. */
export function reportSheet(model: ReportModel): HTMLElement {
  const mainConditions = model.progress?.conditions ?? null;
  const swayHead = TABLE_SWAY_METRICS.map((metric) => metricLabel(metric, mainConditions).label);
  const trials = section(
    'Test trials',
    'trials',
    model.rows.length < model.trialCount
      ? h(
          'p',
          { className: 'report-note' },
          `The latest ${model.rows.length} of ${model.trialCount} trials in the period; all are in the history.`,
        )
      : null,
    table(
      ['Date', 'Leg', 'Eyes', 'Surface', 'Cap', 'Hold time', 'End', ...swayHead],
      model.rows.map((r) => [
        r.when,
        r.leg,
        r.eyes,
        r.surface,
        `${r.capS} s`,
        r.hold,
        r.endReason,
        ...r.sway,
      ]),
      'report-table trials-table',
    ),
  );
  const sides = model.sides
    ? section(
        `Left and right on ${formatDay(model.sides.date)}`,
        'sides',
        table(
          [
            'Measure',
            'Left best',
            'Right best',
            'Left mean',
            'Right mean',
            'LSI best',
            'SI best',
            'LSI mean',
            '',
          ],
          model.sides.rows.map((r) => [
            r.label,
            r.leftBest,
            r.rightBest,
            r.leftMean,
            r.rightMean,
            r.lsiBest,
            r.siBest,
            r.lsiMean,
            r.flagged ? h('strong', { className: 'flag' }, 'below 90 %') : '',
          ]),
          'report-table sides-table',
        ),
        h(
          'p',
          { className: 'report-note', data: { field: 'hold-difference' } },
          `${model.sides.holdDifference}.`,
        ),
      )
    : section(
        'Left and right',
        'sides',
        h('p', {}, 'No day in the period with both legs tested under the same protocol.'),
      );
  let progress: HTMLElement;
  if (model.progress) {
    const chart = holdTimeChart(model.progress, model.period);
    const p = model.progress;
    const legend = [
      'Solid line, circles: left leg; dashed line, triangles: right leg (best of each session).',
      'lowS' in p.norm
        ? ` ${p.norm.lowS === p.norm.highS ? 'Grey line' : 'Grey band'}: norm, ${p.norm.label} (source: ${p.norm.source}).`
        : ` No norm band: ${p.norm.reason}.`,
      p.mdc.applies
        ? ` Outlined bands: the minimal detectable change (${p.mdc.mdc95.toFixed(1)} s) around each leg's first value (left ${bandWords(chart.mdc.left)}, right ${bandWords(chart.mdc.right)}; source: ${p.mdc.value.source}).`
        : ` No measurement-error band: ${p.mdc.reason}.`,
    ];
    progress = section(
      'Hold time over the period',
      'progress',
      h('figure', { className: 'report-chart' }, reportChartSvg(chart), h('figcaption', {}, legend.join(''))),
    );
  } else {
    progress = section('Hold time over the period', 'progress', h('p', {}, 'No test trials in the period.'));
  }
  const training = model.training
    ? section(
        'Training',
        'training',
        h('p', {}, trainingWords(model.training)),
        table(
          ['Exercise', 'Days trained', 'Days planned', 'Sets done', 'Sets planned', 'Ended early'],
          model.training.rows.map((r) => [
            r.exercise,
            r.days,
            r.daysPlanned ?? 'not in the plan',
            r.setsDone,
            r.setsPlanned,
            r.endedEarly,
          ]),
          'report-table training-table',
        ),
      )
    : null;
  return h(
    'article',
    { className: 'report-sheet', data: { field: 'report-sheet' } },
    h(
      'header',
      { className: 'report-head' },
      h('h2', { className: 'report-title' }, 'Single-leg stance: report'),
      h(
        'dl',
        { className: 'report-who' },
        h('dt', {}, 'Person'),
        h('dd', { data: { field: 'who' } }, model.who.name),
        h('dt', {}, 'Age'),
        h('dd', {}, model.who.age),
        h('dt', {}, 'Sex'),
        h('dd', {}, model.who.sex),
        h('dt', {}, 'Period'),
        h('dd', { data: { field: 'period' } }, model.periodLabel),
        h('dt', {}, 'Protocol'),
        h('dd', {}, model.protocols.map((p) => `${p.label} (${p.trials})`).join('; ') || '–'),
      ),
    ),
    section('Summary', 'summary', h('ul', {}, ...model.summary.map((line) => h('li', {}, line)))),
    trials,
    sides,
    progress,
    training,
    h(
      'footer',
      { className: 'report-foot' },
      h(
        'ol',
        { className: 'report-sources' },
        ...model.footnotes.map((f) => h('li', {}, `${f.source}: ${f.citation}`)),
      ),
      h(
        'p',
        { data: { field: 'printed' } },
        `Stork ${model.analysisVersion}. Printed ${model.printed}. Made on this device; no data left it.`,
      ),
    ),
  );
}

function trainingWords(training: NonNullable<ReportModel['training']>): string {
  const days = `${training.daysTrained} ${training.daysTrained === 1 ? 'day' : 'days'} trained`;
  return training.daysPlanned === null
    ? `${days}; no home programme saved.`
    : `${days} of ${training.daysPlanned} planned by the home programme.`;
}

export async function showReport(context: PlaceContext): Promise<void> {
  const data = await loadPageData(context.history);
  if (!context.isCurrent()) return;
  const frame = frameFor(data, (person) => {
    context.history.choosePerson(person);
    context.refresh();
  });
  if (frame.empty !== null || data.kind !== 'person') {
    context.show(page('report', 'Report', ...frame.top, frame.empty));
    return;
  }
  const { person } = data;
  // A stored trial's optional `training` field (training sets) is read where present.
  const trials = data.trials as unknown as ReportTrial[];
  const sheetHost = h('div', { className: 'report-host' });
  const error = h('p', { className: 'notice', attrs: { role: 'alert' }, data: { field: 'period-error' } });
  error.hidden = true;
  const period = chosen ?? defaultPeriod(today());
  const from = h('input', { id: 'report-from', attrs: { type: 'date', value: period.fromDate } });
  const to = h('input', { id: 'report-to', attrs: { type: 'date', value: period.toDate } });
  const render = (): void => {
    const asked = parsePeriod(from.value, to.value);
    if ('error' in asked) {
      error.textContent = `Period: ${asked.error}.`;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    chosen = asked;
    const model = reportModel({
      person: { name: person.name, birthYear: person.birthYear, sex: person.sex },
      trials,
      period: asked,
      printedAt: isoWithOffset(new Date()),
      analysisVersion: ANALYSIS_VERSION,
      swayAnalysisVersion: SWAY_ANALYSIS_VERSION,
      programme: context.programmeOf(person.id),
    });
    replaceChildren(
      sheetHost,
      model.trialCount === 0
        ? emptyState(
            'no-trials',
            'No test trials in this period',
            'Choose another period, or run a test.',
            testLink(),
          )
        : null,
      reportSheet(model),
    );
  };
  from.addEventListener('change', render);
  to.addEventListener('change', render);
  const lastWeeks = h(
    'button',
    {
      attrs: { type: 'button' },
      on: {
        click: () => {
          const fresh = defaultPeriod(today());
          from.value = fresh.fromDate;
          to.value = fresh.toDate;
          render();
        },
      },
    },
    'Last 4 weeks',
  );
  const print = h(
    'button',
    {
      className: 'primary',
      attrs: { type: 'button' },
      data: { action: 'print' },
      on: { click: () => window.print() },
    },
    'Download PDF',
  );
  // The printed date is the date of printing, not of opening the page.
  const beforePrint = (): void => render();
  window.addEventListener('beforeprint', beforePrint);
  const controls = h(
    'div',
    { className: 'report-controls' },
    h('div', { className: 'field' }, h('label', { attrs: { for: 'report-from' } }, 'From'), from),
    h('div', { className: 'field' }, h('label', { attrs: { for: 'report-to' } }, 'To'), to),
    lastWeeks,
    print,
    h(
      'p',
      { className: 'hint' },
      '“Download PDF” opens the print dialog: choose “Save as PDF”. The report is made on this device and never sent anywhere.',
    ),
    error,
  );
  render();
  context.show(page('report', 'Report', ...frame.top, controls, sheetHost), () =>
    window.removeEventListener('beforeprint', beforePrint),
  );
}
