/**
 * The training page (#/training): who trains, the session's choices (training-form.ts), the
 * quiet zone the feedback will use, where the motion comes from, one big Start button, and the
 * person's home programme (plan-editor.ts) with the week's adherence.
 */
import { deadZoneRadius, DEFAULT_DEAD_ZONE_MS2 } from '../training/feedback';
import type { SessionSettings } from '../training/plan';
import type { HomeProgramme, WeekDay } from '../training/programme';
import { choiceGroup } from './choice-group';
import { h, replaceChildren } from './dom';
import { planEditor } from './plan-editor';
import type { MotionSource } from './setup-view';
import { trainingForm } from './training-form';
import { weekView } from './week-view';

export interface TrainingPageOptions {
  settings: SessionSettings;
  source: MotionSource;
  personSlot: HTMLElement | null;
  notice: string | null;
  onChange(settings: SessionSettings): void;
  onSource(source: MotionSource): void;
  /** Runs inside the Start tap (the sound is made there). */
  onStart(settings: SessionSettings): void;
}

export interface TrainingPersonData {
  /** The person's latest RMS sway, m/s^2, or null (the default zone). */
  recentRmsMs2: number | null;
  programme: HomeProgramme;
  saved: boolean;
  week: readonly WeekDay[];
  save(programme: HomeProgramme): boolean;
}

export interface TrainingPage {
  element: HTMLElement;
  /** Shows what depends on the person (null: no person chosen, or no history). */
  showPerson(data: TrainingPersonData | null): void;
  chooseSource(source: MotionSource, notice: string | null): void;
}

/** The dead zone in words: its size and where it comes from. */
export function deadZoneWords(recentRmsMs2: number | null, settings: SessionSettings): string {
  const radius = deadZoneRadius(recentRmsMs2, settings.difficulty);
  const from =
    recentRmsMs2 === null
      ? `the usual size (${DEFAULT_DEAD_ZONE_MS2.toFixed(2)} m/s², about 1° of lean)`
      : `your latest trial’s sway (${recentRmsMs2.toFixed(2)} m/s²)`;
  const scaled = settings.difficulty === 'normal' ? '' : `, made ${settings.difficulty}`;
  return `Quiet zone: ${radius.toFixed(2)} m/s², from ${from}${scaled}. Inside it there is no sound.`;
}

export function trainingPage(options: TrainingPageOptions): TrainingPage {
  let recentRms: number | null = null;
  let settings = options.settings;
  const zone = h('p', { className: 'zone-line', data: { field: 'dead-zone' } });
  const showZone = (): void => void (zone.textContent = deadZoneWords(recentRms, settings));
  const form = trainingForm(settings, (next) => {
    settings = next;
    showZone();
    options.onChange(next);
  });
  showZone();
  const notice = h('p', { className: 'notice', attrs: { role: 'status' } }, options.notice ?? '');
  notice.hidden = options.notice === null;
  const sourceGroup = choiceGroup<MotionSource>(
    'training-source',
    'Motion from',
    [
      { value: 'sensor', label: 'Phone sensor' },
      { value: 'demo', label: 'Demo recording' },
    ],
    options.source,
    (value) => options.onSource(value),
  );
  const personPart = h('div', { className: 'training-person' });
  const start = h(
    'form',
    {
      className: 'setup-form',
      attrs: { 'aria-labelledby': 'training-title' },
      on: {
        submit: (event) => {
          event.preventDefault();
          options.onStart(form.settings());
        },
      },
    },
    options.personSlot,
    form.element,
    zone,
    h(
      'p',
      { className: 'hint' },
      'Hold the phone upright against your chest, as in the test. Turn the volume up: the sound tells you how you sway.',
    ),
    notice,
    sourceGroup,
    h('button', { className: 'primary start', attrs: { type: 'submit' } }, 'Start training'),
  );
  const element = h(
    'section',
    { className: 'screen setup training', data: { screen: 'training' } },
    h('h1', { id: 'training-title', attrs: { tabindex: '-1' } }, 'Balance training'),
    start,
    personPart,
  );
  return {
    element,
    showPerson(data) {
      recentRms = data?.recentRmsMs2 ?? null;
      showZone();
      if (data === null) {
        replaceChildren(
          personPart,
          h('p', { className: 'hint' }, 'Choose who trains above to keep a home programme and see the week.'),
        );
        return;
      }
      replaceChildren(
        personPart,
        planEditor({
          programme: data.programme,
          saved: data.saved,
          current: () => form.settings(),
          save: (programme) => data.save(programme),
        }),
        weekView(data.week, data.programme.daysPerWeek),
      );
    },
    chooseSource(source, message) {
      for (const input of sourceGroup.querySelectorAll('input')) input.checked = input.value === source;
      notice.textContent = message ?? '';
      notice.hidden = message === null;
    },
  };
}
