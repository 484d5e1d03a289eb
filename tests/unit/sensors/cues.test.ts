import { describe, expect, it } from 'vitest';
import {
  browserCues,
  CUE_TONES,
  CUE_VIBRATION_MS,
  END_WORDS,
  type AudioContextLike,
  type CueWindow,
} from '../../../src/sensors/cues';

/** An AudioContext that logs the tones it is asked to play (frequency, start, stop). */
function fakeAudio(log: string[]): new () => AudioContextLike {
  return class {
    currentTime = 10;
    destination = {};
    resume(): Promise<void> {
      log.push('resume');
      return Promise.resolve();
    }
    createOscillator() {
      const oscillator = {
        frequency: { value: 0 },
        connect: () => undefined,
        start: (when: number) => log.push(`tone ${oscillator.frequency.value} Hz at ${when.toFixed(2)}`),
        stop: () => undefined,
      };
      return oscillator;
    }
    createGain() {
      return {
        gain: { setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined },
        connect: () => undefined,
      };
    }
  };
}

function fullWindow(log: string[]): CueWindow {
  return {
    AudioContext: fakeAudio(log),
    speechSynthesis: {
      speak: (utterance) => log.push(`say ${(utterance as { text: string }).text}`),
      cancel: () => undefined,
    },
    SpeechSynthesisUtterance: class {
      constructor(readonly text: string) {}
    },
    navigator: { vibrate: (pattern) => (log.push(`vibrate ${pattern.join(',')}`), true) },
  };
}

describe('browserCues', () => {
  it("speaks a session's words and ticks a rest's second with its own short beep", () => {
    const log: string[] = [];
    const cues = browserCues(fullWindow(log));
    cues.say('Set 1 of 6, left leg, in');
    cues.tick();
    expect(log).toEqual(['resume', 'say Set 1 of 6, left leg, in', 'tone 520 Hz at 10.00']);
    expect(CUE_TONES.tick).toEqual([{ hz: 520, atS: 0, durationS: 0.05 }]);
  });

  it('resumes audio when created (inside the Start tap) and gives each step its own sound', () => {
    const log: string[] = [];
    const cues = browserCues(fullWindow(log));
    expect(log).toEqual(['resume']);
    cues.countdown(3);
    cues.go();
    cues.end('completed');
    cues.end('touchdown');
    expect(log).toEqual([
      'resume',
      'tone 660 Hz at 10.00',
      'say 3',
      `vibrate ${CUE_VIBRATION_MS.countdown.join(',')}`,
      'tone 1320 Hz at 10.00',
      `vibrate ${CUE_VIBRATION_MS.go.join(',')}`,
      'tone 660 Hz at 10.00',
      'tone 880 Hz at 10.20',
      'tone 1320 Hz at 10.40',
      `say ${END_WORDS.completed}`,
      `vibrate ${CUE_VIBRATION_MS.end.join(',')}`,
      'tone 880 Hz at 10.00',
      'tone 440 Hz at 10.30',
      `say ${END_WORDS.touchdown}`,
      `vibrate ${CUE_VIBRATION_MS.end.join(',')}`,
    ]);
  });

  it('keeps go, completed and the other ends distinct from each other and from the countdown', () => {
    const signature = (tones: readonly { hz: number }[]) => tones.map((tone) => tone.hz).join('-');
    const all = [CUE_TONES.countdown, CUE_TONES.go, CUE_TONES.completed, CUE_TONES.ended].map(signature);
    expect(new Set(all).size).toBe(4);
  });

  it('is silent, and never throws, where nothing is available or the platform refuses', () => {
    const bare = browserCues({});
    expect(() => {
      bare.countdown(5);
      bare.go();
      bare.end('hidden');
    }).not.toThrow();
    const refusing = browserCues({
      AudioContext: class {
        constructor() {
          throw new Error('autoplay');
        }
      } as unknown as new () => AudioContextLike,
      speechSynthesis: {
        speak: () => {
          throw new Error('no voices');
        },
        cancel: () => undefined,
      },
      SpeechSynthesisUtterance: class {},
      navigator: {
        vibrate: () => {
          throw new Error('no motor');
        },
      },
    });
    expect(() => {
      refusing.countdown(1);
      refusing.end('sensor-silent');
    }).not.toThrow();
  });
});
