/**
 * The home programme's editor on the training page: the plan's exercises (each removable),
 * "Add these settings to the plan" (the session form's settings above), and how many days a
 * week. Every change is saved at once (training-prefs.ts), so the Test page's "Today's plan"
 * follows.
 */
import { MAX_PROGRAMME_EXERCISES, type HomeProgramme } from '../training/programme';
import type { SessionSettings } from '../training/plan';
import { numberSelect } from './choice-group';
import { h, replaceChildren } from './dom';
import { exerciseLine } from './training-labels';

export interface PlanEditorOptions {
  programme: HomeProgramme;
  /** True when a plan was saved for the person before (else the default is shown as a start). */
  saved: boolean;
  /** The settings chosen in the session form now. */
  current(): SessionSettings;
  /** Stores the plan; false when storage refused. */
  save(programme: HomeProgramme): boolean;
}

export function planEditor(options: PlanEditorOptions): HTMLElement {
  let programme: HomeProgramme = { ...options.programme, exercises: [...options.programme.exercises] };
  let saved = options.saved;
  const list = h('ol', { className: 'plan-items', data: { field: 'plan-items' } });
  const status = h('p', {
    className: 'plan-status',
    data: { field: 'plan-status' },
    attrs: { role: 'status' },
  });
  const add = h(
    'button',
    {
      className: 'secondary',
      attrs: { type: 'button' },
      on: {
        click: () => {
          // A plan never saved is the default shown as a start: the first added exercise replaces it.
          const base = saved ? programme.exercises : [];
          update({ ...programme, exercises: [...base, options.current()] }, 'Added to the plan.');
        },
      },
    },
    'Add these settings to the plan',
  );
  const days = numberSelect(
    'plan-days',
    'Training days a week',
    [1, 2, 3, 4, 5, 6, 7],
    programme.daysPerWeek,
    String,
    (value) => update({ ...programme, daysPerWeek: value }, 'Plan saved.'),
  );

  function update(next: HomeProgramme, message: string): void {
    if (next.exercises.length === 0) {
      status.textContent = 'A plan needs at least one exercise.';
      return;
    }
    if (!options.save(next)) {
      status.textContent = 'This browser does not keep the plan (storage refused).';
      return;
    }
    programme = next;
    saved = true;
    status.textContent = message;
    render();
  }

  function render(): void {
    replaceChildren(
      list,
      ...programme.exercises.map((settings, index) =>
        h(
          'li',
          {},
          h('span', {}, exerciseLine(settings)),
          saved && programme.exercises.length > 1
            ? h(
                'button',
                {
                  className: 'link',
                  attrs: { type: 'button', 'aria-label': `Remove exercise ${index + 1} from the plan` },
                  on: {
                    click: () =>
                      update(
                        { ...programme, exercises: programme.exercises.filter((_, k) => k !== index) },
                        'Removed from the plan.',
                      ),
                  },
                },
                'Remove',
              )
            : null,
        ),
      ),
    );
    add.disabled = saved && programme.exercises.length >= MAX_PROGRAMME_EXERCISES;
  }
  render();
  if (!saved) status.textContent = 'No plan saved yet: this is the suggested start.';

  return h(
    'section',
    { className: 'plan-editor', attrs: { 'aria-labelledby': 'plan-title' } },
    h('h2', { id: 'plan-title' }, 'Home programme'),
    h(
      'p',
      {},
      'The exercises to do each training day, set by the therapist or by yourself. The Test page shows what is done today and what is left.',
    ),
    list,
    add,
    days.element,
    status,
  );
}
