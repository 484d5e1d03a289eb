/**
 * The feedback's Web Audio adapter on a fake AudioContext: the graph it builds, the parameter
 * changes it schedules (setTargetAtTime at the context's current time), and that it never
 * throws and says why when sound is unavailable.
 */
import { describe, expect, it } from 'vitest';
import {
  createAudioFeedback,
  FEEDBACK_SMOOTHING_S,
  type FeedbackAudioWindow,
  type FeedbackContextLike,
} from '../../../src/sensors/audio-feedback';
import { feedbackSound } from '../../../src/training/feedback';

interface Scheduled {
  param: string;
  target: number;
  at: number;
  tc: number;
}

function fakeWindow(
  options: { panner?: boolean; state?: string; throwOnCreate?: boolean } = {},
): FeedbackAudioWindow & { log: Scheduled[]; links: string[]; started: number; closed: number } {
  const log: Scheduled[] = [];
  const links: string[] = [];
  const out = { log, links, started: 0, closed: 0 } as ReturnType<typeof fakeWindow>;
  const param = (name: string) => ({
    value: 0,
    setTargetAtTime(target: number, at: number, tc: number) {
      log.push({ param: name, target, at, tc });
    },
  });
  const node = (name: string) => ({ connect: (to: { name?: string }) => links.push(`${name}->${to.name}`) });
  class FakeContext implements FeedbackContextLike {
    currentTime = 12.5;
    destination = { name: 'speakers' };
    state = options.state ?? 'running';
    constructor() {
      if (options.throwOnCreate) throw new Error('NotAllowedError');
    }
    resume = () => Promise.resolve();
    close = () => {
      out.closed++;
      return Promise.resolve();
    };
    createOscillator() {
      return {
        ...node('oscillator'),
        name: 'oscillator',
        type: 'square',
        frequency: param('frequency'),
        start: () => void out.started++,
        stop: () => undefined,
      };
    }
    createGain() {
      return { ...node('gain'), name: 'gain', gain: param('gain') };
    }
  }
  if (options.panner !== false)
    (FakeContext.prototype as unknown as Record<string, unknown>)['createStereoPanner'] = () => ({
      ...node('panner'),
      name: 'panner',
      pan: param('pan'),
    });
  out.AudioContext = FakeContext;
  return out;
}

describe('createAudioFeedback', () => {
  it('builds oscillator -> gain -> panner -> speakers, started silent', () => {
    const win = fakeWindow();
    const feedback = createAudioFeedback(win);
    expect(feedback.status).toBe('ready');
    expect(win.links).toEqual(['oscillator->gain', 'gain->panner', 'panner->speakers']);
    expect(win.started).toBe(1);
  });

  it('schedules gain, pitch and pan with setTargetAtTime at the current time', () => {
    const win = fakeWindow();
    const seen: number[] = [];
    const feedback = createAudioFeedback(win, (sound) => seen.push(sound.pan));
    // 0.5 m/s^2 to the right with a 0.2 zone: full scale 0.6, pan 0.5/0.6.
    const sound = feedbackSound({ ml: 0.5, ap: 0 }, 0.2, 'continuous');
    feedback.play(sound);
    expect(win.log).toEqual([
      { param: 'gain', target: sound.gain, at: 12.5, tc: FEEDBACK_SMOOTHING_S },
      { param: 'frequency', target: 440, at: 12.5, tc: FEEDBACK_SMOOTHING_S },
      { param: 'pan', target: sound.pan, at: 12.5, tc: FEEDBACK_SMOOTHING_S },
    ]);
    expect(sound.pan).toBeCloseTo(0.5 / 0.6, 12);
    expect(sound.gain).toBeGreaterThan(0);
    expect(seen).toEqual([sound.pan]);
    feedback.silence();
    expect(win.log.at(-1)).toEqual({ param: 'gain', target: 0, at: 12.5, tc: FEEDBACK_SMOOTHING_S });
    feedback.close();
    expect(win.closed).toBe(1);
    feedback.play(sound); // after close: nothing, no throw
    expect(win.log).toHaveLength(4);
  });

  it("says 'no-pan' and still plays where StereoPannerNode is missing", () => {
    const win = fakeWindow({ panner: false });
    const feedback = createAudioFeedback(win);
    expect(feedback.status).toBe('no-pan');
    expect(win.links).toEqual(['oscillator->gain', 'gain->speakers']);
    feedback.play(feedbackSound({ ml: 1, ap: 0 }, 0.2, 'continuous'));
    expect(win.log.map((s) => s.param)).toEqual(['gain', 'frequency']);
  });

  it("says 'blocked' when the context stays suspended after the tap", async () => {
    const feedback = createAudioFeedback(fakeWindow({ state: 'suspended' }));
    expect(feedback.status).toBe('blocked');
    await Promise.resolve();
    await Promise.resolve();
    expect(feedback.status).toBe('blocked');
  });

  it("says 'unavailable', and never throws, without Web Audio or when it refuses", () => {
    for (const win of [{}, fakeWindow({ throwOnCreate: true })]) {
      const feedback = createAudioFeedback(win);
      expect(feedback.status).toBe('unavailable');
      expect(() => {
        feedback.play(feedbackSound({ ml: 1, ap: 0 }, 0.2, 'continuous'));
        feedback.silence();
        feedback.close();
      }).not.toThrow();
    }
  });
});
