/**
 * The import page (SPEC section 7): files chosen or dropped are read in a Web Worker
 * (src/formats/worker-entry.ts) with a progress bar, so a 50 MB file does not freeze the page;
 * then the page shows what was found (format, rows, rate, what was converted, what was left
 * out), the person chooses whose trials they are and, where the files do not say, the side
 * and condition, and Save stores every trial in one transaction (all or none).
 */
import type { ImportReport } from '../formats/import-files';
import type { StorkTrialSetup } from '../formats/trial-record';
import { DEFAULT_SETUP, DURATION_CAPS_S, type DurationCapS, type TrialSetup } from '../session/types';
import type { PersonRecord, TrialStore } from '../storage';
import { h, replaceChildren } from './dom';
import { EYES_LABELS, PHONE_PLACEMENT_LABELS, STANCE_SIDE_LABELS, SURFACE_LABELS } from './labels';
import { page } from './history-page';
import { previewOf } from './import-preview';
import { completeRecords } from './import-records';
import { readInWorker } from './import-worker';
import type { PlaceContext } from './place-context';
import { routeHash } from './routes';

/** The value of the person select that adds a new person. */
const NEW_PERSON = '';

function radios<T extends string>(
  name: string,
  legend: string,
  labels: Readonly<Record<T, string>>,
  selected: T,
): { element: HTMLFieldSetElement; value(): T } {
  const inputs = (Object.keys(labels) as T[]).map((value) => {
    const input = h('input', { attrs: { type: 'radio', name, value } });
    input.checked = value === selected;
    return { value, input };
  });
  const element = h(
    'fieldset',
    { className: 'choice-group', data: { group: name } },
    h('legend', {}, legend),
    h(
      'div',
      { className: 'choices' },
      ...inputs.map(({ value, input }) =>
        h('label', { className: 'choice' }, input, h('span', {}, labels[value])),
      ),
    ),
  );
  return { element, value: () => inputs.find(({ input }) => input.checked)?.value ?? selected };
}

