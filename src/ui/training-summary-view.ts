/**
 * The end of a training session: how it ended, and each set with its hold time, time in the
 * zone and how it ended (an early end marked), and whether the sets were saved.
 */
import type { SessionOutcome } from '../session/training-session';
import type { TrialRecord } from '../session/types';
import { setSubject } from '../training/announcements';
import { h } from './dom';

const OUTCOME_WORDS: Record<SessionOutcome, string> = {
  completed: 'Session done',
  stopped: 'Session stopped',
  interrupted: 'Session interrupted',
};

const END_WORDS: Record<TrialRecord['endReason'], string> = {
  completed: 'Held to the end',
  touchdown: 'Ended early: foot down',
  stopped: 'Ended early: stopped',
  hidden: 'Interrupted: the page was hidden',
  'sensor-silent': 'Interrupted: no sensor data',
};

export interface TrainingSummaryView {
  element: HTMLElement;
  /** Says whether the sets were kept (after the saves settle). */
  showSaveStatus(text: string): void;
}

export function trainingSummaryView(
  outcome: SessionOutcome,
  records: readonly TrialRecord[],
  actions: { onAgain(): void; onDone(): void },
): TrainingSummaryView {
  const status = h('p', {
    className: 'save-status',
    data: { field: 'save-status' },
    attrs: { role: 'status' },
  });
  const rows = records.map((record) => {
    const info = record.training;
    const subject = info ? setSubject(info) : '';
    const zone = info?.timeInZone ?? null;
    return h(
      'tr',
      { data: { set: String(info?.setNumber ?? ''), early: String(info?.endedEarly ?? false) } },
      h('th', { attrs: { scope: 'row' } }, `${info?.setNumber ?? '?'} · ${subject}`),
      h('td', { data: { field: 'hold' } }, `${record.holdTimeS.toFixed(1)} s`),
      h('td', { data: { field: 'zone' } }, zone === null ? '–' : `${Math.round(zone * 100)} %`),
      h('td', { data: { field: 'end' } }, END_WORDS[record.endReason]),
    );
  });
  const element = h(
    'section',
    { className: 'screen training-summary', data: { screen: 'training-summary', outcome } },
    h('h1', { attrs: { tabindex: '-1' } }, OUTCOME_WORDS[outcome]),
    records.length === 0
      ? h('p', {}, 'No set was held.')
      : h(
          'table',
          { className: 'training-sets' },
          h('caption', {}, 'Your sets'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { attrs: { scope: 'col' } }, 'Set'),
              h('th', { attrs: { scope: 'col' } }, 'Held'),
              h('th', { attrs: { scope: 'col' } }, 'In the zone'),
              h('th', { attrs: { scope: 'col' } }, 'How it ended'),
            ),
          ),
          h('tbody', {}, ...rows),
        ),
    h(
      'p',
      { className: 'hint' },
      'In the zone: the share of each set, after its first second, that your sway stayed inside the quiet zone.',
    ),
    status,
    h(
      'div',
      { className: 'actions' },
      h(
        'button',
        { className: 'primary', attrs: { type: 'button' }, on: { click: () => actions.onAgain() } },
        'Train again',
      ),
      h(
        'button',
        { className: 'secondary', attrs: { type: 'button' }, on: { click: () => actions.onDone() } },
        'Back to the test',
      ),
    ),
  );
  return { element, showSaveStatus: (text) => void (status.textContent = text) };
}
