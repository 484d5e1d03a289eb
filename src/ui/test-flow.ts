/**
 * The test's page flow: set-up -> (motion checks) -> trial -> result, and the problem pages in
 * between. Everything that touches sensors, timers of the trial, and storage comes in through
 * `StorkPorts`; this file only decides what to show next. The trial's own screens are in
 * trial-screens.ts.
 */
import { EMPTY, from, switchMap } from 'rxjs';
import type { SessionOrder } from '../session/protocol';
import type { TrialSetup } from '../session/types';
import type { SessionSettings } from '../training/plan';
import { afterFirstInput } from './after-first-input';
import type { StorkPorts } from './app-ports';
import { loadCharts } from './charts/load';
import { h, replaceChildren } from './dom';
import { createGuidedFlow, type GuidedActions } from './guided-flow';
import { loadOrder, saveOrder } from './guided-session';
import type { HistoryAccess } from './history-access';
import { loadHistoryScreens } from './history-places';
import { NOTICES, noticeView, type NoticeAction, type NoticeContent } from './notice-view';
import { peoplePicker } from './people-picker';
import { privacyView } from './privacy-view';
import type { ScreenHost } from './screen-host';
import { loadSetup, saveSetup } from './setup-prefs';
import { setupView, type DemoSpeed, type MotionSource, type StartChoice } from './setup-view';
import { todayPlanSlot } from './today-plan-view';
import { trialScreens } from './trial-screens';

/**
 * The longest the set-up page stays hidden while the person picker reads the history
 * (showSetup). Reading takes milliseconds; a slow disk or a browser that never answers must
 * not keep the page blank.
 */
export const HISTORY_WAIT_MS = 1000;

/** Said when no sensor answered on load and the demo was chosen for the person. */
export const AUTO_DEMO_NOTICE =
  'No motion sensor answered within 1 second, so the demo recording is selected: a recorded trial plays through the same test. Choose “Phone sensor” to try the sensor again.';
export const UNSUPPORTED_NOTICE =
  'This browser gives no motion data, so the demo recording is selected: a recorded trial plays through the same test.';

/** What the test flow needs from the page (app.ts). */
export interface TestFlowDeps {
  ports: StorkPorts;
  history: HistoryAccess | null;
  host: ScreenHost;
  /** Says something through the polite live region (screen readers). */
  say(message: string): void;
  /** True from "get ready" to the end of a trial: the trial page stays whatever the address says. */
  setRunning(running: boolean): void;
  /** Starts training mode's session (today's plan on the set-up page); inside the tap. */
  startTraining(settings: SessionSettings): void;
}

export interface TestFlow {
  /** The test's first page: the set-up, or once per visit the page that says why no sensor. */
  showStart(): void;
  /** Chooses `setup` for the next test (and remembers it). */
  chooseSetup(setup: TrialSetup): void;
  /** Where the motion comes from: the phone's sensor or the demo recording. */
  source(): MotionSource;
  chooseSource(source: MotionSource): void;
  /** True once the sensor answered in this visit. */
  sensorChecked(): boolean;
  setSensorChecked(checked: boolean): void;
}

