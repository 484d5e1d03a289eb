/**
 * The trial page, from "get ready" to the end: mostly one huge number (the countdown, then the
 * elapsed time) with what to do and how long is left, a small live sway trace, and a big Stop
 * button.
 */
import type { TrialState } from '../session/trial';
import type { TrialSetup } from '../session/types';
import type { LiveTraceChart } from './charts/live-trace-chart';
import { loadCharts } from './charts/load';
import { h } from './dom';
import { formatTimer } from './format';
import { EYES_LABELS, STANCE_SIDE_LABELS, SURFACE_LABELS } from './labels';
import type { MotionSource } from './setup-view';

export interface TrialViewOptions {
  setup: TrialSetup;
  source: MotionSource;
  onStop(): void;
}

export interface TrialView {
  element: HTMLElement;
  /** Shows a countdown or running state (the ended state goes to the result page). */
  update(state: Exclude<TrialState, { phase: 'ended' }>): void;
  destroy(): void;
}

/**
 * What the person should do while the trial runs, and how long is left, in words (never the
 * sample count: that is the result page's check that nothing was lost).
 */
export function runningAdvice(setup: TrialSetup, elapsedS: number): string {
  const leftS = Math.max(0, Math.ceil(setup.capS - elapsedS));
  const eyes = setup.eyes === 'closed' ? 'keep your eyes closed' : 'look straight ahead';
  return `Stand on your ${setup.stanceSide} leg, other foot off the floor, ${eyes}. ${leftS} s to go: a sound says when it is over.`;
}

export function trialView(options: TrialViewOptions): TrialView {
  const { setup } = options;
  const phaseLabel = h('p', { className: 'phase-label' }, 'Get ready');
  const bigNumber = h('p', { className: 'big-number', attrs: { role: 'timer', 'aria-live': 'off' } }, '');
  const unit = h('p', { className: 'big-unit' }, '');
  const detail = h('p', { className: 'trial-detail' }, '');
  const canvas = h('canvas', {
    attrs: { role: 'img', 'aria-label': 'Live sway trace: AP and ML acceleration' },
  });
  const trace = h('div', { className: 'live-trace' }, canvas);
  const stop = h(
    'button',
    { className: 'primary stop', attrs: { type: 'button' }, on: { click: () => options.onStop() } },
    'Stop',
  );
  const element = h(
    'section',
    { className: 'screen trial', data: { screen: 'trial', phase: 'countdown' } },
    h(
      'h1',
      { className: 'trial-title' },
      `${STANCE_SIDE_LABELS[setup.stanceSide]} · ${EYES_LABELS[setup.eyes]} · ${SURFACE_LABELS[setup.surface]}`,
      options.source === 'demo' ? h('span', { className: 'badge' }, 'Demo recording') : null,
    ),
    phaseLabel,
    bigNumber,
    unit,
    trace,
    detail,
    stop,
  );

  let chart: LiveTraceChart | null = null;
  let destroyed = false;
  // Made during the countdown (the view is in the document by then), so "go" costs no chart
  // set-up; points that come before Chart.js has loaded are not drawn.
  void loadCharts().then((charts) => {
    if (!destroyed) chart = charts.liveTraceChart(canvas);
  });
  return {
    element,
    update(state) {
      element.dataset['phase'] = state.phase;
      if (state.phase === 'countdown') {
        phaseLabel.textContent = 'Get ready';
        bigNumber.textContent = String(state.secondsLeft);
        unit.textContent = 'Put the phone in place and stand still';
        return;
      }
      phaseLabel.textContent = 'Hold the position';
      bigNumber.textContent = formatTimer(state.elapsedS);
      unit.textContent = `seconds of ${setup.capS}`;
      detail.textContent = runningAdvice(setup, state.elapsedS);
      if (state.live !== null) chart?.push(state.elapsedS, state.live.ap, state.live.ml);
    },
    destroy() {
      destroyed = true;
      chart?.destroy();
      chart = null;
    },
  };
}
