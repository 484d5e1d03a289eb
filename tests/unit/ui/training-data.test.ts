import { describe, expect, it } from 'vitest';
import type { SwayMetrics } from '../../../src/core/types';
import { DEFAULT_SETUP } from '../../../src/session/types';
import type { TrialSummary } from '../../../src/storage/summaries';
import { DEFAULT_DEAD_ZONE_MS2 } from '../../../src/training/feedback';
import { DEFAULT_SESSION } from '../../../src/training/plan';
import type { TrainingSetInfo } from '../../../src/training/types';
import { doneSets, localToday, recentRmsMs2 } from '../../../src/ui/training-data';
import { exerciseLine } from '../../../src/ui/training-labels';
import { deadZoneWords } from '../../../src/ui/training-page';

function summary(
  partial: Partial<TrialSummary> & { rms?: number; signal?: SwayMetrics['signal'] },
): TrialSummary {
  const { rms, signal, ...rest } = partial;
  return {
    id: 'x',
    personId: 'p',
    startedAt: '2026-03-05T09:00:00.000+01:00',
    startedAtMs: 0,
    setup: DEFAULT_SETUP,
    endReason: 'completed',
    interrupted: false,
    holdTimeS: 30,
    touchdownS: null,
    source: 'sensor',
    eventsReceived: 0,
    inputRateHz: 60,
    analysisVersion: 1,
    analysis: rms === undefined ? null : { metrics: { rms, signal: signal ?? 'motion' } as SwayMetrics },
    analysisError: null,
    sampleCount: 0,
    sampleBytes: 0,
    ...rest,
  };
}

const info: TrainingSetInfo = {
  sessionId: 's',
  exercise: 'single-leg',
  leg: 'right',
  setNumber: 2,
  setsPlanned: 6,
  feedback: 'continuous',
  difficulty: 'normal',
  deadZoneMs2: 0.17,
  timeInZone: 0.5,
  endedEarly: false,
};

describe('what training reads of the history', () => {
  it('sizes the zone from the newest trial measured with the phone that was not interrupted', () => {
    const trials = [
      summary({ interrupted: true, rms: 9 }),
      summary({ rms: 5, signal: 'sway' }),
      summary({}),
      summary({ rms: Number.NaN }),
      summary({ rms: 0.12, training: info }),
      summary({ rms: 0.3 }),
    ];
    expect(recentRmsMs2(trials)).toBe(0.12);
    expect(recentRmsMs2([])).toBeNull();
    expect(recentRmsMs2([summary({ rms: 0 })])).toBeNull();
  });

  it('lists only training sets, on their local day', () => {
    const sets = doneSets([
      summary({ rms: 0.1 }),
      summary({ training: info, setup: { ...DEFAULT_SETUP, eyes: 'closed' }, interrupted: true }),
    ]);
    expect(sets).toEqual([
      {
        localDate: '2026-03-05',
        exercise: 'single-leg',
        leg: 'right',
        eyes: 'closed',
        surface: 'firm',
        interrupted: true,
      },
    ]);
  });

  it('says today as the sets’ local start writes it', () => {
    expect(localToday(new Date(2026, 2, 5, 23, 59))).toBe('2026-03-05');
  });
});

describe('training words', () => {
  it('says the zone, where it comes from and the difficulty', () => {
    expect(deadZoneWords(null, DEFAULT_SESSION)).toBe(
      `Quiet zone: ${DEFAULT_DEAD_ZONE_MS2.toFixed(2)} m/s², from the usual size (0.17 m/s², about 1° of lean). Inside it there is no sound.`,
    );
    expect(deadZoneWords(0.2, { ...DEFAULT_SESSION, difficulty: 'easier' })).toMatch(
      /^Quiet zone: 0\.30 m\/s², from your latest trial’s sway \(0\.20 m\/s²\), made easier\. Inside it/,
    );
  });

  it('says an exercise in one line', () => {
    expect(exerciseLine(DEFAULT_SESSION)).toBe(
      'Single leg, left and right in turn · Eyes open · Firm floor · 3 sets per leg of 30 s',
    );
    expect(exerciseLine({ ...DEFAULT_SESSION, exercise: 'tandem', setsPerLeg: 1, holdS: 20 })).toBe(
      'Tandem (heel to toe) · Eyes open · Firm floor · 1 set of 20 s',
    );
  });
});
