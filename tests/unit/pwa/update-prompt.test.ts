import { BehaviorSubject, of, Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { isTrialActive, promptWhenNoTrial, reportTrialActivity } from '../../../src/pwa/update-prompt';
import type { TrialState } from '../../../src/session/trial';

const BOOL = { t: true, f: false };

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('promptWhenNoTrial', () => {
  it('shows the prompt as soon as an update waits when no trial runs', () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      const waiting = cold('f--t----', BOOL);
      const trial = hot('   f-------', BOOL);
      expectObservable(waiting.pipe(promptWhenNoTrial(trial))).toBe('f--t----', BOOL);
    });
  });

  it('holds an update that arrives during a trial until the trial ends', () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      const trial = hot('   f-t-------f--', BOOL);
      const waiting = cold('f----t-------', BOOL);
      // Countdown from frame 2; the update waits from frame 5; shown at frame 10, when the trial ends.
      expectObservable(waiting.pipe(promptWhenNoTrial(trial))).toBe('f---------t--', BOOL);
    });
  });

  it('hides a shown prompt while a later trial runs and shows it again after', () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      const trial = hot('   f---t---f---', BOOL);
      const waiting = cold('t-----------', BOOL);
      expectObservable(waiting.pipe(promptWhenNoTrial(trial))).toBe('t---f---t---', BOOL);
    });
  });

  it('repeats nothing: a trial state that says "active" again and again changes nothing', () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      const trial = hot('   f-tttttf', BOOL);
      const waiting = cold('t-------', BOOL);
      expectObservable(waiting.pipe(promptWhenNoTrial(trial))).toBe('t-f----t', BOOL);
    });
  });

  it('assumes no trial until told, and never shows without an update', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const silent = cold('-------', BOOL);
      expectObservable(cold('--t----', BOOL).pipe(promptWhenNoTrial(silent))).toBe('--t----', BOOL);
      expectObservable(cold('f------', BOOL).pipe(promptWhenNoTrial(cold('t-f-t-f', BOOL)))).toBe(
        'f------',
        BOOL,
      );
    });
  });

  it('lets no "show" slip out when a trial is already running as an update is found', () => {
    const trialActive = new BehaviorSubject(true);
    const shown: boolean[] = [];
    of(true)
      .pipe(promptWhenNoTrial(trialActive))
      .subscribe((visible) => shown.push(visible));
    expect(shown).toEqual([false]);
    trialActive.next(false);
    expect(shown).toEqual([false, true]);
  });
});

describe('reportTrialActivity', () => {
  const countdown: TrialState = { phase: 'countdown', secondsLeft: 3 };
  const running: TrialState = { phase: 'running', elapsedS: 1, samples: 60, live: null };
  const ended = { phase: 'ended', record: {} } as TrialState;

  it('counts the countdown and the stance as active, the end as not', () => {
    expect([countdown, running, ended].map(isTrialActive)).toEqual([true, true, false]);
  });

  it('reports each state, and false when the trial is left before it ends', () => {
    const reports: boolean[] = [];
    const states = new Subject<TrialState>();
    const subscription = states
      .pipe(reportTrialActivity({ next: (active) => reports.push(active) }))
      .subscribe();
    states.next(countdown);
    states.next(running);
    expect(reports).toEqual([true, true]);
    subscription.unsubscribe();
    expect(reports).toEqual([true, true, false]);
  });

  it('reports false when the trial ends, and again when it completes or fails', () => {
    const states = { c: countdown, r: running, e: ended };
    const reports: boolean[] = [];
    const report = reportTrialActivity({ next: (active) => reports.push(active) });
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('c-r-e|', states).pipe(report)).toBe('c-r-e|', states);
    });
    expect(reports).toEqual([true, true, false, false]);
    reports.length = 0;
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('c-#', states).pipe(report)).toBe('c-#', states);
    });
    expect(reports).toEqual([true, false]);
  });
});