export function createTestFlow(deps: TestFlowDeps): TestFlow {
  const { ports, history, host, say, setRunning, startTraining } = deps;

  let setup = loadSetup(ports.prefs);
  let order: SessionOrder = loadOrder(ports.prefs);
  /** The guided session under way: best of 3 per leg (guided-flow.ts). */
  const guided = createGuidedFlow({ tabStore: ports.tabStore ?? null, history });
  const sessionActions: GuidedActions = {
    goOn: (next) => {
      setup = { ...next.setup };
      saveSetup(ports.prefs, setup);
      void start({ setup, order, source, demoSpeed }, 'same-session');
    },
    showSummary: () => screens.showSessionSummary(),
  };
  let source: MotionSource = ports.motionSupport === 'ok' ? 'sensor' : 'demo';
  let demoSpeed: DemoSpeed = 1;
  let sensorChecked = false;

  function showNotice(content: Omit<NoticeContent, 'actions'>, actions: NoticeAction[]): void {
    host.show(noticeView({ ...content, actions }));
    say(content.title);
  }

  const useDemoAction: NoticeAction = {
    label: 'Use the demo recording',
    primary: true,
    run: () => {
      source = 'demo';
      showSetup(null);
    },
  };
  const backAction: NoticeAction = { label: 'Back to set-up', run: () => showSetup(null) };
  /** The trial page, its result and the session's summary (trial-screens.ts). */
  const screens = trialScreens({
    ports,
    history,
    guided,
    sessionActions,
    host,
    say,
    order: () => order,
    setRunning,
    showSetup,
    showNotice,
    backAction,
  });

  /**
   * The set-up page. For a known person it shows the set-up as one line with Start on the first
   * screen; `expanded` (the result page's "Change set-up") opens every choice at once.
   */
  function showSetup(notice: string | null, expanded = false): void {
    const picker = history === null ? null : peoplePicker(history);
    const view = setupView({
      setup,
      order,
      source,
      demoSpeed,
      demoSpeeds: ports.demoSpeeds,
      notice,
      personSlot: picker?.element ?? null,
      onStart: (choice) => void start(choice, 'new-session'),
      onPrivacy: () => showPrivacy(),
    });
    // Today's plan of the person's home programme, above the test's choices (training mode).
    const todayPlan = todayPlanSlot(history, ports.prefs, (settings) => startTraining(settings));
    view.element.querySelector('h1')?.after(todayPlan.element);
    const sessionSlot = h('div', { data: { part: 'session-under-way' } });
    view.element.querySelector('form')?.prepend(sessionSlot);
    const showSessionUnderWay = (): void => replaceChildren(sessionSlot, guided.underWay(sessionActions));
    showSessionUnderWay();
    // The person is known a moment later (the picker reads the history), or changes.
    const personChanges = history?.person$.subscribe(() => showSessionUnderWay());
    host.show(view.element, () => {
      picker?.destroy();
      todayPlan.destroy();
      personChanges?.unsubscribe();
    });
    if (picker !== null) {
      // The page starts with who is tested, which takes a moment to read: shown before, the
      // picker would appear above the form and push it down under the person's finger.
      view.element.hidden = true;
      const waited = new Promise<void>((done) => window.setTimeout(done, HISTORY_WAIT_MS));
      const reveal = (): void => {
        if (!expanded && history !== null && history.person() !== null && view.element.hidden)
          view.showAsLine();
        view.element.hidden = false;
      };
      void Promise.race([picker.ready, waited]).then(reveal, reveal);
    }
    // Fetch the charts while the person chooses, so the trial page has them in time; then the
    // history pages, so a tap on their tab shows them at once. From the first tap on: at load
    // they would hold up the page (the service worker has the files already).
    afterFirstInput(window, () => void loadCharts().then(() => (history ? loadHistoryScreens() : null)));
    if (notice !== null || source !== 'sensor' || ports.motionSupport !== 'ok' || sensorChecked) return;
    // Where motion needs no tap, check the sensor now, and pick the demo for the person when
    // nothing answers within a second (a computer without a sensor).
    const probe = from(ports.motionAllowedWithoutTap()).pipe(
      switchMap((allowed) => (allowed ? ports.probeSensor() : EMPTY)),
    );
    host.keep(
      probe.subscribe((answer) => {
        sensorChecked = answer === 'ok';
        if (answer === 'no-data') {
          source = 'demo';
          view.chooseSource('demo', AUTO_DEMO_NOTICE);
        }
      }),
    );
  }

  function showPrivacy(): void {
    host.show(
      privacyView({
        deleteAllData: () => ports.deleteAllData(),
        onBack: () => showSetup(null),
        // A fresh page: nothing deleted stays in memory (the set-up, people, this visit's results).
        onRestart: () => window.location.reload(),
      }),
    );
  }

  async function start(choice: StartChoice, session: 'new-session' | 'same-session'): Promise<void> {
    setup = choice.setup;
    source = choice.source;
    demoSpeed = choice.demoSpeed;
    saveSetup(ports.prefs, setup);
    if (session === 'new-session') {
      order = choice.order;
      saveOrder(ports.prefs, order);
      guided.begin(setup, order);
    }
    ports.prepareCues();
    if (source === 'demo') {
      screens.runTrial({ setup, source, demoSpeed });
      return;
    }
    if (ports.motionSupport === 'insecure-context')
      return showNotice(NOTICES.insecureContext, [useDemoAction, backAction]);
    if (ports.motionSupport === 'unsupported')
      return showNotice(NOTICES.unsupported, [useDemoAction, backAction]);
    // First thing in the tap: iOS only asks from inside a user gesture.
    const permission = await ports.requestPermission();
    if (permission === 'denied') return showNotice(NOTICES.permissionDenied, [useDemoAction, backAction]);
    if (sensorChecked) return screens.runTrial({ setup, source, demoSpeed });
    host.show(
      h(
        'section',
        { className: 'screen checking', data: { screen: 'checking' } },
        h('h1', { attrs: { tabindex: '-1' } }, 'Checking the motion sensor…'),
      ),
    );
    host.keep(
      ports.probeSensor().subscribe((answer) => {
        if (answer === 'ok') {
          sensorChecked = true;
          screens.runTrial({ setup, source, demoSpeed });
        } else {
          showNotice(NOTICES.noSensorData, [
            useDemoAction,
            {
              label: 'Try the sensor again',
              run: () => void start({ setup, order, source: 'sensor', demoSpeed }, 'same-session'),
            },
            backAction,
          ]);
        }
      }),
    );
  }

  /** The test's first page: the set-up, or once per visit the page that says why no sensor. */
  let firstStart = true;
  function showStart(): void {
    const first = firstStart;
    firstStart = false;
    if (first && ports.motionSupport === 'insecure-context') {
      showNotice(NOTICES.insecureContext, [useDemoAction]);
    } else {
      showSetup(ports.motionSupport === 'unsupported' ? UNSUPPORTED_NOTICE : null);
    }
  }

  return {
    showStart,
    chooseSetup: (next) => {
      setup = { ...next };
      saveSetup(ports.prefs, setup);
    },
    source: () => source,
    chooseSource: (next) => void (source = next),
    sensorChecked: () => sensorChecked,
    setSensorChecked: (checked) => void (sensorChecked = checked),
  };
}
