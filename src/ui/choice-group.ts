/**
 * Big radio buttons in a fieldset whose legend names the group, and a labelled select: the
 * controls of the training form and plan. `prefix` keeps names and ids apart where a page has
 * two forms.
 */
import { h } from './dom';

export interface ChoiceOption<T extends string | number> {
  value: T;
  label: string;
}

export function choiceGroup<T extends string | number>(
  name: string,
  legend: string,
  options: readonly ChoiceOption<T>[],
  selected: T,
  onChange: (value: T) => void,
): HTMLFieldSetElement {
  return h(
    'fieldset',
    { className: 'choice-group', data: { group: name } },
    h('legend', {}, legend),
    h(
      'div',
      { className: 'choices' },
      ...options.map((option) => {
        const input = h('input', {
          attrs: { type: 'radio', name, value: String(option.value) },
          on: { change: () => onChange(option.value) },
        });
        input.checked = option.value === selected;
        return h('label', { className: 'choice' }, input, h('span', {}, option.label));
      }),
    ),
  );
}

/** A select of numbers with a label; a selected value not among `values` is offered too. */
export function numberSelect(
  id: string,
  label: string,
  values: readonly number[],
  selected: number,
  text: (value: number) => string,
  onChange: (value: number) => void,
): { element: HTMLElement; label: HTMLLabelElement } {
  const all = values.includes(selected) ? values : [...values, selected].sort((a, b) => a - b);
  const select = h(
    'select',
    { id, on: { change: () => onChange(Number(select.value)) } },
    ...all.map((value) => h('option', { attrs: { value: String(value) } }, text(value))),
  );
  select.value = String(selected);
  const labelElement = h('label', { attrs: { for: id } }, label);
  return { element: h('div', { className: 'field' }, labelElement, select), label: labelElement };
}
