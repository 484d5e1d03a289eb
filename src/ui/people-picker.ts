/**
 * "Who is tested": the person picker and the small "add a person" form on the set-up page.
 * The chosen person is the current one (history-access.ts): every finished trial is saved
 * for them. Names and notes go into the page only as text (dom.ts), never as markup.
 */
import type { PersonRecord } from '../storage';
import { h, replaceChildren } from './dom';
import type { HistoryAccess } from './history-access';
import { parsePersonFields, personLabel, type PersonFields } from './person-form';

const NEW_PERSON = '__new__';
const NO_PERSON = '';

export interface PeoplePicker {
  element: HTMLElement;
  /** Resolves once the picker shows what it will show (people listed, or storage unavailable). */
  ready: Promise<void>;
  destroy(): void;
}

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h(
    'div',
    { className: 'field' },
    h('label', { attrs: { for: id } }, label, hint ? h('span', { className: 'hint' }, ` ${hint}`) : null),
    control,
  );
}

export function peoplePicker(access: HistoryAccess): PeoplePicker {
  let people: PersonRecord[] = [];
  let destroyed = false;

  const select = h('select', { id: 'person-select' });
  const status = h('p', { className: 'person-status', data: { field: 'person-status' } });
  const error = h('p', { className: 'form-error', attrs: { role: 'alert' } });
  error.hidden = true;

  const name = h('input', {
    id: 'person-name',
    attrs: { type: 'text', autocomplete: 'off', maxlength: '80', placeholder: 'e.g. Anna or P-017' },
  });
  const birthYear = h('input', {
    id: 'person-birth-year',
    attrs: { type: 'text', inputmode: 'numeric', maxlength: '4', autocomplete: 'off' },
  });
  const sex = h(
    'select',
    { id: 'person-sex' },
    h('option', { attrs: { value: '' } }, 'Not given'),
    h('option', { attrs: { value: 'female' } }, 'Female'),
    h('option', { attrs: { value: 'male' } }, 'Male'),
  );
  const notes = h('textarea', { id: 'person-notes', attrs: { rows: '2', maxlength: '500' } });
  const inputs: Record<keyof PersonFields, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> = {
    name,
    birthYear,
    sex,
    notes,
  };
  const addButton = h('button', { className: 'primary', attrs: { type: 'button' } }, 'Add person');
  const cancelButton = h('button', { className: 'secondary', attrs: { type: 'button' } }, 'Cancel');
  const form = h(
    'div',
    { className: 'person-form', attrs: { role: 'group', 'aria-label': 'Add a person' } },
    field('person-name', 'Name or code', name),
    h(
      'div',
      { className: 'field-pair' },
      field('person-birth-year', 'Birth year', birthYear, '(optional, for age norms)'),
      field('person-sex', 'Sex', sex, '(optional, for eyes-closed norms)'),
    ),
    field('person-notes', 'Notes', notes, '(optional)'),
    error,
    h('div', { className: 'actions' }, addButton, cancelButton),
  );
  form.hidden = true;
  const selectField = field('person-select', 'Person tested', select);
  /** Nobody yet: the form opens on this, so that the set-up and Start are on the first screen. */
  const openButton = h(
    'button',
    {
      className: 'secondary',
      attrs: { type: 'button' },
      on: {
        click: () => {
          openForm();
          name.focus();
        },
      },
    },
    'Add the person tested',
  );
  openButton.hidden = true;

  const element = h(
    'div',
    { className: 'people-picker', data: { part: 'people-picker' } },
    selectField,
    status,
    openButton,
    form,
  );
  element.hidden = true;

  function showStatus(): void {
    const person = access.person();
    status.textContent =
      person === null
        ? 'No person chosen: results are shown but not kept. Choose or add the person tested.'
        : `Results are kept in ${person.name}’s history on this device.`;
    status.classList.toggle('notice', person === null);
  }

  function renderOptions(): void {
    const current = access.person();
    replaceChildren(
      select,
      h('option', { attrs: { value: NO_PERSON } }, 'No person (results not kept)'),
      ...people.map((person) => h('option', { attrs: { value: person.id } }, personLabel(person))),
      h('option', { attrs: { value: NEW_PERSON } }, 'Add a person…'),
    );
    select.value = current?.id ?? NO_PERSON;
    // Nobody yet: a button opens the form, and the form is the picker.
    selectField.hidden = people.length === 0;
    openButton.hidden = people.length > 0 || !form.hidden;
    showStatus();
  }

  function openForm(): void {
    form.hidden = false;
    openButton.hidden = true;
  }

  function closeForm(): void {
    form.hidden = true;
    openButton.hidden = people.length > 0;
    error.hidden = true;
    for (const input of Object.values(inputs)) input.value = '';
    select.value = access.person()?.id ?? NO_PERSON;
  }

  async function addPerson(): Promise<void> {
    const store = await access.ready;
    if (store === null) return;
    const parsed = parsePersonFields(
      { name: name.value, birthYear: birthYear.value, sex: sex.value, notes: notes.value },
      new Date().getFullYear(),
    );
    if (!parsed.ok) {
      error.textContent = parsed.message;
      error.hidden = false;
      inputs[parsed.field].focus();
      return;
    }
    try {
      const person = await store.people.add(parsed.input);
      people = [...people, person].sort((a, b) =>
        a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
      );
      access.choosePerson(person);
      closeForm();
      renderOptions();
      select.focus();
    } catch (failure) {
      error.textContent = failure instanceof Error ? failure.message : String(failure);
      error.hidden = false;
    }
  }

  select.addEventListener('change', () => {
    if (select.value === NEW_PERSON) {
      openForm();
      name.focus();
      return;
    }
    form.hidden = true;
    access.choosePerson(people.find((person) => person.id === select.value) ?? null);
    showStatus();
  });
  addButton.addEventListener('click', () => void addPerson());
  cancelButton.addEventListener('click', () => {
    closeForm();
    (people.length === 0 ? openButton : select).focus();
  });
  // The picker sits inside the set-up form: Enter in a field adds the person, never starts a trial.
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      void addPerson();
    }
  });

  const ready = access.ready.then(async (store) => {
    if (store === null || destroyed) return;
    people = await store.people.list().catch(() => []);
    if (destroyed) return;
    element.hidden = false;
    renderOptions();
  });

  return {
    element,
    ready,
    destroy() {
      destroyed = true;
    },
  };
}
