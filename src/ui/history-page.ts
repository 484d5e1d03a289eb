/**
 * What the history pages share: the page frame with its heading, the person choice, and the
 * empty states that say what to do next instead of drawing a broken chart.
 */
import type { TrialSetup } from '../session/types';
import type { PersonRecord } from '../storage';
import { h, type Child } from './dom';
import type { PageData } from './history-data';
import { personLabel } from './person-form';
import { routeHash } from './routes';

export type PageName =
  'history' | 'compare' | 'progress' | 'stored-trial' | 'export' | 'import' | 'report' | 'training-progress';

export function page(name: PageName, title: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { className: `screen history-page ${name}-page`, data: { screen: name } },
    h('h1', { attrs: { tabindex: '-1' } }, title),
    ...children,
  );
}

/** Why a page has nothing to draw, and what to do about it. */
export function emptyState(kind: string, title: string, text: string, action?: Child): HTMLElement {
  return h(
    'div',
    { className: 'empty-state', data: { empty: kind } },
    h('h2', {}, title),
    h('p', {}, text),
    action ?? null,
  );
}

/**
 * A link drawn as a button, to the test page: where trials come from. With a set-up, the test
 * page opens with exactly that set-up chosen (the test the page advises).
 */
export function testLink(label = 'Go to the test', setup: TrialSetup | null = null): HTMLElement {
  const href = routeHash(setup === null ? { name: 'test' } : { name: 'test', setup });
  return h('a', { className: 'button-link primary', attrs: { href } }, label);
}

/** The person whose trials a page shows: a select of everyone in the history. */
export function personChoice(
  people: readonly PersonRecord[],
  current: PersonRecord | null,
  onChoose: (person: PersonRecord | null) => void,
): HTMLElement {
  const select = h(
    'select',
    {
      id: 'page-person',
      on: { change: () => onChoose(people.find((person) => person.id === select.value) ?? null) },
    },
    current === null ? h('option', { attrs: { value: '' } }, 'Choose a person…') : null,
    ...people.map((person) => h('option', { attrs: { value: person.id } }, personLabel(person))),
  );
  select.value = current?.id ?? '';
  return h(
    'div',
    { className: 'field person-choice' },
    h('label', { attrs: { for: 'page-person' } }, 'Person'),
    select,
  );
}

export { loadPageData, type PageData } from './history-data';

/**
 * The empty states shared by the pages before any trial is at hand, or null when the page has
 * a person to show. `onChoose` changes the current person (the page then loads again).
 */
export function frameFor(
  data: PageData,
  onChoose: (person: PersonRecord | null) => void,
): { top: Child[]; empty: HTMLElement | null } {
  switch (data.kind) {
    case 'unavailable':
      return {
        top: [],
        empty: emptyState(
          'storage-unavailable',
          'No history in this browser',
          `${data.message} The test still runs and each result can be downloaded.`,
          testLink(),
        ),
      };
    case 'no-people':
      return {
        top: [],
        empty: emptyState(
          'no-person',
          'Nobody in the history yet',
          'Add the person tested on the Test page (a name or a code is enough). Every trial they finish is kept here, on this device only.',
          testLink('Add a person on the Test page'),
        ),
      };
    case 'no-person':
      return {
        top: [personChoice(data.people, null, onChoose)],
        empty: emptyState('no-person', 'Choose a person', 'Whose trials should be shown?'),
      };
    case 'person':
      return {
        top: [personChoice(data.people, data.person, onChoose)],
        empty:
          data.trials.length === 0
            ? emptyState(
                'no-trials',
                'No trials yet',
                `No trial of ${data.person.name} is stored yet. Run a test on the Test page: every finished trial is kept here.`,
                testLink(),
              )
            : null,
      };
  }
}
