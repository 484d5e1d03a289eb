import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION } from '../../../src/training/plan';
import {
  addDays,
  DEFAULT_PROGRAMME,
  nextExercise,
  parseProgramme,
  todayPlan,
  weekAdherence,
  type DoneSet,
  type HomeProgramme,
} from '../../../src/training/programme';

const done = (localDate: string, leg: 'left' | 'right' | null, extra: Partial<DoneSet> = {}): DoneSet => ({
  localDate,
  exercise: 'single-leg',
  leg,
  eyes: 'open',
  surface: 'firm',
  interrupted: false,
  ...extra,
});

const programme: HomeProgramme = {
  exercises: [
    { ...DEFAULT_SESSION, setsPerLeg: 2 },
    { ...DEFAULT_SESSION, exercise: 'tandem', setsPerLeg: 3 },
  ],
  daysPerWeek: 4,
};

describe('home programme', () => {
  it('reads back what it wrote, and a damaged entry field by field', () => {
    expect(parseProgramme(JSON.stringify(programme))).toEqual(programme);
    expect(parseProgramme('not json')).toEqual(DEFAULT_PROGRAMME);
    expect(parseProgramme(null)).toEqual(DEFAULT_PROGRAMME);
    const damaged = parseProgramme(
      JSON.stringify({ exercises: [{ exercise: 'cartwheel', setsPerLeg: 4 }], daysPerWeek: 9 }),
    );
    expect(damaged.daysPerWeek).toBe(5);
    expect(damaged.exercises[0]).toEqual({ ...DEFAULT_SESSION, setsPerLeg: 4 });
  });

  it("counts today's sets per exercise, not interrupted ones, not other days'", () => {
    const sets = [
      done('2026-12-06', 'left'),
      done('2026-12-06', 'right'),
      done('2026-12-06', 'left', { interrupted: true }),
      done('2026-12-05', 'left'),
      done('2026-12-06', null, { exercise: 'tandem' }),
      done('2026-12-06', 'left', { eyes: 'closed' }), // not in the programme
    ];
    const today = todayPlan(programme, sets, '2026-12-06');
    expect(today.map((item) => [item.planned, item.done])).toEqual([
      [4, 2],
      [3, 1],
    ]);
    expect(nextExercise(today)?.index).toBe(0);
    const all = [
      ...sets,
      done('2026-12-06', 'left'),
      done('2026-12-06', 'right'),
      done('2026-12-06', 'left'),
    ];
    const later = todayPlan(programme, all, '2026-12-06');
    expect(later[0]!.done).toBe(4); // the fifth single-leg set has nowhere to count
    expect(nextExercise(later)?.index).toBe(1);
  });

  it('shows the seven days ending today with the sets of each, across a month end', () => {
    expect(addDays('2026-12-01', -1)).toBe('2026-11-30');
    const week = weekAdherence(
      [
        done('2026-11-30', 'left'),
        done('2026-12-06', 'left'),
        done('2026-12-06', 'right'),
        done('2026-11-29', 'left'),
      ],
      '2026-12-06',
    );
    expect(week.map((d) => d.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(week.map((d) => d.sets)).toEqual([1, 0, 0, 0, 0, 0, 2]);
  });
});
