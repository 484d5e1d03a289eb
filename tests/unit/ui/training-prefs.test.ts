import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION, type SessionSettings } from '../../../src/training/plan';
import { DEFAULT_PROGRAMME, type HomeProgramme } from '../../../src/training/programme';
import {
  loadProgramme,
  loadSessionSettings,
  programmeKey,
  saveProgramme,
  saveSessionSettings,
  SESSION_PREFS_KEY,
} from '../../../src/ui/training-prefs';
import { memoryStore, throwingStore } from '../helpers/memory-store';

const throwing = throwingStore;

const tandem: SessionSettings = {
  ...DEFAULT_SESSION,
  exercise: 'tandem',
  eyes: 'closed',
  surface: 'foam',
  setsPerLeg: 4,
  holdS: 20,
  restS: 15,
  feedback: 'outside-tone',
  difficulty: 'harder',
};
const plan: HomeProgramme = { exercises: [DEFAULT_SESSION, tandem], daysPerWeek: 3 };

describe('training preferences: the home programme per person', () => {
  it('gives back the plan saved for each person, apart from the others', () => {
    const store = memoryStore();
    expect(saveProgramme(store, 'anna', plan)).toBe(true);
    expect(loadProgramme(store, 'anna')).toEqual({ programme: plan, saved: true });
    expect(loadProgramme(store, 'ben')).toEqual({ programme: DEFAULT_PROGRAMME, saved: false });
  });

  it('reads a damaged entry as the default plan and leaves every other entry as it was', () => {
    const store = memoryStore();
    saveProgramme(store, 'anna', plan);
    store.entries.set('stork.setup.v1', '{"capS":20}');
    store.entries.set(programmeKey('ben'), '{"exercises": [ {"exercise": "tan');
    const before = new Map(store.entries);
    expect(loadProgramme(store, 'ben')).toEqual({ programme: DEFAULT_PROGRAMME, saved: true });
    expect(loadProgramme(store, 'anna').programme).toEqual(plan);
    expect(store.entries).toEqual(before);
  });

  it('keeps the good fields of a partly damaged plan', () => {
    const store = memoryStore();
    store.entries.set(
      programmeKey('anna'),
      JSON.stringify({ exercises: [{ exercise: 'tandem', setsPerLeg: 'many', holdS: 17 }], daysPerWeek: 9 }),
    );
    const { programme } = loadProgramme(store, 'anna');
    expect(programme.exercises[0]?.exercise).toBe('tandem');
    expect(programme.exercises[0]?.setsPerLeg).toBe(DEFAULT_SESSION.setsPerLeg);
    expect(programme.exercises[0]?.holdS).toBe(DEFAULT_SESSION.holdS);
    expect(programme.daysPerWeek).toBe(DEFAULT_PROGRAMME.daysPerWeek);
  });

  it('never throws when the browser refuses storage', () => {
    expect(loadProgramme(throwing, 'anna')).toEqual({ programme: DEFAULT_PROGRAMME, saved: false });
    expect(saveProgramme(throwing, 'anna', plan)).toBe(false);
    expect(saveProgramme(null, 'anna', plan)).toBe(false);
    expect(loadProgramme(null, 'anna').saved).toBe(false);
  });

  it('stores what it will read: numbers out of range are kept in range before saving', () => {
    const store = memoryStore();
    saveProgramme(store, 'anna', { exercises: [{ ...tandem, setsPerLeg: 99, restS: 1 }], daysPerWeek: 2 });
    const stored = JSON.parse(store.entries.get(programmeKey('anna')) ?? 'null') as HomeProgramme;
    expect(stored.exercises[0]?.setsPerLeg).toBe(10);
    expect(stored.exercises[0]?.restS).toBe(3);
  });
});

describe('training preferences: the last session settings', () => {
  it('gives back the last settings, or the defaults', () => {
    const store = memoryStore();
    expect(loadSessionSettings(store)).toEqual(DEFAULT_SESSION);
    saveSessionSettings(store, tandem);
    expect(loadSessionSettings(store)).toEqual(tandem);
  });

  it('falls back to the defaults on damage or a refusing store', () => {
    const store = memoryStore();
    for (const damaged of ['not json', '[1,2]', 'null', '7', '{"exercise": 3}']) {
      store.entries.set(SESSION_PREFS_KEY, damaged);
      expect(loadSessionSettings(store)).toEqual(DEFAULT_SESSION);
    }
    expect(loadSessionSettings(throwing)).toEqual(DEFAULT_SESSION);
    expect(() => saveSessionSettings(throwing, tandem)).not.toThrow();
  });
});
