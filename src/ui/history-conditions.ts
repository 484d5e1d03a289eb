/**
 * The like-for-like choice of the compare and progress pages: a "Conditions" select (left out
 * when no trial counts) and an "Include interrupted trials" checkbox. Ids are `<page>-conditions`
 * and `<page>-interrupted`, so each page's labels point at its own fields. Each conditions' option
 * says how many trials of each leg it holds: the numbers the page then shows.
 */
import type { ConditionOption } from './compare-model';
import { h } from './dom';
import { conditionsShortLabel } from './history-format';

export interface ConditionsControlOptions {
  /** The page, the ids' prefix: 'compare', 'progress'. */
  page: string;
  /** What to choose from (compare-model.ts conditionOptions), in order. */
  options: readonly ConditionOption[];
  /** The key of the chosen option ('' or an unknown key: the first). */
  chosenKey: string;
  includeInterrupted: boolean;
  onConditions(key: string): void;
  onInterrupted(include: boolean): void;
}

/** The select's field (or null without options) and the checkbox, in page order. */
export function conditionsControls(control: ConditionsControlOptions): HTMLElement[] {
  const { page, options } = control;
  const interrupted = h('input', {
    id: `${page}-interrupted`,
    attrs: { type: 'checkbox' },
    on: { change: () => control.onInterrupted(interrupted.checked) },
  });
  interrupted.checked = control.includeInterrupted;
  const interruptedField = h(
    'label',
    { className: 'check', attrs: { for: `${page}-interrupted` } },
    interrupted,
    h('span', {}, 'Include interrupted trials'),
  );
  if (options.length === 0) return [interruptedField];
  const select = h(
    'select',
    { id: `${page}-conditions`, on: { change: () => control.onConditions(select.value) } },
    ...options.map((option) =>
      h(
        'option',
        { attrs: { value: option.key } },
        `${conditionsShortLabel(option.conditions)} (left ${option.left}, right ${option.right})`,
      ),
    ),
  );
  select.value = options.some((option) => option.key === control.chosenKey)
    ? control.chosenKey
    : (options[0]?.key ?? '');
  return [
    h(
      'div',
      { className: 'field' },
      h('label', { attrs: { for: `${page}-conditions` } }, 'Conditions'),
      select,
    ),
    interruptedField,
  ];
}