/** A file's name without its folders (a zip's entries have them). */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function assignmentForm(
  store: TrialStore,
  context: PlaceContext,
  people: readonly PersonRecord[],
  report: ImportReport,
  onSaved: (person: PersonRecord, count: number) => void,
): HTMLElement {
  const subject = report.trials.find((trial) => trial.subject !== null)?.subject ?? null;
  const matching = people.find((person) => person.name === subject) ?? null;
  const current = matching ?? (subject === null ? context.history.person() : null);
  const personSelect = h(
    'select',
    { id: 'import-person' },
    ...people.map((person) => h('option', { attrs: { value: person.id } }, person.name)),
    h('option', { attrs: { value: NEW_PERSON } }, 'A new person…'),
  );
  personSelect.value = current?.id ?? NEW_PERSON;
  const newName = h('input', { id: 'import-new-name', attrs: { type: 'text', autocomplete: 'off' } });
  newName.value = subject ?? '';
  const newNameField = h(
    'div',
    { className: 'field' },
    h('label', { attrs: { for: 'import-new-name' } }, 'Name or code of the new person'),
    newName,
  );
  const syncNewName = (): void => {
    newNameField.hidden = personSelect.value !== NEW_PERSON;
  };
  personSelect.addEventListener('change', syncNewName);
  syncNewName();

  const known = report.trials.find((trial) => trial.record.setup !== null)?.record.setup ?? null;
  const everyKnown = report.trials.every((trial) => trial.record.setup !== null);
  const base: StorkTrialSetup = known ?? DEFAULT_SETUP;
  const side = radios('import-side', 'Stance leg', STANCE_SIDE_LABELS, base.stanceSide);
  const eyes = radios('import-eyes', 'Eyes', EYES_LABELS, base.eyes);
  const surface = radios('import-surface', 'Surface', SURFACE_LABELS, base.surface);
  // A force plate is not a phone placement: sway trials get it on saving (completeRecords).
  const placement = radios(
    'import-placement',
    'Phone placement',
    PHONE_PLACEMENT_LABELS,
    base.placement === 'lumbar' ? 'lumbar' : 'chest',
  );
  placement.element.hidden = report.trials.every((trial) => trial.record.sway !== undefined);
  const swayUnknown = report.trials.some((trial) => trial.record.sway?.unit === null);
  const swayUnit = h('input', { id: 'import-sway-unit', attrs: { type: 'text', autocomplete: 'off' } });
  const swayUnitField = swayUnknown
    ? h(
        'div',
        { className: 'field' },
        h(
          'label',
          { attrs: { for: 'import-sway-unit' } },
          'Unit of the 2-D sway signal (AP, ML), e.g. cm; leave empty to keep it as the file’s unit',
        ),
        swayUnit,
      )
    : null;
  const caps = Object.fromEntries(DURATION_CAPS_S.map((cap) => [String(cap), `${cap} s`])) as Record<
    string,
    string
  >;
  const cap = radios('import-cap', 'Duration cap', caps, String(base.capS));
  const condition = h(
    'fieldset',
    { className: 'import-condition' },
    h('legend', {}, 'Test'),
    side.element,
    eyes.element,
    surface.element,
    placement.element,
    cap.element,
  );
  condition.disabled = everyKnown;
  const conditionNote = everyKnown
    ? h(
        'p',
        { data: { field: 'import-setup-note' } },
        'The summary file says each trial’s leg and condition; they are kept as they are.',
      )
    : null;

  const status = h('p', { data: { field: 'import-save-status' }, attrs: { role: 'status' } });
  const save = h(
    'button',
    { className: 'primary', attrs: { type: 'submit' } },
    `Save ${report.trials.length} ${report.trials.length === 1 ? 'trial' : 'trials'}`,
  );
  const form = h(
    'form',
    { className: 'import-assign', attrs: { novalidate: '' } },
    h('h2', {}, 'Whose trials'),
    h('div', { className: 'field' }, h('label', { attrs: { for: 'import-person' } }, 'Person'), personSelect),
    newNameField,
    condition,
    conditionNote,
    swayUnitField,
    save,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });

  async function run(): Promise<void> {
    save.disabled = true;
    status.textContent = 'Saving…';
    let added: PersonRecord | null = null;
    try {
      let person = people.find((candidate) => candidate.id === personSelect.value) ?? null;
      if (person === null) person = added = await store.people.add({ name: newName.value });
      const setup: TrialSetup = {
        stanceSide: side.value(),
        eyes: eyes.value(),
        surface: surface.value(),
        placement: placement.value(),
        capS: Number(cap.value()) as DurationCapS,
      };
      const records = completeRecords(
        report.trials,
        setup,
        new Date(),
        () => crypto.randomUUID(),
        swayUnit.value,
      );
      await store.trials.saveMany(records, person.id);
      onSaved(person, records.length);
    } catch (error) {
      // Nothing of the import stays: a person added for it goes again.
      if (added !== null) await store.people.remove(added.id).catch(() => undefined);
      status.textContent = `Nothing was saved: ${error instanceof Error ? error.message : String(error)}`;
      save.disabled = false;
    }
  }
  return form;
}

