/**
 * Training mode's page flow: the training page -> (motion permission) -> the running screen
 * -> the session's summary. Every set is saved as it ends, through the same result log as a
 * test trial (with its `training` field), so a set survives a session stopped later. The
 * sound (cues and feedback) is made inside the Start tap, as iOS requires.
 */
import { Subject, type Observable, type Subscription } from 'rxjs';
import type { FeedbackAudioStatus } from '../sensors/audio-feedback';
import { FEEDBACK_STATUS_WORDS } from '../sensors/audio-feedback';
import type { TrialResultLog } from '../session/results';
import type { TrainingState } from '../session/training-session';
import type { TrialRecord } from '../session/types';
import type { PersonRecord } from '../storage/schema';
import type { TrialSummary } from '../storage/summaries';
import type { SessionSettings } from '../training/plan';
import { weekAdherence } from '../training/programme';
import type { HistoryAccess } from './history-access';
import { peoplePicker } from './people-picker';
import type { MotionSource } from './setup-view';
import type { KeyValueStore } from './setup-prefs';
import { doneSets, localToday, recentRmsMs2 } from './training-data';
import { trainingPage } from './training-page';
import { loadProgramme, loadSessionSettings, saveProgramme, saveSessionSettings } from './training-prefs';
import { trainingRunView } from './training-run-view';
import { trainingSummaryView } from './training-summary-view';

/** The session, wired to sensors and sound by the composition root (src/main.ts). */
export interface TrainingRunner {
  feedbackStatus(): FeedbackAudioStatus;
  run(
    settings: SessionSettings,
    source: MotionSource,
    stop$: Observable<void>,
    recentRmsMs2: number | null,
  ): Observable<TrainingState>;
}

export interface TrainingFlowContext {
  history: HistoryAccess | null;
  prefs: KeyValueStore | null;
  results: TrialResultLog;
  motionSupport: 'ok' | 'insecure-context' | 'unsupported';
  /** Must be called inside the Start tap: makes the cues and the feedback's sound. */
  prepareTraining(): TrainingRunner;
  requestPermission(): Promise<'granted' | 'denied' | 'not-needed'>;
  /** 'ok', 'no-data', or nothing when the sensor is not checked without a tap. */
  checkSensor(): Observable<'ok' | 'no-data'>;
  source(): MotionSource;
  chooseSource(source: MotionSource): void;
  show(element: HTMLElement, dispose?: () => void): void;
  /** True from Start to the summary: the running screen stays whatever the address says. */
  setRunning(running: boolean): void;
  say(text: string): void;
  /** Leaves to the Test page. */
  leave(): void;
}

export const NO_DEMO_NOTICE =
  'No motion sensor answered within 1 second, so the demo recording is selected: a recorded stance plays through the session, with its sound.';
const NOT_SAVED_NO_PERSON = 'Not saved: no person was chosen. Choose who trains on the training page first.';

/** The current person and their stored trials (newest first), or null without either. */
async function personTrials(
  history: HistoryAccess | null,
): Promise<{ person: PersonRecord; trials: TrialSummary[] } | null> {
  const person = history?.person() ?? null;
  const store = history === null ? null : await history.ready;
  if (store === null || person === null) return null;
  return { person, trials: await store.trials.listByPerson(person.id) };
}

