import { describe, expect, it } from 'vitest';
import { restAnnouncement, setAnnouncement, setEndWords } from '../../../src/training/announcements';
import { DEFAULT_SESSION, normalisedSettings, planSets } from '../../../src/training/plan';

describe('session plan', () => {
  it('defaults to 3 sets per leg, 30 s hold, 20 s rest, alternating legs left first', () => {
    const sets = planSets(DEFAULT_SESSION);
    expect(sets.map((s) => s.leg)).toEqual(['left', 'right', 'left', 'right', 'left', 'right']);
    expect(sets.map((s) => s.setNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      sets.every((s) => s.setsPlanned === 6 && s.setup.capS === 30 && s.setup.placement === 'chest'),
    ).toBe(true);
    expect(sets[1]!.setup.stanceSide).toBe('right');
    expect(DEFAULT_SESSION.restS).toBe(20);
  });

  it('gives one leg or a two-footed stance setsPerLeg sets, with no leg for the latter', () => {
    expect(planSets({ ...DEFAULT_SESSION, leg: 'right', setsPerLeg: 2 }).map((s) => s.leg)).toEqual([
      'right',
      'right',
    ]);
    const tandem = planSets({ ...DEFAULT_SESSION, exercise: 'tandem', eyes: 'closed', surface: 'foam' });
    expect(tandem.map((s) => s.leg)).toEqual([null, null, null]);
    expect(tandem[0]!.setup).toMatchObject({ eyes: 'closed', surface: 'foam' });
  });

  it('keeps numbers in range and the hold time one of the offered ones', () => {
    const s = normalisedSettings({ ...DEFAULT_SESSION, setsPerLeg: 99, restS: -4, holdS: 17 as never });
    expect(s).toMatchObject({ setsPerLeg: 10, restS: 3, holdS: 30 });
    expect(normalisedSettings({ ...DEFAULT_SESSION, setsPerLeg: Number.NaN }).setsPerLeg).toBe(1);
  });

  it('announces "Set 2 of 6, right leg, in" before the countdown, the end and the rest', () => {
    const sets = planSets(DEFAULT_SESSION);
    expect(setAnnouncement(sets[1]!)).toBe('Set 2 of 6, right leg, in');
    expect(setEndWords(sets[1]!, 'touchdown')).toBe('Set 2 ended: foot down.');
    expect(restAnnouncement(20, sets[2]!)).toBe('Rest, 20 seconds. Next: left leg.');
    const feet = planSets({ ...DEFAULT_SESSION, exercise: 'feet-together' });
    expect(setAnnouncement(feet[0]!)).toBe('Set 1 of 3, feet together, in');
  });
});
