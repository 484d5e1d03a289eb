/**
 * "Today's plan" at the top of the Test page, for a person with a home programme
 * (training-prefs.ts): each exercise with its sets done and left today, one button that starts
 * the next exercise, and the week's adherence. Reads the person's sets itself and stays hidden
 * until it has them (and for a person without a plan).
 */
import { nextExercise, todayPlan, weekAdherence, type TodayItem } from '../training/programme';
import type { SessionSettings } from '../training/plan';
import { h, replaceChildren } from './dom';
import type { HistoryAccess } from './history-access';
import type { KeyValueStore } from './setup-prefs';
import { doneSets, localToday } from './training-data';
import { exerciseLine } from './training-labels';
import { loadProgramme } from './training-prefs';
import { weekView } from './week-view';

function itemLine(item: TodayItem): HTMLElement {
  const left = item.planned - item.done;
  return h(
    'li',
    { data: { done: String(item.done), planned: String(item.planned) } },
    h('span', {}, exerciseLine(item.settings)),
    h(
      'strong',
      { className: 'today-count' },
      left === 0
        ? `Done: ${item.done} of ${item.planned} sets`
        : `${item.done} of ${item.planned} sets done, ${left} left`,
    ),
  );
}

/**
 * The view; `onStart` runs inside the tap (the training's sound is made there). Call `destroy`
 * when the page goes: a read that comes back later changes nothing.
 */
export function todayPlanSlot(
  history: HistoryAccess | null,
  prefs: KeyValueStore | null,
  onStart: (settings: SessionSettings) => void,
): { element: HTMLElement; destroy(): void } {
  const element = h('section', {
    className: 'today-plan',
    data: { field: 'today-plan' },
    attrs: { 'aria-labelledby': 'today-title' },
  });
  element.hidden = true;
  let alive = true;
  const person = history?.person() ?? null;
  if (history !== null && person !== null) {
    const { programme, saved } = loadProgramme(prefs, person.id);
    if (saved)
      void history.ready
        .then((store) => store?.trials.listByPerson(person.id) ?? [])
        .then((trials) => {
          if (!alive) return;
          const sets = doneSets(trials);
          const today = localToday();
          const items = todayPlan(programme, sets, today);
          const next = nextExercise(items);
          replaceChildren(
            element,
            h('h2', { id: 'today-title' }, 'Today’s plan'),
            h('ul', { className: 'today-items' }, ...items.map(itemLine)),
            next === null
              ? h('p', { data: { field: 'today-done' } }, 'All of today’s exercises are done. Well done.')
              : h(
                  'button',
                  {
                    className: 'primary',
                    attrs: { type: 'button' },
                    on: { click: () => onStart(next.settings) },
                  },
                  'Start the next exercise',
                ),
            weekView(weekAdherence(sets, today), programme.daysPerWeek),
          );
          element.hidden = false;
        })
        .catch(() => undefined); // the plan is a help: without the history, the test page as before
  }
  return {
    element,
    destroy: () => void (alive = false),
  };
}
