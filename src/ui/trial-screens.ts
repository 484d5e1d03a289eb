/**
 * The trial's screens: the trial page from "get ready" to the end, then its result page (saved
 * meanwhile, with what became of the saving), and the guided session's summary. The test flow
 * (test-flow.ts) decides when; sensors and storage come in through `StorkPorts`.
 */
import { Subject } from 'rxjs';
import type { SessionOrder } from '../session/protocol';
import type { TrialState } from '../session/trial';
import type { TrialRecord, TrialSetup } from '../session/types';
import { scheduleAnalysisWarmUp } from './analysis-warm-up';
import type { StorkPorts } from './app-ports';
import type { GuidedActions, GuidedFlow } from './guided-flow';
import { trialsToCompare, type HistoryAccess } from './history-access';
import { endReasonHeadline } from './labels';
import type { NoticeAction, NoticeContent } from './notice-view';
import { resultView, type ResultView } from './result-view';
import { routeHash } from './routes';
import { saveStatusOf } from './save-status';
import type { ScreenHost } from './screen-host';
import type { DemoSpeed, MotionSource } from './setup-view';
import { trialView, type TrialView } from './trial-view';

/** What the trial's screens need from the test flow. */
export interface TrialScreensDeps {
  ports: Pick<StorkPorts, 'runTrial' | 'results'>;
  history: HistoryAccess | null;
  /** The guided session under way (guided-flow.ts) and what its buttons do. */
  guided: GuidedFlow;
  sessionActions: GuidedActions;
  host: ScreenHost;
  /** Says something through the polite live region (screen readers). */
  say(message: string): void;
  /** The session's order of legs, as it is when a trial ends. */
  order(): SessionOrder;
  /** True from "get ready" to the end of a trial: the trial page stays whatever the address says. */
  setRunning(running: boolean): void;
  showSetup(notice: string | null, expanded?: boolean): void;
  showNotice(content: Omit<NoticeContent, 'actions'>, actions: NoticeAction[]): void;
  /** Back to the set-up page. */
  backAction: NoticeAction;
}

/** The trial to run: the set-up, where the motion comes from, and the demo's replay speed. */
export interface TrialChoice {
  setup: TrialSetup;
  source: MotionSource;
  demoSpeed: DemoSpeed;
}

export interface TrialScreens {
  /** Shows the trial page and runs the trial; its result page follows. */
  runTrial(choice: TrialChoice): void;
  /** The session's summary; once shown, the session is over (the next Start begins anew). */
  showSessionSummary(): void;
}

export function trialScreens(deps: TrialScreensDeps): TrialScreens {
  const { ports, history, guided, sessionActions, host, say, order, setRunning } = deps;
  const { showSetup, showNotice, backAction } = deps;

  function runTrial({ setup, source, demoSpeed }: TrialChoice): void {
    const stop$ = new Subject<void>();
    const trialSetup = { ...setup };
    const trialSource = source;
    let view: TrialView | null = trialView({
      setup: trialSetup,
      source: trialSource,
      onStop: () => stop$.next(),
    });
    host.show(view.element, () => view?.destroy());
    say('Get ready');
    // During the countdown nothing is stored, so this is the moment to compile the analysis.
    scheduleAnalysisWarmUp(1000);
    let lastPhase: TrialState['phase'] | null = null;
    setRunning(true);
    host.keep(
      ports.runTrial(trialSetup, trialSource, demoSpeed, stop$).subscribe({
        next: (state) => {
          if (state.phase === 'ended') {
            setRunning(false);
            view?.destroy();
            view = null;
            // Saved for the person current now (history-access.ts), while the result is shown.
            const person = history?.person() ?? null;
            guided.record(state.record, order());
            const saving = ports.results.save(state.record);
            const result = showResult(state.record);
            if (history === null) saving.catch(() => undefined);
            else
              saving.then(
                () => result.showSaveStatus(...saveStatusOf(person, null)),
                (error: unknown) => result.showSaveStatus(...saveStatusOf(person, error)),
              );
            say(endReasonHeadline(state.record.endReason, state.record.setup.capS));
            return;
          }
          if (state.phase === 'running' && lastPhase !== 'running') say('Go: lift your foot');
          lastPhase = state.phase;
          view?.update(state);
        },
        error: (error: unknown) => {
          setRunning(false);
          showNotice(
            {
              kind: 'trial-error',
              title: 'The trial stopped with an error',
              paragraphs: [error instanceof Error ? error.message : String(error)],
            },
            [backAction],
          );
        },
      }),
    );
  }

  /** The session's summary; once shown, the session is over (the next Start begins anew). */
  function showSessionSummary(): void {
    const summary = guided.summary({
      onNewSession: () => showSetup(null),
      ...(history === null
        ? {}
        : { onCompare: () => void (window.location.hash = routeHash({ name: 'compare' })) }),
    });
    guided.end();
    if (summary === null) return showSetup(null);
    host.show(summary.element);
    say(`Session summary. ${summary.sentence}`);
  }

  function showResult(record: TrialRecord): ResultView {
    let view: ResultView | null = resultView({
      record,
      steps: guided.stepsAfter(record, sessionActions),
      person: history?.person() ?? null,
      // The sway against the person's earlier trials, filled in when the history answers.
      earlierTrials:
        history === null || record.interrupted ? undefined : trialsToCompare(history, history.person()),
      onChangeSetup: () => showSetup(null, true),
      // The CSV writer loads on first use: most people never download, and it is not small.
      onDownload: () =>
        void import('./download').then((csv) =>
          csv.downloadText(csv.trialFileName(record), csv.trialSamplesCsv(record)),
        ),
    });
    const shown = view;
    host.show(view.element, () => {
      view?.destroy();
      view = null;
    });
    void view.drawCharts();
    return shown;
  }

  return { runTrial, showSessionSummary };
}
