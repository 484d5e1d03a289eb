import { describe, expect, it } from 'vitest';
import { transition, type TrialInputKind } from '../../../src/session/machine';

const ALL: TrialInputKind[] = [
  'countdown-tick',
  'go',
  'sample',
  'live-tick',
  'cap',
  'touchdown',
  'stop',
  'hidden',
  'silent',
  'source-ended',
];

describe('trial state machine', () => {
  it('in the countdown: ticks and samples stay, go runs, stop and hidden end it, the rest is ignored', () => {
    const table = Object.fromEntries(ALL.map((input) => [input, transition('countdown', input)]));
    expect(table).toEqual({
      'countdown-tick': { to: 'countdown' },
      go: { to: 'running' },
      sample: { to: 'countdown' },
      'live-tick': null,
      cap: null,
      touchdown: null,
      stop: { to: 'ended', reason: 'stopped' },
      hidden: { to: 'ended', reason: 'hidden' },
      silent: null,
      'source-ended': null,
    });
  });

  it('while running: each end has its reason; ended is final', () => {
    expect(transition('running', 'cap')).toEqual({ to: 'ended', reason: 'completed' });
    expect(transition('running', 'touchdown')).toEqual({ to: 'ended', reason: 'touchdown' });
    expect(transition('running', 'stop')).toEqual({ to: 'ended', reason: 'stopped' });
    expect(transition('running', 'source-ended')).toEqual({ to: 'ended', reason: 'stopped' });
    expect(transition('running', 'hidden')).toEqual({ to: 'ended', reason: 'hidden' });
    expect(transition('running', 'silent')).toEqual({ to: 'ended', reason: 'sensor-silent' });
    expect(transition('running', 'go')).toBeNull();
    expect(ALL.map((input) => transition('ended', input)).every((step) => step === null)).toBe(true);
  });
});
