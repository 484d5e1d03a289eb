/**
 * What the import page shows of the files read (import-view.ts): the trials found, each as one
 * line (files and app, rows, rate, hold time), what was converted, the notes, and what was left
 * out (files, rows, files that could not be imported, with their reasons).
 */
import type { ImportReport } from '../formats/import-files';
import type { ImportedTrial } from '../formats/trial-import';
import { h } from './dom';
import { EYES_LABELS, STANCE_SIDE_LABELS } from './labels';

/** Names of the formats whose trials are not another app's (those have `importedFrom`). */
const FORMAT_NAMES: Readonly<Record<string, string>> = { 'stork-samples': 'Stork samples' };

/** A headed list of texts (`field` names it for the page's tests), or nothing when there are none. */
function textList(field: string, title: string, texts: readonly string[]): HTMLElement | null {
  if (texts.length === 0) return null;
  return h(
    'div',
    { data: { field } },
    h('h3', {}, title),
    h('ul', {}, ...texts.map((text) => h('li', {}, text))),
  );
}

/** The files that could not be imported, each with its line and reason. */
function failedList(report: ImportReport): HTMLElement | null {
  if (report.failed.length === 0) return null;
  const count = report.failed.length;
  return h(
    'div',
    { className: 'import-failed', data: { field: 'import-failed', value: String(count) } },
    h('h3', {}, `${count} ${count === 1 ? 'file' : 'files'} not imported`),
    h(
      'ul',
      {},
      ...report.failed.map((failed) =>
        h(
          'li',
          {},
          failed.message,
          failed.alsoNotImported.length > 0
            ? ` (so neither is ${failed.alsoNotImported.join(', ')}, of the same recording)`
            : '',
        ),
      ),
    ),
  );
}

/** One line about a trial: its files and app, rows, rate, hold time. */
function trialLine(trial: ImportedTrial, index: number): string {
  const { record, origin } = trial;
  const rows = record.samples.tS.length;
  const files = origin.files.join(', ');
  const parts = [
    `Trial ${index + 1}: ${files === '' ? '' : `${files}, `}${record.importedFrom ?? FORMAT_NAMES[origin.format] ?? origin.format}`,
    `${rows} rows`,
    `${record.inputRateHz.toFixed(1)} Hz`,
    `hold ${record.holdTimeS.toFixed(1)} s`,
  ];
  if (record.sway !== undefined)
    parts.push(
      `2-D sway signal (AP, ML) ${record.sway.unit === null ? 'in its own unit' : `in ${record.sway.unit}`}`,
    );
  if (record.setup)
    parts.push(`${STANCE_SIDE_LABELS[record.setup.stanceSide]}, ${EYES_LABELS[record.setup.eyes]}`);
  if (record.analysis === null) parts.push('not analysable');
  return parts.join(' · ');
}

export function previewOf(report: ImportReport): HTMLElement {
  const conversions = [...new Set(report.trials.flatMap((trial) => trial.origin.conversions))];
  const notes = [
    ...new Set(
      report.trials.flatMap((trial) =>
        [...trial.origin.notes, trial.record.analysisError ?? ''].filter(Boolean),
      ),
    ),
  ];
  return h(
    'div',
    { className: 'import-preview', data: { field: 'import-preview' } },
    h('h2', {}, `${report.trials.length} ${report.trials.length === 1 ? 'trial' : 'trials'} found`),
    failedList(report),
    h(
      'ul',
      { data: { field: 'import-trials' } },
      ...report.trials.map((trial, i) => h('li', {}, trialLine(trial, i))),
    ),
    textList('import-conversions', 'Converted', conversions),
    textList('import-notes', 'Notes', notes),
    textList('import-ignored', 'Files left out', report.ignored),
    report.skippedCount > 0
      ? h(
          'div',
          { data: { field: 'import-skipped', value: String(report.skippedCount) } },
          h('h3', {}, `${report.skippedCount} ${report.skippedCount === 1 ? 'row' : 'rows'} left out`),
          h(
            'ul',
            {},
            ...report.skipped.map((row) => h('li', {}, `${row.file}: line ${row.line}: ${row.reason}`)),
          ),
        )
      : null,
  );
}
