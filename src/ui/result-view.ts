/**
 * The result page: hold time, how the trial ended, the key sway metrics with units, the sway
 * path with its 95 % ellipse, AP/ML over time with the analysed window and touch-down marked,
 * and the guided session's next step (src/ui/guided-session.ts: "Next: right leg, trial 2 of
 * 3", one tap). An interrupted trial is shown as such, without metrics: it is never a result.
 */
import type { Chart } from 'chart.js';
import type { TrialRecord } from '../session/types';
import { loadCharts } from './charts/load';
import { h } from './dom';
import { formatSeconds } from './format';
import {
  endReasonHeadline,
  EYES_LABELS,
  interruptionAdvice,
  PLACEMENT_LABELS,
  STANCE_SIDE_LABELS,
  SURFACE_LABELS,
} from './labels';
import { holdTimeMeaning, type NormPerson } from './result-meaning';
import { signalUnit, swayDetails, swayLead, usualSwayLine } from './result-metrics';
import { resultSeries } from './result-series';
import type { EarlierTrials } from './usual-sway-words';

/** A stored trial opened from the history: back and delete instead of the next trial's steps. */
export interface StoredTrialActions {
  /** Who and when, e.g. "P-017 · 3 May 2026, 10:14" (shown as text). */
  caption: string;
  onBack(): void;
  onDelete(): void;
}

/** One button of the session's way on. */
export interface ResultStep {
  label: string;
  run(): void;
}

/** What comes after a live trial in the guided session (src/ui/guided-session.ts). */
export interface ResultSteps {
  /** Where a counted trial stands, e.g. "Left leg: trial 2 of 3"; null for one that did not count. */
  countLine: string | null;
  /** The protocol's next step: the next trial, the same one again, or the session's summary. */
  next: ResultStep;
  /** Other ways on, e.g. ending the session early. */
  others: readonly ResultStep[];
}

export interface ResultViewOptions {
  record: TrialRecord;
  /** Present when the record comes from the history (history-screens.ts). */
  stored?: StoredTrialActions;
  /** The guided session's next steps; absent for a stored trial. */
  steps?: ResultSteps;
  /** Who was tested, for the age norm; null or absent: nobody chosen (the page says so). */
  person?: NormPerson | null;
  /**
   * The person's trials to set this one's sway against (usual-sway-words.ts), read while the
   * page is shown; absent: no such line (the page does not wait for it).
   */
  earlierTrials?: Promise<EarlierTrials>;
  onChangeSetup(): void;
  onDownload(): void;
}

export interface ResultView {
  element: HTMLElement;
  /** Says whether the trial was kept in the history ('saved') or not, and why (a live result). */
  showSaveStatus(state: 'saving' | 'saved' | 'not-saved', text: string): void;
  /** Draws the charts; call once the element is in the document (Chart.js measures it). */
  drawCharts(): Promise<void>;
  destroy(): void;
}

function button(label: string, kind: 'primary' | 'secondary', run: () => void): HTMLButtonElement {
  return h('button', { className: kind, attrs: { type: 'button' }, on: { click: run } }, label);
}

function setupSummary(record: TrialRecord): string {
  const { setup } = record;
  const parts = [
    STANCE_SIDE_LABELS[setup.stanceSide],
    EYES_LABELS[setup.eyes],
    SURFACE_LABELS[setup.surface],
    setup.placement === 'force-plate'
      ? 'force plate'
      : `phone on ${PLACEMENT_LABELS[setup.placement].toLowerCase()}`,
    `${setup.capS} s limit`,
  ];
  if (record.source === 'demo') parts.push('demo recording');
  if (record.importedFrom !== undefined) parts.push(`imported from ${record.importedFrom}`);
  return parts.join(' · ');
}

/** "2134 samples at 60.0 Hz": how much data the trial stored, useful to see nothing was lost. */
export function samplesLine(record: TrialRecord): string {
  const rate = Number.isFinite(record.inputRateHz) ? record.inputRateHz.toFixed(1) : '–';
  const line = `${record.samples.tS.length} samples at ${rate} Hz`;
  return record.sway === undefined ? line : `${line}, 2-D sway signal (AP, ML) in ${signalUnit(record)}`;
}

function figure(caption: string, canvasLabel: string): { figure: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': canvasLabel } });
  return {
    figure: h(
      'figure',
      { className: 'chart' },
      h('div', { className: 'chart-box' }, canvas),
      h('figcaption', {}, caption),
    ),
    canvas,
  };
}

