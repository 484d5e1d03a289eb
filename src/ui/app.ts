/**
 * The page: the navigation, the storage banner, the toast and the live region around one screen
 * at a time (screen-host.ts), and the place the address names: the test (test-flow.ts),
 * training (training-flow.ts) or one of the history's places (history-places.ts). Everything
 * that touches sensors, timers of the trial, and storage comes in through `StorkPorts`
 * (app-ports.ts), wired by the composition root (src/main.ts).
 */
import { EMPTY, from, switchMap, tap } from 'rxjs';
import { announcer } from './announcer';
import type { StorkPorts } from './app-ports';
import { h, replaceChildren } from './dom';
import { showHistoryPlace } from './history-places';
import { appNav } from './nav';
import { parseRoute, routeHash } from './routes';
import { screenHost } from './screen-host';
import { createTestFlow } from './test-flow';
import { toast } from './toast';
import { createTrainingFlow } from './training-flow';

export type { StorkPorts };

export function mountApp(root: HTMLElement, ports: StorkPorts): void {
  const live = announcer();
  const screen = h('div', { className: 'screen-host' });
  const history = ports.history ?? null;
  const nav = appNav(() => route());
  nav.setHidden(history === null);
  const host = screenHost(screen, nav, history === null);
  /** Says when storage is unavailable: results are still shown and can be downloaded. */
  const storageBanner = h('p', {
    className: 'notice storage-banner',
    data: { field: 'storage-banner' },
    attrs: { role: 'status' },
  });
  storageBanner.hidden = true;
  const undoToast = toast();
  replaceChildren(root, nav.element, storageBanner, screen, undoToast.element, live.element);
  void history?.ready.then(() => {
    const problem = history.problem();
    storageBanner.textContent = problem ?? '';
    storageBanner.hidden = problem === null;
  });

  /** The test: set-up -> (motion checks) -> trial -> result (test-flow.ts). */
  const test = createTestFlow({
    ports,
    history,
    host,
    say: (message) => live.say(message),
    setRunning: (running) => void (trialRunning = running),
    startTraining: (settings) => training?.start(settings),
  });

  /** True from "get ready" to the end of a trial: the trial page stays whatever the address says. */
  let trialRunning = false;

  const prepareTraining = ports.prepareTraining;
  const training =
    prepareTraining === undefined
      ? null
      : createTrainingFlow({
          history,
          prefs: ports.prefs,
          results: ports.results,
          motionSupport: ports.motionSupport,
          prepareTraining: () => prepareTraining(),
          requestPermission: () => ports.requestPermission(),
          checkSensor: () =>
            from(ports.motionAllowedWithoutTap()).pipe(
              switchMap((allowed) => (allowed && !test.sensorChecked() ? ports.probeSensor() : EMPTY)),
              tap((answer) => test.setSensorChecked(answer === 'ok')),
            ),
          source: () => test.source(),
          chooseSource: (next) => test.chooseSource(next),
          show: host.show,
          setRunning: (running) => void (trialRunning = running),
          say: (message) => live.say(message),
          leave: () => {
            if (parseRoute(window.location.hash).name === 'test') route();
            else window.location.hash = routeHash({ name: 'test' });
          },
        });

  /** Shows the place the address names (routes.ts). */
  function route(): void {
    if (trialRunning) return;
    const place = parseRoute(window.location.hash);
    nav.setActive(place.name === 'trial' ? 'history' : place.name);
    if ('setup' in place) {
      // A page advised this test: it is chosen, and the address forgets it, so a reload later
      // keeps what the person changes on the set-up.
      test.chooseSetup(place.setup);
      window.history.replaceState(null, '', routeHash({ name: 'test' }));
    }
    if (place.name === 'training' && training !== null) {
      training.showPage();
      return;
    }
    if (place.name === 'test' || history === null) {
      test.showStart();
      return;
    }
    showHistoryPlace(place, {
      history,
      toast: undoToast,
      prefs: ports.prefs,
      host,
      say: (message) => live.say(message),
      refresh: () => route(),
    });
  }

  window.addEventListener('hashchange', route);
  route();
}