export async function showImport(context: PlaceContext): Promise<void> {
  const store = await context.history.ready;
  if (!context.isCurrent()) return;
  const section = page('import', 'Import');
  if (store === null) {
    section.append(h('p', {}, context.history.problem() ?? 'The history is not available.'));
    context.show(section);
    return;
  }
  const input = h('input', {
    id: 'import-files',
    attrs: { type: 'file', multiple: '', accept: '.csv,.zip' },
  });
  const dropZone = h(
    'div',
    { className: 'drop-zone', data: { field: 'drop-zone' } },
    h('label', { attrs: { for: 'import-files' } }, 'Choose files (.csv or .zip)'),
    input,
    h('p', {}, 'or drop them here'),
  );
  const progress = h('progress', {
    attrs: {
      max: '100',
      value: '0',
      'aria-label': 'Reading the files',
      'aria-valuenow': '0',
      role: 'progressbar',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
    },
  });
  const progressText = h('span', {
    className: 'import-progress-text',
    data: { field: 'import-progress-text' },
  });
  const progressField = h('div', { className: 'import-progress' }, progress, progressText);
  progressField.hidden = true;
  const message = h('div', {
    className: 'import-message',
    data: { field: 'import-message' },
    attrs: { role: 'alert' },
  });
  const result = h('div', { className: 'import-result' });

  function setProgress(fraction: number, file: string | null): void {
    const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    progress.value = percent;
    progress.setAttribute('aria-valuenow', String(percent));
    const text = file === null ? `${percent} %` : `Reading ${baseName(file)}: ${percent} %`;
    progress.setAttribute('aria-valuetext', text);
    progressText.textContent = text;
  }

  let reading = false;
  async function read(files: File[]): Promise<void> {
    if (files.length === 0 || reading) return;
    reading = true;
    replaceChildren(result);
    message.textContent = '';
    setProgress(0, files[0]?.name ?? null);
    progressField.hidden = false;
    dropZone.setAttribute('aria-busy', 'true');
    try {
      const report = await readInWorker(files, setProgress);
      setProgress(1, null);
      progressText.textContent = `Read ${files.length} ${files.length === 1 ? 'file' : 'files'}`;
      if (!context.isCurrent()) return;
      if (report.trials.length === 0) {
        const [only] = report.failed;
        message.textContent =
          report.failed.length === 0
            ? 'No trial was found in these files. Nothing was saved.'
            : `Nothing was imported. ${report.failed.length === 1 && only !== undefined ? only.message : `None of the ${report.failed.length} files could be imported.`}`;
        const leftOut = report.ignored.length > 0 || report.skippedCount > 0 || report.failed.length > 1;
        replaceChildren(result, leftOut ? previewOf(report) : null);
        return;
      }
      const people = await store!.people.list();
      replaceChildren(
        result,
        previewOf(report),
        assignmentForm(store!, context, people, report, (person, count) => {
          context.history.choosePerson(person);
          replaceChildren(
            result,
            h(
              'p',
              { data: { field: 'import-saved', value: String(count) }, attrs: { role: 'status' } },
              `Saved ${count} ${count === 1 ? 'trial' : 'trials'} in ${person.name}’s history.`,
            ),
            h(
              'p',
              {},
              h(
                'a',
                { className: 'button-link primary', attrs: { href: routeHash({ name: 'history' }) } },
                'Show the history',
              ),
            ),
          );
          context.say(`Saved ${count} trials`);
        }),
      );
    } catch (error) {
      progressField.hidden = true;
      message.textContent = `Nothing was imported. ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      reading = false;
      dropZone.removeAttribute('aria-busy');
      input.value = '';
    }
  }

  input.addEventListener('change', () => void read([...(input.files ?? [])]));
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', (event) => {
    // Leaving for one of the zone's own children is not leaving the zone.
    if (!(event.relatedTarget instanceof Node && dropZone.contains(event.relatedTarget)))
      dropZone.classList.remove('dragging');
  });
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    void read([...(event.dataTransfer?.files ?? [])]);
  });

  section.append(
    h(
      'p',
      {},
      'Stork’s own samples and summary files, phyphox and Sensor Logger exports (several files or a zip), UBC Balance Test and iPhone g-unit exports, and a force plate’s 2-D sway CSV (t_ms or t_s, ap, ml: kept in its own unit). Nothing is saved until you choose whose trials they are.',
    ),
    dropZone,
    progressField,
    message,
    result,
    h('p', {}, h('a', { attrs: { href: routeHash({ name: 'history' }) } }, 'Back to the history')),
  );
  context.show(section);
}
