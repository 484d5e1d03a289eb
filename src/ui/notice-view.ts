/**
 * A page that explains why the test cannot go on and what to do: not a secure page, motion
 * access denied, no sensor data, and so on. Each action is one big button.
 */
import { h } from './dom';

export interface NoticeAction {
  label: string;
  /** The most likely next step is drawn as the primary button. */
  primary?: boolean;
  run(): void;
}

export interface NoticeContent {
  /** Stable name for tests and styling, e.g. "permission-denied". */
  kind: string;
  title: string;
  paragraphs: readonly string[];
  actions: readonly NoticeAction[];
}

export function noticeView(content: NoticeContent): HTMLElement {
  return h(
    'section',
    { className: 'screen notice-screen', data: { screen: 'notice', notice: content.kind } },
    h('h1', { attrs: { tabindex: '-1' } }, content.title),
    ...content.paragraphs.map((paragraph) => h('p', {}, paragraph)),
    h(
      'div',
      { className: 'actions' },
      ...content.actions.map((action) =>
        h(
          'button',
          {
            className: action.primary === true ? 'primary' : 'secondary',
            attrs: { type: 'button' },
            on: { click: () => action.run() },
          },
          action.label,
        ),
      ),
    ),
  );
}

/** The texts of the problem pages, kept together so they read alike. */
export const NOTICES = {
  insecureContext: {
    kind: 'insecure-context',
    title: 'This page needs a secure connection',
    paragraphs: [
      'Phones share motion data only with pages opened over https (or from this device itself). This page was opened over plain http, so the sensor cannot be used.',
      'Open the same address with https:// at the start, or try the demo recording.',
    ],
  },
  unsupported: {
    kind: 'unsupported',
    title: 'No motion sensor on this device',
    paragraphs: [
      'This browser does not offer motion data. Use a phone with Safari (iPhone) or Chrome (Android), or try the demo recording.',
    ],
  },
  permissionDenied: {
    kind: 'permission-denied',
    title: 'Motion access was not allowed',
    paragraphs: [
      'The test needs the phone’s motion sensor, and access was refused.',
      'On an iPhone: close this tab, open the page again and tap “Allow” when asked. If you are not asked, go to Settings › Apps › Safari › Advanced › Website Data, remove this site, and try again.',
      'You can also try the demo recording.',
    ],
  },
  noSensorData: {
    kind: 'no-sensor-data',
    title: 'No motion data',
    paragraphs: [
      'The motion sensor sent nothing within 1 second. This device may have no motion sensor (most computers have none), or the browser blocks it.',
      'You can run the whole test with the demo recording instead: a recorded trial plays through exactly the same analysis.',
    ],
  },
} as const;
