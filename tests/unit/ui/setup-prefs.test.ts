import { describe, expect, it } from 'vitest';
import { DEFAULT_SETUP, type TrialSetup } from '../../../src/session/types';
import {
  loadSetup,
  parseSetup,
  saveSetup,
  SETUP_PREFS_KEY,
  type KeyValueStore,
} from '../../../src/ui/setup-prefs';
import { memoryStore } from '../helpers/memory-store';

describe('set-up preferences', () => {
  it('gives back the last saved choices', () => {
    const store = memoryStore();
    const setup: TrialSetup = {
      stanceSide: 'right',
      eyes: 'closed',
      surface: 'foam',
      placement: 'lumbar',
      capS: 20,
    };
    saveSetup(store, setup);
    expect(store.entries.get(SETUP_PREFS_KEY)).toBe(JSON.stringify(setup));
    expect(loadSetup(store)).toEqual(setup);
  });

  it('starts from the protocol defaults (45 s cap) when nothing is stored', () => {
    expect(loadSetup(memoryStore())).toEqual(DEFAULT_SETUP);
    expect(loadSetup(null)).toEqual(DEFAULT_SETUP);
    expect(DEFAULT_SETUP.capS).toBe(45);
  });

  it('replaces unknown or damaged fields one by one with the defaults', () => {
    expect(parseSetup('{"stanceSide":"right","eyes":"squint","capS":25,"surface":"foam"}')).toEqual({
      ...DEFAULT_SETUP,
      stanceSide: 'right',
      surface: 'foam',
    });
    expect(parseSetup('not json')).toEqual(DEFAULT_SETUP);
    expect(parseSetup('[1,2]')).toEqual(DEFAULT_SETUP);
    expect(parseSetup('{"capS":"60"}').capS).toBe(45);
    expect(parseSetup('{"capS":60}').capS).toBe(60);
  });

  it('survives a store that throws (private browsing)', () => {
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadSetup(refusing)).toEqual(DEFAULT_SETUP);
    expect(() => saveSetup(refusing, DEFAULT_SETUP)).not.toThrow();
  });
});
