/**
 * The trial's state machine in virtual time (TestScheduler marbles): countdown timing, "go",
 * and each way a trial ends. Times in the marbles are scheduler ms from the Start tap; "go" is
 * at 5000 (COUNTDOWN_S = 5).
 */
import { describe, expect, it } from 'vitest';
import { concat, interval, map, NEVER, take, tap, timer } from 'rxjs';
import { createCostMeter } from '../../../src/session/measure';
import { NOT_STARTED_MESSAGE } from '../../../src/session/trial-run';
import type { MotionSample } from '../../../src/session/types';
import {
  COUNTDOWN_S,
  LIVE_UPDATE_MS,
  runTrial,
  SENSOR_SILENCE_S,
  type TrialState,
} from '../../../src/session/trial';
import {
  depsWith,
  phaseLetters,
  recordingCues,
  recordOf,
  scriptedDetector,
  setupWithCap,
  steadySamples$,
  testScheduler,
  uprightSample,
} from './trial-harness';

/** Countdown 5..1 one second apart, "go" at 5000 ms. */
const COUNTDOWN_THEN_GO = '5 999ms 4 999ms 3 999ms 2 999ms 1 999ms g';

describe('runTrial: countdown and go', () => {
  it('announces 5..1 a second apart, says go at 5 s and ends at the cap 10 s later (completed)', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    const cues = recordingCues(scheduler);
    scheduler.run(({ expectObservable }) => {
      const trial$ = runTrial(
        setupWithCap(10),
        depsWith(scheduler, { motion$: steadySamples$(scheduler), cues }),
      );
      expectObservable(phaseLetters(trial$.pipe(tap((state) => states.push(state))))).toBe(
        `${COUNTDOWN_THEN_GO} 9999ms (c|)`,
      );
    });
    expect(cues.log).toEqual([
      '0: 5',
      '1000: 4',
      '2000: 3',
      '3000: 2',
      '4000: 1',
      '5000: go',
      '15000: end completed',
    ]);
    const record = recordOf(states);
    expect(record.endReason).toBe('completed');
    expect(record.holdTimeS).toBe(10);
    expect(record.interrupted).toBe(false);
    // Samples every 20 ms: the one at 5000 arrives at the instant of go and is the first (t = 0),
    // then 5020 ... 14980, and the one at 15000 if it comes before the cap timer in that frame.
    expect(record.eventsReceived).toBeGreaterThanOrEqual(500);
    expect(record.eventsReceived).toBeLessThanOrEqual(501);
    expect(record.samples.tS.length).toBe(record.eventsReceived);
    expect(record.samples.tS[0]).toBeCloseTo(0, 12);
    expect(record.samples.tS[1]).toBeCloseTo(0.02, 12);
    expect(record.inputRateHz).toBeCloseTo(50, 6);
    expect(record.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
  });

  it('takes COUNTDOWN_S from the module and a shorter countdown from deps', () => {
    expect(COUNTDOWN_S).toBe(5);
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      const trial$ = runTrial(
        setupWithCap(10),
        depsWith(scheduler, { motion$: steadySamples$(scheduler), countdownS: 2 }),
      );
      expectObservable(phaseLetters(trial$)).toBe('2 999ms 1 999ms g 9999ms (c|)');
    });
  });

  it('holds the wake lock from the Start tap to the end, and lets go of the inputs after it', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const wakeLock = cold<never>('-');
      const stop = hot<void>('7s a');
      const trial$ = runTrial(
        setupWithCap(30),
        depsWith(scheduler, { motion$: steadySamples$(scheduler), wakeLock$: wakeLock, stop$: stop }),
      );
      expectObservable(phaseLetters(trial$)).toBe(`${COUNTDOWN_THEN_GO} 1999ms (s|)`);
      expectSubscriptions(wakeLock.subscriptions).toBe('^ 6999ms !');
      expectSubscriptions(stop.subscriptions).toBe('^ 6999ms !');
    });
  });

  it('emits running states at most every LIVE_UPDATE_MS, with the elapsed time and the stored count', () => {
    const scheduler = testScheduler();
    const running: { atMs: number; state: Extract<TrialState, { phase: 'running' }> }[] = [];
    scheduler.run(() => {
      runTrial(setupWithCap(10), depsWith(scheduler, { motion$: steadySamples$(scheduler, 30) })).subscribe(
        (state) => {
          if (state.phase === 'running') running.push({ atMs: scheduler.now(), state });
        },
      );
    });
    expect(LIVE_UPDATE_MS).toBe(100);
    // go at 5000, then a tick every 100 ms until the cap at 15000 (where the cap may come first)
    expect(running.length).toBeGreaterThanOrEqual(100);
    expect(running.length).toBeLessThanOrEqual(101);
    for (let k = 1; k < running.length; k++) {
      expect(running[k]!.atMs - running[k - 1]!.atMs).toBe(100);
    }
    const fiveSecondsIn = running.find((entry) => entry.atMs === 10_000)!.state;
    expect(fiveSecondsIn.elapsedS).toBeCloseTo(5, 9);
    expect(fiveSecondsIn.samples).toBe(167); // 5010 ... 9990, every 30 ms
    expect(fiveSecondsIn.live).not.toBeNull();
  });
});

