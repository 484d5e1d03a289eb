/**
 * The export page (SPEC section 7): the summary CSV (one row per trial) and the samples CSV
 * (every reading) of the trials chosen in the history list, of one person's trials, of the
 * history's current filter, or of everyone's; shared where the browser can share files (a
 * phone), downloaded otherwise.
 */
import { version as appVersion } from '../../package.json';
import { trialSamplesCsvParts, trialSummaryCsv, trialSwayCsvParts } from '../formats/trial-export';
import type { StorkTrialRecord } from '../formats/trial-record';
import type { PersonRecord, TrialStore } from '../storage';
import type { TrialSummary } from '../storage/summaries';
import { h } from './dom';
import { chosenExportFileName, deliverFiles, exportFileName, type ExportKind } from './export-files';
import { filterHistory, type HistoryFilter, type TrialChoice } from './history-model';
import { currentHistoryFilter, currentTrialChoice, keepTrialChoice } from './history-view';
import { page } from './history-page';
import type { PlaceContext } from './place-context';
import { routeHash } from './routes';

/** Whose trials go into the files. */
export type ExportScope = 'chosen' | 'person' | 'filter' | 'everyone';

function filterIsAll(filter: HistoryFilter): boolean {
  return filter.side === 'all' && filter.eyes === 'all' && filter.surface === 'all' && filter.showInterrupted;
}

/**
 * The chosen trials (with samples), oldest first, and whose each is. Trials no longer in the
 * history (deleted since they were chosen) are left out, and out of the choice.
 */
async function chosenTrials(
  store: TrialStore,
  choice: TrialChoice,
  people: readonly PersonRecord[],
): Promise<{ records: StorkTrialRecord[]; names: Map<string, string>; missing: number }> {
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const names = new Map<string, string>();
  const found: (StorkTrialRecord & { startedAtMs: number })[] = [];
  for (const id of choice) {
    const trial = await store.trials.get(id);
    if (trial === undefined) continue;
    found.push(trial);
    const name = nameOf.get(trial.personId);
    if (name !== undefined) names.set(trial.id, name);
  }
  found.sort((a, b) => a.startedAtMs - b.startedAtMs);
  const missing = choice.size - found.length;
  if (missing > 0) keepTrialChoice(new Set(found.map((trial) => trial.id)));
  return { records: found, names, missing };
}

/** The trials (with samples) of the scope, oldest first, and whom the file names name. */
async function trialsOf(
  store: TrialStore,
  scope: Exclude<ExportScope, 'chosen'>,
  person: PersonRecord | null,
  people: readonly PersonRecord[],
): Promise<{ records: StorkTrialRecord[]; names: Map<string, string> }> {
  const owners = scope === 'everyone' || person === null ? people : [person];
  const names = new Map<string, string>();
  const rows: TrialSummary[] = [];
  for (const owner of owners) {
    const listed = await store.trials.listByPerson(owner.id);
    const chosen = scope === 'filter' ? filterHistory(listed, currentHistoryFilter()).trials : listed;
    for (const row of chosen) names.set(row.id, owner.name);
    rows.push(...chosen);
  }
  rows.sort((a, b) => a.startedAtMs - b.startedAtMs);
  const records: StorkTrialRecord[] = [];
  for (const row of rows) {
    const trial = await store.trials.get(row.id);
    if (trial) records.push(trial);
  }
  return { records, names };
}