export function resultView(options: ResultViewOptions): ResultView {
  const { record } = options;
  const interrupted = record.interrupted;
  const charts: Chart[] = [];
  let destroyed = false;
  const title = interrupted ? 'Trial interrupted' : 'Result';
  const children: (HTMLElement | null)[] = [];

  const holdTime = h(
    'p',
    { className: 'hold-time', data: { field: 'hold-time', value: String(record.holdTimeS) } },
    h('span', { className: 'hold-time-label' }, interrupted ? 'Stopped after' : 'Hold time'),
    h('span', { className: 'hold-time-value' }, formatSeconds(record.holdTimeS)),
  );
  const reason = h(
    'p',
    { className: 'end-reason', data: { field: 'end-reason', value: record.endReason } },
    endReasonHeadline(record.endReason, record.setup.capS),
    record.endReason === 'touchdown' && record.touchdownS !== null
      ? ` at ${formatSeconds(record.touchdownS)}`
      : '',
  );
  const meaning = holdTimeMeaning(record, options.person ?? null);
  const norm =
    meaning === null
      ? null
      : h(
          'p',
          {
            className: 'hold-norm',
            data: { field: 'hold-norm', applies: String(meaning.applies), against: meaning.against ?? '' },
          },
          meaning.text,
        );
  const saveStatus = h('p', {
    className: 'save-status',
    data: { field: 'save-status' },
    attrs: { role: 'status' },
  });
  saveStatus.hidden = true;
  const stored = options.stored;
  children.push(
    stored
      ? h('p', { className: 'stored-caption', data: { field: 'stored-caption' } }, stored.caption)
      : null,
    holdTime,
    reason,
    norm,
    saveStatus,
  );
  const steps = options.steps;
  const nextActions = (): HTMLElement | null =>
    stored
      ? h(
          'div',
          { className: 'actions' },
          button('Back to history', 'primary', stored.onBack),
          button('Delete trial', 'secondary', stored.onDelete),
        )
      : steps
        ? h(
            'div',
            { className: 'actions', data: { part: 'next-steps' } },
            button(steps.next.label, 'primary', steps.next.run),
            ...steps.others.map((step) => button(step.label, 'secondary', step.run)),
            interrupted ? button('Change set-up', 'secondary', options.onChangeSetup) : null,
          )
        : null;
  const countLine =
    steps?.countLine == null
      ? null
      : h('p', { className: 'trial-count', data: { field: 'trial-count' } }, steps.countLine);

  if (interrupted) {
    children.push(
      h('p', { className: 'not-counted', data: { field: 'not-counted' } }, 'Not counted as a result.'),
      h('p', {}, interruptionAdvice(record.endReason)),
      nextActions(),
    );
  } else {
    children.push(
      countLine,
      nextActions(),
      h('h2', {}, 'Sway'),
      swayLead(record),
      options.earlierTrials === undefined ? null : usualSwayLine(record, options.earlierTrials),
      swayDetails(record),
    );
  }
  children.push(
    h('p', { className: 'setup-summary' }, setupSummary(record)),
    h(
      'p',
      { className: 'samples-line', data: { field: 'samples', value: String(record.samples.tS.length) } },
      samplesLine(record),
    ),
  );

  const signal = record.sway === undefined ? 'acceleration' : `sway (${signalUnit(record)})`;
  const path = figure(
    'Sway path seen from above (analysed window) with the 95 % ellipse.',
    `Sway path: medio-lateral against anterior-posterior ${signal}, with the 95 % confidence ellipse`,
  );
  const overTime = figure(
    `AP and ML ${signal} over the trial. Shaded: the analysed window. Red dashed line: foot touch-down.`,
    `AP and ML ${signal} over time, with the analysed window shaded and the touch-down marked`,
  );
  const chartSection = h('section', { className: 'charts', attrs: { 'aria-label': 'Charts' } });
  if (!interrupted) children.push(chartSection);

  children.push(
    h(
      'div',
      { className: 'actions' },
      interrupted || stored ? null : button('Change set-up', 'secondary', options.onChangeSetup),
      button('Download samples (CSV)', 'secondary', options.onDownload),
    ),
  );

  const element = h(
    'section',
    { className: 'screen result', data: { screen: 'result', interrupted: String(interrupted) } },
    h('h1', { attrs: { tabindex: '-1' } }, title),
    ...children,
  );

  return {
    element,
    showSaveStatus(state, text) {
      saveStatus.textContent = text;
      saveStatus.dataset['state'] = state;
      saveStatus.hidden = false;
    },
    async drawCharts() {
      if (interrupted) return;
      const { swayPathChart, motionTimeChart } = await loadCharts();
      if (destroyed) return;
      const series = resultSeries(record);
      const analysis = record.analysis;
      if (series.path !== null && analysis !== null) {
        chartSection.append(path.figure);
        charts.push(swayPathChart(path.canvas, series.path, analysis.metrics, signalUnit(record)));
      }
      if (series.overTime !== null) {
        chartSection.append(overTime.figure);
        charts.push(
          motionTimeChart(
            overTime.canvas,
            series.overTime,
            {
              window: analysis?.window ?? null,
              touchdownS: record.touchdownS,
            },
            signalUnit(record),
          ),
        );
      }
      element.dataset['charts'] = 'drawn';
    },
    destroy() {
      destroyed = true;
      for (const chart of charts) chart.destroy();
      charts.length = 0;
    },
  };
}
