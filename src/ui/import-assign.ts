/**
 * The import page's form (import-view.ts): whose trials they are (a person of the history or a
 * new one) and, where the files do not say, the side and condition; Save stores every trial in
 * one transaction (all or none).
 */
import type { ImportReport } from '../formats/import-files';
import type { StorkTrialSetup } from '../formats/trial-record';
import { DEFAULT_SETUP, DURATION_CAPS_S, type DurationCapS, type TrialSetup } from '../session/types';
import type { PersonRecord, TrialStore } from '../storage';
import { h } from './dom';
import { completeRecords } from './import-records';
import { EYES_LABELS, PHONE_PLACEMENT_LABELS, STANCE_SIDE_LABELS, SURFACE_LABELS } from './labels';
import type { PlaceContext } from './place-context';

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

export function assignmentForm(
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
