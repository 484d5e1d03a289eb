/**
 * The result page's sway: one lead figure in words, and the research measures under a
 * "Details" disclosure, each with a one-line meaning and its unit in words
 * (result-meaning.ts); the analysed window they describe (SPEC section 5).
 */
import { usualSway } from '../core/usual-sway';
import type { TrialRecord } from '../session/types';
import { h } from './dom';
import {
  formatMetricValue,
  formatSeconds,
  INPUT_UNIT,
  KEY_METRICS,
  keyMetricValue,
  swayMetricUnit,
} from './format';
import { missingReason, quantityInWords, unitInWords } from './result-meaning';
import { noComparisonWords, usualSwayWords, type EarlierTrials } from './usual-sway-words';

/** The unit of the trial's signal as shown: m/s² for a phone, a sway trial's own unit (or "input unit"). */
export function signalUnit(record: TrialRecord): string {
  return record.sway === undefined ? 'm/s²' : (record.sway.unit ?? INPUT_UNIT);
}

const unitOf = (record: TrialRecord, key: (typeof KEY_METRICS)[number]): string =>
  // A 2-D sway trial's metrics are in its signal's unit (SPEC section 4), not the phone's.
  record.sway === undefined ? key.unit : swayMetricUnit(key.key, record.sway.unit);

const windowLength = (record: TrialRecord): number | null => {
  const window = record.analysis?.window;
  return window === undefined ? null : window.toS - window.fromS;
};

/** "Sway: 0.0123 m/s², the typical size of the sway (acceleration of the chest)." */
export function swayLead(record: TrialRecord): HTMLElement | null {
  const analysis = record.analysis;
  const rms = KEY_METRICS[0];
  if (analysis === null || rms === undefined) return null;
  const value = keyMetricValue(analysis.metrics, rms.key);
  if (value === null) return null;
  const unit = unitOf(record, rms);
  return h(
    'p',
    { className: 'sway-lead', data: { field: 'sway-lead', value: String(value) } },
    h('strong', {}, `Sway: ${formatMetricValue(value)} ${unit}`),
    `, the typical size of the sway (${quantityInWords(rms.key, record.setup.placement, record.sway?.unit)}). Less is steadier.`,
  );
}

/**
 * The line under the lead figure: this trial's sway against the person's earlier trials
 * (usual-sway-words.ts). The page never waits for the history: the line says it is looking and
 * is filled in when `earlier` settles (data-state "done"), whatever it settles with. Null when
 * the trial has no sway to compare (no lead figure either).
 */
export function usualSwayLine(record: TrialRecord, earlier: Promise<EarlierTrials>): HTMLElement | null {
  const rms = KEY_METRICS[0];
  if (record.interrupted || record.analysis === null || rms === undefined) return null;
  if (keyMetricValue(record.analysis.metrics, rms.key) === null) return null;
  const line = h(
    'p',
    { className: 'sway-usual', data: { field: 'sway-usual', state: 'loading' } },
    'Looking up earlier trials…',
  );
  const unit = unitOf(record, rms);
  const trial = { ...record, swayUnit: record.sway?.unit ?? null };
  const fill = (text: string, kind: string): void => {
    line.textContent = text;
    line.dataset['kind'] = kind;
    line.dataset['state'] = 'done';
  };
  earlier
    .then((found) => {
      if ('unavailable' in found) return fill(noComparisonWords(found.unavailable), 'unavailable');
      const usual = usualSway(trial, found.trials);
      if (usual === null) {
        line.hidden = true;
        return fill('', 'none');
      }
      line.dataset['median'] = usual.kind === 'none' ? '' : String(usual.median);
      line.dataset['count'] = usual.kind === 'none' ? '0' : String(usual.count);
      fill(usualSwayWords(usual, unit), usual.kind);
    })
    // A history that refuses, or a stored trial the comparison cannot read, costs this line only.
    .catch(() => fill(noComparisonWords('the history could not be read'), 'unavailable'));
  return line;
}

function metricList(record: TrialRecord): HTMLElement {
  const analysis = record.analysis;
  if (analysis === null) {
    return h(
      'p',
      { className: 'analysis-error', data: { field: 'analysis-error' } },
      `No sway metrics: ${record.analysisError ?? 'the trial could not be analysed'}.`,
    );
  }
  return h(
    'dl',
    { className: 'metrics' },
    ...KEY_METRICS.flatMap((metric) => {
      const value = keyMetricValue(analysis.metrics, metric.key);
      const unit = unitOf(record, metric);
      const spoken = record.sway === undefined ? metric.spokenUnit : unit;
      const missing = missingReason(metric.key, value, windowLength(record));
      return [
        h(
          'dt',
          {},
          metric.label,
          h('span', { className: 'meaning' }, metric.meaning),
          h(
            'span',
            { className: 'meaning unit-words' },
            unitInWords(metric.key, record.setup.placement, unit, record.sway?.unit),
          ),
          missing === null
            ? null
            : h('span', { className: 'meaning', data: { field: `missing-${metric.key}` } }, missing),
        ),
        h(
          'dd',
          { data: { metric: metric.key, value: value === null ? '' : String(value) } },
          formatMetricValue(value),
          value === null
            ? null
            : h('span', { className: 'unit', attrs: { 'aria-label': spoken } }, ` ${unit}`),
        ),
      ];
    }),
  );
}

/** "Analysed 1.0 s to 32.4 s after “go” (31.4 s)": the window the metrics describe (SPEC section 5). */
function analysedWindow(record: TrialRecord): HTMLElement | null {
  const window = record.analysis?.window;
  if (window === undefined) return null;
  return h(
    'p',
    {
      className: 'analysed-window',
      data: { field: 'window', from: String(window.fromS), to: String(window.toS) },
    },
    `Analysed ${formatSeconds(window.fromS)} to ${formatSeconds(window.toS)} after “go” (${formatSeconds(window.toS - window.fromS)}).`,
  );
}

/** The measures for research, closed until asked for: the page leads with the hold time and the sway. */
export function swayDetails(record: TrialRecord): HTMLElement {
  return h(
    'details',
    { className: 'result-details', data: { field: 'sway-details' } },
    h('summary', {}, 'Details: all sway measures'),
    metricList(record),
    analysedWindow(record),
  );
}
