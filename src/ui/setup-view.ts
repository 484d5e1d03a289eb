/**
 * The set-up page: the leg tested first and the order of the legs (a guided session of best of
 * 3 per leg, src/session/protocol.ts), eyes, surface, placement, time limit, where the motion
 * comes from (sensor or demo recording), how to hold the phone, and one big Start button.
 */
import type { SessionOrder } from '../session/protocol';
import { DURATION_CAPS_S, type DurationCapS, type TrialSetup } from '../session/types';
import { h, replaceChildren } from './dom';
import { ORDER_LABELS, sessionPlanLine } from './guided-session';
import { howToHoldDrawing } from './how-to-hold';
import {
  setupLine,
  EYES_LABELS,
  PLACEMENT_HOW_TO,
  PHONE_PLACEMENT_LABELS,
  STANCE_SIDE_LABELS,
  SURFACE_LABELS,
} from './labels';
import { limitTooShort } from './result-meaning';

export type MotionSource = 'sensor' | 'demo';

/** Replay speed of the demo recording: 1 = real time, 4 = four times faster. */
export type DemoSpeed = number;

export interface StartChoice {
  setup: TrialSetup;
  /** The order of the legs in the session that Start begins. */
  order: SessionOrder;
  source: MotionSource;
  demoSpeed: DemoSpeed;
}

export interface SetupViewOptions {
  setup: TrialSetup;
  order: SessionOrder;
  source: MotionSource;
  demoSpeed: DemoSpeed;
  /** The replay speeds offered for the demo recording. */
  demoSpeeds: readonly DemoSpeed[];
  /** A message shown above the form (e.g. why the demo was chosen), or null. */
  notice: string | null;
  /** Who is tested (people-picker.ts), shown first; absent without a history. */
  personSlot?: HTMLElement | null;
  onStart(choice: StartChoice): void;
  /** Opens the privacy page (what is kept, delete all data); no link without it. */
  onPrivacy?(): void;
}

export interface SetupView {
  element: HTMLElement;
  /** Switches the motion source from outside (no sensor found) and says why. */
  chooseSource(source: MotionSource, notice: string | null): void;
  /**
   * Shows the set-up as one line with "Change" instead of its choice groups, so that Start is
   * on the first screen of a phone: for a known person, who has seen how to hold the phone.
   */
  showAsLine(): void;
}

interface RadioOption<T extends string | number> {
  value: T;
  label: string;
}