export async function showExport(context: PlaceContext): Promise<void> {
  const store = await context.history.ready;
  if (!context.isCurrent()) return;
  const section = page('export', 'Export');
  if (store === null) {
    section.append(h('p', {}, context.history.problem() ?? 'The history is not available.'));
    context.show(section);
    return;
  }
  const people = await store.people.list();
  const person = context.history.person();
  const filter = currentHistoryFilter();

  const choice = currentTrialChoice();
  const scopeOptions: { value: ExportScope; label: string }[] = [];
  if (choice.size > 0)
    scopeOptions.push({
      value: 'chosen',
      label:
        choice.size === 1
          ? 'The trial chosen in the history'
          : `The ${choice.size} trials chosen in the history`,
    });
  if (person !== null) {
    scopeOptions.push({ value: 'person', label: `All of ${person.name}’s trials` });
    if (!filterIsAll(filter))
      scopeOptions.push({
        value: 'filter',
        label: 'Only those the history’s filters show',
      });
  }
  scopeOptions.push({ value: 'everyone', label: 'Everyone’s trials' });
  let scope: ExportScope = scopeOptions[0]!.value;
  const scopeGroup = h(
    'fieldset',
    { className: 'choice-group', data: { group: 'export-scope' } },
    h('legend', {}, 'Trials'),
    h(
      'div',
      { className: 'choices stacked' },
      ...scopeOptions.map((option) => {
        const input = h('input', {
          attrs: { type: 'radio', name: 'export-scope', value: option.value },
          on: { change: () => (scope = option.value) },
        });
        input.checked = option.value === scope;
        return h('label', { className: 'choice' }, input, h('span', {}, option.label));
      }),
    ),
  );
  const kindBox = (kind: ExportKind): HTMLInputElement => {
    const box = h('input', { id: `export-${kind}`, attrs: { type: 'checkbox' } });
    box.checked = true;
    return box;
  };
  const summaryBox = kindBox('summary');
  const samplesBox = kindBox('samples');
  const excelBox = h('input', { id: 'export-excel', attrs: { type: 'checkbox' } });
  const kinds = h(
    'fieldset',
    { className: 'export-kinds' },
    h('legend', {}, 'Files'),
    h(
      'label',
      { className: 'check', attrs: { for: 'export-summary' } },
      summaryBox,
      h('span', {}, 'Summary: one row per trial, every metric with its unit'),
    ),
    h(
      'label',
      { className: 'check', attrs: { for: 'export-samples' } },
      samplesBox,
      h('span', {}, 'Samples: every sensor reading of the trials'),
    ),
    h(
      'label',
      { className: 'check', attrs: { for: 'export-excel' } },
      excelBox,
      h('span', {}, 'For Excel: mark the summary as UTF-8, so names with accents open as written'),
    ),
  );
  const status = h('p', {
    className: 'export-status',
    data: { field: 'export-status' },
    attrs: { role: 'status' },
  });
  const button = h('button', { className: 'primary', attrs: { type: 'button' } }, 'Export');
  button.addEventListener('click', () => void run());

  async function run(): Promise<void> {
    const wanted: ExportKind[] = [];
    if (summaryBox.checked) wanted.push('summary');
    if (samplesBox.checked) wanted.push('samples');
    if (wanted.length === 0) {
      status.textContent = 'Choose the summary, the samples or both.';
      return;
    }
    button.disabled = true;
    status.textContent = 'Preparing the files…';
    try {
      const { records, names, missing } =
        scope === 'chosen'
          ? await chosenTrials(store!, choice, people)
          : { ...(await trialsOf(store!, scope, person, people)), missing: 0 };
      const gone =
        missing === 0
          ? ''
          : ` ${missing} chosen ${missing === 1 ? 'trial is' : 'trials are'} no longer in the history.`;
      if (records.length === 0) {
        status.textContent = `There are no trials to export.${gone}`;
        return;
      }
      const who = scope === 'everyone' || person === null ? null : person.name;
      const now = new Date();
      const fileName = (kind: ExportKind): string =>
        scope === 'chosen'
          ? chosenExportFileName(
              records.map((record) => ({
                who: names.get(record.id) ?? null,
                stanceSide: record.setup.stanceSide,
                startedAt: record.startedAt,
              })),
              kind,
            )
          : exportFileName(who, kind, now);
      const files = wanted.flatMap((kind) => {
        const parts =
          kind === 'summary'
            ? [
                trialSummaryCsv(records, {
                  appVersion,
                  subjectOf: (record) => names.get(record.id) ?? null,
                  byteOrderMark: excelBox.checked,
                }),
              ]
            : [...trialSamplesCsvParts(records)];
        const file = new File(parts, fileName(kind), { type: 'text/csv' });
        // 2-D sway trials (force plate) are not in the samples CSV: their AP and ML go in a sway CSV beside it.
        if (kind === 'summary' || !records.some((record) => record.sway !== undefined)) return [file];
        const swayName = fileName(kind).replace(/\.csv$/, '-sway.csv');
        return [file, new File([...trialSwayCsvParts(records)], swayName, { type: 'text/csv' })];
      });
      const outcome = await deliverFiles(files);
      const count = `${records.length} ${records.length === 1 ? 'trial' : 'trials'}`;
      status.textContent =
        outcome === 'cancelled'
          ? 'Nothing was shared.'
          : `${outcome === 'shared' ? 'Shared' : 'Downloaded'} ${files.map((file) => file.name).join(' and ')} (${count}).${gone}`;
      status.dataset['outcome'] = outcome;
      context.say(status.textContent);
    } catch (error) {
      status.textContent = `The export failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      button.disabled = false;
    }
  }

  section.append(
    h(
      'p',
      {},
      'The files open in any spreadsheet. On a phone they go to the share sheet (mail, drive, notes); elsewhere they are downloaded.',
    ),
    scopeGroup,
    kinds,
    button,
    status,
    h('p', {}, h('a', { attrs: { href: routeHash({ name: 'history' }) } }, 'Back to the history')),
  );
  context.show(section);
}