describe('runTrial: how a trial ends', () => {
  it('ends completed when a sample with t >= cap arrives before the clock reaches it (samples running ahead, as the demo at speed 2)', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    scheduler.run(({ expectObservable }) => {
      // Samples whose own clock runs at twice the scheduler's, one every 10 ms of scheduler time.
      const fast$ = interval(10, scheduler).pipe(map(() => uprightSample((2 * scheduler.now()) / 1000)));
      const trial$ = runTrial(setupWithCap(10), depsWith(scheduler, { motion$: fast$ }));
      // t = 10 s on the samples' clock is reached 5 s of scheduler time after go
      expectObservable(phaseLetters(trial$.pipe(tap((state) => states.push(state))))).toBe(
        `${COUNTDOWN_THEN_GO} 4999ms (c|)`,
      );
    });
    const record = recordOf(states);
    expect(record.holdTimeS).toBe(10);
    // The trial's clock at go is taken from the last countdown sample at real-time rate, so at
    // speed 2 the stored times run 10 ms behind the samples' own: the last stored is 9.99 s.
    const last = record.samples.tS.at(-1)!;
    expect(last).toBeCloseTo(9.99, 9);
  });

  it('does not store a sample with t beyond the cap: the trial ended before it', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    scheduler.run(() => {
      // one sample 20 ms after go, then one 12 s later on its own clock (a late, bursty sensor)
      const motion$ = concat(
        timer(5020, scheduler).pipe(map(() => uprightSample(5.02))),
        timer(100, scheduler).pipe(map(() => uprightSample(17.02))),
        NEVER,
      );
      runTrial(setupWithCap(10), depsWith(scheduler, { motion$ })).subscribe((state) => states.push(state));
    });
    const record = recordOf(states);
    expect(record.endReason).toBe('completed');
    expect(record.holdTimeS).toBe(10);
    expect(record.samples.tS).toHaveLength(1);
    expect(record.samples.tS[0]).toBeCloseTo(0.02, 12);
    expect(record.eventsReceived).toBe(1);
  });

  it('ends stopped at the time of the Stop press, counted as a result', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    const cues = recordingCues(scheduler);
    scheduler.run(({ hot, expectObservable }) => {
      const stop$ = hot<void>('7250ms a');
      const trial$ = runTrial(
        setupWithCap(45),
        depsWith(scheduler, { motion$: steadySamples$(scheduler), stop$, cues }),
      );
      expectObservable(phaseLetters(trial$.pipe(tap((state) => states.push(state))))).toBe(
        `${COUNTDOWN_THEN_GO} 2249ms (s|)`,
      );
    });
    const record = recordOf(states);
    expect(record.endReason).toBe('stopped');
    expect(record.interrupted).toBe(false);
    expect(record.holdTimeS).toBeCloseTo(2.25, 9);
    expect(record.touchdownS).toBeNull();
    expect(cues.log.at(-1)).toBe('7250: end stopped');
    // 2.25 s: the automatic window [1, 2.24] is shorter than 2 s, so the analysis says why
    expect(record.analysis).toBeNull();
    expect(record.analysisError).toMatch(/window shorter than 2 s/);
  });

  it('ends before go when stopped during the countdown: interrupted, hold time 0, no analysis', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    const cues = recordingCues(scheduler);
    scheduler.run(({ hot, expectObservable }) => {
      const stop$ = hot<void>('2500ms a');
      const trial$ = runTrial(
        setupWithCap(45),
        depsWith(scheduler, { motion$: steadySamples$(scheduler), stop$, cues }),
      );
      expectObservable(phaseLetters(trial$.pipe(tap((state) => states.push(state))))).toBe(
        '5 999ms 4 999ms 3 499ms (s|)',
      );
    });
    const record = recordOf(states);
    expect(record).toMatchObject({
      endReason: 'stopped',
      interrupted: true,
      holdTimeS: 0,
      eventsReceived: 0,
    });
    expect(record.analysisError).toBe(NOT_STARTED_MESSAGE);
    expect(record.samples.tS.length).toBe(0);
    expect(cues.log).not.toContain('5000: go');
  });

  it('ends interrupted when the page is hidden, keeping the samples and their analysis', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    scheduler.run(({ hot, expectObservable }) => {
      const visibility$ = hot<'visible' | 'hidden'>('v 9009ms h', { v: 'visible', h: 'hidden' });
      const trial$ = runTrial(
        setupWithCap(45),
        depsWith(scheduler, { motion$: steadySamples$(scheduler), visibility$ }),
      );
      expectObservable(phaseLetters(trial$.pipe(tap((state) => states.push(state))))).toBe(
        `${COUNTDOWN_THEN_GO} 4009ms (h|)`,
      );
    });
    const record = recordOf(states);
    expect(record).toMatchObject({ endReason: 'hidden', interrupted: true });
    expect(record.holdTimeS).toBeCloseTo(4.01, 9);
    expect(record.samples.tS.length).toBe(201); // 5000 ... 9000, every 20 ms
    expect(record.analysis?.window).toEqual({ fromS: 1, toS: 4 });
  });

  it('ends interrupted (sensor-silent) SENSOR_SILENCE_S after the last sample, hold time = the last sample', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    scheduler.run(({ expectObservable }) => {
      const motion$ = concat(steadySamples$(scheduler).pipe(take(450)), NEVER); // last one at 9000 ms
      const trial$ = runTrial(setupWithCap(45), depsWith(scheduler, { motion$ }));
      expectObservable(phaseLetters(trial$.pipe(tap((state) => states.push(state))))).toBe(
        `${COUNTDOWN_THEN_GO} 4999ms (q|)`,
      );
    });
    expect(SENSOR_SILENCE_S).toBe(1);
    const record = recordOf(states);
    expect(record).toMatchObject({ endReason: 'sensor-silent', interrupted: true });
    expect(record.holdTimeS).toBeCloseTo(4, 9);
  });

  it('stores empty events (every acceleration value null) but ends sensor-silent when only those arrive', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    scheduler.run(({ expectObservable }) => {
      // readings until 7000 ms, then a vanished sensor that keeps firing empty events every 20 ms
      const motion$ = steadySamples$(scheduler).pipe(
        map((sample) => (sample.tS > 7 ? { ...sample, ax: NaN, ay: NaN, az: NaN } : sample)),
      );
      const trial$ = runTrial(setupWithCap(45), depsWith(scheduler, { motion$ }));
      expectObservable(phaseLetters(trial$.pipe(tap((state) => states.push(state))))).toBe(
        `${COUNTDOWN_THEN_GO} 2999ms (q|)`,
      );
    });
    const record = recordOf(states);
    expect(record.endReason).toBe('sensor-silent');
    // every event up to 8000 ms is stored: 5000 ... 8000 every 20 ms (the one at 8000 if it comes before the watch)
    expect(record.samples.tS.length).toBeGreaterThanOrEqual(150);
    expect(record.samples.tS.length).toBeLessThanOrEqual(151);
    expect(record.samples.ay.filter(Number.isNaN).length).toBe(record.samples.tS.length - 101);
  });

  it('ends sensor-silent one second after go when no sample ever arrives', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    scheduler.run(({ expectObservable }) => {
      const trial$ = runTrial(setupWithCap(45), depsWith(scheduler, { motion$: NEVER }));
      expectObservable(phaseLetters(trial$.pipe(tap((state) => states.push(state))))).toBe(
        `${COUNTDOWN_THEN_GO} 999ms (q|)`,
      );
    });
    const record = recordOf(states);
    expect(record).toMatchObject({ holdTimeS: 0, eventsReceived: 0, analysis: null, interrupted: true });
  });

  it('ends sensor-silent when the motion source fails', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const motion$ = concat(steadySamples$(scheduler).pipe(take(300)), cold<MotionSample>('#'));
      expectObservable(phaseLetters(runTrial(setupWithCap(45), depsWith(scheduler, { motion$ })))).toBe(
        `${COUNTDOWN_THEN_GO} 999ms (q|)`,
      );
    });
  });

  it('ends stopped at the last sample when the motion source completes (the demo recording is over)', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    scheduler.run(({ expectObservable }) => {
      const motion$ = steadySamples$(scheduler).pipe(take(400)); // last one at 8000 ms
      const trial$ = runTrial(setupWithCap(45), depsWith(scheduler, { motion$ }));
      expectObservable(phaseLetters(trial$.pipe(tap((state) => states.push(state))))).toBe(
        `${COUNTDOWN_THEN_GO} 2999ms (s|)`,
      );
    });
    const record = recordOf(states);
    expect(record).toMatchObject({ endReason: 'stopped', interrupted: false });
    expect(record.holdTimeS).toBeCloseTo(3, 9);
  });

  it('ends at a touch-down when the detector confirms it, hold time = touchdownS', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    const cues = recordingCues(scheduler);
    scheduler.run(({ expectObservable }) => {
      const trial$ = runTrial(
        setupWithCap(45),
        depsWith(scheduler, {
          motion$: steadySamples$(scheduler),
          cues,
          createDetector: () => scriptedDetector(3.2, 3.5), // touch-down at 3.2 s, confirmed at 3.5 s
        }),
      );
      expectObservable(phaseLetters(trial$.pipe(tap((state) => states.push(state))))).toBe(
        `${COUNTDOWN_THEN_GO} 3499ms (t|)`,
      );
    });
    const record = recordOf(states);
    expect(record).toMatchObject({
      endReason: 'touchdown',
      holdTimeS: 3.2,
      touchdownS: 3.2,
      interrupted: false,
    });
    expect(cues.log.at(-1)).toBe('8500: end touchdown');
  });

  it('does not end on a detection inside the settle period (before 1.0 s): the detector restarts', () => {
    const scheduler = testScheduler();
    const detectors: string[] = [];
    scheduler.run(({ expectObservable }) => {
      const trial$ = runTrial(
        setupWithCap(10),
        depsWith(scheduler, {
          motion$: steadySamples$(scheduler),
          createDetector: () => {
            detectors.push(`${scheduler.now()}`);
            // the first detector "finds" the lift-off at 0.6 s; its successor finds nothing
            return detectors.length === 1 ? scriptedDetector(0.6, 0.79) : scriptedDetector(NaN, Infinity);
          },
        }),
      );
      expectObservable(phaseLetters(trial$)).toBe(`${COUNTDOWN_THEN_GO} 9999ms (c|)`);
    });
    expect(detectors).toEqual(['0', '5800']); // the sample at t = 0.8 s
  });

  it('gives the touch-down precedence over the cap only when it comes first', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      const trial$ = runTrial(
        setupWithCap(10),
        depsWith(scheduler, {
          motion$: steadySamples$(scheduler),
          createDetector: () => scriptedDetector(9.8, 10.2),
        }),
      );
      expectObservable(phaseLetters(trial$)).toBe(`${COUNTDOWN_THEN_GO} 9999ms (c|)`);
    });
  });

  it('ignores Stop and hidden after the end, and unsubscribing mid-trial records nothing', () => {
    const scheduler = testScheduler();
    const states: TrialState[] = [];
    scheduler.run(({ hot, expectObservable }) => {
      const stop$ = hot<void>('6s a 999ms b');
      const trial$ = runTrial(
        setupWithCap(45),
        depsWith(scheduler, { motion$: steadySamples$(scheduler), stop$ }),
      );
      expectObservable(phaseLetters(trial$.pipe(tap((state) => states.push(state))))).toBe(
        `${COUNTDOWN_THEN_GO} 999ms (s|)`,
      );
      const abandoned$ = runTrial(setupWithCap(45), depsWith(scheduler, { motion$: NEVER }));
      expectObservable(phaseLetters(abandoned$), '^ 5500ms !').toBe(COUNTDOWN_THEN_GO);
    });
    expect(states.filter((state) => state.phase === 'ended')).toHaveLength(1);
  });
});

describe('runTrial: the benchmark hook', () => {
  it('times every running-trial event and the end-of-trial analysis when given a meter', () => {
    const scheduler = testScheduler();
    const meter = createCostMeter();
    const states: TrialState[] = [];
    scheduler.run(() => {
      runTrial(
        setupWithCap(10),
        depsWith(scheduler, { motion$: steadySamples$(scheduler, 30), measure: meter }),
      ).subscribe((state) => states.push(state));
    });
    const record = recordOf(states);
    const summary = meter.summary();
    expect(summary.events).toBe(record.eventsReceived); // 5010 ... 14970 every 30 ms: 333
    expect(summary.events).toBe(333);
    expect(summary.medianEventMs).toBeGreaterThan(0);
    expect(summary.analysisMs).toBeGreaterThan(0);
  });
});