/** A group of big radio buttons inside a fieldset with a legend (the group's accessible name). */
function radioGroup<T extends string | number>(
  name: string,
  legend: string,
  options: readonly RadioOption<T>[],
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

function entries<K extends string>(labels: Record<K, string>): RadioOption<K>[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export function setupView(options: SetupViewOptions): SetupView {
  const setup: TrialSetup = { ...options.setup };
  let order = options.order;
  let source = options.source;
  let demoSpeed = options.demoSpeed;

  const notice = h('p', { className: 'notice', id: 'setup-notice', attrs: { role: 'status' } });
  const showNotice = (message: string | null): void => {
    notice.textContent = message ?? '';
    notice.hidden = message === null;
  };
  showNotice(options.notice);

  const howTo = h('figure', { className: 'how-to' });
  const renderHowTo = (): void => {
    const steps = PLACEMENT_HOW_TO[setup.placement === 'lumbar' ? 'lumbar' : 'chest'];
    replaceChildren(
      howTo,
      howToHoldDrawing(
        setup.placement,
        setup.stanceSide,
        `Standing on the ${setup.stanceSide} leg, arms crossed, phone ${setup.placement === 'chest' ? 'on the chest' : 'at the lower back'}`,
      ),
      h(
        'figcaption',
        {},
        h('strong', {}, 'How to hold the phone'),
        h('ol', {}, ...steps.map((step) => h('li', {}, step))),
        h(
          'p',
          {},
          'You will hear a countdown, then “go”: lift the other foot to ankle height without touching the standing leg. A sound tells you when it is over.',
        ),
      ),
    );
  };
  renderHowTo();

  const speedSelect = h(
    'select',
    { id: 'demo-speed', on: { change: () => (demoSpeed = Number(speedSelect.value)) } },
    ...options.demoSpeeds.map((speed) =>
      h('option', { attrs: { value: String(speed) } }, speed === 1 ? 'Real time' : `${speed}× faster`),
    ),
  );
  speedSelect.value = String(demoSpeed);
  const speedField = h(
    'div',
    { className: 'field' },
    h('label', { attrs: { for: 'demo-speed' } }, 'Demo speed'),
    speedSelect,
  );

  const sourceGroup = radioGroup<MotionSource>(
    'source',
    'Motion from',
    [
      { value: 'sensor', label: 'Phone sensor' },
      { value: 'demo', label: 'Demo recording' },
    ],
    source,
    (value) => {
      source = value;
      speedField.hidden = source !== 'demo';
    },
  );
  speedField.hidden = source !== 'demo';

  const line = h('span', { data: { field: 'setup-line' } });
  const plan = h('p', { className: 'setup-plan', data: { part: 'session-plan' } });
  const showLine = (): void => {
    line.textContent = setupLine(setup, source, limitTooShort(setup.capS)?.inLine ?? null);
    plan.textContent = `${sessionPlanLine(setup.stanceSide, order)}.`;
  };
  const choices = h('div', { className: 'setup-choices', data: { part: 'setup-choices' } });
  const changeButton = h(
    'button',
    {
      className: 'link',
      attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'setup-choices' },
      on: {
        click: () => {
          choices.hidden = false;
          summary.hidden = true;
          plan.hidden = true;
          changeButton.setAttribute('aria-expanded', 'true');
          choices.querySelector<HTMLInputElement>('input:checked')?.focus();
        },
      },
    },
    'Change',
  );
  changeButton.setAttribute('aria-label', 'Change the set-up');
  // What the time limit leaves out (result-meaning.ts limitTooShort): under the time-limit
  // choice, and in the one-line set-up after the limit.
  const limitNote = h('p', {
    className: 'limit-note',
    data: { field: 'limit-note' },
    // Said when a change of the limit brings it, as the choice is made.
    attrs: { 'aria-live': 'polite' },
  });
  const showLimitNote = (): void => {
    const note = limitTooShort(setup.capS);
    limitNote.textContent = note?.sentence ?? '';
    limitNote.hidden = note === null;
  };
  showLimitNote();
  const summary = h(
    'p',
    { className: 'setup-line', data: { part: 'setup-line' } },
    line,
    ' — ',
    changeButton,
  );
  summary.hidden = true;
  plan.hidden = true;
  choices.id = 'setup-choices';

  const form = h(
    'form',
    {
      className: 'setup-form',
      attrs: { 'aria-labelledby': 'setup-title' },
      on: {
        submit: (event) => {
          event.preventDefault();
          options.onStart({ setup: { ...setup }, order, source, demoSpeed });
        },
      },
    },
    options.personSlot ?? null,
    summary,
    plan,
    choices,
    // After the choice it explains (the motion source); at the top, a notice that comes after
    // a second (no sensor) would push the whole form down under the person's finger.
    notice,
    h('button', { className: 'primary start', attrs: { type: 'submit' } }, 'Start'),
  );
  choices.append(
    radioGroup('stanceSide', 'Standing leg first', entries(STANCE_SIDE_LABELS), setup.stanceSide, (value) => {
      setup.stanceSide = value;
      renderHowTo();
    }),
    // Best of 3 on each leg (SPEC section 1): in turn, or three on one leg, then the other.
    radioGroup('order', 'Order of the legs', entries(ORDER_LABELS), order, (value) => (order = value)),
    radioGroup('eyes', 'Eyes', entries(EYES_LABELS), setup.eyes, (value) => (setup.eyes = value)),
    radioGroup(
      'surface',
      'Surface',
      entries(SURFACE_LABELS),
      setup.surface,
      (value) => (setup.surface = value),
    ),
    radioGroup('placement', 'Phone on', entries(PHONE_PLACEMENT_LABELS), setup.placement, (value) => {
      setup.placement = value;
      renderHowTo();
    }),
    radioGroup(
      'capS',
      'Time limit',
      DURATION_CAPS_S.map((capS) => ({ value: capS, label: `${capS} s` })),
      setup.capS,
      (value: DurationCapS) => {
        setup.capS = value;
        showLimitNote();
      },
    ),
    limitNote,
    howTo,
    sourceGroup,
    speedField,
  );

  const element = h(
    'section',
    { className: 'screen setup', data: { screen: 'setup' } },
    h('h1', { id: 'setup-title' }, 'Single-leg balance test'),
    form,
    options.onPrivacy === undefined
      ? null
      : h(
          'p',
          { className: 'privacy-link' },
          h(
            'button',
            { className: 'link', attrs: { type: 'button' }, on: { click: () => options.onPrivacy?.() } },
            'Privacy and your data',
          ),
        ),
  );

  return {
    element,
    chooseSource(next, message) {
      source = next;
      for (const input of sourceGroup.querySelectorAll('input')) input.checked = input.value === next;
      speedField.hidden = source !== 'demo';
      showNotice(message);
      showLine();
    },
    showAsLine() {
      showLine();
      summary.hidden = false;
      plan.hidden = false;
      choices.hidden = true;
    },
  };
}
