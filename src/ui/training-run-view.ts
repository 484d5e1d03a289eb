/**
 * The running screen of a training session: big, for a person a few steps away with the
 * phone against the chest. It says the set and the leg, the countdown, the time left in the
 * set, the rest's countdown, and what to do; one big Stop button.
 */
import type { TrainingState } from '../session/training-session';
import { setSubject } from '../training/announcements';
import type { PlannedSet, SessionSettings } from '../training/plan';
import { h } from './dom';

export interface TrainingRunView {
  element: HTMLElement;
  update(state: Exclude<TrainingState, { phase: 'done' }>): void;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What to do in a set, in words. */
export function holdAdvice(set: PlannedSet, settings: SessionSettings): string {
  const stance =
    set.exercise === 'single-leg' && set.leg !== null
      ? `Stand on your ${set.leg} leg, other foot off the floor`
      : set.exercise === 'tandem'
        ? 'Stand with one foot in front of the other, heel to toe'
        : 'Stand with your feet together';
  const eyes = settings.eyes === 'closed' ? 'keep your eyes closed' : 'look straight ahead';
  const sound =
    settings.feedback === 'off'
      ? 'This set has no sound.'
      : 'A sound tells you where you sway: bring it back to silence.';
  return `${stance}, ${eyes}. ${sound}`;
}

export function trainingRunView(
  settings: SessionSettings,
  source: 'sensor' | 'demo',
  soundWarning: string | null,
  onStop: () => void,
): TrainingRunView {
  const title = h('h1', { className: 'trial-title', attrs: { tabindex: '-1' } }, 'Training');
  const phaseLabel = h('p', { className: 'phase-label' }, 'Listen');
  const bigNumber = h('p', { className: 'big-number', attrs: { role: 'timer', 'aria-live': 'off' } }, '');
  const unit = h('p', { className: 'big-unit' }, '');
  const detail = h('p', { className: 'trial-detail' }, '');
  const warning = h('p', { className: 'notice', data: { field: 'sound-warning' } }, soundWarning ?? '');
  warning.hidden = soundWarning === null;
  const stop = h(
    'button',
    { className: 'primary stop', attrs: { type: 'button' }, on: { click: () => onStop() } },
    'Stop',
  );
  const element = h(
    'section',
    { className: 'screen trial training-run', data: { screen: 'training-run', phase: 'announce' } },
    title,
    source === 'demo' ? h('p', {}, h('span', { className: 'badge' }, 'Demo recording')) : null,
    phaseLabel,
    bigNumber,
    unit,
    detail,
    warning,
    stop,
  );
  const showSet = (set: PlannedSet): void => {
    title.textContent = `Set ${set.setNumber} of ${set.setsPlanned} · ${capitalised(setSubject(set))}`;
    element.dataset['set'] = String(set.setNumber);
    element.dataset['leg'] = set.leg ?? 'both';
  };
  return {
    element,
    update(state) {
      if (state.phase === 'announce') {
        element.dataset['phase'] = 'announce';
        showSet(state.set);
        phaseLabel.textContent = 'Get ready';
        bigNumber.textContent = String(state.set.setNumber);
        unit.textContent = `set of ${state.set.setsPlanned}`;
        detail.textContent = holdAdvice(state.set, settings);
      } else if (state.phase === 'set') {
        showSet(state.set);
        const trial = state.trial;
        element.dataset['phase'] = trial.phase;
        if (trial.phase === 'countdown') {
          phaseLabel.textContent = 'Get ready';
          bigNumber.textContent = String(trial.secondsLeft);
          unit.textContent = 'Put the phone in place and stand still';
        } else {
          const leftS = Math.max(0, Math.ceil(settings.holdS - trial.elapsedS));
          phaseLabel.textContent = 'Hold the position';
          bigNumber.textContent = String(leftS);
          unit.textContent = `seconds left of ${settings.holdS}`;
        }
        detail.textContent = holdAdvice(state.set, settings);
      } else if (state.phase === 'rest') {
        element.dataset['phase'] = 'rest';
        title.textContent = 'Rest';
        phaseLabel.textContent = 'Rest';
        bigNumber.textContent = String(state.secondsLeft);
        unit.textContent = 'seconds of rest';
        detail.textContent = `Next: set ${state.next.setNumber} of ${state.next.setsPlanned}, ${setSubject(state.next)}. Put both feet down and breathe.`;
      } else {
        element.dataset['phase'] = 'set-ended';
      }
    },
  };
}