export function createTrainingFlow(context: TrainingFlowContext): {
  showPage(): void;
  start(settings: SessionSettings): void;
} {
  let subscriptions: Subscription[] = [];
  const release = (): void => {
    for (const subscription of subscriptions) subscription.unsubscribe();
    subscriptions = [];
  };

  function showPage(notice: string | null = null): void {
    const picker = context.history === null ? null : peoplePicker(context.history);
    const page = trainingPage({
      settings: loadSessionSettings(context.prefs),
      source: context.source(),
      personSlot: picker?.element ?? null,
      notice,
      onChange: (settings) => saveSessionSettings(context.prefs, settings),
      onSource: (source) => context.chooseSource(source),
      onStart: (settings) => start(settings),
    });
    let ticket = 0;
    const fill = (): void => {
      const mine = ++ticket;
      void personTrials(context.history).then(
        (found) => {
          if (mine !== ticket) return;
          if (found === null) return page.showPerson(null);
          const { programme, saved } = loadProgramme(context.prefs, found.person.id);
          page.showPerson({
            recentRmsMs2: recentRmsMs2(found.trials),
            programme,
            saved,
            week: weekAdherence(doneSets(found.trials), localToday()),
            save: (next) => saveProgramme(context.prefs, found.person.id, next),
          });
        },
        () => page.showPerson(null),
      );
    };
    context.show(page.element, () => {
      ticket++;
      picker?.destroy();
      release();
    });
    if (context.history) subscriptions.push(context.history.person$.subscribe(() => fill()));
    else fill();
    if (context.source() !== 'sensor' || context.motionSupport !== 'ok') return;
    subscriptions.push(
      context.checkSensor().subscribe((answer) => {
        if (answer !== 'no-data') return;
        context.chooseSource('demo');
        page.chooseSource('demo', NO_DEMO_NOTICE);
      }),
    );
  }

  /** Inside the tap: the sound first, then the permission (iOS asks only inside a gesture). */
  function start(settings: SessionSettings): void {
    saveSessionSettings(context.prefs, settings);
    const runner = context.prepareTraining();
    const source = context.motionSupport === 'ok' ? context.source() : 'demo';
    const permission = source === 'sensor' ? context.requestPermission() : Promise.resolve('not-needed');
    const recent = personTrials(context.history).then(
      (found) => (found === null ? null : recentRmsMs2(found.trials)),
      () => null,
    );
    context.setRunning(true);
    void Promise.all([permission, recent]).then(([allowed, rms]) => {
      if (allowed === 'denied') {
        context.setRunning(false);
        context.chooseSource('demo');
        showPage(
          'Motion access was refused, so the demo recording is selected. Allow motion in the browser’s settings to train with the phone.',
        );
        return;
      }
      run(settings, source, runner, rms);
    });
  }

  function run(
    settings: SessionSettings,
    source: MotionSource,
    runner: TrainingRunner,
    rms: number | null,
  ): void {
    const stop$ = new Subject<void>();
    const view = trainingRunView(settings, source, FEEDBACK_STATUS_WORDS[runner.feedbackStatus()], () =>
      stop$.next(),
    );
    context.show(view.element, release);
    context.say('Training starts');
    const person = context.history?.person() ?? null;
    const saves: Promise<unknown>[] = [];
    subscriptions.push(
      runner.run(settings, source, stop$, rms).subscribe({
        next: (state) => {
          if (state.phase === 'set-ended') {
            const saving = context.results.save(state.record);
            saves.push(saving);
            saving.catch(() => undefined);
          }
          if (state.phase === 'done') return showSummary(state.outcome, state.records, saves, person);
          view.update(state);
        },
        error: (error: unknown) => {
          context.setRunning(false);
          context.say(
            `The session stopped with an error: ${error instanceof Error ? error.message : String(error)}`,
          );
          showPage(null);
        },
      }),
    );
  }

  function showSummary(
    outcome: 'completed' | 'stopped' | 'interrupted',
    records: readonly TrialRecord[],
    saves: readonly Promise<unknown>[],
    person: PersonRecord | null,
  ): void {
    context.setRunning(false);
    const summary = trainingSummaryView(outcome, records, {
      onAgain: () => showPage(null),
      onDone: () => context.leave(),
    });
    context.show(summary.element);
    context.say(outcome === 'completed' ? 'Session done' : 'Session ended');
    void Promise.all(saves).then(
      () =>
        summary.showSaveStatus(
          person === null
            ? NOT_SAVED_NO_PERSON
            : `Saved in ${person.name}’s history, kept apart from the tests.`,
        ),
      (error: unknown) => summary.showSaveStatus(error instanceof Error ? error.message : String(error)),
    );
  }

  return { showPage: () => showPage(null), start };
}
